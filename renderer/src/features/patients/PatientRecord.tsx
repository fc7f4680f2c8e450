// One patient's record as the clinician reads it: who, the clinical picture, each surgery with its
// weeks, clearance and the surgeon's restrictions, the red-flag screen in brief (an emergency "yes"
// shows the referral advice first), notes, and the patient's programs below.
import type { Patient } from '../../../../common/contract/patients';
import { GENERATOR_LABELS } from '../../../../common/copy/en';
import {
  APPROACH_LABELS,
  CLEARANCE_LABELS,
  EMERGENCY_FLAG_LABELS,
  GENERATOR_SITE_LABELS,
  LEAD_LEVEL_LABELS,
  PATIENT_REGION_LABELS,
  PROCEDURE_LABELS,
  PSPS_TYPE_HINTS,
  PSPS_TYPE_LABELS,
  RESTRICTION_LABELS,
  URGENT_FLAG_LABELS,
} from '../../../../common/copy/en-safety';
import { RED_FLAG_COPY, weeksSinceSurgeryText } from '../../../../common/copy/en-patients';
import type { SurgeonRestriction, Surgery } from '../../../../common/domain/patient';
import { PatientPrograms } from '../programs/PatientPrograms';
import { latestSurgeryWeeks, surgeryWeeks, todayIso } from './patient-form';
import { ReferralAdvice } from './RedFlagPanel';
import { summarizeRedFlags } from './red-flag-form';

interface Props {
  patient: Patient;
  onEdit(): void;
  onRedFlags(): void;
  /** Asks to archive (true) or restore (false); the screen confirms first. */
  onArchive(archived: boolean): void;
}

function until(r: SurgeonRestriction): string {
  const u = r.until;
  if (u.kind === 'week') return `until week ${u.week}`;
  if (u.kind === 'date') return `until ${u.date}`;
  return u.clearedOn ? `until cleared (cleared ${u.clearedOn})` : 'until the surgeon clears it';
}

export function restrictionText(r: SurgeonRestriction): string {
  const what = r.kind === 'lifting-limit' && r.limit ? `Lifting limit ${r.limit.value} ${r.limit.unit}` : RESTRICTION_LABELS[r.kind];
  return `${what}, ${until(r)}${r.note ? ` (${r.note})` : ''}`;
}

function SurgeryCard({ surgery: s, n, today }: { surgery: Surgery; n: number; today: string }) {
  const weeks = s.date ? surgeryWeeks(s.date, today) : null;
  return (
    <li className="surgery-summary">
      <p className="surgery-title">
        <strong>
          {n}. {PROCEDURE_LABELS[s.procedure]}
        </strong>
        {s.levels.length > 0 && <span> · {s.levels.join(', ')}</span>}
      </p>
      <dl className="kv">
        <dt>Date</dt>
        <dd>{s.date ? `${s.date} (${weeksSinceSurgeryText(weeks ?? 0)})` : 'Not known'}</dd>
        {s.description && (
          <>
            <dt>Details</dt>
            <dd>{s.description}</dd>
          </>
        )}
        <dt>Approach</dt>
        <dd>
          {APPROACH_LABELS[s.approach]}
          {s.multilevel ? ', multilevel' : ''}
        </dd>
        {s.stimulator && (
          <>
            <dt>Stimulator</dt>
            <dd>
              {s.stimulator.leadLevel ? LEAD_LEVEL_LABELS[s.stimulator.leadLevel] : 'Lead level not known'};{' '}
              {s.stimulator.generatorSite ? `battery: ${GENERATOR_SITE_LABELS[s.stimulator.generatorSite]}` : 'battery site not known'}
            </dd>
          </>
        )}
        <dt>Clearance</dt>
        <dd>
          {CLEARANCE_LABELS[s.clearance.status]}
          {s.clearance.date ? ` (${s.clearance.date})` : ''}
          {s.clearance.note ? `: ${s.clearance.note}` : ''}
        </dd>
        <dt>Restrictions</dt>
        <dd>
          {s.restrictions.length === 0 && !s.otherRestrictions ? (
            'None recorded'
          ) : (
            <ul className="bullets">
              {s.restrictions.map((r, i) => (
                <li key={i}>{restrictionText(r)}</li>
              ))}
              {s.otherRestrictions && <li>{s.otherRestrictions}</li>}
            </ul>
          )}
        </dd>
      </dl>
    </li>
  );
}

