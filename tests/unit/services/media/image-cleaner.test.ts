// Photo cleaning in a child process: the real worker (out/workers/image-worker.cjs) cleans and
// refuses real images; fake workers (an injected SpawnWorker) hang, crash and get cancelled, and
// each time that photo alone is refused and the next one gets a fresh worker. Through dispatch, a
// refused photo leaves nothing behind: no staged file, no stored file, no row.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PHOTO_SIDE } from '../../../../common/contract';
import type { ServiceContext } from '../../../../services/context';
import { bootServices, type Services } from '../../../../services/boot';
import { forkWorker, ImageCleaner, type SpawnWorker, type WorkerProcess } from '../../../../services/media/image-cleaner';
import type { CleanedImage, CleanRequest } from '../../../../services/media/clean-image';
import type { WorkerJob, WorkerReply } from '../../../../services/media/image-worker';
import { MEDIA_DIR_NAME } from '../../../../services/media/store';
import { stagingDir } from '../../../../services/staging';
import { bootTestServices, quietLogger, sampleDraft, tempDir, tinySeedDir } from '../../../support/fixtures';
import { call, dispatchLikeHost, tableCounts } from '../../../support/call';
import { repoRoot } from '../../../support/repo';

const WORKER_SCRIPT = path.join(repoRoot, 'out', 'workers', 'image-worker.cjs');

// --- images and requests ------------------------------------------------------------------------

const photo = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .toBuffer();

/** A photo on disk and the two output paths the worker writes, all in a fresh folder. */
async function request(width = 64, height = 48, fileName = 'photo.png'): Promise<CleanRequest> {
  const dir = tempDir('loadwise-clean-');
  const input = path.join(dir, 'in.part');
  fs.writeFileSync(input, await photo(width, height));
  return { input, fileName, outFull: `${input}.full`, outThumb: `${input}.thumb` };
}

// --- fake workers -------------------------------------------------------------------------------

type Behaviour =
  /** Takes the job and never answers. */
  | 'hang'
  /** Writes half an output file, then its process ends (a decoder crash). */
  | 'crash'
  /** Answers a made-up success after `delayMs`. */
  | { answerAfterMs: number };

interface FakeWorker extends WorkerProcess {
  jobs: WorkerJob[];
  killed: boolean;
}

const FAKE_IMAGE: CleanedImage = { mime: 'image/png', width: 1, height: 1, bytes: 1, sha256: 'a'.repeat(64) };

/**
 * A SpawnWorker whose n-th worker behaves as `behaviours[n]` (the last one repeats). Like a real
 * process, a killed or crashed worker reports its exit a moment later, not at once.
 */
function fakeSpawner(...behaviours: Behaviour[]): { spawn: SpawnWorker; workers: FakeWorker[]; scripts: string[] } {
  const workers: FakeWorker[] = [];
  const scripts: string[] = [];
  const spawn: SpawnWorker = (script) => {
    scripts.push(script);
    const behaviour = behaviours[Math.min(workers.length, behaviours.length - 1)];
    const messageListeners: ((m: WorkerReply) => void)[] = [];
    const exitListeners: (() => void)[] = [];
    let exited = false;
    const exit = (): void => {
      if (exited) return;
      exited = true;
      setTimeout(() => exitListeners.forEach((l) => l()), 20);
    };
    const worker: FakeWorker = {
      jobs: [],
      killed: false,
      postMessage(job) {
        worker.jobs.push(job);
        if (behaviour === 'crash') {
          fs.writeFileSync(job.outFull, 'half a photo');
          fs.writeFileSync(job.outThumb, 'half a thumb');
          exit();
        } else if (behaviour !== 'hang') {
          setTimeout(() => {
            if (!exited) messageListeners.forEach((l) => l({ id: job.id, outcome: { ok: true, image: FAKE_IMAGE } }));
          }, behaviour.answerAfterMs);
        }
      },
      onMessage: (l) => void messageListeners.push(l),
      onExit: (l) => void exitListeners.push(l),
      kill() {
        worker.killed = true;
        exit();
      },
    };
    workers.push(worker);
    return worker;
  };
  return { spawn, workers, scripts };
}

