// The Settings screen: the clinic's details, the clinician handouts name and the word patient text
// uses for them, and how handouts print. Saved with Save (or Ctrl+S) only; leaving the screen or
// closing the window with unsaved changes asks first (keep editing, discard, or save), as the
// exercise editor does.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { MAX_ADDRESS_LINES, ROLE_PRESETS } from '../../../../common/contract/settings';
import { roleWording, withRoleNoun } from '../../../../common/text/role';
import { api, CallError, expectOk } from '../../api';
import { useLeaveGuard } from '../../app/leave-guard';
import { Field, saveHandlers } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { UnsavedChangesDialog, type UnsavedChoice } from '../../components/UnsavedChangesDialog';
import { useUnloadGuard } from '../../components/useUnloadGuard';
import { formFromSettings, roleNounOf, settingsChanged, validateSettings, type SettingsErrors, type SettingsForm } from './settings-form';
import './settings.css';
import { ClinicKeyPanel } from '../sharing/ClinicKeyPanel';
import { GroupFolderPanel } from '../sharing/GroupFolderPanel';

const ROLE_LABELS: Record<(typeof ROLE_PRESETS)[number], string> = {
  'physical therapist': 'Physical therapist',
  chiropractor: 'Chiropractor',
  physiotherapist: 'Physiotherapist',
};

const SAMPLE = 'Stop and tell your physical therapist or chiropractor if pain, tingling or numbness spreads down your leg.';

type FieldName = keyof SettingsErrors;

