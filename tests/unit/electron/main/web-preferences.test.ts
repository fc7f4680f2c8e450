// The main window's options, captured from the real factory through a recording stand-in for
// BrowserWindow: the very object electron/main/index.ts hands to Electron.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, type WindowClass } from '../../../../electron/main/window';

function captureOptions(preloadPath: string): { options: BrowserWindowConstructorOptions; window: unknown; calls: number } {
  const seen: BrowserWindowConstructorOptions[] = [];
  class RecordingWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      seen.push(options);
    }
  }
  const window = createMainWindow(RecordingWindow as unknown as WindowClass, preloadPath);
  expect(window).toBeInstanceOf(RecordingWindow);
  return { options: seen[0], window: window as unknown as BrowserWindow, calls: seen.length };
}

describe('createMainWindow webPreferences', () => {
  const { options, calls } = captureOptions('/x/preload.cjs');
  const prefs = options.webPreferences!;

  it('constructs exactly one window with the preload path it is given', () => {
    expect(calls).toBe(1);
    expect(prefs.preload).toBe('/x/preload.cjs');
  });

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives the page, its workers and its frames no Node', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('disables <webview> and the spellchecker', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it.each(['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures'] as const)(
    'never sets %s (Electron default stays in force)',
    (key) => {
      expect(Object.prototype.hasOwnProperty.call(prefs, key)).toBe(false);
      expect(prefs[key]).toBeUndefined();
    },
  );

  it('does not start visible before the page is ready', () => {
    expect(options.show).toBe(false);
  });

  it('builds fresh options on every call (no shared mutable defaults)', () => {
    const first = captureOptions('/a.cjs').options;
    first.webPreferences!.sandbox = false;
    first.webPreferences!.nodeIntegration = true;
    const second = captureOptions('/b.cjs').options.webPreferences!;
    expect(second.sandbox).toBe(true);
    expect(second.nodeIntegration).toBe(false);
    expect(second.preload).toBe('/b.cjs');
  });
});
