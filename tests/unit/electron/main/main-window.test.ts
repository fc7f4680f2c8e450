// The one window's life with stand-ins for BrowserWindow and its webContents (real EventEmitters,
// so listeners run the way Electron calls them) and a hand-driven clock.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MainWindow,
  RELOAD,
  SHOW_FALLBACK_MS,
  showWhenReady,
  type HostWindow,
  type MainWindowOptions,
  type Prompt,
  type Timers,
} from '../../../../electron/main/main-window';
import type { Logger } from '../../../../services/log';

class FakeContents extends EventEmitter {
  sent: unknown[][] = [];
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  executeJavaScript(): Promise<unknown> {
    return Promise.resolve(true);
  }
}

class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  shows = 0;
  focuses = 0;
  restores = 0;
  minimized = false;
  destroyed = false;
  loads: string[] = [];
  show(): void {
    this.shows += 1;
  }
  focus(): void {
    this.focuses += 1;
  }
  restore(): void {
    this.restores += 1;
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    return Promise.resolve();
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

/** A clock the test moves by hand. */
class Clock implements Timers {
  now = 0;
  private tasks: { at: number; task: () => void; id: number }[] = [];
  private next = 1;
  set(task: () => void, ms: number): unknown {
    const id = this.next++;
    this.tasks.push({ at: this.now + ms, task, id });
    return id;
  }
  clear(handle: unknown): void {
    this.tasks = this.tasks.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.now += ms;
    for (;;) {
      const due = this.tasks.filter((t) => t.at <= this.now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      this.tasks = this.tasks.filter((t) => t !== due);
      due.task();
    }
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

let clock: Clock;
let created: FakeWindow[];
let asked: { win: FakeWindow; prompt: Prompt }[];
let answer: () => Promise<number>;
let quits: number;
let fatal: string[];
let logged: string[];
let loaded: FakeWindow[];

const log: Logger = { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };

beforeEach(() => {
  clock = new Clock();
  created = [];
  asked = [];
  answer = () => Promise.resolve(RELOAD);
  quits = 0;
  fatal = [];
  logged = [];
  loaded = [];
});

function controller(extra: Partial<MainWindowOptions<FakeWindow>> = {}): MainWindow<FakeWindow> {
  return new MainWindow<FakeWindow>({
    create: () => {
      const w = new FakeWindow();
      created.push(w);
      return w;
    },
    url: 'app://loadwise/',
    commandChannel: 'loadwise:command',
    log,
    ask: (win, prompt) => {
      asked.push({ win, prompt });
      return answer();
    },
    quit: () => (quits += 1),
    onLoaded: (win) => loaded.push(win),
    timers: clock,
    ...extra,
  });
}

describe('showWhenReady', () => {
  function hidden(): FakeWindow {
    const w = new FakeWindow();
    showWhenReady(w as unknown as HostWindow, clock);
    return w;
  }

  it("shows the window once the page has loaded, when 'ready-to-show' never fires (Wayland)", () => {
    const w = hidden();
    expect(w.shows).toBe(0);
    w.webContents.emit('did-finish-load');
    expect(w.shows).toBe(1);
    clock.advance(SHOW_FALLBACK_MS * 2);
    w.emit('ready-to-show');
    w.webContents.emit('did-finish-load');
    expect(w.shows).toBe(1);
  });

  it('shows the window after the fallback delay when neither event comes', () => {
    const w = hidden();
    clock.advance(SHOW_FALLBACK_MS - 1);
    expect(w.shows).toBe(0);
    clock.advance(1);
    expect(w.shows).toBe(1);
    expect(SHOW_FALLBACK_MS).toBeGreaterThanOrEqual(2000);
    expect(SHOW_FALLBACK_MS).toBeLessThanOrEqual(3000);
  });

  it("shows it on 'ready-to-show' where that works, and only once", () => {
    const w = hidden();
    w.emit('ready-to-show');
    expect(w.shows).toBe(1);
    w.webContents.emit('did-finish-load');
    clock.advance(SHOW_FALLBACK_MS);
    expect(w.shows).toBe(1);
  });

  it('never shows a window that was closed before it was ready', () => {
    const w = hidden();
    w.close();
    clock.advance(SHOW_FALLBACK_MS);
    expect(w.shows).toBe(0);
  });
});

describe('MainWindow', () => {
  it('creates one window, loads the app into it, and reports each completed load', () => {
    const windows = controller();
    const w = windows.open();
    expect(windows.open()).toBe(w);
    expect(created).toHaveLength(1);
    expect(w.loads).toEqual(['app://loadwise/']);
    w.webContents.emit('did-finish-load');
    expect(loaded).toEqual([w]);
    expect(w.shows).toBe(1);
  });

  describe.each([
    [
      'a failed load',
      (w: FakeWindow) => w.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'app://loadwise/', true),
      /could not open its window/,
    ],
    [
      'a renderer crash',
      (w: FakeWindow) => w.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 }),
      /stopped unexpectedly/,
    ],
    [
      'an out-of-memory renderer',
      (w: FakeWindow) => w.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 }),
      /stopped unexpectedly/,
    ],
    [
      'a preload error',
      (w: FakeWindow) => w.webContents.emit('preload-error', {}, '/x/preload.cjs', new Error('boom')),
      /could not connect its window/,
    ],
  ])('after %s', (_name, fail, message) => {
    it('shows the window and offers to reload it, saying saved work is kept', async () => {
      const windows = controller();
      const w = windows.open();
      fail(w);
      expect(w.shows).toBe(1);
      expect(asked).toHaveLength(1);
      expect(asked[0].win).toBe(w);
      expect(asked[0].prompt.message).toMatch(message);
      expect(asked[0].prompt.detail).toMatch(/Nothing you saved is lost/);
      expect(asked[0].prompt.buttons).toEqual(['Reload', 'Quit']);
      await tick();
      expect(w.loads).toEqual(['app://loadwise/', 'app://loadwise/']);
      expect(quits).toBe(0);
      expect(logged.join('\n')).toMatch(/window/);
    });

    it('quits when the user chooses Quit, or the question cannot be asked', async () => {
      answer = () => Promise.resolve(1);
      const first = controller().open();
      fail(first);
      await tick();
      expect(quits).toBe(1);
      expect(first.loads).toHaveLength(1);
      answer = () => Promise.reject(new Error('no dialog'));
      fail(controller().open());
      await tick();
      expect(quits).toBe(2);
    });

    it('ends the run instead of asking when nobody can answer (smoke test, CI)', () => {
      const windows = controller({ onFatal: (reason) => fatal.push(reason) });
      fail(windows.open());
      expect(asked).toEqual([]);
      expect(fatal).toHaveLength(1);
    });
  });

  it('asks once when failures come together', async () => {
    let resolveAnswer: (n: number) => void = () => undefined;
    answer = () => new Promise((resolve) => (resolveAnswer = resolve));
    const w = controller().open();
    w.webContents.emit('preload-error', {}, '/p', new Error('x'));
    w.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://loadwise/', true);
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(asked).toHaveLength(1);
    resolveAnswer(RELOAD);
    await tick();
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(asked).toHaveLength(2);
  });

  it('ignores aborted navigations and sub-frame failures', () => {
    const w = controller().open();
    w.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://evil.example/', true);
    w.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://x.example/', false);
    expect(asked).toEqual([]);
    expect(w.shows).toBe(0);
  });

  it('does not ask about a renderer that went away with its closed window', () => {
    const w = controller().open();
    w.destroyed = true;
    w.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(asked).toEqual([]);
  });

  it('reveals the window for a second instance: restored, shown and focused', () => {
    const windows = controller();
    const w = windows.open();
    w.minimized = true;
    windows.reveal();
    expect(w.restores).toBe(1);
    expect(w.shows).toBeGreaterThanOrEqual(1);
    expect(w.focuses).toBe(1);
    expect(created).toHaveLength(1);
  });

  it('reopens a window for a second instance (or the dock) once the last one was closed', () => {
    const windows = controller();
    windows.open().close();
    expect(windows.current).toBeNull();
    windows.reveal();
    expect(created).toHaveLength(2);
    expect(windows.current).toBe(created[1]);
    expect(created[1].focuses).toBe(1);
  });

  it('sends a menu command straight to a loaded window', () => {
    const windows = controller();
    const w = windows.open();
    w.webContents.emit('did-finish-load');
    windows.send('library.focusSearch');
    expect(w.webContents.sent).toEqual([['loadwise:command', 'library.focusSearch']]);
  });

  it('macOS with no window open: a menu command recreates the window and arrives once it has loaded', () => {
    const windows = controller({ commandDelayMs: 300 });
    windows.open().close();
    windows.send('library.newExercise');
    windows.send('library.focusSearch');
    expect(created).toHaveLength(2);
    const w = created[1];
    expect(w.webContents.sent).toEqual([]);
    w.webContents.emit('did-start-loading');
    w.webContents.emit('did-finish-load');
    expect(w.webContents.sent).toEqual([]);
    clock.advance(300);
    expect(w.webContents.sent).toEqual([
      ['loadwise:command', 'library.newExercise'],
      ['loadwise:command', 'library.focusSearch'],
    ]);
  });

  it('holds commands while the window reloads', () => {
    const windows = controller({ commandDelayMs: 0 });
    const w = windows.open();
    w.webContents.emit('did-finish-load');
    w.webContents.emit('did-start-loading');
    windows.send('library.focusSearch');
    expect(w.webContents.sent).toEqual([]);
    w.webContents.emit('did-finish-load');
    clock.advance(0);
    expect(w.webContents.sent).toEqual([['loadwise:command', 'library.focusSearch']]);
  });

  it('delivers a file opened before the page loaded after it has, in order with commands', () => {
    const windows = controller({ commandDelayMs: 0 });
    const w = windows.open();
    const file = { name: 'photo.png', bytes: new Uint8Array([1, 2, 3]) };
    windows.deliver('loadwise-event:file-opened', file);
    windows.send('library.focusSearch');
    expect(w.webContents.sent).toEqual([]);
    w.webContents.emit('did-finish-load');
    clock.advance(0);
    expect(w.webContents.sent).toEqual([
      ['loadwise-event:file-opened', file],
      ['loadwise:command', 'library.focusSearch'],
    ]);
    windows.deliver('loadwise-event:file-opened', file);
    expect(w.webContents.sent).toHaveLength(3);
  });
});
