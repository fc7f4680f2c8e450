// The browser-mode bridge on real services and a real socket. Requests go through node:http so
// the exact Host, Origin and Sec-Fetch-* headers a browser (or an attacker) would send are sent.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, tokensMatch, type Bridge } from '../../../browser-mode/bridge';
import { CHANNELS, isByteChannel } from '../../../common/contract';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';
import { bootTestServices, tempDir } from '../../support/fixtures';

const TOKEN = 'tok_9f2c4e1a7b3d5f60e8a2c4b6d8f0a1c3';
const WRONG_SAME_LENGTH = 'tok_0000000000000000000000000000000X';
const INDEX = '<!doctype html><title>Loadwise</title>';
const SECRET = 'TOP-SECRET-CONTENT-9d1f';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The replies seen by the running test; each test checks its own for the token afterwards. */
const replies: Reply[] = [];

let bridge: Bridge;
let base: string;

beforeEach(async () => {
  replies.length = 0;
  base = tempDir('loadwise-bridge-');
  const rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret'), SECRET);
  fs.writeFileSync(path.join(base, 'secret.js'), SECRET);
  fs.symlinkSync(path.join(base, 'secret.js'), path.join(rendererDir, 'assets', 'escape.js'));
  const services = await bootTestServices();
  bridge = await startBridge({ ctx: services.ctx, token: TOKEN, rendererDir });
});

afterEach(async () => {
  await bridge.close();
  // Whatever a test provoked, no reply carries the token: not in a body, not in a header.
  for (const r of replies.splice(0)) expectNoToken(r);
});

interface Options {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  /** Leave Host out of the defaults (it is then whatever `headers` says, or absent). */
  noDefaultHost?: boolean;
  body?: string | Buffer;
}

