// Policies for what the window may load, open and ask for. Pure functions, so tests exercise the
// exact rules main installs. `new URL('app://…').origin` is 'null' for custom schemes: compare
// protocol and host instead.
export const APP_SCHEME = 'app';
export const APP_HOST = 'loadwise';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for the app's own pages: app://loadwise/… with no user info or port. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
}

/** In-window navigation: the app never navigates away from itself. */
export function canNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** Hosts whose pages may open in the user's browser: references cited in the library. */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'pubmed.ncbi.nlm.nih.gov',
  'pmc.ncbi.nlm.nih.gov',
  'doi.org',
  'www.jospt.org',
  'www.nice.org.uk',
  'www.cochranelibrary.com',
];

/** https only, to an allowlisted host, no credentials or odd ports; everything else is refused. */
export function canOpenExternally(url: string, allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return false;
  return allowlist.includes(u.hostname.toLowerCase());
}

/** Camera, microphone, location, notifications, clipboard reads…: Loadwise needs none of them. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Network requests the session lets through: the app's own scheme and devtools only. */
export function isAllowedRequest(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  return isAppUrl(url) || u.protocol === 'devtools:' || u.protocol === 'blob:' || u.protocol === 'data:';
}

export interface SenderFrame {
  url: string;
  /** The frame is the top frame of its page (not an iframe). */
  isTopFrame: boolean;
}

/**
 * IPC is answered only for the app's own top frame. A null frame (navigated away or destroyed)
 * is refused too, as Electron's security checklist advises.
 */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  return frame !== null && frame.isTopFrame && isAppUrl(frame.url);
}
