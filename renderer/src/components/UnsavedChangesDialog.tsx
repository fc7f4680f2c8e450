// Asks what to do with unsaved changes before the editor closes: keep editing, discard them, or
// save them. A modal <dialog>: the page behind is inert, Tab stays on its three buttons, and Esc
// (or closing it any other way) means keep editing.
import { useId, useRef, type KeyboardEvent } from 'react';
import { useModalDialog } from './useModalDialog';

export type UnsavedChoice = 'keep' | 'discard' | 'save';

interface Props {
  /** What is being edited, for the question ("Wall press", "a new exercise"). */
  subject: string;
  onChoose(choice: UnsavedChoice): void;
}

export function UnsavedChangesDialog({ subject, onChoose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useModalDialog(dialog, keep);

  // The dialog closes first, so whatever the choice does next (focus a field, save) acts on a live page.
  const pick = (choice: UnsavedChoice) => {
    const d = dialog.current;
    if (d?.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
    onChoose(choice);
  };

  // showModal keeps focus out of the page; this keeps Tab cycling over the dialog's own buttons.
  const trap = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const buttons = [...(dialog.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    if (buttons.length === 0) return;
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={(e) => {
        // Keys stay in the dialog: the editor behind must not see Esc or Ctrl+S.
        e.stopPropagation();
        trap(e);
      }}
      onCancel={(e) => {
        e.preventDefault();
        pick('keep');
      }}
    >
      <h2 id={titleId}>Unsaved changes</h2>
      <p id={textId}>You have changed {subject} and not saved it. What would you like to do?</p>
      <div className="confirm-actions">
        <button ref={keep} type="button" className="btn" onClick={() => pick('keep')}>
          Keep editing
        </button>
        <button type="button" className="btn btn-danger" onClick={() => pick('discard')}>
          Discard changes
        </button>
        <button type="button" className="btn btn-primary" onClick={() => pick('save')}>
          Save
        </button>
      </div>
    </dialog>
  );
}
