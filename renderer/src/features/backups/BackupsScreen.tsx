// The Backups screen: the backups Loadwise keeps in the data folder (taken every 15 minutes while
// something changes, at quit, and by hand), what each holds, "Back up now", and "Restore" after a
// confirmation that says what happens; "Export everything" and "Import everything" (after a
// confirmation) for moving the whole library to another computer, through the host
// (api/index.ts libraryTransfer), so a library never passes through the page's memory.
import { useModalDialog } from '../../components/useModalDialog';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { BackupInfo } from '../../../../common/contract/backups';
import { api, libraryTransfer, type LibraryFileToImport } from '../../api';
import { LIBRARY_TRANSFER_COPY as COPY } from '../../../../common/copy/en';
import { useCall } from '../../api/useCall';
import { useToast } from '../../components/Toasts';
import './backups.css';

const REASONS: Record<string, string> = {
  auto: 'Automatic',
  manual: 'Backed up by hand',
  'at-quit': 'When Loadwise closed',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
};

export function reasonLabel(reason: string): string {
  if (REASONS[reason]) return REASONS[reason];
  if (reason.startsWith('before-schema-')) return 'Before an update';
  return 'Backup';
}

export function whenLabel(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "105 exercises, 12 photos" (and patients, programs where the backup has them). */
export function contentsLabel(b: BackupInfo): string {
  if (!b.readable) return 'Cannot be read';
  const parts = [plural(b.exercises ?? 0, 'exercise', 'exercises'), plural(b.photos ?? 0, 'photo', 'photos')];
  if (b.patients !== null) parts.push(plural(b.patients, 'patient', 'patients'));
  if (b.programs !== null) parts.push(plural(b.programs, 'program', 'programs'));
  return parts.join(', ');
}

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onCancel(): void;
  onConfirm(): void;
}

