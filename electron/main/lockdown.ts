// Installed on every webContents main creates: no navigation away from the app, no new windows,
// no <webview>. External links open in the user's browser only when the policy allows them.
// The navigation guards read the URL from the event's details (`event.url`): Electron 45 documents
// the positional `url` argument of will-navigate and will-redirect as deprecated.
import { canNavigate, canOpenExternally } from './security';

interface PreventableEvent {
  preventDefault(): void;
}

/** The details object Electron passes to will-navigate, will-redirect and will-frame-navigate. */
export interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** The part of Electron's WebContents this module touches; tests pass a stand-in. */
export interface LockableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Runs a task after the current event has returned (tests pass a synchronous one). */
export type Defer = (task: () => void) => void;

export function lockDownContents(contents: LockableContents, openExternal: (url: string) => void, defer: Defer = setImmediate): void {
  // A missing URL (an Electron that stopped sending it) is refused: canNavigate is false for it.
  const guard = (event: NavigationEvent): void => {
    if (!canNavigate(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Electron's security tutorial opens the link after the handler has returned.
    if (canOpenExternally(url)) defer(() => openExternal(url));
    return { action: 'deny' };
  });
}
