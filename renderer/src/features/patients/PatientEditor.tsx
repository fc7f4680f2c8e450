// Create or edit a patient: who they are, the clinical picture (PSPS type, regions, pain generators)
// and each surgery or implant with the surgeon's restrictions. Checked with the services' schema;
// problems show beside their fields. Unsaved changes are guarded by the screen (PatientScreen).
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { Patient } from '../../../../common/contract/patients';
import { GENERATOR_LABELS } from '../../../../common/copy/en';
import {
  APPROACH_LABELS,
  CLEARANCE_LABELS,
  GENERATOR_SITE_LABELS,
  LEAD_LEVEL_LABELS,
  LIFTING_UNIT_LABELS,
  PATIENT_REGION_LABELS,
  PROCEDURE_LABELS,
  PSPS_TYPE_HINTS,
  PSPS_TYPE_LABELS,
  RESTRICTION_LABELS,
  RESTRICTION_UNTIL_LABELS,
} from '../../../../common/copy/en-safety';
import { PATIENTS_COPY, weeksSinceSurgeryText } from '../../../../common/copy/en-patients';
import {
  APPROACHES,
  CLINICAL_GENERATORS,
  GENERATOR_SITES,
  LEAD_LEVELS,
  PATIENT_REGIONS,
  PROCEDURES,
  RESTRICTION_KINDS,
} from '../../../../common/domain/patient';
import { useToast } from '../../components/Toasts';
import { Field } from '../../components/Field';
import { Choices, describedBy, ErrorSummary, FormShell, SaveProblem, type OpenFormHandle } from './fields';
import {
  emptyPatientForm,
  emptyRestriction,
  emptySurgery,
  fieldLabel,
  formFromPatient,
  formsDiffer,
  latestSurgeryWeeks,
  surgeryWeeks,
  todayIso,
  toggleIn,
  type FormErrors,
  type PatientForm,
  type RestrictionForm,
  type SurgeryForm,
} from './patient-form';
import { savePatient } from './patient-save';
import { validatePatientForm } from './patient-validation';

export type PatientEditorTarget = { kind: 'create' } | { kind: 'edit'; patient: Patient };

interface Props {
  target: PatientEditorTarget;
  onSaved(patient: Patient): void;
  /** Cancel or Esc: the screen decides, asking first if there are unsaved changes. */
  onRequestClose(): void;
  onDirtyChange?(dirty: boolean): void;
  /** After a stale save: drop these changes and open the record as it is saved now. */
  onLoadLatest?(): void;
  ref?: Ref<OpenFormHandle>;
}

