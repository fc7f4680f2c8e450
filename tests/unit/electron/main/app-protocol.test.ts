// app://loadwise/ serves the built renderer and nothing else: real files in a temp folder, with a
// secret next to it and symlinks pointing out of it.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../../../electron/main/app-protocol';
import { resolveStatic } from '../../../../services/static-files';
import { CONTENT_SECURITY_POLICY } from '../../../../common/csp';
import { tempDir } from '../../../support/fixtures';

const INDEX = '<!doctype html><title>Loadwise</title><script type="module" src="/assets/app.js"></script>';
const APP_JS = 'console.log("app");';
const SECRET = 'TOP-SECRET-CONTENT-9d1f';

let base: string;
let renderer: string;

beforeEach(() => {
  base = tempDir('loadwise-proto-');
  renderer = path.join(base, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), INDEX);
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), APP_JS);
  fs.writeFileSync(path.join(renderer, 'assets', 'style.css'), 'body{}');
  fs.writeFileSync(path.join(renderer, 'assets', 'notes.txt'), 'no known type');
  fs.writeFileSync(path.join(base, 'secret'), SECRET);
  fs.writeFileSync(path.join(base, 'secret.js'), SECRET);
  fs.symlinkSync(path.join(base, 'secret'), path.join(renderer, 'escape'));
  fs.symlinkSync(path.join(base, 'secret.js'), path.join(renderer, 'assets', 'escape.js'));
  fs.symlinkSync(base, path.join(renderer, 'outside'));
  // A symlink that stays inside is fine.
  fs.symlinkSync(path.join(renderer, 'assets', 'app.js'), path.join(renderer, 'assets', 'alias.js'));
});

/** Path vectors, each relative to app://loadwise, that must never answer anything. */
const ESCAPES = [
  '/%2e%2e/secret',
  '/%2E%2E/secret',
  '/..%2fsecret',
  '/..%2Fsecret',
  '/a%2F..%2F..%2Fsecret',
  '/assets/%2e%2e/%2e%2e/secret',
  '/.%2e/secret',
  '/..%5Csecret',
  '/..%5csecret',
  '/assets%5C..%5C..%5Csecret',
  '/..\\secret',
  '/%00',
  '/index.html%00',
  '/index.html%00.js',
  '//etc/passwd',
  '/%2Fetc%2Fpasswd',
  '/escape',
  '/assets/escape.js',
  '/outside/secret',
  '/missing.html',
  '/assets/missing.js',
  '/assets',
  '/assets/',
  '/%',
  '/%E0%A4%A',
];

function request(p: string, method = 'GET'): Response {
  return appProtocolResponse(`app://loadwise${p}`, method, renderer);
}

