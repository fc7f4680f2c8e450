// Objective tests for the program's current stage (issue 10): the exit gate's criteria as met, not
// met or not yet measured (evaluateGate over the patient's recordings), a button to record what
// each criterion needs, "Record a test", each measure's history with a small chart and the change
// against its MCID in words, and "Ready for stage N+1" with a button to propose it once every
// criterion holds. Standalone: it fetches the recordings itself; the builder mounts it.
import { useMemo, useRef, useState } from 'react';
import { changeInWords, chronological, sourceOf, toMeasurements } from '../../../../common/assessments/measurements';
import { catalogueMeasure, isRecordable } from '../../../../common/assessments/recording';
import type { Measurement } from '../../../../common/contract/assessments';
import { GATE_STATUS_LABELS } from '../../../../common/copy/en-assessments';
import type { PatientClinical } from '../../../../common/domain/patient';
import type { Stage } from '../../../../common/domain/vocabulary';
import {
  ADVISORY_CRITERIA,
  evaluateGate,
  NEURO_CRITERION,
  UNIVERSAL_CRITERIA,
  type Criterion,
  type CriterionResult,
  type GateDefinition,
  type Rule,
} from '../../../../common/safety/gates';
import { api } from '../../api';
import { useCall } from '../../api/useCall';
import { HistoryChart } from './HistoryChart';
import { measureLabel, RecordForm } from './RecordForm';
import './assessments.css';

export interface StageGate {
  required: readonly Criterion[];
  supporting: readonly Criterion[];
  minSupporting: number;
}

export interface AssessmentsPanelProps {
  patientId: string;
  patient: PatientClinical;
  stage: Stage;
  gate: StageGate;
  onProposeAdvance(): void;
  /** Today as an ISO day; the local date when not given. */
  today?: string;
}

const localToday = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const idsOf = (rule: Rule): string[] => (rule.kind === 'any' || rule.kind === 'all' ? rule.of.flatMap(idsOf) : [rule.measure]);

/** The measures to record for a criterion: each id's source, once, recordable ones only. */
const measuresFor = (c: Criterion | undefined): string[] => (c ? [...new Set(idsOf(c.rule).map(sourceOf))].filter(isRecordable) : []);

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function valueText(m: Measurement): string {
  const c = catalogueMeasure(m.measureId);
  if (!c) return fmt(m.value);
  return c.unit === 'percent' ? `${fmt(m.value)}%` : `${fmt(m.value)} ${c.unit}`;
}

const ROLE_HEADINGS: Record<CriterionResult['role'], string> = {
  required: 'Required',
  supporting: 'Supporting',
  advisory: 'For information (does not decide the gate)',
};

