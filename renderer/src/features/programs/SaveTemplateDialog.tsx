// Saving the program as a clinic template: a name and a description. The template keeps the
// stages and exercises with their doses, never the patient or the notes written for them.
import { useId, useRef, useState } from 'react';
import { api } from '../../api';
import { useModalDialog } from '../../components/useModalDialog';

interface Props {
  programId: string;
  flush(): Promise<void>;
  onClose(savedName: string | null): void;
}

export function SaveTemplateDialog({ programId, flush, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useModalDialog(dialog, input);
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => (e.preventDefault(), onClose(null))}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return setError('Name the template.');
          setBusy(true);
          void flush()
            .then(() => api['templates.saveFromProgram']({ programId, name: name.trim(), description: description.trim() }))
            .then((r) => {
              setBusy(false);
              if (r.ok) onClose(r.value.name);
              else setError(r.error.message);
            });
        }}
      >
        <h2 id={`${id}-title`}>Save as a clinic template</h2>
        <p>
          The template keeps the stages, exercises, doses and exit criteria. It never keeps the patient, their notes or acknowledgements.
        </p>
        <label htmlFor={`${id}-name`} className="field-label">
          Template name
        </label>
        <input
          id={`${id}-name`}
          ref={input}
          className="input"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          aria-invalid={error !== null}
        />
        <label htmlFor={`${id}-description`} className="field-label">
          Description (optional)
        </label>
        <textarea
          id={`${id}-description`}
          className="input"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        {error ? <p className="field-error">{error}</p> : null}
        <div className="confirm-actions">
          <button type="button" className="btn" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save template
          </button>
        </div>
      </form>
    </dialog>
  );
}
