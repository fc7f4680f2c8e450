// The byte lane of the browser-mode bridge, on real services and a real socket: a photo's bytes
// travel as a raw application/octet-stream body (never base64 in JSON), its arguments in a
// header; oversized bodies are refused with 413 without being kept, in memory or on disk; photos
// are served back by URL to a caller holding the media cookie that POST /session hands out.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ARGS_HEADER, MAX_JSON_BODY_BYTES, MEDIA_COOKIE, startBridge, type Bridge } from '../../../browser-mode/bridge';
import { MAX_PHOTO_BYTES, mediaUrl } from '../../../common/contract';
import type { Exercise } from '../../../common/domain/exercise';
import type { ServiceContext } from '../../../services/context';
import { photoFile } from '../../../services/media/use-cases';
import { stageStream, stagingDir, type StagedFile } from '../../../services/staging';
import { bootTestServices, sampleDraft, tempDir } from '../../support/fixtures';

const TOKEN = 'tok_5be1d07c2a9f4e3b8c6d1a0f7e2b9c4d';
const WRONG_SAME_LENGTH = 'tok_00000000000000000000000000000000';
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Every reply seen by the running test; afterEach checks none carries the token. */
const replies: Reply[] = [];

let bridge: Bridge;
let ctx: ServiceContext;
/** Watches every file the services open for writing, so "nothing staged" covers files removed again. */
let writeStreams: MockInstance<typeof fs.createWriteStream>;

beforeEach(async () => {
  replies.length = 0;
  writeStreams = vi.spyOn(fs, 'createWriteStream');
  const rendererDir = tempDir('loadwise-bytes-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Loadwise</title>');
  ctx = (await bootTestServices()).ctx;
  bridge = await startBridge({ ctx, token: TOKEN, rendererDir });
});

afterEach(async () => {
  writeStreams.mockRestore();
  await bridge.close();
  for (const r of replies.splice(0)) expectNoToken(r);
});

function expectNoToken(r: Reply): void {
  expect(r.body.toString('latin1')).not.toContain(TOKEN);
  expect(JSON.stringify(r.headers)).not.toContain(TOKEN);
}

// --- requests -----------------------------------------------------------------------------------

interface Options {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: Buffer | string;
}

function request(o: Options): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: o.method ?? 'GET',
        path: o.path,
        headers: { Host: `127.0.0.1:${bridge.port}`, ...o.headers },
        setHost: false,
        agent: false,
      },
      (res) => collect(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

function collect(res: http.IncomingMessage): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const reply = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
      replies.push(reply);
      resolve(reply);
    });
    res.on('error', reject);
  });
}

const argsHeader = (args: unknown): string => encodeURIComponent(JSON.stringify(args));

/** A byte call as the renderer makes it: raw body, arguments in the header, token in Authorization. */
function byteCall(channel: string, body: Buffer, args: unknown, headers: Record<string, string | number> = {}): Promise<Reply> {
  const base: Record<string, string | number> = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/octet-stream' };
  if (args !== undefined) base[ARGS_HEADER] = argsHeader(args);
  return request({ method: 'POST', path: `/api/${channel}`, headers: { ...base, ...headers }, body });
}

const jsonCall = (channel: string, args: unknown): Promise<Reply> =>
  request({
    method: 'POST',
    path: `/api/${channel}`,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: typeof args === 'string' || Buffer.isBuffer(args) ? args : JSON.stringify(args),
  });

type Answer<T = Record<string, unknown>> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const json = <T = Record<string, unknown>>(r: Reply): Answer<T> => JSON.parse(r.body.toString('utf8'));

interface Upload {
  reply: Reply;
  /** Body bytes handed to the socket before the response arrived. */
  sentBeforeReply: number;
}

/**
 * Uploads `total` bytes in 64 KB chunks made on the fly, honouring back-pressure, and stops writing
 * once the response arrives. With `declareLength` the headers carry Content-Length: `declared`;
 * otherwise the body is chunked. With `holdBody` not one body byte is written until a response.
 */
