// Issuing: the clinician's name (the clinic's default from Settings), then the service's own check.
// A refusal lists what blocks issuing and what still needs an acknowledgement, in words.
import { useEffect, useId, useRef, useState } from 'react';
import type { IssueOutcome } from '../../../../common/contract';
import type { Flag } from '../../../../common/safety/rules';
import { api } from '../../api';
import { useModalDialog } from '../../components/useModalDialog';

interface Props {
  flush(): Promise<void>;
  issue(clinician: string): Promise<{ outcome?: IssueOutcome; error?: string }>;
  onClose(issuedNumber: number | null): void;
}

export function IssueDialog({ flush, issue, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useModalDialog(dialog, input);
  const id = useId();
  const [clinician, setClinician] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ blocks: Flag[]; unacknowledged: Flag[] } | null>(null);

  useEffect(() => {
    void api['settings.get']({}).then((r) => {
      if (r.ok && r.value.settings.clinicianName) setClinician((c) => c || r.value.settings.clinicianName);
    });
  }, []);

  const submit = async () => {
    if (clinician.trim() === '') return setError('Name the clinician issuing the program.');
    setBusy(true);
    await flush();
    const r = await issue(clinician.trim());
    setBusy(false);
    if (r.error) return setError(r.error);
    if (r.outcome?.issued) return onClose(r.outcome.version.number);
    if (r.outcome && !r.outcome.issued) setRefused({ blocks: r.outcome.blocks, unacknowledged: r.outcome.unacknowledged });
  };

  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => (e.preventDefault(), onClose(null))}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`}>Issue this program</h2>
        <p>Issuing freezes the program as a numbered version with today’s date. Later changes make a draft of the next version.</p>
        <label htmlFor={id} className="field-label">
          Issued by
        </label>
        <input
          id={id}
          ref={input}
          className="input"
          value={clinician}
          onChange={(e) => {
            setClinician(e.target.value);
            setError(null);
          }}
          aria-invalid={error !== null}
        />
        {error ? <p className="field-error">{error}</p> : null}
        {refused ? (
          <div className="notice notice-error" role="alert">
            <p>
              <strong>The program cannot be issued yet.</strong>
            </p>
            {refused.blocks.length > 0 ? (
              <>
                <p>These block issuing until the program or the patient’s record changes:</p>
                <ul>
                  {refused.blocks.map((f) => (
                    <li key={f.id}>{f.reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {refused.unacknowledged.length > 0 ? (
              <>
                <p>These need an acknowledgement with a note:</p>
                <ul>
                  {refused.unacknowledged.map((f) => (
                    <li key={f.id}>{f.reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        <div className="confirm-actions">
          <button type="button" className="btn" onClick={() => onClose(null)}>
            {refused ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Issuing…' : 'Issue version'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
