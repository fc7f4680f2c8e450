// Flags with their reason and source; a flag that needs acknowledging takes a note, and an
// acknowledged one shows the note and can be withdrawn. Blocks cannot be acknowledged.
import { useId, useState } from 'react';
import type { ProgramAcknowledgement } from '../../../../common/domain/program';
import type { Flag } from '../../../../common/safety/rules';
import { SEVERITY_LABELS } from './flag-words';

interface Props {
  flags: Flag[];
  acknowledgements: ProgramAcknowledgement[];
  onAcknowledge(flagId: string, note: string): string | null;
  onWithdraw(flagId: string): void;
  empty?: string;
}

function AckForm({ flag, onAcknowledge }: { flag: Flag; onAcknowledge: Props['onAcknowledge'] }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="ack-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (note.trim() === '') {
          setError('Say why it is safe to go ahead.');
          return;
        }
        setError(onAcknowledge(flag.id, note.trim()));
      }}
    >
      <label htmlFor={id} className="field-label">
        Acknowledge with a note
      </label>
      <div className="ack-row">
        <input
          id={id}
          className="input"
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setError(null);
          }}
          placeholder="Why it is safe for this patient"
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" className="btn btn-small">
          Acknowledge
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function FlagList({ flags, acknowledgements, onAcknowledge, onWithdraw, empty = 'No safety flags.' }: Props) {
  if (flags.length === 0) return <p className="muted">{empty}</p>;
  const acks = new Map(acknowledgements.map((a) => [a.flagId, a]));
  return (
    <ul className="flag-list">
      {flags.map((f) => {
        const ack = acks.get(f.id);
        const state = f.severity === 'block' ? 'block' : ack ? 'acknowledged' : f.severity;
        return (
          <li key={f.id} className={`flag flag-${state}`}>
            <p className="flag-head">
              <span className="flag-severity">{ack ? 'Acknowledged' : SEVERITY_LABELS[f.severity]}</span>
              <span className="flag-source">{f.source}</span>
            </p>
            <p className="flag-reason">{f.reason}</p>
            {ack ? (
              <p className="flag-ack">
                “{ack.note}” ({ack.date}){' '}
                <button type="button" className="link-button" onClick={() => onWithdraw(f.id)}>
                  Withdraw
                </button>
              </p>
            ) : f.acknowledgeable ? (
              <AckForm flag={f} onAcknowledge={onAcknowledge} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
