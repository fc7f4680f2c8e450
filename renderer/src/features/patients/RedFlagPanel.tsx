// The red-flag screen of reference clinical.md §5, part of the patient record: every emergency and
// urgent question answered yes, no or not asked yet, with the screen's date. An emergency "yes"
// shows the referral advice at once; an urgent "yes" is dealt with by a note and a date. Saved
// with the rest of the record (the same schema, the same revision check).
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { Patient } from '../../../../common/contract/patients';
import { ANSWER_LABELS, EMERGENCY_FLAG_LABELS, URGENT_FLAG_LABELS } from '../../../../common/copy/en-safety';
import { PATIENTS_COPY, RED_FLAG_COPY } from '../../../../common/copy/en-patients';
import { ANSWERS, EMERGENCY_FLAGS, URGENT_FLAGS, type Answer, type UrgentFlag } from '../../../../common/domain/patient';
import { useToast } from '../../components/Toasts';
import { Field } from '../../components/Field';
import { Choices, describedBy, ErrorSummary, FormShell, SaveProblem, type OpenFormHandle } from './fields';
import { formFromPatient, todayIso, type FormErrors } from './patient-form';
import { savePatient } from './patient-save';
import { validatePatientForm } from './patient-validation';
import { redFlagForm, redFlagsDiffer, screenFromForm, summarizeRedFlags, type RedFlagForm, type UrgentForm } from './red-flag-form';

interface Props {
  patient: Patient;
  onSaved(patient: Patient): void;
  onRequestClose(): void;
  onDirtyChange?(dirty: boolean): void;
  onLoadLatest?(): void;
  ref?: Ref<OpenFormHandle>;
}

const ANSWER_OPTIONS = ANSWERS.map((a) => ({ value: a, label: ANSWER_LABELS[a] }));

/** "Emergency question 2" and the like: the words for an error's field in the summary. */
function redFlagFieldLabel(key: string): string {
  if (key === 'redFlags.date') return RED_FLAG_COPY.date;
  const m = /^redFlags\.urgent\.([^.]+)\.(note|date)$/.exec(key);
  if (m) {
    const n = URGENT_FLAGS.indexOf(m[1] as UrgentFlag) + 1;
    return `Urgent question ${n}, ${m[2] === 'note' ? 'what was done' : 'date dealt with'}`;
  }
  return key;
}

/** The record with this screen in it, checked with the services' schema. */
const check = (patient: Patient, f: RedFlagForm) => validatePatientForm({ ...formFromPatient(patient), redFlags: screenFromForm(f) });

