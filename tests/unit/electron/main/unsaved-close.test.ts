// The close question for unsaved changes, driven through stand-ins that record what happens: main
// listens to 'will-prevent-unload', asks once with Keep editing / Discard changes / Save, and
// passes the answer to the page on the command channel; keeping editing does nothing at all. The
// unload itself is never let through after an answer (the page closes the window when its work is
// safe); where nobody can answer, it is let through at once.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CLOSE_COMMANDS, APP_COMMANDS } from '../../../../common/contract/commands';
import {
  DISCARD,
  guardUnsavedClose,
  KEEP_EDITING,
  SAVE,
  UNSAVED_CLOSE_PROMPT,
  type ClosePrompt,
} from '../../../../electron/main/unsaved-close';

const CHANNEL = 'loadwise-event:command';

class RecordingContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  /** Fires the event as Electron would after the page refused an unload; returns what it recorded. */
  refuseUnload(): { prevented: number } {
    const record = { prevented: 0 };
    this.emit('will-prevent-unload', { preventDefault: () => void record.prevented++ });
    return record;
  }
}

function setUp(answer: number | null) {
  const contents = new RecordingContents();
  const asked: ClosePrompt[] = [];
  guardUnsavedClose(contents, answer === null ? null : (p) => (asked.push(p), answer), CHANNEL);
  return { contents, asked };
}

describe('guardUnsavedClose', () => {
  it('asks the three-way question once, with keep editing as the default and for Esc', () => {
    const { contents, asked } = setUp(KEEP_EDITING);
    contents.refuseUnload();
    expect(asked).toEqual([UNSAVED_CLOSE_PROMPT]);
    expect(asked[0].buttons).toEqual(['Keep editing', 'Discard changes', 'Save']);
    expect(asked[0].buttons[asked[0].defaultId]).toBe('Keep editing');
    expect(asked[0].buttons[asked[0].cancelId]).toBe('Keep editing');
    expect(asked[0].message).toMatch(/unsaved changes/);
  });

  it('keep editing: nothing is sent and the unload stays refused', () => {
    const { contents } = setUp(KEEP_EDITING);
    expect(contents.refuseUnload().prevented).toBe(0);
    expect(contents.sent).toEqual([]);
  });

  it('discard: tells the page to discard and close; the unload stays refused until it has', () => {
    const { contents } = setUp(DISCARD);
    expect(contents.refuseUnload().prevented).toBe(0);
    expect(contents.sent).toEqual([[CHANNEL, CLOSE_COMMANDS.discard]]);
  });

  it('save: tells the page to save and close (a failed save stays open)', () => {
    const { contents } = setUp(SAVE);
    expect(contents.refuseUnload().prevented).toBe(0);
    expect(contents.sent).toEqual([[CHANNEL, CLOSE_COMMANDS.save]]);
  });

  it('asks again each time the page refuses an unload', () => {
    const { contents, asked } = setUp(KEEP_EDITING);
    contents.refuseUnload();
    contents.refuseUnload();
    expect(asked).toHaveLength(2);
  });

  it('where nobody can answer, lets the unload through without asking or sending', () => {
    const { contents, asked } = setUp(null);
    expect(contents.refuseUnload().prevented).toBe(1);
    expect(asked).toEqual([]);
    expect(contents.sent).toEqual([]);
  });

  it('sends only commands the preload forwards to the page', () => {
    expect(APP_COMMANDS).toEqual(expect.arrayContaining([CLOSE_COMMANDS.save, CLOSE_COMMANDS.discard]));
  });
});