export function AssessmentsPanel({ patientId, patient, stage, gate, onProposeAdvance, today = localToday() }: AssessmentsPanelProps) {
  const list = useCall(`assessments:${patientId}`, () => api['assessments.list']({ patientId }));
  const [recording, setRecording] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [removeError, setRemoveError] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const records = useMemo(() => list.value ?? [], [list.value]);

  const definition: GateDefinition = useMemo(
    () => ({
      from: stage,
      region: patient.regions.includes('cervical') && !patient.regions.includes('lumbar') ? 'cervical' : 'lumbar',
      required: gate.required,
      supporting: gate.supporting,
      minSupporting: gate.minSupporting,
    }),
    [stage, gate, patient.regions],
  );
  const result = useMemo(
    () => evaluateGate(stage, definition, toMeasurements(records), { patient, today }),
    [stage, definition, records, patient, today],
  );
  const criteria = useMemo(() => {
    const byId = new Map<string, Criterion>();
    for (const c of [...UNIVERSAL_CRITERIA, NEURO_CRITERION, ...ADVISORY_CRITERIA, ...gate.required, ...gate.supporting]) byId.set(c.id, c);
    return byId;
  }, [gate]);

  const history = useMemo(() => {
    const groups = new Map<string, Measurement[]>();
    for (const r of chronological(records)) groups.set(r.measureId, [...(groups.get(r.measureId) ?? []), r]);
    return [...groups.entries()];
  }, [records]);

  const startRecording = (id: string) => {
    setRecording(id);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('select, input')?.focus());
  };

  const remove = async (m: Measurement) => {
    setRemoveError(null);
    const r = await api['assessments.remove']({ patientId, id: m.id });
    if (!r.ok) setRemoveError(r.error.message);
    else setAnnounce(`Removed ${measureLabel(m.measureId)} from ${m.date}`);
    list.reload();
  };

  const next = stage < 4 ? `stage ${stage + 1}` : 'discharge';
  return (
    <section className="assessments" aria-labelledby="assessments-title">
      <h2 id="assessments-title">Objective tests</h2>
      {list.error && (
        <p className="notice notice-error" role="alert">
          {list.error}
        </p>
      )}

      <div className="card assess-gate">
        <h3>
          Leaving stage {stage}: {result.supportingMet} of {result.minSupporting} supporting criteria met
        </h3>
        {result.status === 'met' && (
          <div className="notice assess-ready" role="status">
            <strong>Ready for {next}.</strong> Every required criterion and enough supporting ones are met.
            <button type="button" className="btn btn-primary" onClick={onProposeAdvance}>
              {stage < 4 ? `Propose stage ${stage + 1}` : 'Propose discharge'}
            </button>
          </div>
        )}
        {(['required', 'supporting', 'advisory'] as const).map((role) => {
          const rows = result.criteria.filter((c) => c.role === role);
          if (rows.length === 0) return null;
          return (
            <div key={role}>
              <h4>{ROLE_HEADINGS[role]}</h4>
              <ul>
                {rows.map((c) => {
                  const measures = measuresFor(criteria.get(c.id));
                  return (
                    <li key={c.id} className="assess-criterion">
                      <span className="assess-criterion-label">{c.label}</span>
                      <span className={`assess-status assess-status-${c.status}`}>{GATE_STATUS_LABELS[c.status]}</span>
                      {c.id.startsWith('post-op-minimum:') && <span className="small muted">From the surgery record</span>}
                      {measures.map((id) => (
                        <button key={id} type="button" className="btn btn-small" onClick={() => startRecording(id)}>
                          Record {measureLabel(id)}
                        </button>
                      ))}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>

      <div ref={formRef}>
        {recording === null ? (
          <button type="button" className="btn" onClick={() => startRecording('nprs')}>
            Record a test
          </button>
        ) : (
          <RecordForm
            patientId={patientId}
            patient={patient}
            today={today}
            measureId={recording}
            onMeasureChange={setRecording}
            onCancel={() => setRecording(null)}
            onSaved={() => {
              setAnnounce(`Saved ${measureLabel(recording)}`);
              list.reload();
            }}
          />
        )}
      </div>

      <div className="card">
        <h3>History</h3>
        {removeError && (
          <p className="notice notice-error" role="alert">
            {removeError}
          </p>
        )}
        {history.length === 0 ? (
          <p className="muted">No tests recorded yet.</p>
        ) : (
          <ul className="assess-history">
            {history.map(([id, rs]) => {
              const change = changeInWords(id, rs);
              const latest = rs[rs.length - 1];
              return (
                <li key={id} className="assess-measure">
                  <div className="assess-measure-head">
                    <h4>{measureLabel(id)}</h4>
                    <span>
                      Latest {valueText(latest)} on {latest.date}
                    </span>
                    <HistoryChart records={rs} />
                  </div>
                  <p className="small">{change ? change.text : 'One recording so far: this is the baseline.'}</p>
                  <details>
                    <summary>
                      {rs.length} recording{rs.length === 1 ? '' : 's'}
                    </summary>
                    <ul>
                      {rs.map((r) => (
                        <li key={r.id}>
                          {r.date}: {valueText(r)}{' '}
                          <button type="button" className="link-button" onClick={() => void remove(r)}>
                            Remove <span className="visually-hidden">{`${measureLabel(id)} from ${r.date}`}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <span className="visually-hidden" role="status">
        {announce}
      </span>
    </section>
  );
}