/** The real fork, counting workers started and jobs in flight at once. */
function countingFork(): { spawn: SpawnWorker; started: () => number; maxInFlight: () => number; children: WorkerProcess[] } {
  let inFlight = 0;
  let max = 0;
  const children: WorkerProcess[] = [];
  const spawn: SpawnWorker = (script) => {
    const real = forkWorker(script);
    children.push(real);
    return {
      postMessage(job) {
        inFlight++;
        max = Math.max(max, inFlight);
        real.postMessage(job);
      },
      onMessage: (l) =>
        real.onMessage((m) => {
          inFlight--;
          l(m);
        }),
      onExit: (l) => real.onExit(l),
      kill: () => real.kill(),
    };
  };
  return { spawn, started: () => children.length, maxInFlight: () => max, children };
}

const cleaners: ImageCleaner[] = [];
function cleaner(spawn?: SpawnWorker, timeLimitMs?: number): ImageCleaner {
  const c = new ImageCleaner(WORKER_SCRIPT, spawn, timeLimitMs);
  cleaners.push(c);
  return c;
}

const booted: Services[] = [];
async function bootWith(options: { spawnWorker?: SpawnWorker; imageTimeLimitMs?: number }): Promise<Services> {
  const services = await bootServices({
    dataDir: tempDir(),
    seedDir: tinySeedDir(),
    appVersion: '0.0.0-test',
    transport: 'browser',
    log: quietLogger,
    workersDir: path.join(repoRoot, 'out', 'workers'),
    ...options,
  });
  booted.push(services);
  return services;
}

