// Installed on every webContents main creates: no navigation away from the app, no new windows,
// no <webview>. External links open in the user's browser only when the policy allows them.
import { canNavigate, canOpenExternally } from './security';

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents this module touches; tests pass a stand-in. */
export interface LockableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function lockDownContents(contents: LockableContents, openExternal: (url: string) => void): void {
  const guard = (event: PreventableEvent, url: string): void => {
    if (!canNavigate(url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (canOpenExternally(url)) openExternal(url);
    return { action: 'deny' };
  });
}
