// A patient's programs inside their record: the list, "New program" (blank or from a template),
// and the builder, which takes the whole workspace while it is open.
import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Patient, ProgramSummary, TemplateSummary } from '../../../../common/contract';
import { hasOpenRedFlag, localDay } from '../../../../common/domain/patient';
import { STAGE_LABELS } from '../../../../common/copy/en';
import { api } from '../../api';
import { useCall } from '../../api/useCall';
import { useModalDialog } from '../../components/useModalDialog';
// The builder (with the reducer's schemas, zod and dnd-kit) loads when a program is opened, so the
// first screen stays light.
const ProgramBuilder = lazy(() => import('./ProgramBuilder').then((m) => ({ default: m.ProgramBuilder })));

export interface PatientProgramsProps {
  patientId: string;
}

function NewProgramDialog({ patientId, onClose }: { patientId: string; onClose(programId: string | null): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useModalDialog(dialog, input);
  const id = useId();
  const templates = useCall<TemplateSummary[]>('templates', () => api['templates.list']({}));
  const patient = useCall<Patient>(patientId, () => api['patients.get']({ id: patientId }));
  const screen = patient.value?.clinical.redFlags;
  const today = localDay(new Date());
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = templates.value?.find((t) => t.id === templateId);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => (e.preventDefault(), onClose(null))}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const name = title.trim() || chosen?.name || '';
          if (name === '') return setError('Give the program a title, or choose a template.');
          setBusy(true);
          void api['programs.create']({ patientId, title: name, templateId: templateId || null }).then((r) => {
            setBusy(false);
            if (r.ok) onClose(r.value.id);
            else setError(r.error.message);
          });
        }}
      >
        <h2 id={`${id}-title`}>New program</h2>
        {screen ? (
          <p className={screen.date === today && !hasOpenRedFlag(screen) ? 'muted small' : 'notice'} role="note">
            {hasOpenRedFlag(screen)
              ? 'The red-flag screen shows a red flag: deal with it (refer, or resolve it with a note) before exercise starts.'
              : screen.date === today
                ? 'Red-flag screen done today: no red flags.'
                : `Red-flag screen last done ${screen.date ?? 'never'}. Ask it again today (Red-flag screen… in the patient’s record) before the program starts.`}
          </p>
        ) : null}
        <label htmlFor={`${id}-template`} className="field-label">
          Start from
        </label>
        <select id={`${id}-template`} className="input" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          <option value="">A blank program (four empty stages)</option>
          {(['builtin', 'clinic'] as const).map((origin) => {
            const list = (templates.value ?? []).filter((t) => t.origin === origin);
            return list.length === 0 ? null : (
              <optgroup key={origin} label={origin === 'builtin' ? 'Starter templates' : 'Clinic templates'}>
                {list.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
        {chosen ? (
          <p className="muted small">
            {chosen.description} {chosen.itemCount} exercises.{' '}
            {chosen.missingCodes.length > 0 ? `Not in this library, left out: ${chosen.missingCodes.join(', ')}.` : ''}
          </p>
        ) : null}
        <label htmlFor={`${id}-title-input`} className="field-label">
          Title
        </label>
        <input
          id={`${id}-title-input`}
          ref={input}
          className="input"
          value={title}
          placeholder={chosen?.name ?? 'e.g. Low back strength program'}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
          aria-invalid={error !== null}
        />
        {error ? <p className="field-error">{error}</p> : null}
        <p className="muted small">Every exercise is checked against this patient’s record as it lands: flags appear at once.</p>
        <div className="confirm-actions">
          <button type="button" className="btn" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Create program
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * The builder takes the whole window while it is open (its own header leads back to the patient);
 * everything behind it is inert, so neither Tab nor a screen reader reaches the record underneath.
 */
function Workspace({ children }: { children: ReactNode }) {
  const marker = useRef<HTMLSpanElement>(null);
  const [host, setHost] = useState<Element | null>(null);
  useEffect(() => {
    const app = marker.current?.closest('.app') ?? null;
    const behind = app ? [...app.children].filter((el) => !el.classList.contains('builder-overlay')) : [];
    for (const el of behind) el.setAttribute('inert', '');
    setHost(app);
    return () => {
      for (const el of behind) el.removeAttribute('inert');
    };
  }, []);
  return (
    <>
      <span ref={marker} hidden />
      {host ? createPortal(<div className="builder-overlay">{children}</div>, host) : null}
    </>
  );
}

export function PatientPrograms({ patientId }: PatientProgramsProps) {
  const headingId = useId();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useCall<ProgramSummary[]>(`${patientId}:${showArchived}`, () =>
    api['programs.list']({ patientId, includeArchived: showArchived }),
  );

  if (open) {
    return (
      <Workspace>
        <Suspense fallback={<p className="muted builder-loading">Opening the program…</p>}>
          <ProgramBuilder
            programId={open}
            onClose={() => {
              setOpen(null);
              list.reload();
            }}
          />
        </Suspense>
      </Workspace>
    );
  }

  return (
    <section className="card patient-programs" aria-labelledby={headingId} data-slot="patient-programs">
      <div className="patient-programs-head">
        <h3 id={headingId}>Programs</h3>
        <button type="button" className="btn btn-primary btn-small" onClick={() => setCreating(true)}>
          New program…
        </button>
      </div>
      {list.error ? <p className="notice notice-error">{list.error}</p> : null}
      {list.value && list.value.length === 0 ? (
        <p className="muted">No programs yet. Start one from a template or a blank program.</p>
      ) : null}
      <ul className="program-list">
        {(list.value ?? []).map((p) => (
          <li key={p.id} className={p.archived ? 'is-archived' : undefined}>
            <button type="button" className="link-button program-open" onClick={() => setOpen(p.id)}>
              {p.title}
            </button>
            <span className="muted small">
              Stage {p.currentStage} ({STAGE_LABELS[p.currentStage].toLowerCase()}) · {p.itemCount} exercises ·{' '}
              {p.latestVersion === null
                ? 'not issued yet'
                : `version ${p.latestVersion}${p.changedSinceIssue ? ', with unissued changes' : ''}`}
              {p.archived ? ' · archived' : ''}
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => void api['programs.setArchived']({ id: p.id, archived: !p.archived }).then(() => list.reload())}
            >
              {p.archived ? 'Restore' : 'Archive'}
            </button>
          </li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived programs
      </label>
      {creating ? (
        <NewProgramDialog
          patientId={patientId}
          onClose={(id) => {
            setCreating(false);
            if (id) setOpen(id);
            else list.reload();
          }}
        />
      ) : null}
    </section>
  );
}
