// "Record a test": the catalogue grouped (patient-reported, low back, neck, stage checks), the
// chosen measure's entry form, its live score from the kernel, eligibility after surgery (audit
// §8.5) and Save. Questionnaires are entered item by item with the response scale only (item
// wording is licensed and never stored); timed holds have a stopwatch.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUE } from '../../../../common/assessments/catalogue';
import { BOTHERSOMENESS } from '../../../../common/assessments/scoring';
import {
  catalogueMeasure,
  entryFormOf,
  GATE_MEASURES,
  gateMeasure,
  isRecordable,
  scoreEntry,
} from '../../../../common/assessments/recording';
import { CCFT_LEVELS } from '../../../../common/assessments/physical';
import type { Measure } from '../../../../common/assessments/schema';
import {
  ELIGIBILITY_GENERATOR_LABELS,
  eligibilityText,
  LICENSED_FORM_NOTE,
  MEASURE_GROUP_LABELS,
  type MeasureGroup,
} from '../../../../common/copy/en-assessments';
import { latestSurgeryByGenerator, weeksSince, type PatientClinical } from '../../../../common/domain/patient';
import type { ArgsOf } from '../../../../common/contract';
import { api } from '../../api';
import { Stopwatch } from './Stopwatch';
import { toEntry, type FormState } from './entry-state';

export const groupOf = (m: Measure): MeasureGroup =>
  m.category === 'prom' || m.kind === 'questionnaire' ? 'prom' : m.regions.includes('lumbar') ? 'lumbar' : 'cervical';

/** A measure's name as the form lists it. */
export function measureLabel(id: string): string {
  const m = catalogueMeasure(id);
  if (m) return m.abbreviation === m.name ? m.name : `${m.name} (${m.abbreviation})`;
  return gateMeasure(id)?.label ?? id;
}

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function NumberInput({
  label,
  unit,
  value,
  onChange,
  hint,
}: {
  label: string;
  unit?: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
        {unit ? ` (${unit})` : ''}
      </label>
      <input
        id={id}
        className="input assess-number"
        type="number"
        inputMode="decimal"
        step="any"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && <span className="small muted">{hint}</span>}
    </div>
  );
}

