// The Backups screen: the backups Loadwise keeps in the data folder (taken every 15 minutes while
// something changes, at quit, and by hand), what each holds, "Back up now", and "Restore" after a
// confirmation that says what happens. Exporting the whole library to another computer is not
// offered here yet (see docs/backups.md).
import { useModalDialog } from '../../components/useModalDialog';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { BackupInfo } from '../../../../common/contract/backups';
import { api } from '../../api';
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

function ConfirmRestore({ backup, onCancel, onConfirm }: { backup: BackupInfo; onCancel(): void; onConfirm(): void }) {
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
      <h2 id={titleId}>Restore the backup from {whenLabel(backup.takenAt)}?</h2>
      <div id={textId}>
        <p>
          Your library will be replaced by this backup ({contentsLabel(backup)}). Anything added or changed after{' '}
          {whenLabel(backup.takenAt)} will no longer be in the library.
        </p>
        <p>
          First, Loadwise backs up your library as it is now. That backup appears at the top of this list, so you can go back to it by
          restoring it.
        </p>
      </div>
      <div className="backups-dialog-actions">
        <button ref={cancel} type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={onConfirm}>
          Restore this backup
        </button>
      </div>
    </dialog>
  );
}

export function BackupsScreen() {
  const toast = useToast();
  const list = useCall<BackupInfo[]>('backups', () => api['backups.list']({}));
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const headingId = useId();

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
      {busy === 'restore' && <p role="status">Restoring…</p>}
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
      {confirming && <ConfirmRestore backup={confirming} onCancel={() => setConfirming(null)} onConfirm={() => void restore(confirming)} />}
    </main>
  );
}
