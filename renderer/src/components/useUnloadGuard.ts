// While a screen has unsaved changes, closing the window asks first. The page sets
// `window.onbeforeunload` only while something is unsaved (and clears it as soon as nothing is):
//  - in a browser (browser mode), the browser shows its own "Leave site?" question;
//  - in Electron the unload is refused silently and main asks Keep editing / Discard / Save
//    (electron/main/unsaved-close.ts), then sends the answer here as a close command: the screen
//    discards or saves, and the window closes once the work is safe (a failed save stays open).
import { useEffect, useRef } from 'react';
import { CLOSE_COMMANDS } from '../../../common/contract/commands';
import { onMenuCommand } from '../api';

export interface UnloadActions {
  /** Saves; false when it could not (problems shown), and the window then stays open. */
  save(): Promise<boolean>;
  /** Drops the unsaved changes. */
  discard(): Promise<void> | void;
  /** Runs as the window is about to close with changes (write a draft, say). */
  beforeUnload?(): void;
}

function closeWindow(): void {
  window.onbeforeunload = null; // the changes are safe: nothing left to ask about
  window.close();
}

export function useUnloadGuard(dirty: boolean, actions: UnloadActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent): string => {
      latest.current.beforeUnload?.();
      e.preventDefault();
      e.returnValue = '';
      return '';
    };
    window.onbeforeunload = onBeforeUnload;
    const stop = onMenuCommand((command) => {
      if (command === CLOSE_COMMANDS.discard) {
        void Promise.resolve(latest.current.discard()).then(closeWindow);
      } else if (command === CLOSE_COMMANDS.save) {
        void latest.current.save().then((saved) => {
          if (saved) closeWindow();
        });
      }
    });
    return () => {
      if (window.onbeforeunload === onBeforeUnload) window.onbeforeunload = null;
      stop();
    };
  }, [dirty]);
}