function upload(o: {
  path: string;
  headers: Record<string, string | number>;
  total: number;
  declared?: number;
  holdBody?: boolean;
  waitMs?: number;
}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string | number> = { Host: `127.0.0.1:${bridge.port}`, ...o.headers };
    if (o.declared !== undefined) headers['Content-Length'] = o.declared;
    else headers['Transfer-Encoding'] = 'chunked';
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no response within ${o.waitMs ?? 10_000} ms (${sent} body bytes sent)`));
    }, o.waitMs ?? 10_000);
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: 'POST', path: o.path, headers, setHost: false, agent: false },
      (res) => {
        answered = true;
        const sentBeforeReply = sent;
        collect(res).then(
          (reply) => {
            clearTimeout(timer);
            req.destroy();
            resolve({ reply, sentBeforeReply });
          },
          (err) => {
            clearTimeout(timer);
            reject(err);
          },
        );
      },
    );
    // Once the server has answered and closed, writes still in flight may fail: that is expected.
    req.on('error', (err) => {
      if (answered) return;
      clearTimeout(timer);
      reject(err);
    });
    req.flushHeaders();
    if (o.holdBody) return;
    const pump = (): void => {
      while (!answered && sent < o.total) {
        const n = Math.min(CHUNK, o.total - sent);
        sent += n;
        if (!req.write(Buffer.alloc(n, 0x5a))) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

function stagedFiles(): string[] {
  const dir = stagingDir(ctx.dataDir);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

/** Files opened for writing in staging during this test, whether or not they are still there. */
const everStaged = (): string[] => writeStreams.mock.calls.map((c) => String(c[0])).filter((f) => f.startsWith(stagingDir(ctx.dataDir)));

// --- photos -------------------------------------------------------------------------------------

const pngPhoto = (): Promise<Buffer> =>
  sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 30, g: 140, b: 200 } } })
    .png()
    .toBuffer();

const jpegPhoto = (): Promise<Buffer> =>
  sharp({ create: { width: 90, height: 160, channels: 3, background: { r: 220, g: 60, b: 20 } } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'SecretCam' } })
    .toBuffer();

async function clinicExercise(): Promise<Exercise> {
  const r = await jsonCall('library.create', { draft: sampleDraft() });
  const answer = json<Exercise>(r);
  if (!answer.ok) throw new Error(`library.create failed: ${answer.error.message}`);
  return answer.value;
}

async function attachedPhoto(): Promise<{ exercise: Exercise; sha256: string }> {
  const exercise = await clinicExercise();
  const r = await byteCall('media.attach', await pngPhoto(), { exerciseId: exercise.id, fileName: 'start.png' });
  const answer = json<Exercise>(r);
  if (!answer.ok) throw new Error(`media.attach failed: ${answer.error.message}`);
  return { exercise: answer.value, sha256: answer.value.photos[0].sha256 };
}

async function openSession(): Promise<string> {
  const r = await request({ method: 'POST', path: '/session', headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(r.status).toBe(200);
  const cookie = [r.headers['set-cookie'] ?? []].flat()[0] ?? '';
  return cookie.split(';')[0];
}

// --- tests --------------------------------------------------------------------------------------

describe('media.attach over the byte lane', () => {
  it.each([
    ['PNG', pngPhoto, 'image/png', 120, 80],
    ['JPEG', jpegPhoto, 'image/jpeg', 90, 160],
  ] as const)('attaches a real %s sent as application/octet-stream; library.get shows it', async (_label, make, mime, width, height) => {
    const exercise = await clinicExercise();
    const bytes = await make();
    const r = await byteCall('media.attach', bytes, { exerciseId: exercise.id, fileName: 'Start position', caption: 'Start' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(json(r)).toMatchObject({ ok: true, value: { id: exercise.id, photos: [{ mime, width, height, caption: 'Start' }] } });
    const got = json<Exercise>(await jsonCall('library.get', { id: exercise.id }));
    expect(got).toMatchObject({ ok: true, value: { photos: [{ mime, width, height, caption: 'Start' }] } });
    // Staged on its way to the worker, and removed once the call ended.
    expect(everStaged()).toHaveLength(1);
    expect(stagedFiles()).toEqual([]);
  });

  it('accepts a file name with any characters, URI-encoded in the header', async () => {
    const exercise = await clinicExercise();
    const r = await byteCall('media.attach', await pngPhoto(), { exerciseId: exercise.id, fileName: 'Übung „Brücke“ 😀.png' });
    expect(json(r).ok).toBe(true);
  });

  it.each([
    ['no args header at all', undefined],
    ['no exerciseId', { fileName: 'a.png' }],
    ['no fileName', { exerciseId: 'EXERCISE' }],
    ['an unknown field', { exerciseId: 'EXERCISE', fileName: 'a.png', dataBase64: 'AAAA' }],
  ])('answers invalid_argument for %s, and keeps no staged file', async (_label, args) => {
    const exercise = await clinicExercise();
    const withId = args === undefined ? undefined : JSON.parse(JSON.stringify(args).replace('EXERCISE', exercise.id));
    const r = await byteCall('media.attach', await pngPhoto(), withId);
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(stagedFiles()).toEqual([]);
    expect(json<Exercise>(await jsonCall('library.get', { id: exercise.id }))).toMatchObject({ ok: true, value: { photos: [] } });
  });

  it('answers 400 for an args header that is not URI-encoded JSON', async () => {
    for (const header of ['{not json', '%E0%A4%A', encodeURIComponent('{"a":')]) {
      const r = await byteCall('media.attach', await pngPhoto(), undefined, { [ARGS_HEADER]: header });
      expect(r.status, header).toBe(400);
      expect(json(r)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    expect(everStaged()).toEqual([]);
  });

  it.each([
    ['no token', undefined],
    ['a wrong token of equal length', `Bearer ${WRONG_SAME_LENGTH}`],
    ['the bare token', TOKEN],
  ])('answers 401 for %s on the byte route, and stages nothing', async (_label, authorization) => {
    const exercise = await clinicExercise();
    const headers: Record<string, string> = {
      'Content-Type': 'application/octet-stream',
      [ARGS_HEADER]: argsHeader({ exerciseId: exercise.id, fileName: 'a.png' }),
    };
    if (authorization !== undefined) headers.Authorization = authorization;
    const r = await request({ method: 'POST', path: '/api/media.attach', headers, body: await pngPhoto() });
    expect(r.status).toBe(401);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(everStaged()).toEqual([]);
    expect(stagedFiles()).toEqual([]);
  });

  it.each(['application/json', 'text/plain', 'multipart/form-data; boundary=x', 'image/png'])(
    'answers 415 for Content-Type %s on a byte call',
    async (type) => {
      const exercise = await clinicExercise();
      const r = await byteCall('media.attach', await pngPhoto(), { exerciseId: exercise.id, fileName: 'a.png' }, { 'Content-Type': type });
      expect(r.status).toBe(415);
      expect(json(r)).toMatchObject({ ok: false, error: { code: 'unsupported_media' } });
      expect(everStaged()).toEqual([]);
    },
  );

  it('answers 415 for a JSON call sent as octet-stream (only byte calls take raw bodies)', async () => {
    const r = await request({
      method: 'POST',
      path: '/api/app.info',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/octet-stream' },
      body: '{}',
    });
    expect(r.status).toBe(415);
  });

  it('answers a photo the worker refuses as 200 {ok:false} and keeps no staged file', async () => {
    const exercise = await clinicExercise();
    const r = await byteCall('media.attach', Buffer.from('not a photo at all'), { exerciseId: exercise.id, fileName: 'notes.png' });
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'unsupported_media' } });
    expect(stagedFiles()).toEqual([]);
  });
});

describe('413 for bodies over the limit', () => {
  it('answers a declared Content-Length over 10 MB with 413 before a byte of the body is sent', async () => {
    const exercise = await clinicExercise();
    const declared = MAX_PHOTO_BYTES + 1;
    const { reply, sentBeforeReply } = await upload({
      path: '/api/media.attach',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/octet-stream',
        [ARGS_HEADER]: argsHeader({ exerciseId: exercise.id, fileName: 'big.png' }),
      },
      total: declared,
      declared,
      holdBody: true,
      waitMs: 3_000,
    });
    expect(sentBeforeReply).toBe(0);
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(json(reply)).toEqual({ ok: false, error: { code: 'too_large', message: 'This file is 10.0 MB. Photos can be up to 10 MB.' } });
    expect(everStaged()).toEqual([]);
  });

  it('answers 413 for a declared 50 MB body, stating its size, and stages nothing', async () => {
    const { reply, sentBeforeReply } = await upload({
      path: '/api/media.attach',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/octet-stream' },
      total: 50 * MB,
      declared: 50 * MB,
      holdBody: true,
      waitMs: 3_000,
    });
    expect(sentBeforeReply).toBe(0);
    expect(reply.status).toBe(413);
    expect(json(reply)).toMatchObject({ ok: false, error: { message: 'This file is 50 MB. Photos can be up to 10 MB.' } });
    expect(everStaged()).toEqual([]);
  });

  it('answers a chunked body with 413 once it passes 10 MB, and leaves staging empty', async () => {
    const exercise = await clinicExercise();
    const total = 40 * MB;
    const { reply, sentBeforeReply } = await upload({
      path: '/api/media.attach',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/octet-stream',
        [ARGS_HEADER]: argsHeader({ exerciseId: exercise.id, fileName: 'big.png' }),
      },
      total,
    });
    expect(reply.status).toBe(413);
    expect(json(reply)).toMatchObject({
      ok: false,
      error: { code: 'too_large', message: expect.stringMatching(/Photos can be up to 10 MB\.$/) },
    });
    // Refused when it passed the limit, not after the whole body.
    expect(sentBeforeReply).toBeGreaterThan(MAX_PHOTO_BYTES);
    expect(sentBeforeReply).toBeLessThan(total);
    // Staged as it came, then removed: the partial file is gone.
    expect(everStaged()).toHaveLength(1);
    expect(stagedFiles()).toEqual([]);
    expect(json<Exercise>(await jsonCall('library.get', { id: exercise.id }))).toMatchObject({ ok: true, value: { photos: [] } });
  });

  it('still serves after refusing a large body', async () => {
    await upload({
      path: '/api/media.attach',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/octet-stream' },
      total: 12 * MB,
    });
    expect((await jsonCall('app.info', {})).status).toBe(200);
  });

  it(`answers 413 for a JSON call over ${MAX_JSON_BODY_BYTES / MB} MB`, async () => {
    const r = await jsonCall('library.search', Buffer.alloc(MAX_JSON_BODY_BYTES + 1, 0x20));
    expect(r.status).toBe(413);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'too_large', message: 'The request is larger than 1 MB.' } });
  });

  it('accepts a JSON call of exactly 1 MB (as far as the size goes)', async () => {
    const body = `{"query":"bird"}${' '.repeat(MAX_JSON_BODY_BYTES - 16)}`;
    expect(Buffer.byteLength(body)).toBe(MAX_JSON_BODY_BYTES);
    const r = await jsonCall('library.search', body);
    expect(r.status).toBe(200);
  });
});

describe('stageStream keeps memory flat', () => {
  /** gc(), made callable in this process: sampled memory is then what is held, not garbage. */
  function exposeGc(): () => void {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  }

  it('stages a 50 MB upload with memory growth well under its size; the file is whole and 0600', async () => {
    const gc = exposeGc();
    const dataDir = tempDir('loadwise-stream-');
    const total = 50 * MB;
    let staged: StagedFile | undefined;
    const server = http.createServer((req, res) => {
      stageStream(dataDir, req, { maxBytes: 100 * MB, fileNoun: 'Files' }).then(
        (file) => {
          staged = file;
          res.end('ok');
        },
        (err: Error) => {
          res.statusCode = 500;
          res.end(err.message);
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const used = (): number => {
        const m = process.memoryUsage();
        return m.heapUsed + m.arrayBuffers;
      };
      gc();
      const baseline = used();
      let peak = 0;
      let sent = 0;
      const hash = createHash('sha256');
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'Content-Type': 'application/octet-stream' }, agent: false },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        const pump = (): void => {
          while (sent < total) {
            // A fresh chunk each time, as a file read would give, with content that shifts.
            const chunk = Buffer.alloc(CHUNK, (sent / CHUNK) % 251);
            hash.update(chunk);
            sent += CHUNK;
            if ((sent / CHUNK) % 32 === 0) {
              gc();
              peak = Math.max(peak, used() - baseline);
            }
            if (!req.write(chunk)) {
              req.once('drain', pump);
              return;
            }
          }
          req.end();
        };
        pump();
      });
      expect(status).toBe(200);
      expect(sent).toBe(total);
      expect(peak).toBeLessThan(16 * MB);
      expect(staged!.size).toBe(total);
      const stat = fs.statSync(staged!.path);
      expect(stat.size).toBe(total);
      if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
      const onDisk = createHash('sha256');
      for await (const c of fs.createReadStream(staged!.path)) onDisk.update(c as Buffer);
      expect(onDisk.digest('hex')).toBe(hash.digest('hex'));
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('photos served by URL', () => {
  it('POST /session with the token sets an HttpOnly, SameSite=Strict cookie for /media/ only', async () => {
    const r = await request({ method: 'POST', path: '/session', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(200);
    expect(json(r)).toEqual({ ok: true, value: null });
    const cookies = [r.headers['set-cookie'] ?? []].flat();
    expect(cookies).toHaveLength(1);
    const [pair, ...attributes] = cookies[0].split(';').map((s) => s.trim());
    expect(pair).toMatch(new RegExp(`^${MEDIA_COOKIE}=[A-Za-z0-9_-]{40,}$`));
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/media/']));
    expect(attributes.some((a) => /^(Domain|SameSite=(Lax|None))/i.test(a))).toBe(false);
  });

  it('answers /session without the token 401 and sets no cookie', async () => {
    for (const authorization of [undefined, `Bearer ${WRONG_SAME_LENGTH}`]) {
      const r = await request({ method: 'POST', path: '/session', headers: authorization ? { Authorization: authorization } : {} });
      expect(r.status).toBe(401);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers GET /session 405, even with the token, and sets no cookie', async () => {
    const r = await request({ method: 'GET', path: '/session', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('serves /media/<sha>/full and /thumb with the cookie: the stored bytes, their type, cached as immutable', async () => {
    const { sha256 } = await attachedPhoto();
    const cookie = await openSession();
    for (const variant of ['full', 'thumb'] as const) {
      const r = await request({ path: mediaUrl(sha256, variant), headers: { Cookie: cookie } });
      expect(r.status, variant).toBe(200);
      expect(r.headers['content-type']).toBe('image/png');
      expect(r.headers['cache-control']).toMatch(/\bimmutable\b/);
      expect(r.headers['cache-control']).toMatch(/\bprivate\b/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      const stored = photoFile(ctx, sha256, variant)!;
      expect(r.body.equals(fs.readFileSync(stored.file)), variant).toBe(true);
      expect(Number(r.headers['content-length'])).toBe(r.body.length);
    }
    const full = await request({ path: mediaUrl(sha256, 'full'), headers: { Cookie: cookie } });
    expect((await sharp(full.body).metadata()).width).toBe(120);
  });

  it('finds the cookie among others', async () => {
    const { sha256 } = await attachedPhoto();
    const cookie = await openSession();
    const r = await request({ path: mediaUrl(sha256, 'thumb'), headers: { Cookie: `theme=dark; ${cookie}; other=1` } });
    expect(r.status).toBe(200);
  });

  it('answers 401 without the cookie, with a wrong one, or with the token in place of it', async () => {
    const { sha256 } = await attachedPhoto();
    const cookie = await openSession();
    const value = cookie.split('=').slice(1).join('=');
    const wrong = `${MEDIA_COOKIE}=${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    const attempts: Record<string, string>[] = [
      {},
      { Cookie: wrong },
      { Cookie: `${MEDIA_COOKIE}=` },
      { Cookie: `other_${cookie}` },
      { Cookie: `${MEDIA_COOKIE}=${TOKEN}` },
      { Authorization: `Bearer ${TOKEN}` },
    ];
    for (const headers of attempts) {
      const r = await request({ path: mediaUrl(sha256, 'full'), headers });
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('checks the cookie before the path: an unknown hash without a cookie is 401, not 404', async () => {
    const r = await request({ path: mediaUrl('0'.repeat(64), 'full') });
    expect(r.status).toBe(401);
  });

  it('answers 404 for an unknown hash with the cookie', async () => {
    await attachedPhoto();
    const cookie = await openSession();
    const r = await request({ path: mediaUrl('0'.repeat(64), 'full'), headers: { Cookie: cookie } });
    expect(r.status).toBe(404);
  });

  it('answers 404 for malformed media paths with the cookie', async () => {
    const { sha256 } = await attachedPhoto();
    const cookie = await openSession();
    for (const p of [
      `/media/${sha256}`,
      `/media/${sha256}/`,
      `/media/${sha256}/original`,
      `/media/${sha256}/full/extra`,
      `/media/${sha256.toUpperCase()}/full`,
      `/media/${sha256.slice(0, 63)}/full`,
      `/media/${sha256}0/full`,
      `/media/${sha256}%2Ffull`,
      `/media/${sha256}/full%00`,
      `/media/../${sha256}/full`,
      '/media/%2e%2e/%2e%2e/secret',
      '/media/',
    ]) {
      const r = await request({ path: p, headers: { Cookie: cookie } });
      expect(r.status, p).toBe(404);
      expect(r.headers['content-type'], p).not.toMatch(/^image\//);
    }
  });

  it('answers POST to a photo 405', async () => {
    const { sha256 } = await attachedPhoto();
    const cookie = await openSession();
    const r = await request({ method: 'POST', path: mediaUrl(sha256, 'full'), headers: { Cookie: cookie } });
    expect(r.status).toBe(405);
  });

  it('serves nothing from /media/ to another site, cookie or not', async () => {
    const { sha256 } = await attachedPhoto();
    const cookie = await openSession();
    const r = await request({ path: mediaUrl(sha256, 'full'), headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } });
    expect(r.status).toBe(403);
  });
});

describe('the token stays secret on the byte lane', () => {
  it('appears in no reply of any kind the byte lane and media routes give', async () => {
    const { exercise, sha256 } = await attachedPhoto();
    const cookie = await openSession();
    const args = { exerciseId: exercise.id, fileName: 'start.png' };
    const seen: Reply[] = [
      await byteCall('media.attach', await pngPhoto(), args),
      await byteCall('media.attach', Buffer.from(TOKEN), args),
      await byteCall('media.attach', await pngPhoto(), { ...args, extra: TOKEN }),
      await byteCall('media.attach', await pngPhoto(), undefined, { [ARGS_HEADER]: TOKEN }),
      await byteCall('media.attach', await pngPhoto(), args, { Authorization: `Bearer ${TOKEN}x` }),
      await byteCall('media.attach', await pngPhoto(), args, { 'Content-Type': 'application/json' }),
      (
        await upload({
          path: '/api/media.attach',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/octet-stream' },
          total: 11 * MB,
        })
      ).reply,
      await request({ method: 'POST', path: '/session', headers: { Authorization: `Bearer ${TOKEN}` } }),
      await request({ method: 'GET', path: '/session', headers: { Authorization: `Bearer ${TOKEN}` } }),
      await request({ path: mediaUrl(sha256, 'full'), headers: { Cookie: cookie } }),
      await request({ path: mediaUrl(sha256, 'full'), headers: { Cookie: `${MEDIA_COOKIE}=${TOKEN}` } }),
      await request({ path: `/media/${TOKEN}/full`, headers: { Cookie: cookie } }),
      await jsonCall('library.search', Buffer.alloc(MAX_JSON_BODY_BYTES + 1, 0x20)),
    ];
    expect(new Set(seen.map((r) => r.status))).toEqual(new Set([200, 400, 401, 404, 405, 413, 415]));
    for (const r of seen) expectNoToken(r);
  });
});
