// The one window's life: shown even when 'ready-to-show' never comes, recovered (or the run ended,
// in smoke tests and CI) when its load fails, its renderer dies or its preload throws, revealed for
// a second instance, and recreated for a menu command when none is open (macOS keeps running with
// no window). Electron's BrowserWindow is passed in through `create`; tests pass stand-ins.
import type { Logger } from '../../services/log';

export interface HostContents {
  on(event: 'did-finish-load' | 'did-start-loading', listener: () => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'preload-error', listener: (event: unknown, preloadPath: string, error: Error) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
  executeJavaScript(code: string): Promise<unknown>;
}

export interface HostWindow {
  readonly webContents: HostContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

export interface Timers {
  set(task: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (task, ms) => setTimeout(task, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * How long a hidden window may wait for 'ready-to-show' before it is shown anyway. On Wayland
 * (Electron 38+ uses it by default) a hidden window often never paints, so the event never fires
 * (electron/electron#48859); backgroundColor is set, so an early show does not flash.
 */
export const SHOW_FALLBACK_MS = 2500;

/**
 * Shows the window once, on whichever comes first: 'ready-to-show', the page's 'did-finish-load',
 * or the fallback timer. Returns a function that shows it now (used when something went wrong).
 */
export function showWhenReady(win: HostWindow, timers: Timers = realTimers, fallbackMs = SHOW_FALLBACK_MS): () => void {
  let shown = false;
  const showNow = (): void => {
    if (shown) return;
    shown = true;
    timers.clear(timer);
    if (!win.isDestroyed()) win.show();
  };
  const timer = timers.set(showNow, fallbackMs);
  win.once('ready-to-show', showNow);
  win.webContents.on('did-finish-load', showNow);
  win.on('closed', () => timers.clear(timer));
  return showNow;
}

/** Chromium's net::ERR_ABORTED: a navigation replaced or cancelled (by our own guards, say), not a failure. */
const ERR_ABORTED = -3;

export const RELOAD = 0;
export interface Prompt {
  title: string;
  message: string;
  detail: string;
  buttons: [reload: string, quit: string];
}

const SAVED =
  'Nothing you saved is lost: Loadwise saves every change the moment you make it. Reload to carry on, or quit and start it again.';

export function loadFailedPrompt(code: number, description: string): Prompt {
  return {
    title: 'Loadwise',
    message: 'Loadwise could not open its window.',
    detail: `${description || 'The page did not load'} (${code}). ${SAVED}`,
    buttons: ['Reload', 'Quit'],
  };
}

export function rendererGonePrompt(reason: string): Prompt {
  return {
    title: 'Loadwise',
    message: 'The Loadwise window stopped unexpectedly.',
    detail: `Reason: ${reason}. ${SAVED}`,
    buttons: ['Reload', 'Quit'],
  };
}

export function preloadFailedPrompt(): Prompt {
  return {
    title: 'Loadwise',
    message: 'Loadwise could not connect its window to your library.',
    detail: `The window's bridge to the library did not load, so nothing could be shown or saved from this window. ${SAVED}`,
    buttons: ['Reload', 'Quit'],
  };
}

export interface MainWindowOptions<W extends HostWindow = HostWindow> {
  create(): W;
  url: string;
  /** The IPC channel menu commands travel on. */
  commandChannel: string;
  log: Logger;
  /** Asks the user (a modal message box in main); resolves to the index of the button chosen. */
  ask(win: W, prompt: Prompt): Promise<number>;
  quit(): void;
  /** Smoke tests and CI: a failure ends the run with this reason instead of asking anyone. */
  onFatal?: (reason: string) => void;
  /** Called after every completed load of the app page. */
  onLoaded?: (win: W) => void;
  timers?: Timers;
  showFallbackMs?: number;
  /**
   * Commands for a window that was just created wait this long after its load, so the renderer
   * has subscribed to them (React subscribes in an effect, which can run after the load event).
   */
  commandDelayMs?: number;
}

export class MainWindow<W extends HostWindow = HostWindow> {
  private win: W | null = null;
  private showNow: () => void = () => undefined;
  private loaded = false;
  private asking = false;
  private pending: { channel: string; args: unknown[] }[] = [];
  private readonly timers: Timers;

  constructor(private readonly options: MainWindowOptions<W>) {
    this.timers = options.timers ?? realTimers;
  }

  /** The open window, if any. */
  get current(): W | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  /** The window, created and loading if none is open. */
  open(): W {
    const existing = this.current;
    if (existing) return existing;
    const win = this.options.create();
    this.win = win;
    this.loaded = false;
    this.showNow = showWhenReady(win, this.timers, this.options.showFallbackMs);
    win.on('closed', () => {
      if (this.win !== win) return;
      this.win = null;
      this.loaded = false;
    });
    const contents = win.webContents;
    contents.on('did-start-loading', () => {
      this.loaded = false;
    });
    contents.on('did-finish-load', () => {
      this.loaded = true;
      this.options.onLoaded?.(win);
      if (this.pending.length > 0) this.timers.set(() => this.flush(win), this.options.commandDelayMs ?? 300);
    });
    contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      if (!isMainFrame || code === ERR_ABORTED) return;
      this.options.log.error(`window failed to load: ${code} ${description}`);
      this.recover(win, loadFailedPrompt(code, description), `the window failed to load (${code} ${description})`);
    });
    contents.on('render-process-gone', (_event, details) => {
      if (win.isDestroyed()) return;
      this.options.log.error(`window renderer gone: ${details.reason} (exit code ${details.exitCode})`);
      this.recover(win, rendererGonePrompt(details.reason), `the window's renderer is gone (${details.reason})`);
    });
    contents.on('preload-error', (_event, _preloadPath, error) => {
      this.options.log.error('window preload failed', error);
      this.recover(win, preloadFailedPrompt(), 'the preload failed');
    });
    this.load(win);
    return win;
  }

  /** A second instance was started, or the dock icon clicked: bring the window forward. */
  reveal(): void {
    const win = this.open();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  /** Sends a menu command to the window, opening one first when none is (macOS). */
  send(command: string): void {
    this.deliver(this.options.commandChannel, command);
  }

  /** Sends a message to the page once it has loaded, in order with commands (a file opened with the app). */
  deliver(channel: string, ...args: unknown[]): void {
    const win = this.open();
    if (this.loaded && this.pending.length === 0) win.webContents.send(channel, ...args);
    else this.pending.push({ channel, args });
  }

  private flush(win: W): void {
    if (win !== this.win || win.isDestroyed() || !this.loaded) return;
    for (const m of this.pending.splice(0)) win.webContents.send(m.channel, ...m.args);
  }

  private load(win: W): void {
    // A failed load also rejects this promise; 'did-fail-load' is where it is handled.
    win.loadURL(this.options.url).catch(() => undefined);
  }

  /** Never a live app with no window: show it, then offer to reload it or quit. */
  private recover(win: W, prompt: Prompt, reason: string): void {
    if (this.options.onFatal) {
      this.options.onFatal(reason);
      return;
    }
    if (win.isDestroyed()) return;
    this.showNow();
    if (this.asking) return;
    this.asking = true;
    this.options.ask(win, prompt).then(
      (choice) => {
        this.asking = false;
        if (choice === RELOAD && !win.isDestroyed()) {
          this.loaded = false;
          this.load(win);
        } else this.options.quit();
      },
      () => {
        this.asking = false;
        this.options.quit();
      },
    );
  }
}
