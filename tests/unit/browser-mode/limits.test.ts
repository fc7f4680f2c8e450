// The bridge's limits on a real socket: JSON bodies nested deeper than MAX_JSON_DEPTH are refused
// unparsed, a 16 MB deeply nested body is refused without stalling other calls (their latency is
// measured while it streams), thousands of idle connections cannot keep a real call out, and
// silent, slow or idle keep-alive connections are closed on time.
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  MAX_JSON_DEPTH,
  jsonNestedDeeperThan,
  startBridge,
  type Bridge,
  type BridgeLimits,
} from '../../../browser-mode/bridge';
import { bootTestServices, tempDir } from '../../support/fixtures';

const TOKEN = 'tok_limits_6d2f8a1c9e4b7d3f0a5c';
const bridges: Bridge[] = [];
const sockets: net.Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const b of bridges.splice(0)) await b.close();
});

async function start(limits?: Partial<BridgeLimits>): Promise<Bridge> {
  const rendererDir = tempDir('loadwise-limits-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const { ctx } = await bootTestServices();
  const bridge = await startBridge({ ctx, token: TOKEN, rendererDir, limits });
  bridges.push(bridge);
  return bridge;
}

const headers = (port: number): http.OutgoingHttpHeaders => ({
  Host: `127.0.0.1:${port}`,
  Authorization: `Bearer ${TOKEN}`,
  'Content-Type': 'application/json',
});

/** One call on a new connection; resolves with its status and elapsed milliseconds. */
function timedCall(port: number, channel = 'app.info', body = '{}'): Promise<{ status: number; ms: number; text: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${channel}`, headers: headers(port), agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Streams `total` bytes of '[' (chunked, no length declared, so only reading it finds the size)
 * honouring back-pressure; resolves with the status once the server answers.
 */
function streamNested(port: number, total: number, tail = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/library.search', headers: headers(port), agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (err) => (answered ? undefined : reject(err)));
    let answered = false;
    req.on('response', () => (answered = true));
    const chunk = Buffer.alloc(64 * 1024, '[');
    let sent = 0;
    const pump = (): void => {
      while (sent < total && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

/** Calls app.info one after another while `during` runs; the slowest answer, in ms. */
async function slowestCallDuring(port: number, during: Promise<unknown>): Promise<{ slowest: number; calls: number }> {
  let done = false;
  void during.finally(() => (done = true));
  let slowest = 0;
  let calls = 0;
  while (!done || calls < 5) {
    const r = await timedCall(port);
    expect(r.status).toBe(200);
    slowest = Math.max(slowest, r.ms);
    calls++;
  }
  return { slowest, calls };
}

describe('JSON bodies', () => {
  it('finds nesting depth in one pass, ignoring brackets inside strings', () => {
    expect(jsonNestedDeeperThan(Buffer.from('[[[]]]'), 3)).toBe(false);
    expect(jsonNestedDeeperThan(Buffer.from('[[[[]]]]'), 3)).toBe(true);
    expect(jsonNestedDeeperThan(Buffer.from('{"a":"[[[[[[\\"[[["}'), 1)).toBe(false);
    expect(jsonNestedDeeperThan(Buffer.from('{"a":{"b":[1]}}'), 3)).toBe(false);
  });

  it('refuses a body nested deeper than the limit before parsing it, and other calls are not held up', async () => {
    const bridge = await start();
    const depth = 400_000; // about 800 KB: under the size limit, so only the depth refuses it
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    const refused = timedCall(bridge.port, 'library.search', nested);
    const { slowest } = await slowestCallDuring(bridge.port, refused);
    const r = await refused;
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: `The request nests deeper than ${MAX_JSON_DEPTH} levels.` },
    });
    expect(slowest).toBeLessThan(250);
    // Ordinary calls within the depth limit still work.
    expect((await timedCall(bridge.port, 'library.search', JSON.stringify({ query: 'bird', limit: 5 }))).status).toBe(200);
  });

  it('refuses a 16 MB deeply nested body while a concurrent call keeps answering quickly', async () => {
    const bridge = await start();
    const big = streamNested(bridge.port, 16 * 1024 * 1024);
    const { slowest, calls } = await slowestCallDuring(bridge.port, big);
    expect(await big).toBe(413);
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(slowest).toBeLessThan(250);
  });

  it('refuses a declared 16 MB body at once, before any of it is sent', async () => {
    const bridge = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          method: 'POST',
          path: '/api/library.search',
          headers: { ...headers(bridge.port), 'Content-Length': 16 * 1024 * 1024 },
          agent: false,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.flushHeaders(); // headers only; the body is never written
    });
    expect(status).toBe(413);
  });
});

/** Opens a TCP connection and leaves it silent. */
function idleSocket(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', () => undefined);
    s.once('error', reject);
    sockets.push(s);
  });
}

const closedWithin = (s: net.Socket, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (s.destroyed || s.readyState === 'closed') return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    s.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

describe('connections', () => {
  it('still answers a call promptly with 2,000 idle connections open, and keeps at most its cap', async () => {
    const bridge = await start();
    const idle: net.Socket[] = [];
    for (let i = 0; i < 2000; i += 100) idle.push(...(await Promise.all(Array.from({ length: 100 }, () => idleSocket(bridge.port)))));
    const r = await timedCall(bridge.port);
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(1000);
    const open = await new Promise<number>((resolve, reject) => bridge.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
    expect(open).toBeLessThanOrEqual(DEFAULT_LIMITS.maxConnections);
    // The ones evicted to make room were the oldest idle ones.
    expect(await closedWithin(idle[0], 1000)).toBe(true);
    expect(await closedWithin(idle[idle.length - 1], 50)).toBe(false);
  }, 60_000);

  it('closes a connection that never sends its headers, or sends them too slowly', async () => {
    const bridge = await start({ headersTimeoutMs: 400, checkIntervalMs: 100 });
    const silent = await idleSocket(bridge.port);
    const slow = await idleSocket(bridge.port);
    slow.write('POST /api/app.info HTTP/1.1\r\n');
    const drip = setInterval(() => slow.write('X-Drip: 1\r\n'), 100);
    try {
      // Closed after the 400 ms header timeout; the window is wide for a loaded machine, and still
      // far below Node's own 60 s default that would apply if the limit were not set.
      expect(await closedWithin(silent, 6000)).toBe(true);
      expect(await closedWithin(slow, 6000)).toBe(true);
    } finally {
      clearInterval(drip);
    }
    expect((await timedCall(bridge.port)).status).toBe(200);
  });

  it('closes an idle keep-alive connection after keepAliveTimeout', async () => {
    const bridge = await start({ keepAliveTimeoutMs: 300 });
    const s = await idleSocket(bridge.port);
    let reply = '';
    s.on('data', (d: Buffer) => (reply += d.toString('latin1')));
    s.write(
      `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
    );
    expect(await closedWithin(s, 3000)).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
  });
});