/** A modal confirmation: focus starts on Cancel, Tab stays inside, Esc cancels. */
function ConfirmDialog({ title, confirmLabel, children, onCancel, onConfirm }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useModalDialog(dialog, cancel);

  const trap = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const buttons = [...(dialog.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const [first, last] = [buttons[0], buttons[buttons.length - 1]];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="backups-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={trap}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={textId}>{children}</div>
      <div className="backups-dialog-actions">
        <button ref={cancel} type="button" className="btn" onClick={onCancel}>
          {COPY.cancel}
        </button>
        <button type="button" className="btn btn-primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

function ConfirmRestore({ backup, onCancel, onConfirm }: { backup: BackupInfo; onCancel(): void; onConfirm(): void }) {
  return (
    <ConfirmDialog
      title={`Restore the backup from ${whenLabel(backup.takenAt)}?`}
      confirmLabel="Restore this backup"
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p>
        Your library will be replaced by this backup ({contentsLabel(backup)}). Anything added or changed after {whenLabel(backup.takenAt)}{' '}
        will no longer be in the library.
      </p>
      <p>
        First, Loadwise backs up your library as it is now. That backup appears at the top of this list, so you can go back to it by
        restoring it.
      </p>
    </ConfirmDialog>
  );
}

function ConfirmImport({ file, onCancel, onConfirm }: { file: LibraryFileToImport; onCancel(): void; onConfirm(): void }) {
  return (
    <ConfirmDialog title={COPY.confirmTitle(file.name)} confirmLabel={COPY.confirmButton} onCancel={onCancel} onConfirm={onConfirm}>
      <p>{COPY.confirmReplace}</p>
      <p>{COPY.confirmBackup}</p>
    </ConfirmDialog>
  );
}

const counted = (r: { exercises: number; photos: number }): string =>
  `${plural(r.exercises, 'exercise', 'exercises')}, ${plural(r.photos, 'photo', 'photos')}`;

export function BackupsScreen() {
  const toast = useToast();
  const list = useCall<BackupInfo[]>('backups', () => api['backups.list']({}));
  const [busy, setBusy] = useState<'backup' | 'restore' | 'export' | 'import' | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [importing, setImporting] = useState<LibraryFileToImport | null>(null);
  const headingId = useId();
  const transferHeadingId = useId();
  const exportButton = useRef<HTMLButtonElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  // A button disabled while its work runs loses focus; it gets it back once the work is done.
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (busy !== null || importing !== null || !returnFocus.current) return;
    returnFocus.current.focus();
    returnFocus.current = null;
  }, [busy, importing]);

  const exportEverything = async () => {
    returnFocus.current = exportButton.current;
    setBusy('export');
    const r = await libraryTransfer.exportEverything();
    setBusy(null);
    if (!r.ok) toast(r.error.message, 'error');
    else if (r.value.saved) {
      const { fileName } = r.value;
      toast(r.value.downloading ? COPY.downloading(fileName, counted(r.value)) : COPY.exported(fileName, counted(r.value)));
    }
  };

  const chooseImport = async () => {
    returnFocus.current = importButton.current;
    const r = await libraryTransfer.chooseLibraryFile();
    if (!r.ok) toast(r.error.message, 'error');
    else if (r.value) setImporting(r.value);
  };

  const importEverything = async (file: LibraryFileToImport) => {
    setImporting(null);
    setBusy('import');
    const r = await file.import();
    setBusy(null);
    if (r.ok) toast(COPY.imported(counted(r.value)));
    else toast(r.error.message, 'error');
    // The backups (with the one just taken) read again; the other sections read the library
    // afresh when they are shown.
    list.reload();
  };

  const backUpNow = async () => {
    setBusy('backup');
    const r = await api['backups.create']({});
    setBusy(null);
    if (r.ok) toast(`Backup saved (${contentsLabel(r.value)}).`);
    else toast(r.error.message, 'error');
    list.reload();
  };

  const restore = async (backup: BackupInfo) => {
    setConfirming(null);
    setBusy('restore');
    const r = await api['backups.restore']({ name: backup.name });
    setBusy(null);
    if (r.ok) toast(`Restored the backup from ${whenLabel(backup.takenAt)}. Your library as it was just before is saved as a backup.`);
    else toast(r.error.message, 'error');
    list.reload();
  };

  const backups = list.value ?? [];
  return (
    <main className="backups" aria-labelledby={headingId}>
      <div className="backups-header">
        <div>
          <h1 id={headingId}>Backups</h1>
          <p className="backups-intro">
            While you work, Loadwise backs up your library every 15 minutes when something has changed, and again when it closes. It keeps
            the last few from today and one from each earlier day, ten in all. Each backup is checked when it is made.
          </p>
        </div>
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void backUpNow()}>
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {list.error && (
        <p role="alert" className="backups-error">
          {list.error}
        </p>
      )}
      <p role="status" className="backups-status">
        {busy === 'restore' ? 'Restoring…' : busy === 'export' ? COPY.exportStatus : busy === 'import' ? COPY.importStatus : ''}
      </p>
      {list.value && backups.length === 0 && <p className="backups-empty">No backups yet. The first one is made once something changes.</p>}
      {backups.length > 0 && (
        <table className="backups-table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Holds</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <th scope="row">{whenLabel(b.takenAt)}</th>
                <td>{reasonLabel(b.reason)}</td>
                <td>{contentsLabel(b)}</td>
                <td>{sizeLabel(b.bytes)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={!b.readable || busy !== null}
                    aria-label={`Restore the backup from ${whenLabel(b.takenAt)}`}
                    onClick={() => setConfirming(b)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="backups-transfer" aria-labelledby={transferHeadingId}>
        <h2 id={transferHeadingId}>{COPY.heading}</h2>
        <p className="backups-intro">{COPY.intro}</p>
        <div className="backups-transfer-actions">
          <button ref={exportButton} type="button" className="btn" disabled={busy !== null} onClick={() => void exportEverything()}>
            {busy === 'export' ? COPY.exportBusy : COPY.exportButton}
          </button>
          <button ref={importButton} type="button" className="btn" disabled={busy !== null} onClick={() => void chooseImport()}>
            {busy === 'import' ? COPY.importBusy : COPY.importButton}
          </button>
        </div>
      </section>
      {importing && (
        <ConfirmImport file={importing} onCancel={() => setImporting(null)} onConfirm={() => void importEverything(importing)} />
      )}
      {confirming && <ConfirmRestore backup={confirming} onCancel={() => setConfirming(null)} onConfirm={() => void restore(confirming)} />}
    </main>
  );
}