export function SettingsScreen() {
  const [saved, setSaved] = useState<SettingsForm | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ then: () => void } | null>(null);
  const returnFocus = useRef<Element | null>(null);
  const toast = useToast();
  const uid = useId();
  const fid = (name: string) => `${uid}-${name}`;
  const headingId = fid('title');

  useEffect(() => {
    void api['settings.get']({}).then((r) => {
      if (!r.ok) return setLoadError(r.error.message);
      const f = formFromSettings(r.value.settings);
      setSaved(f);
      setForm(f);
    });
  }, []);

  const dirty = saved !== null && form !== null && settingsChanged(saved, form);
  const latest = useRef({ form, dirty });
  latest.current = { form, dirty };

  // Once a save was tried, problems are checked again as fields change, so a fixed field clears.
  useEffect(() => {
    if (submitted && form) setErrors(validateSettings(form).errors);
  }, [form, submitted]);

  async function save(): Promise<boolean> {
    const f = latest.current.form;
    if (!f) return false;
    const { settings, errors: found } = validateSettings(f);
    setSubmitted(true);
    setErrors(found);
    setServerError(null);
    if (!settings) {
      const first = Object.keys(found)[0];
      document.getElementById(fid(first === 'roleNoun' ? 'customRole' : first))?.focus();
      return false;
    }
    setSaving(true);
    try {
      const answer = await expectOk(api['settings.save']({ settings }));
      const next = formFromSettings(answer.settings);
      setSaved(next);
      setForm(next);
      setSubmitted(false);
      toast('Settings saved');
      return true;
    } catch (err) {
      setServerError(err instanceof CallError ? err.message : 'The settings could not be saved.');
      return false;
    } finally {
      setSaving(false);
    }
  }

  function discard() {
    setForm(saved);
    setErrors({});
    setSubmitted(false);
    setServerError(null);
  }

  // Leaving for another section with unsaved changes asks first.
  useLeaveGuard((proceed) => {
    if (!latest.current.dirty) return proceed();
    returnFocus.current = document.activeElement;
    setAsking({ then: proceed });
  });
  useUnloadGuard(dirty, { save, discard });

  async function choose(choice: UnsavedChoice) {
    const pending = asking;
    setAsking(null);
    if (!pending) return;
    if (choice === 'keep') {
      (returnFocus.current instanceof HTMLElement ? returnFocus.current : document.getElementById(headingId))?.focus();
      return;
    }
    if (choice === 'discard') {
      discard();
      pending.then();
      return;
    }
    if (await save()) pending.then();
  }

  if (loadError) {
    return (
      <main className="settings" aria-labelledby={headingId}>
        <h1 id={headingId}>Settings</h1>
        <p role="alert" className="settings-error">
          {loadError}
        </p>
      </main>
    );
  }
  if (!form) {
    return (
      <main className="settings" aria-labelledby={headingId} aria-busy="true">
        <h1 id={headingId}>Settings</h1>
        <p className="muted">Loading…</p>
      </main>
    );
  }

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));
  const hints: Partial<Record<FieldName, string>> = {
    address: `Up to ${MAX_ADDRESS_LINES} lines, as it should print under the clinic's name.`,
    website: 'For example www.clinic.com',
    clinicianName: 'Handouts name this clinician unless a program names another.',
  };
  const invalid = (name: FieldName) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby':
      [errors[name] ? `${fid(name)}-error` : '', hints[name] ? `${fid(name)}-hint` : ''].filter(Boolean).join(' ') || undefined,
  });
  const text = (name: Exclude<FieldName, 'roleNoun' | 'paperSize' | 'units'>, label: string, type = 'text', autoComplete?: string) => (
    <Field label={label} id={fid(name)} error={errors[name]} hint={hints[name]}>
      <input
        id={fid(name)}
        type={type}
        value={form[name]}
        autoComplete={autoComplete}
        onChange={(e) => set(name, e.target.value)}
        {...invalid(name)}
      />
    </Field>
  );
  const roleNoun = roleNounOf(form);

  return (
    <main className="settings" aria-labelledby={headingId}>
      <form aria-labelledby={headingId} noValidate {...saveHandlers(save)}>
        <div className="settings-header">
          <div>
            <h1 id={headingId} tabIndex={-1}>
              Settings
            </h1>
            <p className="settings-intro">Your clinic's details and how handouts speak to patients and print. Changes apply once saved.</p>
          </div>
        </div>

        <fieldset className="settings-group">
          <legend>Clinic</legend>
          {text('clinicName', 'Clinic name', 'text', 'organization')}
          <Field label="Address" id={fid('address')} error={errors.address} hint={hints.address}>
            <textarea
              id={fid('address')}
              rows={4}
              value={form.address}
              onChange={(e) => set('address', e.target.value)}
              {...invalid('address')}
            />
          </Field>
          <div className="settings-row">
            {text('phone', 'Phone', 'tel', 'tel')}
            {text('email', 'Email', 'email', 'email')}
          </div>
          {text('website', 'Website', 'text', 'url')}
        </fieldset>

        <fieldset className="settings-group">
          <legend>Clinician</legend>
          {text('clinicianName', 'Default clinician name', 'text', 'name')}
          <fieldset className="settings-choices" aria-describedby={`${fid('role')}-preview`}>
            <legend className="field-label">What patients call the clinician</legend>
            {ROLE_PRESETS.map((p) => (
              <label key={p} className="settings-choice">
                <input type="radio" name={fid('role')} checked={form.role === p} onChange={() => set('role', p)} />
                {ROLE_LABELS[p]}
              </label>
            ))}
            <label className="settings-choice">
              <input type="radio" name={fid('role')} checked={form.role === 'other'} onChange={() => set('role', 'other')} />
              Other
            </label>
            {form.role === 'other' && (
              <div className="field settings-custom-role">
                <label htmlFor={fid('customRole')}>
                  <span className="field-label">Other role, as patients read it</span>
                </label>
                <input
                  id={fid('customRole')}
                  value={form.customRole}
                  placeholder="athletic trainer"
                  onChange={(e) => set('customRole', e.target.value)}
                  aria-invalid={errors.roleNoun ? true : undefined}
                  aria-describedby={errors.roleNoun ? `${fid('roleNoun')}-error` : undefined}
                />
              </div>
            )}
            {errors.roleNoun && (
              <span className="field-error" id={`${fid('roleNoun')}-error`}>
                {errors.roleNoun}
              </span>
            )}
            <p className="settings-preview" id={`${fid('role')}-preview`}>
              Patient text says “{roleWording(roleNoun)}”, for example: {withRoleNoun(SAMPLE, roleNoun)}
            </p>
          </fieldset>
        </fieldset>

        <fieldset className="settings-group">
          <legend>Handouts</legend>
          <div className="settings-row">
            <fieldset className="settings-choices">
              <legend className="field-label">Paper size</legend>
              <Choice name={fid('paper')} checked={form.paperSize === 'letter'} onPick={() => set('paperSize', 'letter')}>
                Letter (8.5 × 11 in)
              </Choice>
              <Choice name={fid('paper')} checked={form.paperSize === 'a4'} onPick={() => set('paperSize', 'a4')}>
                A4 (210 × 297 mm)
              </Choice>
            </fieldset>
            <fieldset className="settings-choices">
              <legend className="field-label">Weights in</legend>
              <Choice name={fid('units')} checked={form.units === 'lb'} onPick={() => set('units', 'lb')}>
                Pounds (lb)
              </Choice>
              <Choice name={fid('units')} checked={form.units === 'kg'} onPick={() => set('units', 'kg')}>
                Kilograms (kg)
              </Choice>
            </fieldset>
          </div>
        </fieldset>

        {serverError && (
          <p role="alert" className="settings-error">
            {serverError}
          </p>
        )}
        <div className="settings-actions">
          <span className="muted" role="status">
            {dirty ? 'Unsaved changes' : 'All changes saved'}
          </span>
          <button type="button" className="btn" disabled={!dirty || saving} onClick={discard}>
            Discard changes
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      <ClinicKeyPanel />
      <GroupFolderPanel />
      {asking && <UnsavedChangesDialog subject="the settings" onChoose={(c) => void choose(c)} />}
    </main>
  );
}

function Choice({ name, checked, onPick, children }: { name: string; checked: boolean; onPick(): void; children: ReactNode }) {
  return (
    <label className="settings-choice">
      <input type="radio" name={name} checked={checked} onChange={onPick} />
      {children}
    </label>
  );
}
