// The navigation, external-link, permission, request and IPC-sender policies main installs.
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN_URL,
  canNavigate,
  canOpenExternally,
  EXTERNAL_HOST_ALLOWLIST,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  permissionDecision,
} from '../../../../electron/main/security';

const APP_URLS = ['app://loadwise/', 'app://loadwise/assets/x.js', 'app://loadwise/index.html?x=1#y'];

const FOREIGN_URLS = [
  'https://evil',
  'https://evil.com/',
  'app://evil/',
  'app://loadwise.evil/',
  'app://evil.loadwise/',
  'app://loadwise:99/',
  'app://loadwise:0/',
  'https://loadwise@evil',
  'https://loadwise/',
  'http://loadwise/',
  'app://user@loadwise/',
  'app://user:pw@loadwise/',
  'app://:pw@loadwise/',
  'file:///etc/passwd',
  'file://loadwise/etc/passwd',
  'javascript:alert(1)',
  'data:text/html,x',
  'blob:app://loadwise/0b0e0c11-1111-4111-8111-111111111111',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'garbage',
  '',
  '//loadwise/',
  'app:loadwise',
];

describe('isAppUrl / canNavigate', () => {
  it('exposes the origin it loads', () => {
    expect(APP_ORIGIN_URL).toBe('app://loadwise/');
    expect(isAppUrl(APP_ORIGIN_URL)).toBe(true);
  });

  it.each(APP_URLS)('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(canNavigate(url)).toBe(true);
  });

  it.each(FOREIGN_URLS)('rejects %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(canNavigate(url)).toBe(false);
  });
});

describe('canOpenExternally', () => {
  it.each(['https://pubmed.ncbi.nlm.nih.gov/123', 'https://doi.org/10.2519/jospt.2019.0301', 'https://PubMed.ncbi.nlm.nih.gov/1'])(
    'allows %s',
    (url) => {
      expect(canOpenExternally(url)).toBe(true);
    },
  );

  it.each([
    ['plain http', 'http://pubmed.ncbi.nlm.nih.gov/123'],
    ['file:', 'file:///etc/passwd'],
    ['file: with an allowlisted host', 'file://pubmed.ncbi.nlm.nih.gov/etc/passwd'],
    ['smb:', 'smb://pubmed.ncbi.nlm.nih.gov/share'],
    ['ms-msdt:', 'ms-msdt:/id PCWDiagnostic /skip force'],
    ['custom scheme', 'loadwise://pubmed.ncbi.nlm.nih.gov/'],
    ['custom scheme (search-ms)', 'search-ms:query=x'],
    ['the app scheme', 'app://loadwise/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['userinfo trick', 'https://pubmed.ncbi.nlm.nih.gov@evil.com/'],
    ['userinfo with password', 'https://user:pw@pubmed.ncbi.nlm.nih.gov/'],
    ['a non-default port', 'https://pubmed.ncbi.nlm.nih.gov:8443/'],
    ['an unlisted host', 'https://evil.com/'],
    ['an unlisted subdomain', 'https://www.ncbi.nlm.nih.gov/'],
    ['a lookalike suffix host', 'https://pubmed.ncbi.nlm.nih.gov.evil.com/'],
    ['a lookalike prefix host', 'https://evilpubmed.ncbi.nlm.nih.gov/'],
    ['a subdomain of an allowlisted host', 'https://x.doi.org/'],
    ['a trailing-dot host', 'https://pubmed.ncbi.nlm.nih.gov./'],
    ['an IP address', 'https://127.0.0.1/'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('rejects %s', (_label, url) => {
    expect(canOpenExternally(url)).toBe(false);
  });

  it('only allows https hosts written as plain lower-case names', () => {
    for (const host of EXTERNAL_HOST_ALLOWLIST) {
      expect(host).toMatch(/^[a-z0-9.-]+$/);
      expect(canOpenExternally(`https://${host}/`)).toBe(true);
    }
  });

  it('honours a custom allowlist and nothing else', () => {
    expect(canOpenExternally('https://example.org/', ['example.org'])).toBe(true);
    expect(canOpenExternally('https://pubmed.ncbi.nlm.nih.gov/', ['example.org'])).toBe(false);
    expect(canOpenExternally('https://example.org/', [])).toBe(false);
  });
});

describe('permissionDecision', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'storage-access',
    'window-management',
    'unknown',
    '',
  ])('denies %j', (permission) => {
    expect(permissionDecision(permission)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it.each(['app://loadwise/', 'app://loadwise/assets/app.js'])('lets %s through', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });

  it.each([
    'https://example.com',
    'https://example.com/track.gif',
    'http://127.0.0.1',
    'http://127.0.0.1:9222/json',
    'http://localhost/',
    'ws://127.0.0.1:1234/',
    'wss://example.com/',
    'ftp://example.com/',
    'file:///etc/passwd',
    'app://evil/',
    'app://user@loadwise/',
    'garbage',
  ])('cancels %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('refuses a null frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null)).toBe(false);
  });

  it('refuses a sub-frame even on the app origin', () => {
    expect(isTrustedSender({ url: 'app://loadwise/', isTopFrame: false })).toBe(false);
  });

  it.each([
    'app://evil/',
    'app://evil',
    'https://loadwise/',
    'https://example.com/',
    'file:///index.html',
    'about:blank',
    'app://user@loadwise/',
    '',
  ])('refuses a top frame on %j', (url) => {
    expect(isTrustedSender({ url, isTopFrame: true })).toBe(false);
  });

  it.each(['app://loadwise/', 'app://loadwise/index.html#/library'])('accepts the app top frame on %s', (url) => {
    expect(isTrustedSender({ url, isTopFrame: true })).toBe(true);
  });
});
