// The Share screen (issue 13): export the clinic's own exercises and templates as a
// .loadwise-library file (what to share, licence, signing), and import one from the file picker,
// or dropped on the window or opened with the app from any screen (file-targets routes library
// files here through its bundle inbox): the
// preview shows who signed it and what would change, with a choice per conflict and for all,
// before anything is written.
import { useId, useRef, useState } from 'react';
import type { BundleApplyResult, BundlePreview, ConflictChoice } from '../../../../common/contract/bundles';
import type { Result } from '../../../../common/contract/result';
import { LICENCES, type Licence } from '../../../../common/domain/bundle';
import { CHOICE_LABELS, LICENCE_LABELS, SHARING_COPY as COPY, STATUS_LABELS, signatureLine } from '../../../../common/copy/en-sharing';
import { api, libraryTransfer } from '../../api';
import { useBundleInbox, useFileTarget } from '../../app/file-targets';
import { ImportProgress } from './ImportProgress';
import { ExportPanel } from './ExportPanel';
import { GroupPanel } from './GroupPanel';
import { ToolImportPanel } from './ToolImportPanel';
import { useToast } from '../../components/Toasts';
import './sharing.css';

const CHOICES: ConflictChoice[] = ['mine', 'theirs', 'both'];

/** How a previewed file is applied: from the clinician's file (the byte lane) or from the group folder by name. */
type ApplyWith = (choices: {
  bundleSha256: string;
  allConflicts: ConflictChoice;
  choices: Record<string, ConflictChoice>;
  trustSigner: boolean;
  jobId: string;
}) => Promise<Result<BundleApplyResult>>;

interface Pending {
  preview: BundlePreview;
  applyWith: ApplyWith;
}

const fromFile =
  (file: File): ApplyWith =>
  (c) =>
    api['bundles.apply']({ ...c, fileName: file.name }, file);
const fromGroup =
  (name: string): ApplyWith =>
  (c) =>
    api['bundles.applyGroupFile']({ ...c, name });

function Preview({ preview, applyWith, onDone }: { preview: BundlePreview; applyWith: ApplyWith; onDone(): void }) {
  const toast = useToast();
  const headingId = useId();
  const [all, setAll] = useState<ConflictChoice>('mine');
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [trust, setTrust] = useState(false);
  const [job, setJob] = useState<string | null>(null);
  const busy = job !== null;
  const conflicts = preview.items.filter((i) => i.status === 'conflict');
  const sig = preview.signature;

  const apply = async () => {
    const jobId = crypto.randomUUID();
    setJob(jobId);
    const r = await applyWith({ bundleSha256: preview.bundleSha256, allConflicts: all, choices, trustSigner: trust, jobId });
    setJob(null);
    if (!r.ok && r.error.code === 'cancelled') {
      // Stopped before anything changed: the preview stays, to import later or cancel.
      toast(r.error.message);
      return;
    }
    if (!r.ok) toast(r.error.message, 'error');
    else toast(r.value.added + r.value.updated === 0 ? COPY.nothingToDo : COPY.imported(r.value.added, r.value.updated));
    onDone();
  };

  return (
    <section className="sharing-panel sharing-preview" aria-labelledby={headingId} aria-busy={busy}>
      <h2 id={headingId}>{COPY.previewHeading(preview.clinicName)}</h2>
      <p className={`sharing-signature sharing-signature-${sig.state}`}>
        {signatureLine(sig.state, preview.clinicName, sig.fingerprint, sig.trustedAs)}
      </p>
      <p className="sharing-muted">
        {new Date(preview.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
        {LICENCE_LABELS[preview.licence]} · {preview.counts.exercises} exercises, {preview.counts.templates} templates,{' '}
        {preview.counts.photos} photos
      </p>
      <table className="sharing-table">
        <caption className="visually-hidden">What importing this file would change</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Your choice</th>
          </tr>
        </thead>
        <tbody>
          {preview.items.map((item) => (
            <tr key={item.key}>
              <th scope="row">{item.name}</th>
              <td>{item.kind === 'exercise' ? 'Exercise' : 'Template'}</td>
              <td>
                {STATUS_LABELS[item.status]}
                {item.detail && <span className="sharing-muted"> — {item.detail}</span>}
              </td>
              <td>
                {item.status === 'conflict' && (
                  <select
                    aria-label={`What to do with ${item.name}`}
                    value={choices[item.key] ?? all}
                    onChange={(e) => setChoices({ ...choices, [item.key]: e.target.value as ConflictChoice })}
                  >
                    {CHOICES.map((c) => (
                      <option key={c} value={c}>
                        {CHOICE_LABELS[c]}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflicts.length > 0 && (
        <label className="sharing-field">
          {COPY.allConflicts}
          <select
            value={all}
            onChange={(e) => {
              setAll(e.target.value as ConflictChoice);
              setChoices({});
            }}
          >
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {CHOICE_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
      )}
      {sig.state === 'unknown' && (
        <label className="sharing-check">
          <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} />
          {COPY.trustSigner}
        </label>
      )}
      {job && <ImportProgress jobId={job} label={COPY.importing} />}
      <div className="sharing-actions">
        <button type="button" className="btn" disabled={busy} onClick={onDone}>
          {COPY.cancel}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void apply()}>
          {busy ? COPY.importing : COPY.importButton}
        </button>
      </div>
    </section>
  );
}

export function SharingScreen() {
  const toast = useToast();
  const headingId = useId();
  const importHeadingId = useId();
  const [checking, setChecking] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const open = async (file: File) => {
    setPending(null);
    const jobId = crypto.randomUUID();
    setChecking(jobId);
    const r = await api['bundles.preview']({ fileName: file.name, jobId }, file);
    setChecking(null);
    if (r.ok) setPending({ preview: r.value, applyWith: fromFile(file) });
    else toast(r.error.message, 'error');
  };

  // Library files reach this screen from anywhere through the inbox; any other file dropped here is refused by name.
  useBundleInbox((file) => void open(file));
  useFileTarget({
    label: COPY.dropLabel,
    accepts: () => false,
    refusal: COPY.notBundle,
    receive: () => undefined,
  });

  return (
    <main className="sharing" aria-labelledby={headingId}>
      <h1 id={headingId}>{COPY.heading}</h1>
      <p className="sharing-muted">{COPY.intro}</p>
      <ExportPanel />
      <GroupPanel onReview={(file, preview) => setPending({ preview, applyWith: fromGroup(file.name) })} />
      <section className="sharing-panel" aria-labelledby={importHeadingId}>
        <h2 id={importHeadingId}>{COPY.importHeading}</h2>
        <label className="sharing-field">
          {COPY.chooseFile}
          <input
            ref={input}
            type="file"
            accept=".loadwise-library"
            disabled={checking !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void open(file);
            }}
          />
        </label>
        <p className="sharing-muted">{COPY.dropHint}</p>
        {checking && <ImportProgress jobId={checking} label={COPY.checking} />}
      </section>
      {pending && (
        <Preview
          key={pending.preview.bundleSha256}
          preview={pending.preview}
          applyWith={pending.applyWith}
          onDone={() => {
            setPending(null);
            input.current?.focus();
          }}
        />
      )}
      <ToolImportPanel />
    </main>
  );
}
