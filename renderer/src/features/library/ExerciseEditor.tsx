// Create, edit or copy a clinic exercise. Everything the detail view shows can be set here. What
// the clinician types is kept as a draft in the database as they go (a crash loses nothing), and
// the screen asks before unsaved changes are closed away (see LibraryScreen).
import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import {
  BAND_LEVELS,
  EQUIPMENT,
  GENERATORS,
  INTENSITY_KINDS,
  POSITIONS,
  LOCK_TYPES,
  RATINGS,
  REGIONS,
  SIDES,
  STAGES,
  type Equipment,
  type LockType,
  type Position,
  type Rating,
  type Region,
  type Side,
  type Stage,
} from '../../../../common/domain/vocabulary';
import {
  BAND_LEVEL_LABELS,
  EQUIPMENT_LABELS,
  GENERATOR_LABELS,
  INTENSITY_KIND_LABELS,
  POSITION_LABELS,
  RATING_LABELS,
  REGION_LABELS,
  SIDE_LABELS,
  STAGE_LABELS,
} from '../../../../common/copy/en';
import type { Exercise } from '../../../../common/domain/exercise';

/** The lock choices as the editor offers them: short, so they fit the table. */
const LOCK_CHOICES: Record<LockType, string> = {
  none: 'No lock',
  week: 'A week…',
  criterion: 'A criterion (in note)',
  'surgeon-clearance': 'Surgeon clears it',
};
import type { ArgsOf } from '../../../../common/contract';
import { api, CallError, expectOk } from '../../api';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useUnloadGuard } from '../../components/useUnloadGuard';
import {
  copyForm,
  DOSAGE_NUMBER_FIELDS,
  emptyForm,
  fieldLabel,
  formFromExercise,
  formsDiffer,
  NO_INTENSITY,
  toggleEquipment,
  type ExerciseForm,
  type IntensityForm,
  type FormErrors,
} from './exercise-form';
import { validateForm } from './form-validation';
import { LinkPicker } from './LinkPicker';
import { Photos } from './Photos';
import { SuitabilityCard } from './SuitabilityCard';

/** What the editor is for: a new exercise, changes to a clinic exercise, or an unsaved copy of any exercise. */
export type EditorTarget = { kind: 'create' } | { kind: 'edit'; exercise: Exercise } | { kind: 'copy'; source: Exercise };

/** The draft key of an editor: one draft per new exercise, per exercise edited, per exercise copied. */
export function draftKeyOf(target: EditorTarget): string {
  if (target.kind === 'create') return 'new';
  return target.kind === 'edit' ? `edit:${target.exercise.id}` : `copy:${target.source.id}`;
}

/** The form an editor opens with; unsaved changes are what differs from it. */
export function openedForm(target: EditorTarget): ExerciseForm {
  if (target.kind === 'create') return emptyForm();
  return target.kind === 'edit' ? formFromExercise(target.exercise) : copyForm(target.source);
}

/** What the screen may ask of an open editor, for its unsaved-changes question. */
export interface EditorHandle {
  /** Validates and saves; false (with the problems shown) if it could not. */
  save(): Promise<boolean>;
  /** Drops the changes and their draft. */
  discard(): Promise<void>;
}

/** How long typing pauses before the draft is written. */
export const DRAFT_PAUSE_MS = 400;

interface Props {
  target: EditorTarget;
  /** A draft's form to start from (offered back after a crash) instead of the opened form. */
  restored?: ExerciseForm | null;
  onSaved(ex: Exercise): void;
  /** Cancel or Esc: the screen decides, asking first if there are unsaved changes. */
  onRequestClose(): void;
  onDirtyChange?(dirty: boolean): void;
  ref?: Ref<EditorHandle>;
}

const CONTROL = 'input, textarea, select, .picker';

