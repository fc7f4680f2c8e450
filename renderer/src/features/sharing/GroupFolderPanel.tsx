// Settings: the clinic group's shared folder on this computer (a network share or a synced cloud
// drive that every workstation of the group syncs), named by its full path. Mounted by the
// Settings screen; publishing and checking live on the Share screen (GroupPanel.tsx).
import { useEffect, useId, useState } from 'react';
import type { GroupFolderInfo } from '../../../../common/contract/bundles';
import { GROUP_COPY as COPY } from '../../../../common/copy/en-sharing';
import { api } from '../../api';
import { useCall } from '../../api/useCall';
import { useToast } from '../../components/Toasts';
import './sharing.css';

export function GroupFolderPanel() {
  const toast = useToast();
  const headingId = useId();
  const current = useCall<GroupFolderInfo>('group-folder', () => api['bundles.groupFolder']({}));
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setTyped(current.value?.folder ?? ''), [current.value]);

  const save = async (folder: string | null) => {
    setBusy(true);
    setProblem(null);
    const r = await api['bundles.setGroupFolder']({ folder });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    toast(r.value.folder ? COPY.folderSaved : COPY.folderCleared);
    current.reload();
  };

  return (
    <section className="sharing-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{COPY.settingsHeading}</h2>
      <p className="sharing-muted">{COPY.settingsIntro}</p>
      <form
        className="sharing-group-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(typed.trim() || null);
        }}
      >
        <label className="sharing-field">
          {COPY.folderLabel}
          <input
            type="text"
            value={typed}
            spellCheck={false}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${headingId}-problem` : undefined}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        {problem && (
          <p id={`${headingId}-problem`} className="sharing-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="sharing-actions">
          {current.value?.folder && (
            <button type="button" className="btn" disabled={busy} onClick={() => void save(null)}>
              {COPY.stopUsing}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy || typed.trim() === (current.value?.folder ?? '')}>
            {COPY.saveFolder}
          </button>
        </div>
      </form>
    </section>
  );
}
