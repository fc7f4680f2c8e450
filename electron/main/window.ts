// The one window factory. Its options are written inline, where both the unit tests (through a
// recording stand-in for BrowserWindow) and electronegativity's scan read the real values.
// The preload is one bundled CommonJS file: a sandboxed preload can require only a few built-ins.
import type { BrowserWindow as ElectronWindow, BrowserWindowConstructorOptions } from 'electron';

export type WindowClass = new (options: BrowserWindowConstructorOptions) => ElectronWindow;

export function createMainWindow(BrowserWindow: WindowClass, preloadPath: string): ElectronWindow {
  // Inline on purpose: electronegativity cannot follow a variable here and would report the
  // window as unisolated.
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Loadwise',
    show: false,
    backgroundColor: '#f4f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