function call(o: Options = {}): Promise<Reply> {
  const headers: Record<string, string | number> = {};
  if (!o.noDefaultHost) headers.Host = `127.0.0.1:${bridge.port}`;
  Object.assign(headers, o.headers ?? {});
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: o.method ?? 'GET', path: o.path ?? '/', headers, setHost: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const reply = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
          replies.push(reply);
          resolve(reply);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

const api = (channel: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Reply> =>
  call({
    method: 'POST',
    path: `/api/${channel}`,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });

const json = (r: Reply): { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } } => JSON.parse(r.body);

function expectNoToken(r: Reply): void {
  expect(r.body).not.toContain(TOKEN);
  expect(JSON.stringify(r.headers)).not.toContain(TOKEN);
}

function expectNoCors(r: Reply): void {
  for (const h of Object.keys(r.headers)) expect(h.toLowerCase().startsWith('access-control-allow-'), h).toBe(false);
}

describe('startBridge', () => {
  it('listens on 127.0.0.1 only, on the port it reports', () => {
    const address = bridge.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
    expect(address.port).toBe(bridge.port);
    expect(bridge.port).toBeGreaterThan(0);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`);
  });

  it.each([
    ['missing', ''],
    ['short', 'x'.repeat(15)],
  ])('refuses a %s token', async (_label, token) => {
    const services = await bootTestServices();
    await expect(startBridge({ ctx: services.ctx, token, rendererDir: base })).rejects.toThrow(/token/);
    await expect(startBridge({ ctx: services.ctx, token: undefined as unknown as string, rendererDir: base })).rejects.toThrow(/token/);
  });

  it('compares tokens by value and length', () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch(TOKEN, WRONG_SAME_LENGTH)).toBe(false);
    expect(tokensMatch(TOKEN, TOKEN.slice(0, -1))).toBe(false);
    expect(tokensMatch(TOKEN, `${TOKEN}x`)).toBe(false);
    expect(tokensMatch(TOKEN, '')).toBe(false);
  });
});

describe('token', () => {
  it('answers 401 without a token', async () => {
    const r = await call({ method: 'POST', path: '/api/app.info', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it.each([
    ['a wrong token of equal length', `Bearer ${WRONG_SAME_LENGTH}`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 20)}`],
    ['the token with extra characters', `Bearer ${TOKEN}x`],
    ['the wrong scheme', `Basic ${TOKEN}`],
    ['a lower-case scheme with no space', `bearer${TOKEN}`],
    ['the bare token', TOKEN],
  ])('answers 401 for %s', async (_label, authorization) => {
    const r = await api('app.info', {}, { Authorization: authorization });
    expect(r.status).toBe(401);
    expect(json(r).ok).toBe(false);
  });

  it('checks the token before anything else about the call (even an unknown channel)', async () => {
    const r = await call({ method: 'POST', path: '/api/nope', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
  });

  it('answers 200 {ok:true} with the right token', async () => {
    const r = await api('app.info');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(json(r)).toMatchObject({ ok: true, value: { name: 'Loadwise', transport: 'browser' } });
  });
});

describe('Host allowlist (DNS rebinding)', () => {
  it.each([
    'evil.com:PORT',
    'evil.com',
    '127.0.0.1',
    '127.0.0.1:1',
    'localhost',
    '[::1]:PORT',
    '0.0.0.0:PORT',
    '127.0.0.2:PORT',
    'LOCALHOST.evil.com:PORT',
  ])('answers 421 for Host %s even with the token', async (host) => {
    const r = await api('app.info', {}, { Host: host.replace('PORT', String(bridge.port)) });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('"ok":true');
  });

  it('refuses a request with no Host header at all (Node answers 400 before the bridge sees it)', async () => {
    for (const r of [
      await call({ noDefaultHost: true, path: '/' }),
      await call({
        noDefaultHost: true,
        method: 'POST',
        path: '/api/app.info',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: '{}',
      }),
    ]) {
      expect([400, 421]).toContain(r.status);
      expect(r.body).not.toContain(INDEX);
      expect(r.body).not.toContain('"ok":true');
    }
  });

  it('answers 421 on static files too', async () => {
    const r = await call({ path: '/', headers: { Host: `evil.com:${bridge.port}` } });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain(INDEX);
  });

  it('accepts localhost:PORT', async () => {
    const r = await api('app.info', {}, { Host: `localhost:${bridge.port}` });
    expect(r.status).toBe(200);
    expect(json(r).ok).toBe(true);
  });
});

describe('Origin and Sec-Fetch-Site', () => {
  it.each([
    'https://evil.com',
    'http://evil.com',
    'null',
    'http://127.0.0.1:1',
    'http://127.0.0.1',
    'https://127.0.0.1:PORT',
    'http://localhost.evil.com:PORT',
  ])('answers 403 for Origin %s', async (origin) => {
    const r = await api('app.info', {}, { Origin: origin.replace('PORT', String(bridge.port)) });
    expect(r.status).toBe(403);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
  });

  it.each(['cross-site', 'same-site'])('answers 403 for Sec-Fetch-Site: %s', async (site) => {
    const r = await api('app.info', {}, { 'Sec-Fetch-Site': site });
    expect(r.status).toBe(403);
    const page = await call({ path: '/', headers: { 'Sec-Fetch-Site': site } });
    expect(page.status).toBe(403);
  });

  it.each(['http://127.0.0.1:PORT', 'http://localhost:PORT'])('accepts the same-origin Origin %s', async (origin) => {
    const r = await api('app.info', {}, { Origin: origin.replace('PORT', String(bridge.port)), 'Sec-Fetch-Site': 'same-origin' });
    expect(r.status).toBe(200);
    expect(json(r).ok).toBe(true);
  });

  it.each(['cross-site', 'same-site'])('lets a %s top-level navigation open the page, but nothing else', async (site) => {
    const nav = { 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' };
    expect((await call({ path: '/', headers: nav })).status).toBe(200);
    expect((await call({ path: '/', headers: { ...nav, 'Sec-Fetch-Dest': 'iframe' } })).status).toBe(403);
    expect((await call({ path: '/', headers: { ...nav, 'Sec-Fetch-Mode': 'no-cors' } })).status).toBe(403);
    const r = await api('app.info', {}, nav);
    expect(r.status).toBe(403);
  });

  it('accepts Sec-Fetch-Site: none (the address typed by the user)', async () => {
    const r = await call({ path: '/', headers: { 'Sec-Fetch-Site': 'none' } });
    expect(r.status).toBe(200);
  });
});

describe('methods and bodies', () => {
  it('answers OPTIONS (a CORS preflight) with 405 and no CORS header', async () => {
    for (const p of ['/api/app.info', '/']) {
      const r = await call({
        method: 'OPTIONS',
        path: p,
        headers: {
          Origin: `http://127.0.0.1:${bridge.port}`,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
      expect(r.status).toBe(405);
      expectNoCors(r);
    }
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('answers %s /api/app.info with 405 and Allow: POST', async (method) => {
    const r = await call({ method, path: '/api/app.info', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
  });

  it('answers POST to a static path with 405', async () => {
    const r = await call({ method: 'POST', path: '/', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(405);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain; charset=application/json'])(
    'answers 415 for Content-Type %s (a form or simple cross-site request)',
    async (type) => {
      const r = await api('app.info', '{}', { 'Content-Type': type });
      expect(r.status).toBe(415);
    },
  );

  it('answers 415 with no Content-Type', async () => {
    const r = await call({ method: 'POST', path: '/api/app.info', headers: { Authorization: `Bearer ${TOKEN}` }, body: '{}' });
    expect(r.status).toBe(415);
  });

  it('accepts application/json with a charset', async () => {
    const r = await api('app.info', '{}', { 'Content-Type': 'application/json; charset=utf-8' });
    expect(r.status).toBe(200);
  });

  it('answers 400 for invalid JSON', async () => {
    for (const body of ['{', '{"a":', 'undefined', "{'a':1}"]) {
      const r = await api('app.info', body);
      expect(r.status, body).toBe(400);
      expect(json(r)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
  });

  it('treats an empty body as {}', async () => {
    const r = await api('app.info', '');
    expect(r.status).toBe(200);
    expect(json(r).ok).toBe(true);
  });

  it('answers 413 for a body over 16 MB', async () => {
    const big = Buffer.alloc(16 * 1024 * 1024 + 1024, 0x20);
    const r = await api('library.search', big);
    expect(r.status).toBe(413);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('still serves after refusing a large body', async () => {
    // The refusal itself must arrive as a 413, not as a reset connection.
    const refused = await api('library.search', Buffer.alloc(17 * 1024 * 1024, 0x20));
    expect(refused.status).toBe(413);
    expect((await api('app.info')).status).toBe(200);
  });

  it('answers 404 with unknown_call for an unknown channel', async () => {
    for (const channel of ['nope', '__proto__', 'constructor', 'app.info/extra', 'APP.INFO']) {
      const r = await api(channel);
      expect(r.status, channel).toBe(404);
      expect(json(r)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('routes every JSON channel to the dispatcher (no 404 for any; byte calls: byte-lane.test.ts)', async () => {
    const jsonChannels = CHANNELS.filter((c) => !isByteChannel(c));
    expect(jsonChannels.length).toBeGreaterThan(5);
    for (const channel of jsonChannels) {
      const r = await api(channel, {});
      expect(r.status, channel).toBe(200);
      const body = json(r);
      // Routed: answered by its handler, or refused by its schema (these calls get {}), never anything else.
      expect(['ok', 'invalid_argument'], channel).toContain(body.ok ? 'ok' : body.error!.code);
    }
  });

  it('answers a refused argument as 200 {ok:false, invalid_argument}', async () => {
    const r = await api('app.info', { unexpected: 1 });
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('writes through the API into the real database', async () => {
    const before = json(await api('app.info')).value!.exerciseCount as number;
    const { sampleDraft } = await import('../../support/fixtures');
    const created = await api('library.create', { draft: sampleDraft() });
    expect(json(created).ok).toBe(true);
    expect(json(await api('app.info')).value!.exerciseCount).toBe(before + 1);
  });
});

describe('static files', () => {
  it('serves index.html at / with the security headers', async () => {
    const r = await call({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    expectNoCors(r);
  });

  it('serves scripts as text/javascript', async () => {
    const r = await call({ path: '/assets/app.js' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('puts the same headers on API answers and errors', async () => {
    for (const r of [await api('app.info'), await call({ path: '/missing' }), await api('app.info', {}, { Authorization: 'x' })]) {
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['cache-control']).toBe('no-store');
      expectNoCors(r);
    }
  });

  it.each([
    '/%2e%2e/secret',
    '/%2E%2E/%2E%2E/secret',
    '/..%2fsecret',
    '/a%2F..%2F..%2Fsecret',
    '/..%5Csecret',
    '/..\\secret',
    '/%00',
    '/index.html%00',
    '//etc/passwd',
    '/../secret',
    '/assets/../../secret',
    '/assets/escape.js',
    '/missing.html',
    '/assets',
  ])('answers 404 for %s and never leaks the secret', async (p) => {
    const r = await call({ path: p });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain(INDEX);
  });
});

describe('the token stays secret', () => {
  it('appears in no body or header of any kind of reply', async () => {
    const seen: Reply[] = [
      await api('app.info'),
      await api('app.info', { unexpected: 1 }),
      await api('app.info', '{'),
      await api('nope'),
      await api('library.get', { id: TOKEN }),
      await api('library.search', { query: TOKEN }),
      await api('app.info', {}, { Authorization: `Bearer ${TOKEN}x` }),
      await api('app.info', {}, { Authorization: TOKEN }),
      await api('app.info', '{}', { 'Content-Type': 'text/plain' }),
      await api('app.info', {}, { Origin: 'https://evil.com' }),
      await api('app.info', {}, { Host: 'evil.com' }),
      await api('library.search', Buffer.alloc(16 * 1024 * 1024 + 1, 0x20)),
      await call({ method: 'GET', path: '/api/app.info', headers: { Authorization: `Bearer ${TOKEN}` } }),
      await call({ method: 'OPTIONS', path: '/api/app.info', headers: { Authorization: `Bearer ${TOKEN}` } }),
      await call({ path: '/' }),
      await call({ path: `/${TOKEN}` }),
      await call({ path: '/assets/app.js' }),
    ];
    // Every kind of answer the bridge gives is among them.
    expect(new Set(seen.map((r) => r.status))).toEqual(new Set([200, 400, 401, 403, 404, 405, 413, 415, 421]));
    for (const r of seen) expectNoToken(r);
  });
});