export function PatientRecord({ patient: p, onEdit, onRedFlags, onArchive }: Props) {
  const today = todayIso();
  const c = p.clinical;
  const flags = summarizeRedFlags(c.redFlags);
  const weeks = latestSurgeryWeeks(c.surgeries, today);
  return (
    <article className="detail patient-record" aria-labelledby="patient-title">
      <div className="detail-head">
        <div className="detail-title">
          <h2 id="patient-title" tabIndex={-1}>
            {p.displayName}
          </h2>
          {p.archived && <span className="badge badge-archived">Archived</span>}
        </div>
        {(p.fullName || p.dateOfBirth) && (
          <p className="muted">{[p.fullName, p.dateOfBirth && `born ${p.dateOfBirth}`].filter(Boolean).join(', ')}</p>
        )}
        <div className="detail-actions">
          <button type="button" className="btn btn-primary" onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="btn" onClick={onRedFlags}>
            {RED_FLAG_COPY.open}
          </button>
          <button type="button" className="btn" onClick={() => onArchive(!p.archived)}>
            {p.archived ? 'Restore…' : 'Archive…'}
          </button>
        </div>
      </div>

      {flags.emergency.length > 0 && (
        <section className="emergency-banner" aria-label="Emergency red flag">
          <ReferralAdvice />
          <ul className="bullets">
            {flags.emergency.map((f) => (
              <li key={f}>{EMERGENCY_FLAG_LABELS[f]}</li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="patient-clinical">
        <h3 id="patient-clinical">Clinical picture</h3>
        <dl className="kv">
          <dt>PSPS type</dt>
          <dd>
            {PSPS_TYPE_LABELS[c.pspsType]} <span className="muted">({PSPS_TYPE_HINTS[c.pspsType]})</span>
          </dd>
          <dt>Regions</dt>
          <dd>{c.regions.map((r) => PATIENT_REGION_LABELS[r]).join(', ')}</dd>
          <dt>Pain generators</dt>
          <dd>{c.generators.length === 0 ? 'None recorded' : c.generators.map((g) => GENERATOR_LABELS[g]).join(', ')}</dd>
          <dt>Since surgery</dt>
          <dd data-testid="weeks-since-surgery">{weeks === null ? 'No dated surgery' : weeksSinceSurgeryText(weeks)}</dd>
        </dl>
      </section>

      {c.surgeries.length > 0 && (
        <section className="card" aria-labelledby="patient-surgeries">
          <h3 id="patient-surgeries">Surgeries and implants</h3>
          <ul className="surgery-list">
            {c.surgeries.map((s, i) => (
              <SurgeryCard key={s.id} surgery={s} n={i + 1} today={today} />
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="patient-red-flags">
        <div className="card-head">
          <h3 id="patient-red-flags">{RED_FLAG_COPY.title}</h3>
          <button type="button" className="btn btn-small" onClick={onRedFlags}>
            {flags.screened ? 'Review' : 'Start'}
            <span className="visually-hidden"> the red-flag screen</span>
          </button>
        </div>
        {!flags.screened ? (
          <p className="muted">{RED_FLAG_COPY.notScreened}</p>
        ) : (
          <>
            <p>Last screened {c.redFlags.date}.</p>
            {flags.emergency.length === 0 && flags.urgentOpen.length === 0 && flags.urgentResolved.length === 0 && (
              <p>{RED_FLAG_COPY.allClear}</p>
            )}
          </>
        )}
        {flags.urgentOpen.length > 0 && (
          <div className="notice notice-warning">
            <strong>Urgent, not yet dealt with:</strong>
            <ul className="bullets">
              {flags.urgentOpen.map((f) => (
                <li key={f}>{URGENT_FLAG_LABELS[f]}</li>
              ))}
            </ul>
            <p>{RED_FLAG_COPY.urgentAdvice}</p>
          </div>
        )}
        {flags.urgentResolved.length > 0 && (
          <ul className="bullets">
            {flags.urgentResolved.map((f) => {
              const r = c.redFlags.urgent[f].resolution;
              return (
                <li key={f}>
                  {URGENT_FLAG_LABELS[f]}: dealt with {r?.date}, {r?.note}
                </li>
              );
            })}
          </ul>
        )}
        {flags.screened && flags.unanswered > 0 && <p className="muted">{RED_FLAG_COPY.notAnswered(flags.unanswered)}</p>}
      </section>

      {p.notes && (
        <section className="card" aria-labelledby="patient-notes">
          <h3 id="patient-notes">Notes</h3>
          <p className="patient-notes">{p.notes}</p>
        </section>
      )}

      {/* The patient's programs: the program builder's part of the record (features/programs). */}
      <PatientPrograms patientId={p.id} />
    </article>
  );
}
