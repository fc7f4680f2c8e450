// Closing the window (or quitting) while a screen has unsaved changes. The page sets
// `onbeforeunload` only while something is unsaved; Electron then cancels the unload silently and
// emits 'will-prevent-unload' (docs/api/web-contents.md), where this asks the clinician what to do:
//  - Keep editing: nothing happens; the window stays as it is.
//  - Discard changes / Save: the page is told (CLOSE_COMMANDS on the command channel), drops or saves
//    its changes, and closes the window itself. A save that fails validation stays open, with its
//    problems shown, so nothing is lost.
// The question must be answered synchronously inside the event, so `ask` is a sync message box.
import { CLOSE_COMMANDS } from '../../common/contract/commands';

export const KEEP_EDITING = 0;
export const DISCARD = 1;
export const SAVE = 2;

export interface ClosePrompt {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: [keep: string, discard: string, save: string];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

/** The question, with the same three answers as the page's own unsaved-changes dialog. */
export const UNSAVED_CLOSE_PROMPT: ClosePrompt = {
  type: 'question',
  title: 'Loadwise',
  message: 'You have unsaved changes.',
  detail: 'Save them before Loadwise closes, discard them, or keep editing.',
  buttons: ['Keep editing', 'Discard changes', 'Save'],
  defaultId: KEEP_EDITING,
  // Esc or closing the box keeps editing: the safe answer.
  cancelId: KEEP_EDITING,
  noLink: true,
};

export interface UnloadEvent {
  preventDefault(): void;
}

export interface GuardedContents {
  on(event: 'will-prevent-unload', listener: (event: UnloadEvent) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Answers 'will-prevent-unload' on `contents` with the close question. `ask` shows it (modal to the
 * window) and returns the button index; null where nobody can answer (smoke tests, CI), and then
 * the unload goes ahead. `commandChannel` is where the page hears commands.
 */
export function guardUnsavedClose(contents: GuardedContents, ask: ((prompt: ClosePrompt) => number) | null, commandChannel: string): void {
  contents.on('will-prevent-unload', (event) => {
    if (!ask) {
      event.preventDefault(); // let the unload through: the page's draft keeps what was typed
      return;
    }
    // An answer never lets the unload through: the page closes the window itself once its changes
    // are saved or dropped, so a save that fails cannot lose them.
    const choice = ask(UNSAVED_CLOSE_PROMPT);
    if (choice === DISCARD) contents.send(commandChannel, CLOSE_COMMANDS.discard);
    else if (choice === SAVE) contents.send(commandChannel, CLOSE_COMMANDS.save);
  });
}