export function ExerciseEditor({ target, restored = null, onSaved, onRequestClose, onDirtyChange, ref }: Props) {
  // The target is fixed for the editor's life (the screen gives each target its own key).
  const [opened] = useState(() => openedForm(target));
  const [form, setForm] = useState<ExerciseForm>(() => restored ?? opened);
  const [current, setCurrent] = useState<Exercise | null>(target.kind === 'edit' ? target.exercise : null);
  const source = target.kind === 'copy' ? target.source : null;
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const toast = useToast();
  const uid = useId();
  const fid = (name: string) => `${uid}-${name}`;
  const dirty = useMemo(() => formsDiffer(opened, form), [opened, form]);

  // ---- The draft: written DRAFT_PAUSE_MS after the last change and when a field loses focus,
  // removed once the form is back as it opened, saved, or discarded. Calls go one after another.
  const key = draftKeyOf(target);
  const latest = useRef({ form, dirty });
  latest.current = { form, dirty };
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const hasDraft = useRef(restored !== null);
  const closed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const enqueue = (job: () => Promise<unknown>) => (queue.current = queue.current.then(job, job));
  const exerciseId = target.kind === 'edit' ? target.exercise.id : target.kind === 'copy' ? target.source.id : null;
  const baseContentVersion = target.kind === 'edit' ? target.exercise.contentVersion : null;
  const flushDraft = useCallback(() => {
    clearTimeout(timer.current);
    if (closed.current) return;
    const { form: f, dirty: d } = latest.current;
    if (d) {
      hasDraft.current = true;
      const saved = f as unknown as ArgsOf<'drafts.save'>['form'];
      void enqueue(() => api['drafts.save']({ key, exerciseId, baseContentVersion, form: saved }));
    } else if (hasDraft.current) {
      hasDraft.current = false;
      void enqueue(() => api['drafts.discard']({ key }));
    }
  }, [key, exerciseId, baseContentVersion]);
  const dropDraft = useCallback(async () => {
    clearTimeout(timer.current);
    closed.current = true;
    hasDraft.current = false;
    await enqueue(() => api['drafts.discard']({ key }));
  }, [key]);

  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(flushDraft, DRAFT_PAUSE_MS);
    return () => clearTimeout(timer.current);
  }, [form, flushDraft]);
  // Closed without a decision (the window, a section change): what was typed stays in the draft.
  useEffect(() => () => flushDraft(), [flushDraft]);

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  // Closing the window with unsaved changes: the draft is written now and the window asks (the
  // browser's own question; in Electron, main's Keep editing / Discard / Save, answered here).
  useUnloadGuard(dirty, { save: () => save(), discard: dropDraft, beforeUnload: flushDraft });

  // Once a save was tried, problems are checked again as fields change, so a fixed field clears.
  useEffect(() => {
    if (submitted) setErrors(validateForm(form).errors);
  }, [form, submitted]);

  useImperativeHandle(ref, () => ({ save, discard: dropDraft }));

  const set = <K extends keyof ExerciseForm>(key: K, value: ExerciseForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setDose = (key: Exclude<keyof ExerciseForm['dosage'], 'intensity'>, value: string) =>
    setForm((f) => ({ ...f, dosage: { ...f.dosage, [key]: value } }));
  const setIntensity = (change: Partial<IntensityForm>) =>
    setForm((f) => ({ ...f, dosage: { ...f.dosage, intensity: { ...(f.dosage.intensity ?? NO_INTENSITY), ...change } } }));
  const intensity = form.dosage.intensity ?? NO_INTENSITY;
  // A draft kept from before "also used in stages" existed has no list.
  const alsoStages = form.alsoStages ?? [];
  const setSuit = (g: (typeof GENERATORS)[number], patch: Partial<ExerciseForm['suitability'][typeof g]>) =>
    setForm((f) => ({ ...f, suitability: { ...f.suitability, [g]: { ...f.suitability[g], ...patch } } }));

  const inputProps = (name: string) => ({
    id: fid(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${fid(name)}-error` : undefined,
  });

  async function save(): Promise<boolean> {
    const { draft, errors: found } = validateForm(latest.current.form);
    setSubmitted(true);
    setErrors(found);
    setServerError(null);
    if (!draft) {
      const first = Object.keys(found)[0];
      document.getElementById(fid(first))?.focus();
      return false;
    }
    setSaving(true);
    try {
      const saved = current
        ? await expectOk(api['library.update']({ id: current.id, contentVersion: current.contentVersion, draft }))
        : await expectOk(api['library.create']({ draft, basedOnId: source?.id ?? null }));
      toast(current ? 'Changes saved' : source ? 'Copy saved' : 'Exercise created');
      await dropDraft();
      onSaved(saved);
      return true;
    } catch (err) {
      setServerError(err instanceof CallError ? err.message : 'The exercise could not be saved.');
      return false;
    } finally {
      setSaving(false);
    }
  }

  const errorList = Object.entries(errors);
  return (
    <form
      className="editor"
      aria-labelledby={fid('title')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
        // Esc in a field or a picker closes only that control (a list, a select); elsewhere it asks to close the editor.
        if (e.key === 'Escape' && !e.defaultPrevented && !(e.target as HTMLElement).closest(CONTROL)) {
          e.preventDefault();
          onRequestClose();
        }
      }}
      onBlur={flushDraft}
      noValidate
    >
      <div className="editor-head">
        <h2 id={fid('title')} tabIndex={-1}>
          {current ? `Edit “${current.text.name}”` : source ? `Copy of “${source.text.name}”` : 'New exercise'}
        </h2>
        <div className="detail-actions">
          <button type="button" className="btn" onClick={onRequestClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : current ? 'Save changes' : source ? 'Save copy' : 'Create exercise'}
          </button>
        </div>
      </div>

      {(errorList.length > 0 || serverError) && (
        <div className="notice notice-error" role="alert">
          {serverError ?? (
            <>
              Please check {errorList.length === 1 ? 'this field' : 'these fields'} before saving:{' '}
              {errorList.map(([k, m]) => `${fieldLabel(k)} (${m.toLowerCase()})`).join(', ')}
            </>
          )}
        </div>
      )}

      <section className="card">
        <h3>What it is</h3>
        <Field label="Name" id={fid('text.name')} error={errors['text.name']} hint="What the patient reads on the handout.">
          <input {...inputProps('text.name')} value={form.name} onChange={(e) => set('name', e.target.value)} maxLength={120} autoFocus />
        </Field>
        <div className="grid-2">
          <Field
            label="Clinical name"
            id={fid('clinicalName')}
            error={errors.clinicalName}
            hint="The standard term clinicians use, e.g. McGill curl-up (modified curl-up)."
          >
            <input
              {...inputProps('clinicalName')}
              value={form.clinicalName}
              onChange={(e) => set('clinicalName', e.target.value)}
              maxLength={160}
            />
          </Field>
          <Field
            label="Also known as"
            id={fid('aliases')}
            error={errors.aliases}
            hint="Abbreviations and other names, separated by commas."
          >
            <input {...inputProps('aliases')} value={form.aliases} onChange={(e) => set('aliases', e.target.value)} />
          </Field>
        </div>
        <Field label="Purpose, in a sentence for the patient" id={fid('text.summary')} error={errors['text.summary']}>
          <input {...inputProps('text.summary')} value={form.summary} onChange={(e) => set('summary', e.target.value)} maxLength={300} />
        </Field>
        <div className="grid-3">
          <Field label="Stage" id={fid('stage')}>
            <select id={fid('stage')} value={form.stage} onChange={(e) => set('stage', Number(e.target.value) as Stage)}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {s}. {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Region" id={fid('region')}>
            <select id={fid('region')} value={form.region} onChange={(e) => set('region', e.target.value as Region)}>
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {REGION_LABELS[r]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Position" id={fid('position')}>
            <select id={fid('position')} value={form.position} onChange={(e) => set('position', e.target.value as Position)}>
              {POSITIONS.map((p) => (
                <option key={p} value={p}>
                  {POSITION_LABELS[p]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="field" style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend className="field-label">Also used in stages</legend>
          <div className="check-grid">
            {STAGES.filter((s) => s !== form.stage).map((s) => (
              <label key={s} className="check">
                <input
                  type="checkbox"
                  checked={alsoStages.includes(s)}
                  onChange={() => set('alsoStages', alsoStages.includes(s) ? alsoStages.filter((x) => x !== s) : [...alsoStages, s])}
                />
                {s}. {STAGE_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field" style={{ border: 'none', padding: 0, margin: 0 }} aria-invalid={errors.equipment ? true : undefined}>
          <legend className="field-label">Equipment</legend>
          <div className="check-grid" id={fid('equipment')} tabIndex={-1}>
            {EQUIPMENT.map((eq: Equipment) => (
              <label key={eq} className="check">
                <input
                  type="checkbox"
                  checked={form.equipment.includes(eq)}
                  onChange={() => set('equipment', toggleEquipment(form.equipment, eq))}
                />
                {EQUIPMENT_LABELS[eq]}
              </label>
            ))}
          </div>
          {errors.equipment && <span className="field-error">{errors.equipment}</span>}
        </fieldset>
      </section>

      <section className="card">
        <h3>How to do it</h3>
        <Field label="Starting position" id={fid('text.startingPosition')} error={errors['text.startingPosition']}>
          <textarea
            {...inputProps('text.startingPosition')}
            rows={2}
            value={form.startingPosition}
            onChange={(e) => set('startingPosition', e.target.value)}
          />
        </Field>
        <Field label="Steps" hint="One step per line, in order." id={fid('text.steps')} error={errors['text.steps']}>
          <textarea {...inputProps('text.steps')} rows={5} value={form.steps} onChange={(e) => set('steps', e.target.value)} />
        </Field>
        <div className="grid-2">
          <Field label="Coaching cues" hint="One per line." id={fid('text.cues')} error={errors['text.cues']}>
            <textarea {...inputProps('text.cues')} rows={4} value={form.cues} onChange={(e) => set('cues', e.target.value)} />
          </Field>
          <Field label="Common mistakes" hint="One per line." id={fid('text.mistakes')} error={errors['text.mistakes']}>
            <textarea {...inputProps('text.mistakes')} rows={4} value={form.mistakes} onChange={(e) => set('mistakes', e.target.value)} />
          </Field>
        </div>
        <Field
          label="Precautions"
          hint="One per line, written for the patient."
          id={fid('text.precautions')}
          error={errors['text.precautions']}
        >
          <textarea
            {...inputProps('text.precautions')}
            rows={3}
            value={form.precautions}
            onChange={(e) => set('precautions', e.target.value)}
          />
        </Field>
      </section>

      <section className="card">
        <h3>Default dosage</h3>
        <div className="grid-4">
          {DOSAGE_NUMBER_FIELDS.map(({ key, label }) => (
            <Field key={key} label={label} id={fid(`dosage.${key}`)} error={errors[`dosage.${key}`]}>
              <input
                {...inputProps(`dosage.${key}`)}
                type="number"
                min={0}
                inputMode="numeric"
                value={form.dosage[key]}
                onChange={(e) => setDose(key, e.target.value)}
              />
            </Field>
          ))}
        </div>
        <div className="grid-3">
          <Field label="Load or band" id={fid('dosage.load')} error={errors['dosage.load']}>
            <input
              {...inputProps('dosage.load')}
              value={form.dosage.load}
              placeholder="e.g. Light band"
              onChange={(e) => setDose('load', e.target.value)}
            />
          </Field>
          <Field label="Side" id={fid('dosage.side')}>
            <select id={fid('dosage.side')} value={form.dosage.side} onChange={(e) => setDose('side', e.target.value as Side)}>
              {SIDES.map((s) => (
                <option key={s} value={s}>
                  {SIDE_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Tempo" id={fid('dosage.tempo')} error={errors['dosage.tempo']}>
            <input
              {...inputProps('dosage.tempo')}
              value={form.dosage.tempo}
              placeholder="e.g. 3 s down, 1 s up"
              onChange={(e) => setDose('tempo', e.target.value)}
            />
          </Field>
        </div>
        <div className="grid-4">
          <Field label="Intensity" id={fid('dosage.intensity')} error={errors['dosage.intensity']}>
            <select
              {...inputProps('dosage.intensity')}
              value={intensity.kind}
              onChange={(e) => setIntensity({ kind: e.target.value as IntensityForm['kind'] })}
            >
              <option value="">None</option>
              {INTENSITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {INTENSITY_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
          {intensity.kind !== '' && intensity.kind !== 'band' && (
            <>
              {(
                [
                  ['value', 'Intensity, from'],
                  ['valueMax', 'Intensity, to (optional)'],
                ] as const
              ).map(([key, label]) => (
                <Field key={key} label={label} id={fid(`dosage.intensity.${key}`)}>
                  <input
                    id={fid(`dosage.intensity.${key}`)}
                    type="number"
                    min={0}
                    step="any"
                    inputMode="decimal"
                    value={intensity[key]}
                    onChange={(e) => setIntensity({ [key]: e.target.value })}
                  />
                </Field>
              ))}
            </>
          )}
          {intensity.kind === 'band' && (
            <>
              <Field label="Band level" id={fid('dosage.intensity.band')}>
                <select
                  id={fid('dosage.intensity.band')}
                  value={intensity.band}
                  onChange={(e) => setIntensity({ band: e.target.value as IntensityForm['band'] })}
                >
                  <option value="">Choose…</option>
                  {BAND_LEVELS.map((b) => (
                    <option key={b} value={b}>
                      {BAND_LEVEL_LABELS[b]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Band color (optional)" id={fid('dosage.intensity.bandColor')}>
                <input
                  id={fid('dosage.intensity.bandColor')}
                  value={intensity.bandColor}
                  placeholder="e.g. yellow"
                  onChange={(e) => setIntensity({ bandColor: e.target.value })}
                />
              </Field>
            </>
          )}
        </div>
      </section>

      <SuitabilityCard
        editable
        row={(g) => (
          <>
            <td>
              <select
                aria-label={`${GENERATOR_LABELS[g]} rating`}
                value={form.suitability[g].rating}
                onChange={(e) => setSuit(g, { rating: e.target.value as Rating })}
              >
                {RATINGS.map((r) => (
                  <option key={r} value={r}>
                    {RATING_LABELS[r]}
                  </option>
                ))}
              </select>
            </td>
            <td className="suit-lock">
              <select
                aria-label={`${GENERATOR_LABELS[g]} lock`}
                value={form.suitability[g].lock}
                onChange={(e) => setSuit(g, { lock: e.target.value as LockType })}
              >
                {LOCK_TYPES.map((l) => (
                  <option key={l} value={l}>
                    {LOCK_CHOICES[l]}
                  </option>
                ))}
              </select>
              {form.suitability[g].lock === 'week' && (
                <input
                  type="number"
                  min={0}
                  aria-label={`${GENERATOR_LABELS[g]} earliest week after surgery`}
                  aria-invalid={errors[`suitability.${g}`] ? true : undefined}
                  value={form.suitability[g].earliestWeek}
                  onChange={(e) => setSuit(g, { earliestWeek: e.target.value })}
                />
              )}
            </td>
            <td>
              <input
                aria-label={`${GENERATOR_LABELS[g]} note`}
                value={form.suitability[g].note}
                onChange={(e) => setSuit(g, { note: e.target.value })}
              />
            </td>
          </>
        )}
      />

      <section className="card">
        <h3>Progress and regress</h3>
        <div className="grid-2">
          <LinkPicker
            label="Regressions (easier)"
            region={form.region}
            excludeId={current?.id ?? null}
            value={form.regressions}
            onChange={(v) => set('regressions', v)}
          />
          <LinkPicker
            label="Progressions (harder)"
            region={form.region}
            excludeId={current?.id ?? null}
            value={form.progressions}
            onChange={(v) => set('progressions', v)}
          />
        </div>
      </section>

      {current && <Photos exercise={current} editable onChanged={(ex) => setCurrent(ex)} />}

      <section className="card">
        <h3>For the clinician</h3>
        <Field label="Tags" hint="Separate with commas, e.g. multifidus, neutral spine." id={fid('tags')} error={errors.tags}>
          <input {...inputProps('tags')} value={form.tags} onChange={(e) => set('tags', e.target.value)} />
        </Field>
        <Field
          label="Sources"
          hint="One per line. Add an address after a bar: Citation | https://…"
          id={fid('sources')}
          error={errors.sources}
        >
          <textarea {...inputProps('sources')} rows={3} value={form.sources} onChange={(e) => set('sources', e.target.value)} />
        </Field>
        <Field label="Notes" id={fid('clinicianNotes')} error={errors.clinicianNotes}>
          <textarea
            {...inputProps('clinicianNotes')}
            rows={3}
            value={form.clinicianNotes}
            onChange={(e) => set('clinicianNotes', e.target.value)}
          />
        </Field>
        {!current && !source && <p className="muted">You can add photos once the exercise is created.</p>}
        {source && (
          <p className="muted">
            The copy keeps the photos of “{source.text.name}”{source.photos.length > 0 ? ` (${source.photos.length})` : ''}. You can add
            more once it is saved.
          </p>
        )}
      </section>
    </form>
  );
}
