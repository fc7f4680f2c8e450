// Shows a <dialog> as modal while the calling component is mounted, puts focus on the given element
// (the safe choice: keep editing, cancel) and closes the dialog when the component goes.
import { useEffect, type RefObject } from 'react';

export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>, initialFocus: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) {
      // Test DOMs without showModal still get an open dialog.
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    initialFocus.current?.focus();
    return () => {
      if (d.open && typeof d.close === 'function') d.close();
    };
  }, [dialog, initialFocus]);
}