export function RedFlagPanel({ patient, onSaved, onRequestClose, onDirtyChange, onLoadLatest, ref }: Props) {
  const [today] = useState(todayIso);
  const [opened] = useState(() => redFlagForm(patient.clinical.redFlags, today));
  const [form, setForm] = useState<RedFlagForm>(opened);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; stale: boolean } | null>(null);
  const toast = useToast();
  const uid = useId();
  const fid = (key: string) => `${uid}-${key}`;
  const dirty = useMemo(() => redFlagsDiffer(opened, form), [opened, form]);
  const latest = useRef(form);
  latest.current = form;
  const summary = summarizeRedFlags(screenFromForm(form));

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (submitted) setErrors(check(patient, form).errors);
  }, [patient, form, submitted]);

  async function save(): Promise<boolean> {
    const { input, errors: found } = check(patient, latest.current);
    setSubmitted(true);
    setErrors(found);
    setServerError(null);
    if (!input) {
      document.getElementById(fid(Object.keys(found)[0]))?.focus();
      return false;
    }
    setSaving(true);
    const outcome = await savePatient(patient, input);
    setSaving(false);
    if (!outcome.ok) {
      setServerError({ message: outcome.message, stale: outcome.stale });
      return false;
    }
    toast(PATIENTS_COPY.redFlagsSaved);
    onSaved(outcome.patient);
    return true;
  }
  useImperativeHandle(ref, () => ({ save }));

  const setEmergency = (flag: (typeof EMERGENCY_FLAGS)[number], answer: Answer) =>
    setForm((f) => ({ ...f, emergency: { ...f.emergency, [flag]: answer } }));
  const setUrgent = (flag: UrgentFlag, patch: Partial<UrgentForm>) =>
    setForm((f) => ({ ...f, urgent: { ...f.urgent, [flag]: { ...f.urgent[flag], ...patch } } }));

  return (
    <FormShell
      className="red-flag-screen"
      titleId={fid('title')}
      title={`${RED_FLAG_COPY.title}: ${patient.displayName}`}
      submitLabel={RED_FLAG_COPY.save}
      saving={saving}
      onSave={() => void save()}
      onRequestClose={onRequestClose}
    >
      <p className="muted">{RED_FLAG_COPY.intro}</p>

      <ErrorSummary
        errors={errors}
        label={redFlagFieldLabel}
        serverError={serverError && <SaveProblem problem={serverError} onLoadLatest={onLoadLatest} />}
      />

      <div className="grid-3">
        <Field id={fid('redFlags.date')} label={RED_FLAG_COPY.date} error={errors['redFlags.date']}>
          <input
            {...describedBy(fid('redFlags.date'), errors, 'redFlags.date')}
            type="date"
            value={form.date}
            onChange={(e) => setForm((f) => ({ ...f, date: e.target.value }))}
          />
        </Field>
      </div>

      {/* Announced as it appears: the first emergency "yes" changes what the clinician must do now. */}
      <div role="alert" className="referral-slot">
        {summary.emergency.length > 0 && <ReferralAdvice />}
      </div>

      <section className="card red-flag-group red-flag-emergency" aria-labelledby={fid('emergency')}>
        <h3 id={fid('emergency')}>{RED_FLAG_COPY.emergencyHeading}</h3>
        {EMERGENCY_FLAGS.map((flag, n) => (
          <Choices
            key={flag}
            id={fid(`emergency.${flag}`)}
            className="red-flag-question"
            legend={
              <>
                <span className="question-number">{n + 1}.</span> {EMERGENCY_FLAG_LABELS[flag]}
              </>
            }
            name={fid(`e-${flag}`)}
            value={form.emergency[flag]}
            options={ANSWER_OPTIONS}
            onChange={(a) => setEmergency(flag, a)}
          />
        ))}
      </section>

      <section className="card red-flag-group" aria-labelledby={fid('urgent')}>
        <h3 id={fid('urgent')}>{RED_FLAG_COPY.urgentHeading}</h3>
        {summary.urgentOpen.length > 0 && <p className="notice notice-warning">{RED_FLAG_COPY.urgentAdvice}</p>}
        {URGENT_FLAGS.map((flag, n) => {
          const u = form.urgent[flag];
          const noteKey = `redFlags.urgent.${flag}.note`;
          const dateKey = `redFlags.urgent.${flag}.date`;
          return (
            <div key={flag} className="red-flag-item">
              <Choices
                id={fid(`urgent.${flag}`)}
                className="red-flag-question"
                legend={
                  <>
                    <span className="question-number">{n + 1}.</span> {URGENT_FLAG_LABELS[flag]}
                  </>
                }
                name={fid(`u-${flag}`)}
                value={u.answer}
                options={ANSWER_OPTIONS}
                onChange={(a) => setUrgent(flag, { answer: a })}
              />
              {u.answer === 'yes' && (
                <div className="resolution">
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={u.resolved}
                      onChange={(e) => setUrgent(flag, { resolved: e.target.checked, date: u.date || today })}
                    />
                    {RED_FLAG_COPY.resolved} <span className="visually-hidden">(urgent question {n + 1})</span>
                  </label>
                  {u.resolved && (
                    <div className="grid-2">
                      <Field
                        id={fid(noteKey)}
                        label={RED_FLAG_COPY.resolutionNote}
                        hint={RED_FLAG_COPY.resolutionNoteHint}
                        error={errors[noteKey]}
                      >
                        <input
                          {...describedBy(fid(noteKey), errors, noteKey, true)}
                          value={u.note}
                          maxLength={500}
                          onChange={(e) => setUrgent(flag, { note: e.target.value })}
                        />
                      </Field>
                      <Field id={fid(dateKey)} label={RED_FLAG_COPY.resolutionDate} error={errors[dateKey]}>
                        <input
                          {...describedBy(fid(dateKey), errors, dateKey)}
                          type="date"
                          value={u.date}
                          onChange={(e) => setUrgent(flag, { date: e.target.value })}
                        />
                      </Field>
                    </div>
                  )}
                </div>
              )}
            </div>
          );
        })}
      </section>
    </FormShell>
  );
}

/** The referral advice for an emergency "yes", shown prominently wherever the screen is. */
export function ReferralAdvice() {
  return (
    <div className="referral-advice">
      <h3>{RED_FLAG_COPY.emergencyAdviceHeading}</h3>
      <p>{RED_FLAG_COPY.emergencyAdvice}</p>
    </div>
  );
}