function Choice({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly (readonly [string, string])[];
  value: string | undefined;
  onChange(v: string): void;
}) {
  return (
    <fieldset className="assess-choice">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v} className="assess-option">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

function SelectInput({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  options: readonly (readonly [string, string])[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

const SEX_OPTIONS = [
  ['', 'Not given'],
  ['F', 'Female'],
  ['M', 'Male'],
] as const;

/** The fields of one measure's entry form. */
export function EntryFields({ measureId, state, set }: { measureId: string; state: FormState; set(key: string, value: string): void }) {
  const form = entryFormOf(measureId);
  const m = catalogueMeasure(measureId);
  const g = gateMeasure(measureId);
  const name = useId();
  const v = (k: string) => state[k] ?? '';
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const scale = (min: number, max: number) => range(max - min + 1).map((i) => [String(min + i - 1), String(min + i - 1)] as const);
  const timer = (targets: [string, string][]) => (
    <Stopwatch targets={targets.map(([key, label]) => ({ label, onUse: (s) => set(key, String(s)) }))} />
  );

  switch (form) {
    case 'items': {
      const items = m!.items!;
      const options =
        items.response.type === 'boolean'
          ? ([
              ['yes', 'Yes'],
              ['no', 'No'],
            ] as const)
          : items.response.type === 'integer'
            ? scale(items.response.min, items.response.max)
            : [];
      return (
        <>
          <p className="small muted">{LICENSED_FORM_NOTE}</p>
          <div className="assess-items">
            {range(items.count).map((i) => (
              <Choice
                key={i}
                legend={`Item ${i}`}
                name={`${name}-item${i}`}
                options={options}
                value={state[`item${i}`]}
                onChange={(x) => set(`item${i}`, x)}
              />
            ))}
          </div>
        </>
      );
    }
    case 'start-back':
      return (
        <>
          <p className="small muted">{LICENSED_FORM_NOTE}</p>
          <div className="assess-items">
            {range(8).map((i) => (
              <Choice
                key={i}
                legend={`Item ${i}`}
                name={`${name}-item${i}`}
                options={[
                  ['agree', 'Agree'],
                  ['disagree', 'Disagree'],
                ]}
                value={state[`item${i}`]}
                onChange={(x) => set(`item${i}`, x)}
              />
            ))}
          </div>
          <SelectInput
            label="Item 9 (how bothersome)"
            value={v('bother')}
            onChange={(x) => set('bother', x)}
            options={[['', 'Choose…'], ...BOTHERSOMENESS.map((b) => [b, b.replace(/-/g, ' ')] as const)]}
          />
        </>
      );
    case 'nprs':
      return (
        <>
          <Choice
            legend="Pain rating (0 no pain, 10 worst imaginable)"
            name={`${name}-nprs`}
            options={scale(0, 10)}
            value={state.value}
            onChange={(x) => set('value', x)}
          />
          <SelectInput
            label="Recall period"
            value={v('recall') || 'now'}
            onChange={(x) => set('recall', x)}
            options={[
              ['now', 'Now'],
              ['24h-average', 'Average over 24 hours'],
            ]}
          />
        </>
      );
    case 'psfs':
      return (
        <div className="assess-grid">
          {range(5).map((i) => (
            <div key={i} className="assess-row">
              <NumberInput label={`Activity ${i} rating (0-10)`} value={v(`rating${i}`)} onChange={(x) => set(`rating${i}`, x)} />
              <div className="field">
                <label className="field-label" htmlFor={`${name}-act${i}`}>
                  Activity {i} (the patient’s words)
                </label>
                <input
                  id={`${name}-act${i}`}
                  className="input"
                  maxLength={120}
                  value={v(`activity${i}`)}
                  onChange={(e) => set(`activity${i}`, e.target.value)}
                />
              </div>
            </div>
          ))}
        </div>
      );
    case 'timed':
      return (
        <>
          <NumberInput
            label="Time held"
            unit="s"
            value={v('value')}
            onChange={(x) => set('value', x)}
            hint={m?.cap ? `The test stops at ${m.cap} s.` : undefined}
          />
          {timer([['value', 'this test']])}
        </>
      );
    case 'timed-sided':
      return (
        <>
          <NumberInput label="Left" unit="s" value={v('left')} onChange={(x) => set('left', x)} />
          <NumberInput label="Right" unit="s" value={v('right')} onChange={(x) => set('right', x)} />
          {timer([
            ['left', 'left'],
            ['right', 'right'],
          ])}
        </>
      );
    case 'sided-number':
    case 'aslr': {
      const unit = form === 'aslr' ? '0-5' : m!.unit;
      return (
        <>
          <NumberInput
            label={measureId === 'cervical-rom' ? 'Rotation left' : 'Left'}
            unit={unit}
            value={v('left')}
            onChange={(x) => set('left', x)}
          />
          <NumberInput
            label={measureId === 'cervical-rom' ? 'Rotation right' : 'Right'}
            unit={unit}
            value={v('right')}
            onChange={(x) => set('right', x)}
          />
        </>
      );
    }
    case 'dnf':
      return (
        <>
          <NumberInput label="Trial 1" unit="s" value={v('t1')} onChange={(x) => set('t1', x)} />
          <NumberInput label="Trial 2 (optional)" unit="s" value={v('t2')} onChange={(x) => set('t2', x)} />
          {timer([
            ['t1', 'trial 1'],
            ['t2', 'trial 2'],
          ])}
          <SelectInput
            label="Use"
            value={v('use') || 'best'}
            onChange={(x) => set('use', x)}
            options={[
              ['best', 'The best trial'],
              ['mean', 'The mean of the trials'],
            ]}
          />
          <SelectInput
            label="Sex (to compare with the healthy mean)"
            value={v('sex')}
            onChange={(x) => set('sex', x)}
            options={SEX_OPTIONS}
          />
        </>
      );
    case 'mcgill-battery':
      return (
        <>
          <NumberInput label="Flexor (60°)" unit="s" value={v('flexor')} onChange={(x) => set('flexor', x)} />
          <NumberInput label="Extensor (Sorensen)" unit="s" value={v('extensor')} onChange={(x) => set('extensor', x)} />
          <NumberInput label="Side bridge right" unit="s" value={v('sbR')} onChange={(x) => set('sbR', x)} />
          <NumberInput label="Side bridge left" unit="s" value={v('sbL')} onChange={(x) => set('sbL', x)} />
          {timer([
            ['flexor', 'flexor'],
            ['extensor', 'extensor'],
            ['sbR', 'side bridge right'],
            ['sbL', 'side bridge left'],
          ])}
        </>
      );
    case 'ccft':
      return (
        <SelectInput
          label="Highest level held correctly (about 10 s, no substitution)"
          value={v('ccft') || '20'}
          onChange={(x) => set('ccft', x)}
          options={[['20', 'None (20 mmHg baseline)'], ...CCFT_LEVELS.map((l) => [String(l), `${l} mmHg`] as const)]}
        />
      );
    case 'grip':
      return (
        <>
          {(['l', 'r'] as const).map((side) => (
            <div key={side} className="assess-row">
              {[1, 2, 3].map((i) => (
                <NumberInput
                  key={i}
                  label={`${side === 'l' ? 'Left' : 'Right'} trial ${i}`}
                  unit="kg"
                  value={v(`${side}${i}`)}
                  onChange={(x) => set(`${side}${i}`, x)}
                />
              ))}
            </div>
          ))}
          <SelectInput
            label="Affected hand"
            value={v('affected')}
            onChange={(x) => set('affected', x)}
            options={[
              ['', 'Neither'],
              ['L', 'Left'],
              ['R', 'Right'],
            ]}
          />
        </>
      );
    case 'pile':
      return (
        <>
          <SelectInput
            label="Sex (sets the start load and steps)"
            value={v('sex')}
            onChange={(x) => set('sex', x)}
            options={[
              ['', 'Choose…'],
              ['F', 'Female'],
              ['M', 'Male'],
            ]}
          />
          <NumberInput label="Stages completed" value={v('stages')} onChange={(x) => set('stages', x)} />
          <NumberInput label="Body weight (optional)" unit="kg" value={v('weight')} onChange={(x) => set('weight', x)} />
        </>
      );
    case 'yes-no':
      return (
        <Choice
          legend={g?.label ?? (m ? `${m.abbreviation} positive?` : 'Answer')}
          name={`${name}-yn`}
          options={[
            ['1', 'Yes'],
            ['0', 'No'],
          ]}
          value={state.value}
          onChange={(x) => set('value', x)}
        />
      );
    default:
      return (
        <NumberInput
          label={g?.label ?? m?.name ?? 'Value'}
          unit={g?.unit || m?.unit}
          value={v('value')}
          onChange={(x) => set('value', x)}
        />
      );
  }
}

/** The live result line: the kernel's score, or what is still missing. */
export function LiveScore({ measureId, state }: { measureId: string; state: FormState }) {
  const scored = scoreEntry(measureId, toEntry(measureId, state));
  const m = catalogueMeasure(measureId);
  let text: ReactNode;
  if (scored.ok) {
    const d = scored.value.detail;
    const band = typeof d.band === 'string' ? ` (${d.band.replace(/-/g, ' ')})` : '';
    const unit = m ? (m.unit === 'percent' ? '%' : ` ${m.unit}`) : '';
    text = `Score: ${fmt(scored.value.value)}${unit}${band}`;
    if (measureId === 'mcgill-battery') {
      const r2 = (x: unknown) => String(Math.round(Number(x) * 100) / 100);
      text = `Ratios: flexor/extensor ${r2(d.flexExt)}, right/left side bridge ${r2(d.sbRL)}, side bridge/extensor ${r2(d.sbExt)}`;
    }
  } else {
    text = `Not complete yet: ${scored.error.message}`;
  }
  return (
    <p className={scored.ok ? 'assess-score' : 'assess-score muted'} role="status">
      {text}
    </p>
  );
}

function Eligibility({ measure, patient, today }: { measure: Measure; patient: PatientClinical; today: string }) {
  const latest = latestSurgeryByGenerator(patient.surgeries);
  const rows = (Object.keys(ELIGIBILITY_GENERATOR_LABELS) as (keyof typeof ELIGIBILITY_GENERATOR_LABELS)[]).filter(
    (g) => latest[g] !== undefined,
  );
  if (!measure.eligibility || rows.length === 0) return null;
  const el = measure.eligibility;
  return (
    <div className="notice assess-eligibility">
      <strong>After surgery</strong>
      <ul>
        {rows.map((g) => {
          const rule = el[g];
          const date = latest[g]!.date;
          const weeks = date === null ? null : weeksSince(date, today);
          const notYet = rule.status === 'from-week' && (weeks === null || weeks < rule.week);
          return (
            <li key={g}>
              {ELIGIBILITY_GENERATOR_LABELS[g]}: {eligibilityText(rule)}
              {rule.status === 'from-week' &&
                (weeks === null ? ' — surgery date not recorded, so not yet.' : ` — now week ${weeks}${notYet ? ', not yet.' : '.'}`)}
            </li>
          );
        })}
        {el.cautions.map((c) => (
          <li key={c}>Caution: {c}</li>
        ))}
      </ul>
    </div>
  );
}

const GROUPS: MeasureGroup[] = ['prom', 'lumbar', 'cervical', 'gate'];

export function RecordForm({
  patientId,
  patient,
  today,
  measureId,
  onMeasureChange,
  onSaved,
  onCancel,
}: {
  patientId: string;
  patient: PatientClinical;
  today: string;
  measureId: string;
  onMeasureChange(id: string): void;
  onSaved(): void;
  onCancel(): void;
}) {
  const [state, setState] = useState<FormState>({});
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const selectId = useId();
  const dateId = useId();
  const grouped = useMemo(() => {
    const out: Record<MeasureGroup, [string, string][]> = { prom: [], lumbar: [], cervical: [], gate: [] };
    for (const m of CATALOGUE) if (isRecordable(m.id)) out[groupOf(m)].push([m.id, measureLabel(m.id)]);
    for (const g of GATE_MEASURES) out.gate.push([g.id, g.label]);
    return out;
  }, []);
  const m = catalogueMeasure(measureId);

  const save = async () => {
    setSaving(true);
    setError(null);
    const entry = toEntry(measureId, state);
    const r = await api['assessments.record']({
      patientId,
      measureId,
      date,
      value: entry.value,
      detail: entry.detail as ArgsOf<'assessments.record'>['detail'],
    });
    setSaving(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setState({});
    onSaved();
  };

  return (
    <form
      className="card assess-form"
      aria-label="Record a test"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>Record a test</h3>
      <div className="assess-row">
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            Test or measure
          </label>
          <select
            id={selectId}
            className="input"
            value={measureId}
            onChange={(e) => {
              setState({});
              setError(null);
              onMeasureChange(e.target.value);
            }}
          >
            {GROUPS.map((g) => (
              <optgroup key={g} label={MEASURE_GROUP_LABELS[g]}>
                {grouped[g].map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={dateId}>
            Date
          </label>
          <input id={dateId} className="input" type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      {m && <p className="small muted">{m.protocol}</p>}
      {m && <Eligibility measure={m} patient={patient} today={today} />}
      <EntryFields key={measureId} measureId={measureId} state={state} set={(k, v) => setState((s) => ({ ...s, [k]: v }))} />
      <LiveScore measureId={measureId} state={state} />
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="assess-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          Save result
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Close
        </button>
      </div>
    </form>
  );
}