afterEach(() => {
  for (const c of cleaners.splice(0)) c.close();
  for (const s of booted.splice(0)) s.close();
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

async function attach(ctx: ServiceContext, exerciseId: string, bytes: Buffer, fileName = 'photo.png') {
  return dispatchLikeHost(ctx, 'media.attach', { exerciseId, fileName, dataBase64: bytes.toString('base64') });
}

const clinicExerciseId = async (ctx: ServiceContext): Promise<string> => (await call(ctx, 'library.create', { draft: sampleDraft() })).id;

// --- tests --------------------------------------------------------------------------------------

describe('ImageCleaner with the real worker', () => {
  it('the built worker exists (node scripts/build.mjs --only-node)', () => {
    expect(fs.existsSync(WORKER_SCRIPT)).toBe(true);
  });

  it('cleans a real photo: both files written, private, with the hash of the full one', async () => {
    const req = await request(64, 48);
    const image = await cleaner().clean(req);
    expect(image).toMatchObject({ mime: 'image/png', width: 64, height: 48 });
    const full = fs.readFileSync(req.outFull);
    expect(image.bytes).toBe(full.length);
    const { createHash } = await import('node:crypto');
    expect(image.sha256).toBe(createHash('sha256').update(full).digest('hex'));
    expect((await sharp(fs.readFileSync(req.outThumb)).metadata()).format).toBe('png');
    if (process.platform !== 'win32') expect(fs.statSync(req.outFull).mode & 0o777).toBe(0o600);
  });

  it(`refuses a 1 × 20,000 PNG fast, naming the side limit (${MAX_PHOTO_SIDE})`, async () => {
    const c = cleaner();
    await c.clean(await request(8, 8)); // the worker is up and sharp loaded
    const strip = await request(1, 20_000, 'strip.png');
    const started = Date.now();
    const refused = c.clean(strip);
    await expect(refused).rejects.toMatchObject({
      code: 'too_large',
      message: 'This photo is 1 × 20000 pixels. Each side can be up to 16,000 pixels.',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fs.existsSync(strip.outFull)).toBe(false);
    expect(fs.existsSync(strip.outThumb)).toBe(false);
  });

  it('refuses a photo whose worker is killed mid-photo, and the next photo gets a fresh worker', async () => {
    const fork = countingFork();
    const c = cleaner((script) => {
      const worker = fork.spawn(script);
      if (fork.started() > 1) return worker;
      // The first worker dies as soon as it has its job: a decoder crash.
      return { ...worker, postMessage: (job) => (worker.postMessage(job), fork.children[0].kill()) };
    });
    await expect(c.clean(await request())).rejects.toMatchObject({
      code: 'unsupported_media',
      message: 'This photo stopped the image reader and was not added.',
    });
    await expect(c.clean(await request(30, 20))).resolves.toMatchObject({ width: 30, height: 20 });
    expect(fork.started()).toBe(2);
  });

  it('cleans photos one at a time in one worker', async () => {
    const fork = countingFork();
    const c = cleaner(fork.spawn);
    const reqs = await Promise.all([request(40, 30), request(50, 30), request(60, 30)]);
    const images = await Promise.all(reqs.map((r) => c.clean(r)));
    expect(images.map((i) => i.width)).toEqual([40, 50, 60]);
    expect(fork.maxInFlight()).toBe(1);
    expect(fork.started()).toBe(1);
  });
});

describe('ImageCleaner with fake workers', () => {
  it('starts the worker script it was given, only when a photo arrives', async () => {
    const fake = fakeSpawner({ answerAfterMs: 0 });
    const c = cleaner(fake.spawn);
    expect(fake.workers).toHaveLength(0);
    await c.clean(await request());
    expect(fake.scripts).toEqual([WORKER_SCRIPT]);
    expect(fake.workers[0].jobs[0]).toMatchObject({ id: expect.any(Number), fileName: 'photo.png' });
  });

  it('refuses a photo that takes too long, kills its worker, and the next photo starts a fresh one', async () => {
    const fake = fakeSpawner('hang', { answerAfterMs: 50 });
    const c = cleaner(fake.spawn, 300);
    const [slow, next] = await Promise.all([request(), request()]);
    const started = Date.now();
    // Both photos arrive together: the next one is in its fresh worker while the killed worker
    // is still reporting its exit, which must not touch it.
    const slowResult = c.clean(slow);
    const nextResult = c.clean(next);
    await expect(slowResult).rejects.toMatchObject({
      code: 'too_large',
      message: 'This photo took too long to read and was not added. Try a smaller photo.',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(fake.workers[0].killed).toBe(true);
    await expect(nextResult).resolves.toEqual(FAKE_IMAGE);
    expect(fake.workers).toHaveLength(2);
    expect(fake.workers[1].jobs).toHaveLength(1);
    expect(fake.workers[1].killed).toBe(false);
  });

  it('refuses a photo whose worker exits mid-photo (unsupported_media), and the next one works', async () => {
    const fake = fakeSpawner('crash', { answerAfterMs: 0 });
    const c = cleaner(fake.spawn);
    await expect(c.clean(await request())).rejects.toMatchObject({
      code: 'unsupported_media',
      message: 'This photo stopped the image reader and was not added.',
    });
    await expect(c.clean(await request())).resolves.toEqual(FAKE_IMAGE);
    expect(fake.workers).toHaveLength(2);
  });

  it('keeps one worker for many photos while it behaves', async () => {
    const fake = fakeSpawner({ answerAfterMs: 5 });
    const c = cleaner(fake.spawn);
    for (let i = 0; i < 3; i++) await c.clean(await request());
    expect(fake.workers).toHaveLength(1);
    expect(fake.workers[0].jobs.map((j) => j.id)).toEqual([1, 2, 3]);
  });

  it('hands one job at a time to the worker, even when photos arrive together', async () => {
    const fake = fakeSpawner({ answerAfterMs: 30 });
    const c = cleaner(fake.spawn);
    const reqs = await Promise.all([request(), request(), request()]);
    const first = c.clean(reqs[0]);
    const rest = [c.clean(reqs[1]), c.clean(reqs[2])];
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.workers[0].jobs).toHaveLength(1);
    await Promise.all([first, ...rest]);
    expect(fake.workers[0].jobs).toHaveLength(3);
  });

  it('close() refuses the photo in progress and every later one, and kills the worker', async () => {
    const fake = fakeSpawner('hang');
    const c = cleaner(fake.spawn, 60_000);
    const inProgress = c.clean(await request());
    const queued = c.clean(await request());
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.workers[0].jobs).toHaveLength(1);
    c.close();
    const closing = { code: 'internal', message: 'Loadwise is closing; the photo was not added.' };
    await expect(inProgress).rejects.toMatchObject(closing);
    await expect(queued).rejects.toMatchObject(closing);
    await expect(c.clean(await request())).rejects.toMatchObject(closing);
    expect(fake.workers[0].killed).toBe(true);
    expect(fake.workers).toHaveLength(1);
  });

  it('refuses a photo the worker could not process (a failure reply) without taking down the next', async () => {
    const replies: ((m: WorkerReply) => void)[] = [];
    let posted = 0;
    const c = cleaner(() => ({
      postMessage: (job) => {
        posted++;
        const reply: WorkerReply =
          posted === 1 ? { id: job.id, failure: 'Error' } : { id: job.id, outcome: { ok: true, image: FAKE_IMAGE } };
        setTimeout(() => replies.forEach((l) => l(reply)), 0);
      },
      onMessage: (l) => void replies.push(l),
      onExit: () => undefined,
      kill: () => undefined,
    }));
    await expect(c.clean(await request())).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('cannot be processed'),
    });
    await expect(c.clean(await request())).resolves.toEqual(FAKE_IMAGE);
  });

  it.each(['too_large', 'unsupported_media', 'disk_problem'] as const)('passes a %s refusal on with its code and words', async (code) => {
    const replies: ((m: WorkerReply) => void)[] = [];
    const c = cleaner(() => ({
      postMessage: (job) =>
        setTimeout(() => replies.forEach((l) => l({ id: job.id, outcome: { ok: false, code, message: `Said for ${code}.` } })), 0),
      onMessage: (l) => void replies.push(l),
      onExit: () => undefined,
      kill: () => undefined,
    }));
    await expect(c.clean(await request())).rejects.toMatchObject({ code, message: `Said for ${code}.` });
  });
});

describe('through boot and dispatch', () => {
  it('passes imageTimeLimitMs and spawnWorker on: a hanging photo is refused, the next is attached by a fresh real worker', async () => {
    const fork = countingFork();
    const fake = fakeSpawner('hang');
    const spawnWorker: SpawnWorker = (script) => (fake.workers.length === 0 ? fake.spawn(script) : fork.spawn(script));
    // Long enough for a fresh real worker to load sharp on a busy machine, far below the 20 s default.
    const { ctx } = await bootWith({ spawnWorker, imageTimeLimitMs: 2_500 });
    const exerciseId = await clinicExerciseId(ctx);
    const before = tableCounts(ctx);
    const bytes = await photo(64, 48);
    const started = Date.now();
    const refused = await attach(ctx, exerciseId, bytes);
    expect(refused).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('took too long') } });
    // Refused at the 2.5 s limit given to boot, not the 20 s default.
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(fake.workers[0].killed).toBe(true);
    expect(tableCounts(ctx)).toEqual(before);
    const attached = await attach(ctx, exerciseId, await photo(32, 24));
    expect(attached).toMatchObject({ ok: true, value: { photos: [{ width: 32, height: 24 }] } });
    expect(fork.started()).toBe(1);
  });

  it('a photo refused by the real worker leaves no staged file, no stored file and no row', async () => {
    const { ctx } = await bootTestServices();
    const exerciseId = await clinicExerciseId(ctx);
    const before = tableCounts(ctx);
    const strip = await photo(1, 20_000);
    const result = await attach(ctx, exerciseId, strip, 'strip.png');
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('16,000 pixels') } });
    expect(filesUnder(stagingDir(ctx.dataDir))).toEqual([]);
    expect(filesUnder(path.join(ctx.dataDir, MEDIA_DIR_NAME))).toEqual([]);
    expect(tableCounts(ctx)).toEqual(before);
    expect(tableCounts(ctx).media).toBe(0);
  });

  it('a worker that crashes after writing half its output leaves nothing in staging or media', async () => {
    const fake = fakeSpawner('crash');
    const { ctx } = await bootWith({ spawnWorker: fake.spawn });
    const exerciseId = await clinicExerciseId(ctx);
    const before = tableCounts(ctx);
    const result = await attach(ctx, exerciseId, await photo(64, 48));
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_media' } });
    expect(fake.workers[0].jobs).toHaveLength(1);
    expect(filesUnder(stagingDir(ctx.dataDir))).toEqual([]);
    expect(filesUnder(path.join(ctx.dataDir, MEDIA_DIR_NAME))).toEqual([]);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('two attaches at once both succeed, cleaned one at a time', async () => {
    const fork = countingFork();
    const { ctx } = await bootWith({ spawnWorker: fork.spawn });
    const exerciseId = await clinicExerciseId(ctx);
    const [a, b] = await Promise.all([attach(ctx, exerciseId, await photo(40, 30)), attach(ctx, exerciseId, await photo(50, 30))]);
    expect(a.ok && b.ok).toBe(true);
    const stored = await call(ctx, 'library.get', { id: exerciseId });
    expect(stored.photos.map((p) => p.width).sort()).toEqual([40, 50]);
    expect(fork.maxInFlight()).toBe(1);
    expect(filesUnder(stagingDir(ctx.dataDir))).toEqual([]);
  });
});