export function PatientEditor({ target, onSaved, onRequestClose, onDirtyChange, onLoadLatest, ref }: Props) {
  const current = target.kind === 'edit' ? target.patient : null;
  const [opened] = useState(() => (current ? formFromPatient(current) : emptyPatientForm()));
  const [form, setForm] = useState<PatientForm>(opened);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; stale: boolean } | null>(null);
  const [today] = useState(todayIso);
  const toast = useToast();
  const uid = useId();
  const fid = (key: string) => `${uid}-${key}`;
  const dirty = useMemo(() => formsDiffer(opened, form), [opened, form]);
  const latest = useRef(form);
  latest.current = form;
  const focusAfter = useRef<string | null>(null);

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  // Once a save was tried, problems are checked again as fields change, so a fixed field clears.
  useEffect(() => {
    if (submitted) setErrors(validatePatientForm(form).errors);
  }, [form, submitted]);
  // Focus asked for by adding or removing a surgery or restriction lands once it has rendered.
  useEffect(() => {
    if (focusAfter.current) {
      document.getElementById(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  async function save(): Promise<boolean> {
    const { input, errors: found } = validatePatientForm(latest.current);
    setSubmitted(true);
    setErrors(found);
    setServerError(null);
    if (!input) {
      const first = Object.keys(found)[0];
      document.getElementById(fid(first))?.focus();
      return false;
    }
    setSaving(true);
    const outcome = await savePatient(current, input);
    setSaving(false);
    if (!outcome.ok) {
      setServerError({ message: outcome.message, stale: outcome.stale });
      return false;
    }
    toast(current ? PATIENTS_COPY.saved : PATIENTS_COPY.created);
    onSaved(outcome.patient);
    return true;
  }
  useImperativeHandle(ref, () => ({ save }));

  const set = <K extends keyof PatientForm>(key: K, value: PatientForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setSurgery = (i: number, patch: Partial<SurgeryForm>) =>
    setForm((f) => ({ ...f, surgeries: f.surgeries.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const setRestriction = (i: number, k: number, patch: Partial<RestrictionForm>) =>
    setForm((f) => ({
      ...f,
      surgeries: f.surgeries.map((s, j) =>
        j === i ? { ...s, restrictions: s.restrictions.map((r, m) => (m === k ? { ...r, ...patch } : r)) } : s,
      ),
    }));

  const addSurgery = () => {
    focusAfter.current = fid(`surgeries.${form.surgeries.length}.procedure`);
    set('surgeries', [...form.surgeries, emptySurgery()]);
  };
  const removeSurgery = (i: number) => {
    focusAfter.current = fid('add-surgery');
    set(
      'surgeries',
      form.surgeries.filter((_, j) => j !== i),
    );
  };
  const addRestriction = (i: number) => {
    focusAfter.current = fid(`surgeries.${i}.restrictions.${form.surgeries[i].restrictions.length}.kind`);
    setSurgery(i, { restrictions: [...form.surgeries[i].restrictions, emptyRestriction()] });
  };
  const removeRestriction = (i: number, k: number) => {
    focusAfter.current = fid(`surgeries.${i}.add-restriction`);
    setSurgery(i, { restrictions: form.surgeries[i].restrictions.filter((_, m) => m !== k) });
  };
  const choosePspsType = (type: 1 | 2) =>
    // Type 2 follows surgery: a first surgery to fill in appears with it.
    setForm((f) => ({ ...f, pspsType: type, surgeries: type === 2 && f.surgeries.length === 0 ? [emptySurgery()] : f.surgeries }));

  const latestWeeks = latestSurgeryWeeks(
    form.surgeries.map((s) => ({ date: s.date })),
    today,
  );
  const title = current ? `Edit ${current.displayName}` : PATIENTS_COPY.newPatient;

  return (
    <FormShell
      className="patient-editor"
      titleId={fid('title')}
      title={title}
      submitLabel={current ? 'Save changes' : 'Add patient'}
      saving={saving}
      onSave={() => void save()}
      onRequestClose={onRequestClose}
    >
      <ErrorSummary
        errors={errors}
        label={fieldLabel}
        serverError={serverError && <SaveProblem problem={serverError} onLoadLatest={onLoadLatest} />}
      />

      <section className="card" aria-labelledby={fid('who')}>
        <h3 id={fid('who')}>Who</h3>
        <Field id={fid('displayName')} label="Display name" hint="Initials or an identifier are enough." error={errors.displayName}>
          <input
            {...describedBy(fid('displayName'), errors, 'displayName', true)}
            value={form.displayName}
            onChange={(e) => set('displayName', e.target.value)}
            maxLength={80}
            autoComplete="off"
            autoFocus
          />
        </Field>
        <div className="grid-2">
          <Field id={fid('fullName')} label="Full name (optional)" error={errors.fullName}>
            <input
              {...describedBy(fid('fullName'), errors, 'fullName')}
              value={form.fullName}
              onChange={(e) => set('fullName', e.target.value)}
              maxLength={160}
              autoComplete="off"
            />
          </Field>
          <Field id={fid('dateOfBirth')} label="Date of birth (optional)" error={errors.dateOfBirth}>
            <input
              {...describedBy(fid('dateOfBirth'), errors, 'dateOfBirth')}
              type="date"
              value={form.dateOfBirth}
              onChange={(e) => set('dateOfBirth', e.target.value)}
            />
          </Field>
        </div>
      </section>

      <section className="card" aria-labelledby={fid('clinical')}>
        <h3 id={fid('clinical')}>Clinical picture</h3>
        <Choices
          id={fid('pspsType')}
          legend="PSPS type"
          name={fid('psps')}
          value={form.pspsType}
          options={([1, 2] as const).map((t) => ({ value: t, label: PSPS_TYPE_LABELS[t], hint: PSPS_TYPE_HINTS[t] }))}
          onChange={choosePspsType}
          error={errors.pspsType}
        />
        <fieldset
          className="choices"
          id={fid('regions')}
          tabIndex={-1}
          aria-invalid={errors.regions ? true : undefined}
          aria-describedby={errors.regions ? `${fid('regions')}-error` : undefined}
        >
          <legend className="field-label">Regions (one or more)</legend>
          <div className="check-grid">
            {PATIENT_REGIONS.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={form.regions.includes(r)}
                  onChange={() => set('regions', toggleIn(form.regions, r, PATIENT_REGIONS))}
                />
                {PATIENT_REGION_LABELS[r]}
              </label>
            ))}
          </div>
          {errors.regions && (
            <span className="field-error" id={`${fid('regions')}-error`}>
              {errors.regions}
            </span>
          )}
        </fieldset>
        <fieldset className="choices" id={fid('generators')} tabIndex={-1}>
          <legend className="field-label">Pain generators (any that apply)</legend>
          <div className="check-grid">
            {CLINICAL_GENERATORS.map((g) => (
              <label key={g} className="check">
                <input
                  type="checkbox"
                  checked={form.generators.includes(g)}
                  onChange={() => set('generators', toggleIn(form.generators, g, CLINICAL_GENERATORS))}
                />
                {GENERATOR_LABELS[g]}
              </label>
            ))}
          </div>
          {errors.generators && <span className="field-error">{errors.generators}</span>}
        </fieldset>
      </section>

      <section className="card" aria-labelledby={fid('surgeries-title')}>
        <div className="card-head">
          <h3 id={fid('surgeries-title')}>Surgeries and implants</h3>
          {latestWeeks !== null && <span className="badge badge-neutral">{weeksSinceSurgeryText(latestWeeks)}</span>}
        </div>
        {form.surgeries.length === 0 && <p className="muted">None recorded.</p>}
        {errors.surgeries && (
          <p className="field-error" id={fid('surgeries')} tabIndex={-1}>
            {errors.surgeries}
          </p>
        )}
        {form.surgeries.map((s, i) => (
          <SurgeryFields
            key={s.id}
            index={i}
            surgery={s}
            today={today}
            errors={errors}
            fid={fid}
            onChange={(patch) => setSurgery(i, patch)}
            onRemove={() => removeSurgery(i)}
            onAddRestriction={() => addRestriction(i)}
            onChangeRestriction={(k, patch) => setRestriction(i, k, patch)}
            onRemoveRestriction={(k) => removeRestriction(i, k)}
          />
        ))}
        <div>
          <button type="button" className="btn" id={fid('add-surgery')} onClick={addSurgery}>
            Add surgery or implant
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby={fid('notes-title')}>
        <h3 id={fid('notes-title')}>Notes</h3>
        <Field id={fid('notes')} label="Notes for the clinician" error={errors.notes}>
          <textarea
            {...describedBy(fid('notes'), errors, 'notes')}
            rows={3}
            value={form.notes}
            onChange={(e) => set('notes', e.target.value)}
          />
        </Field>
      </section>
    </FormShell>
  );
}

interface SurgeryProps {
  index: number;
  surgery: SurgeryForm;
  today: string;
  errors: FormErrors;
  fid(key: string): string;
  onChange(patch: Partial<SurgeryForm>): void;
  onRemove(): void;
  onAddRestriction(): void;
  onChangeRestriction(k: number, patch: Partial<RestrictionForm>): void;
  onRemoveRestriction(k: number): void;
}

function SurgeryFields({ index: i, surgery: s, today, errors, fid, onChange, ...restrictions }: SurgeryProps) {
  const key = (field: string) => `surgeries.${i}.${field}`;
  const props = (field: string, hint = false) => describedBy(fid(key(field)), errors, key(field), hint);
  const weeks = surgeryWeeks(s.date, today);
  const stimulator = s.procedure === 'spinal-cord-stimulator';
  return (
    <fieldset className="surgery" aria-labelledby={fid(key('legend'))}>
      <legend id={fid(key('legend'))} className="surgery-legend">
        Surgery {i + 1}
      </legend>
      <div className="grid-3">
        <Field id={fid(key('procedure'))} label="Procedure">
          <select
            id={fid(key('procedure'))}
            value={s.procedure}
            onChange={(e) => onChange({ procedure: e.target.value as SurgeryForm['procedure'] })}
          >
            {PROCEDURES.map((p) => (
              <option key={p} value={p}>
                {PROCEDURE_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fid(key('date'))} label="Date" error={errors[key('date')]}>
          <input
            {...props('date')}
            type="date"
            value={s.date}
            onChange={(e) => onChange({ date: e.target.value })}
            aria-describedby={[fid(key('weeks')), errors[key('date')] ? `${fid(key('date'))}-error` : null].filter(Boolean).join(' ')}
          />
          <small id={fid(key('weeks'))} className="weeks-since">
            {weeks === null ? 'Date not known: every time lock counts as not yet passed.' : weeksSinceSurgeryText(weeks)}
          </small>
        </Field>
        <Field id={fid(key('approach'))} label="Approach">
          <select
            id={fid(key('approach'))}
            value={s.approach}
            onChange={(e) => onChange({ approach: e.target.value as SurgeryForm['approach'] })}
          >
            {APPROACHES.map((a) => (
              <option key={a} value={a}>
                {APPROACH_LABELS[a]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid-2">
        <Field id={fid(key('levels'))} label="Levels" hint="For example L4-L5, L5-S1 or C5-C6." error={errors[key('levels')]}>
          <input {...props('levels', true)} value={s.levels} onChange={(e) => onChange({ levels: e.target.value })} autoComplete="off" />
        </Field>
        <div className="field field-check">
          <label className="check">
            <input type="checkbox" checked={s.multilevel} onChange={(e) => onChange({ multilevel: e.target.checked })} />
            Multilevel
          </label>
        </div>
      </div>
      <Field
        id={fid(key('description'))}
        label={s.procedure === 'other' ? 'Which surgery' : 'Details (optional)'}
        error={errors[key('description')]}
      >
        <input
          {...props('description')}
          value={s.description}
          onChange={(e) => onChange({ description: e.target.value })}
          maxLength={200}
        />
      </Field>
      {stimulator && (
        <div className="grid-2">
          <Field id={fid(key('leadLevel'))} label="Lead level" error={errors[key('stimulator')]}>
            <select
              id={fid(key('leadLevel'))}
              value={s.leadLevel}
              onChange={(e) => onChange({ leadLevel: e.target.value as SurgeryForm['leadLevel'] })}
            >
              <option value="">Not known</option>
              {LEAD_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {LEAD_LEVEL_LABELS[l]}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fid(key('generatorSite'))} label="Generator (battery) site">
            <select
              id={fid(key('generatorSite'))}
              value={s.generatorSite}
              onChange={(e) => onChange({ generatorSite: e.target.value as SurgeryForm['generatorSite'] })}
            >
              <option value="">Not known</option>
              {GENERATOR_SITES.map((g) => (
                <option key={g} value={g}>
                  {GENERATOR_SITE_LABELS[g]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <div className="grid-3">
        <Field id={fid(key('clearanceStatus'))} label="Surgeon's clearance">
          <select
            id={fid(key('clearanceStatus'))}
            value={s.clearanceStatus}
            onChange={(e) => onChange({ clearanceStatus: e.target.value as SurgeryForm['clearanceStatus'] })}
          >
            {(['unknown', 'not-cleared', 'cleared'] as const).map((c) => (
              <option key={c} value={c}>
                {CLEARANCE_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fid(key('clearance.date'))} label="Clearance date" error={errors[key('clearance.date')]}>
          <input
            {...props('clearance.date')}
            type="date"
            value={s.clearanceDate}
            onChange={(e) => onChange({ clearanceDate: e.target.value })}
          />
        </Field>
        <Field id={fid(key('clearance.note'))} label="Clearance note" error={errors[key('clearance.note')]}>
          <input
            {...props('clearance.note')}
            value={s.clearanceNote}
            onChange={(e) => onChange({ clearanceNote: e.target.value })}
            maxLength={500}
          />
        </Field>
      </div>

      <div className="restrictions" role="group" aria-labelledby={fid(key('restrictions-title'))}>
        <h4 id={fid(key('restrictions-title'))}>Surgeon's restrictions</h4>
        {errors[key('restrictions')] && <span className="field-error">{errors[key('restrictions')]}</span>}
        {s.restrictions.map((r, k) => (
          <RestrictionFields
            key={k}
            surgery={i}
            index={k}
            restriction={r}
            errors={errors}
            fid={fid}
            onChange={(patch) => restrictions.onChangeRestriction(k, patch)}
            onRemove={() => restrictions.onRemoveRestriction(k)}
          />
        ))}
        <div>
          <button type="button" className="btn btn-small" id={fid(key('add-restriction'))} onClick={restrictions.onAddRestriction}>
            Add restriction
          </button>
        </div>
        <Field id={fid(key('otherRestrictions'))} label="Other restrictions (free text)" error={errors[key('otherRestrictions')]}>
          <textarea
            {...props('otherRestrictions')}
            rows={2}
            value={s.otherRestrictions}
            onChange={(e) => onChange({ otherRestrictions: e.target.value })}
            maxLength={1000}
          />
        </Field>
      </div>
      <div className="surgery-actions">
        <button type="button" className="btn btn-danger btn-small" onClick={restrictions.onRemove}>
          Remove surgery {i + 1}
        </button>
      </div>
    </fieldset>
  );
}

interface RestrictionProps {
  surgery: number;
  index: number;
  restriction: RestrictionForm;
  errors: FormErrors;
  fid(key: string): string;
  onChange(patch: Partial<RestrictionForm>): void;
  onRemove(): void;
}

function RestrictionFields({ surgery, index: k, restriction: r, errors, fid, onChange, onRemove }: RestrictionProps) {
  const key = (field: string) => `surgeries.${surgery}.restrictions.${k}.${field}`;
  const props = (field: string) => describedBy(fid(key(field)), errors, key(field));
  const untilId = fid(key('until'));
  return (
    <fieldset className="restriction" aria-labelledby={fid(key('legend'))}>
      <legend id={fid(key('legend'))} className="surgery-legend">
        Restriction {k + 1}
      </legend>
      <div className="grid-3">
        <Field id={fid(key('kind'))} label="Kind">
          <select id={fid(key('kind'))} value={r.kind} onChange={(e) => onChange({ kind: e.target.value as RestrictionForm['kind'] })}>
            {RESTRICTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {RESTRICTION_LABELS[kind]}
              </option>
            ))}
          </select>
        </Field>
        {r.kind === 'lifting-limit' && (
          <div className="lift-limit">
            <Field id={fid(key('limit'))} label="Most weight" error={errors[key('limit')]}>
              <input
                {...props('limit')}
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                value={r.limitValue}
                onChange={(e) => onChange({ limitValue: e.target.value })}
              />
            </Field>
            <Field id={fid(key('unit'))} label="Unit">
              <select
                id={fid(key('unit'))}
                value={r.limitUnit}
                onChange={(e) => onChange({ limitUnit: e.target.value as RestrictionForm['limitUnit'] })}
              >
                {(['lb', 'kg'] as const).map((u) => (
                  <option key={u} value={u}>
                    {LIFTING_UNIT_LABELS[u]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
        <Field id={fid(key('untilKind'))} label="Holds">
          <select
            id={fid(key('untilKind'))}
            value={r.untilKind}
            onChange={(e) => onChange({ untilKind: e.target.value as RestrictionForm['untilKind'] })}
          >
            {(['cleared', 'week', 'date'] as const).map((u) => (
              <option key={u} value={u}>
                {RESTRICTION_UNTIL_LABELS[u]}
              </option>
            ))}
          </select>
        </Field>
        {r.untilKind === 'week' && (
          <Field id={untilId} label="Until week" error={errors[key('until')]}>
            <input
              {...props('until')}
              type="number"
              min={0}
              max={104}
              value={r.untilWeek}
              onChange={(e) => onChange({ untilWeek: e.target.value })}
            />
          </Field>
        )}
        {r.untilKind === 'date' && (
          <Field id={untilId} label="Until" error={errors[key('until')]}>
            <input {...props('until')} type="date" value={r.untilDate} onChange={(e) => onChange({ untilDate: e.target.value })} />
          </Field>
        )}
        {r.untilKind === 'cleared' && (
          <Field id={untilId} label="Cleared on (once cleared)" error={errors[key('until')]}>
            <input {...props('until')} type="date" value={r.clearedOn} onChange={(e) => onChange({ clearedOn: e.target.value })} />
          </Field>
        )}
      </div>
      <div className="restriction-note">
        <Field id={fid(key('note'))} label="Note" error={errors[key('note')]}>
          <input {...props('note')} value={r.note} onChange={(e) => onChange({ note: e.target.value })} maxLength={500} />
        </Field>
        <button type="button" className="btn btn-ghost btn-small" onClick={onRemove}>
          Remove restriction {k + 1}
        </button>
      </div>
    </fieldset>
  );
}
