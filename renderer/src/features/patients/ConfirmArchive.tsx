// Asks before a patient is archived or restored: a modal <dialog> with focus on Cancel, Tab kept on
// its buttons, and Esc meaning cancel.
import { useId, useRef, type KeyboardEvent } from 'react';
import { ARCHIVE_COPY } from '../../../../common/copy/en-patients';
import { useModalDialog } from '../../components/useModalDialog';

interface Props {
  name: string;
  /** True to archive, false to restore. */
  archive: boolean;
  onCancel(): void;
  onConfirm(): void;
}

export function ConfirmArchive({ name, archive, onCancel, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  useModalDialog(dialog, cancel);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    e.stopPropagation();
    if (e.key !== 'Tab') return;
    const buttons = [...(dialog.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const edge = e.shiftKey ? buttons[0] : buttons[buttons.length - 1];
    if (document.activeElement === edge) {
      e.preventDefault();
      (e.shiftKey ? buttons[buttons.length - 1] : buttons[0])?.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{archive ? ARCHIVE_COPY.archiveTitle(name) : ARCHIVE_COPY.restoreTitle(name)}</h2>
      <p id={textId}>{archive ? ARCHIVE_COPY.archiveText : ARCHIVE_COPY.restoreText}</p>
      <div className="confirm-actions">
        <button ref={cancel} type="button" className="btn" onClick={onCancel}>
          {ARCHIVE_COPY.cancel}
        </button>
        <button type="button" className={archive ? 'btn btn-danger' : 'btn btn-primary'} onClick={onConfirm}>
          {archive ? ARCHIVE_COPY.archiveConfirm : ARCHIVE_COPY.restoreConfirm}
        </button>
      </div>
    </dialog>
  );
}