describe('appProtocolResponse', () => {
  it('serves index.html at app://loadwise/ with the app CSP and nosniff', async () => {
    const res = request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await res.text()).toBe(INDEX);
  });

  it('serves index.html for the bare origin, with a query or a fragment', async () => {
    for (const url of ['app://loadwise', 'app://loadwise/?x=1', 'app://loadwise/#/library', 'app://loadwise/index.html']) {
      const res = appProtocolResponse(url, 'GET', renderer);
      expect(res.status, url).toBe(200);
      expect(await res.text(), url).toBe(INDEX);
    }
  });

  it('serves scripts as text/javascript with the same headers', async () => {
    const res = request('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript\b/);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await res.text()).toBe(APP_JS);
  });

  it('follows a symlink that stays inside the renderer folder', async () => {
    const res = request('/assets/alias.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(APP_JS);
  });

  it('answers HEAD like GET', () => {
    expect(request('/', 'HEAD').status).toBe(200);
  });

  it('refuses files without a known type', () => {
    expect(request('/assets/notes.txt').status).toBe(404);
  });

  it.each(ESCAPES)('answers 404 for %s and never the secret', async (p) => {
    const res = request(p);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('<title>Loadwise');
    // Error answers carry the same protective headers.
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it.each([
    'app://evil/index.html',
    'app://loadwise.evil/index.html',
    'app://evil.loadwise/index.html',
    'app://loadwise:99/index.html',
    'app://user@loadwise/index.html',
    'https://loadwise/index.html',
    'file:///index.html',
  ])('answers 404 for another origin: %s', (url) => {
    expect(appProtocolResponse(url, 'GET', renderer).status).toBe(404);
  });

  it('answers 400 for an unparseable URL', () => {
    expect(appProtocolResponse('not a url', 'GET', renderer).status).toBe(400);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers 405 for %s', async (method) => {
    const res = request('/', method);
    expect(res.status).toBe(405);
    expect(await res.text()).not.toContain('<title>Loadwise');
  });
});

describe('resolveStatic', () => {
  it('maps / to index.html and assets by name, inside the real root', () => {
    const realRoot = fs.realpathSync(renderer);
    expect(resolveStatic(renderer, '/')).toEqual({ file: path.join(realRoot, 'index.html'), mime: 'text/html; charset=utf-8' });
    expect(resolveStatic(renderer, '')).toEqual({ file: path.join(realRoot, 'index.html'), mime: 'text/html; charset=utf-8' });
    expect(resolveStatic(renderer, '/assets/app.js')).toEqual({
      file: path.join(realRoot, 'assets', 'app.js'),
      mime: 'text/javascript; charset=utf-8',
    });
    expect(resolveStatic(renderer, '/assets/style.css')?.mime).toBe('text/css; charset=utf-8');
  });

  it.each(ESCAPES)('refuses %s', (p) => {
    expect(resolveStatic(renderer, p)).toBeNull();
  });

  it('refuses an absolute path to a real file outside', () => {
    expect(resolveStatic(renderer, path.join(base, 'secret'))).toBeNull();
    expect(resolveStatic(renderer, encodeURI(path.join(base, 'secret')))).toBeNull();
  });

  it('refuses a plain ../ even when nothing normalised it first', () => {
    expect(resolveStatic(renderer, '/../secret')).toBeNull();
    expect(resolveStatic(renderer, '/assets/../../secret')).toBeNull();
    expect(resolveStatic(renderer, '/./index.html')).toBeNull();
  });

  it('answers only from the root it is given, even one reached through a symlink', () => {
    const link = path.join(base, 'renderer-link');
    fs.symlinkSync(renderer, link);
    expect(resolveStatic(link, '/index.html')?.file).toBe(path.join(fs.realpathSync(renderer), 'index.html'));
    expect(resolveStatic(link, '/escape')).toBeNull();
  });
});

describe('app://loadwise/media/<sha256>/<variant>', () => {
  type MediaLookup = NonNullable<Parameters<typeof appProtocolResponse>[3]>;
  const SHA = 'ab'.repeat(32);
  const PHOTO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  /** A MediaLookup recorder answering one stored photo (a real file) for SHA and nothing else. */
  function lookup(mime = 'image/png'): { media: MediaLookup; asked: [string, string][] } {
    const file = path.join(base, 'photo.bin');
    fs.writeFileSync(file, PHOTO);
    const asked: [string, string][] = [];
    return {
      asked,
      media: (sha256, variant) => {
        asked.push([sha256, variant]);
        return sha256 === SHA ? { file, mime } : null;
      },
    };
  }

  const media = (p: string, m?: MediaLookup, method = 'GET'): Response => appProtocolResponse(`app://loadwise${p}`, method, renderer, m);

  it.each(['full', 'thumb'] as const)('serves /media/<sha>/%s through the lookup, typed and cached as immutable', async (variant) => {
    const l = lookup('image/jpeg');
    const res = media(`/media/${SHA}/${variant}`, l.media);
    expect(res.status).toBe(200);
    expect(l.asked).toEqual([[SHA, variant]]);
    expect(res.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res.headers.get('Cache-Control')).toMatch(/\bimmutable\b/);
    expect(res.headers.get('Cache-Control')).toMatch(/\bmax-age=\d{7,}\b/);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from(await res.arrayBuffer()).equals(PHOTO)).toBe(true);
  });

  it('serves a photo with a query string (a cache-buster) as the same photo', () => {
    const l = lookup();
    expect(media(`/media/${SHA}/thumb?v=2`, l.media).status).toBe(200);
    expect(l.asked).toEqual([[SHA, 'thumb']]);
  });

  it('answers 404 when the lookup finds nothing', async () => {
    const l = lookup();
    const res = media(`/media/${'cd'.repeat(32)}/full`, l.media);
    expect(res.status).toBe(404);
    expect(l.asked).toEqual([['cd'.repeat(32), 'full']]);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.text()).not.toContain('PNG');
  });

  it('answers 404 when no lookup is given', () => {
    expect(media(`/media/${SHA}/full`).status).toBe(404);
  });

  it.each([
    '/media/../x',
    '/media/../../secret',
    '/media/%2e%2e/secret',
    `/media/${SHA.toUpperCase()}/full`,
    `/media/${SHA.slice(0, 63)}/full`,
    `/media/${SHA}0/full`,
    `/media/${SHA}/original`,
    `/media/${SHA}/Full`,
    `/media/${SHA}/full/`,
    `/media/${SHA}/full/x`,
    `/media/${SHA}`,
    `/media/${SHA}%2Ffull`,
    `/media/${SHA}%2ffull`,
    `/media%2F${SHA}%2Ffull`,
    `/media/${SHA}/full%00`,
    `/media/${SHA}%5Cfull`,
    `/media/${SHA}/..%2F..%2Fsecret`,
    '/media/',
  ])('answers 404 for %s without asking the lookup', (p) => {
    const l = lookup();
    const res = media(p, l.media);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type') ?? '').not.toMatch(/^image\//);
    expect(l.asked).toEqual([]);
  });

  it('answers 405 for a POST to a photo', () => {
    const l = lookup();
    expect(media(`/media/${SHA}/full`, l.media, 'POST').status).toBe(405);
    expect(l.asked).toEqual([]);
  });

  it('never serves a renderer file under /media/', () => {
    fs.mkdirSync(path.join(renderer, 'media'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'media', 'page.html'), INDEX);
    expect(media('/media/page.html', lookup().media).status).toBe(404);
  });
});
