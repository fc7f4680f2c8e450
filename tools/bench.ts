// `npm run bench`: speed figures for the foundation, printed as one JSON object on the last line.
//   search_p95_ms / search_raw_p95_ms  50,000 generated exercises, mixed realistic queries, through
//                                       the contract's call in process, then the same SQL on SQLite
//   server_ready_ms / _fresh_ms         browser mode, process start until the first call answers
//   first_render_ms                     running Chromium, navigation until the list shows results
//   first_render_raw_ms                 the same Chromium, a new page, a static one-line page of the
//                                       same server (the floor first_render_ms is held to, within 2x)
//   photo_attach_ms                     a 6 MB JPEG through the contract (staged, cleaned in the image
//                                       worker, stored), median of 5 different photos
//   thumb_load_ms                       24 clinic exercises with photos: from the search that shows
//                                       them until all 24 result-card thumbnails are painted
//   rss_mb                              this process (which holds the services) after the search load
//   backup_ms                           a checked online backup (backup API, integrity and foreign-key
//                                       checks) of the 50,000-exercise database, median of 3
//   export_ms / export_mb               exportAll of a library with about 200 MB of photo files
//   export_rss_mb / export_peak_rss_mb  this process's RSS after that export, and its highest
//   export_rss_growth_mb                sample during it; growth over the RSS just before (the
//                                       export streams, so this stays flat whatever its size)
//   program_open_ms / flags_compute_ms  the program builder's figures (tools/bench/programs.ts)
//   program_edit_ms
//   figure_render_ms / thumbs_paint_ms  one exercise's two figures to SVG (p95), and 50 result cards
//                                       with figure thumbnails painted in Chromium (tools/bench/figures.ts)
//   pdf_handout_ms / pdf_raw_ms         a 40-exercise handout with two photos each, by the handout
//                                       worker, and the same by bare pdfkit (tools/bench/handouts.ts)
//   pdf_pages_per_s                     a 300-exercise library catalogue by the same worker: pages a second
//   bundle_export_ms / bundle_import_ms 10,000 exercises with 2,000 photos as a signed library file,
//   bundle_import_raw_ms                and imported into a fresh library; the same rows straight
//   bundle_import_rss_mb                into SQLite; RSS growth during the import; CSV rows
//   csv_import_rows_per_s               imported per second (tools/bench/bundles.ts)
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { writeExercise } from '../db/queries/exercises';
import { stmt } from '../db/statements';
import { bootServices } from '../services/boot';
import { createLogger } from '../services/log';
import { dispatch } from '../services/dispatch';
import { stageBytes } from '../services/staging';
import { backupDatabase } from '../db/backup';
import { insertMedia } from '../db/queries/media';
import { mediaPath } from '../services/media/store';
import { exportAll } from '../services/backups/transfer';
import { createHash } from 'node:crypto';
import { MAX_PHOTO_BYTES } from '../common/contract';
import { loadSeedLibrary } from '../services/seed/load-seed';
import { EQUIPMENT, POSITIONS, STAGES } from '../common/domain/vocabulary';
import type { SearchFiltersInput } from '../common/contract';
import { SearchFiltersSchema } from '../common/contract';
import { measurePrograms } from './bench/programs';
import { percentile } from './bench/stats';
import { measureFigureRender, measureThumbsPaint } from './bench/figures';
import { measureHandouts } from './bench/handouts';
import { measureBundles } from './bench/bundles';
import { clinicIdentity } from './bench/identity';

const root = path.resolve(__dirname, '..', '..');
const seedDir = path.join(root, 'resources', 'seed');
const cli = path.join(root, 'out', 'browser', 'cli.cjs');
const EXERCISES = Number(process.env.BENCH_EXERCISES ?? 50_000);
const ROUNDS = 12;
const quiet = createLogger('bench', () => undefined);

const median = (xs: number[]) => percentile(xs, 50);
const round = (x: number) => Math.round(x * 100) / 100;
const log = (m: string) => process.stderr.write(`${m}\n`);

/** Deterministic pseudo-random numbers, so every run searches the same library. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const EXTRA_WORDS = [
  'tempo',
  'pause',
  'slow',
  'controlled',
  'light',
  'heavy',
  'supported',
  'progression',
  'variation',
  'daily',
  'gentle',
  'steady',
];

function generateLibrary(db: Parameters<typeof writeExercise>[0], count: number): void {
  const seed = loadSeedLibrary(seedDir).exercises;
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const stamp = new Date().toISOString();
  const insert = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const base = pick(seed);
      const { code: _c, id: _i, contentVersion: _v, progressions: _p, regressions: _r, ...draft } = base;
      const word = pick(EXTRA_WORDS);
      writeExercise(db, clinicIdentity(stamp), {
        ...draft,
        stage: pick(STAGES),
        position: rand() < 0.7 ? draft.position : pick(POSITIONS),
        equipment: rand() < 0.7 ? draft.equipment : [pick(EQUIPMENT)],
        text: { ...draft.text, name: `${draft.text.name} ${word} ${i}`, steps: [...draft.text.steps, `Keep it ${word}.`] },
      });
    }
  });
  for (let from = 0; from < count; from += 5000) insert.immediate(from, Math.min(count, from + 5000));
}

const QUERIES: { query: string; filters?: SearchFiltersInput }[] = [
  { query: '' },
  { query: '', filters: { stages: [2] } },
  { query: '', filters: { regions: ['cervical'], stages: [1, 2] } },
  { query: '', filters: { generators: ['post-fusion'], minRating: 'suits' } },
  { query: 'b' },
  { query: 'bi' },
  { query: 'bird' },
  { query: 'bird dog' },
  { query: 'side br' },
  { query: 'side bridge' },
  { query: 'chin tuck' },
  { query: 'mutlifidus' },
  { query: 'multifidus' },
  { query: 'dead bug' },
  { query: 'row' },
  { query: 'band row', filters: { equipment: ['resistance-band'] } },
  { query: 'carry', filters: { stages: [4] } },
  { query: 'squat' },
  { query: 'hinge', filters: { generators: ['disc'] } },
  { query: 'deep neck flexor' },
  { query: 'plank', filters: { regions: ['lumbar'] } },
  { query: 'walk' },
  { query: 'breath' },
  { query: 'glute bridge' },
  { query: 'scapula' },
  { query: 'shoulder blade', filters: { positions: ['sitting', 'standing'] } },
  { query: 'isometric hold' },
  { query: 'lift', filters: { generators: ['nerve', 'instability'], minRating: 'modify' } },
  { query: 'transversus abdominis' },
  { query: 'sfety' },
];

async function measureSearch(): Promise<{ p95: number; rawP95: number; samples: number; rss: number; backupMs: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-'));
  try {
    const services = await bootServices({ dataDir, seedDir, appVersion: 'bench', transport: 'browser', log: quiet });
    const started = Date.now();
    generateLibrary(services.ctx.db, EXERCISES);
    services.ctx.db.pragma('optimize');
    log(`generated ${EXERCISES} exercises in ${Date.now() - started} ms`);
    const requests = QUERIES.map((q) => ({ query: q.query, filters: SearchFiltersSchema.parse(q.filters ?? {}), limit: 50, offset: 0 }));

    // Warm up caches and prepared statements, and check every query answers.
    for (const r of requests) {
      const res = await dispatch(services.ctx, 'library.search', r);
      if (!res.ok) throw new Error(`${r.query}: ${res.error.message}`);
    }
    const viaContract: number[] = [];
    const raw: number[] = [];
    const plans = requests.map((r) => ({ r, plan: services.ctx.search.plan(r) }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of requests) {
        const t0 = process.hrtime.bigint();
        await dispatch(services.ctx, 'library.search', r);
        viaContract.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      for (const { r, plan } of plans) {
        if (plan.compiled.impossible) continue;
        const t0 = process.hrtime.bigint();
        if (plan.probe) stmt(services.ctx.db, plan.probe.sql).get(...plan.probe.params);
        const rows = stmt(services.ctx.db, plan.page.sql).all(...plan.page.params);
        if (r.offset > 0 || rows.length >= r.limit) stmt(services.ctx.db, plan.count.sql).get(...plan.count.params);
        raw.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    if (process.env.BENCH_DETAIL) {
      // Per-query medians, slowest first, to see where time goes.
      const per = requests.map((r, i) => ({ r, ms: median(viaContract.filter((_, k) => k % requests.length === i)) }));
      const labelled = per.map((p, i) => ({ ...p, filters: JSON.stringify(QUERIES[i].filters ?? {}) }));
      for (const { r, ms, filters } of labelled.sort((a, b) => b.ms - a.ms))
        log(`  ${ms.toFixed(2).padStart(8)} ms  "${r.query}" ${filters}`);
    }
    const rss = process.memoryUsage().rss / 1024 / 1024;
    const backupTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      await backupDatabase(services.ctx.db, dataDir, 'bench');
      backupTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    services.close();
    return {
      p95: percentile(viaContract, 95),
      rawP95: percentile(raw, 95),
      samples: viaContract.length,
      rss,
      backupMs: median(backupTimes),
    };
  } finally {
    if (process.env.BENCH_KEEP_DB) fs.cpSync(dataDir, process.env.BENCH_KEEP_DB, { recursive: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function post(port: number, token: string, channel: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end('{}');
  });
}

interface Started {
  ms: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts browser mode and times it until app.info answers 200. */
async function startServer(dataDir: string): Promise<Started> {
  const token = randomBytes(24).toString('base64url');
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, '--port', '0', '--data-dir', dataDir, '--no-open'], {
    env: { ...process.env, LOADWISE_TOKEN: token },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line: string = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
  });
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(line)![1]);
  while ((await post(port, token, 'app.info')) !== 200) await new Promise((r) => setTimeout(r, 2));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    ms,
    url: line.slice('Loadwise is running at '.length),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function measureServerReady(): Promise<{ warm: number; fresh: number }> {
  const warm: number[] = [];
  const fresh: number[] = [];
  const warmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-warm-'));
  await (await startServer(warmDir)).stop();
  for (let i = 0; i < 5; i++) {
    const w = await startServer(warmDir);
    warm.push(w.ms);
    await w.stop();
    const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-fresh-'));
    const f = await startServer(freshDir);
    fresh.push(f.ms);
    await f.stop();
    fs.rmSync(freshDir, { recursive: true, force: true });
  }
  fs.rmSync(warmDir, { recursive: true, force: true });
  return { warm: median(warm), fresh: median(fresh) };
}

/** A static page beside the renderer's files, served by the same server, for the raw figure. */
const RAW_PAGE = path.join(root, 'out', 'renderer', 'bench-static.html');

async function measureFirstRender(): Promise<{ app: number; raw: number } | null> {
  const browser = await launchChromium();
  if (!browser) return null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-render-'));
  const server = await startServer(dataDir);
  fs.writeFileSync(RAW_PAGE, '<!doctype html><meta charset="utf-8"><title>Static</title><p id="line">One line of text.</p>');
  const rawTimes: number[] = [];
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const page = await browser.newPage();
      const t0 = Date.now();
      await page.goto(server.url);
      await page.locator('[role=option]').first().waitFor({ state: 'visible' });
      if (i > 0) times.push(Date.now() - t0); // the first load also warms Chromium's own caches
      await page.close();
      const rawPage = await browser.newPage();
      const r0 = Date.now();
      await rawPage.goto(new URL('/bench-static.html', server.url).href);
      await rawPage.locator('#line').waitFor({ state: 'visible' });
      if (i > 0) rawTimes.push(Date.now() - r0);
      await rawPage.close();
    }
  } finally {
    fs.rmSync(RAW_PAGE, { force: true });
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { app: median(times), raw: median(rawTimes) };
}

/**
 * A camera-like 12-megapixel JPEG of about `megabytesWanted` MB: smooth gradients with sensor-like
 * grain, the grain's strength tuned until the file reaches the size. Different for every seed.
 */
async function cameraJpeg(seed: number, megabytesWanted: number): Promise<Buffer> {
  const random = rng(seed);
  const width = 4000;
  const height = 3000;
  const target = megabytesWanted * 1024 * 1024;
  let grain = 24;
  for (let attempt = 0; attempt < 8; attempt++) {
    const pixels = Buffer.alloc(width * height * 3);
    for (let y = 0, i = 0; y < height; y++) {
      for (let x = 0; x < width; x++, i += 3) {
        const n = (random() - 0.5) * grain;
        pixels[i] = Math.max(0, Math.min(255, (x / width) * 200 + 30 + n));
        pixels[i + 1] = Math.max(0, Math.min(255, (y / height) * 180 + 40 + n));
        pixels[i + 2] = Math.max(0, Math.min(255, ((x + y) / (width + height)) * 160 + 60 + n));
      }
    }
    const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer();
    if (Math.abs(jpeg.length - target) < target * 0.08 && jpeg.length <= MAX_PHOTO_BYTES) return jpeg;
    grain *= target / jpeg.length;
  }
  throw new Error('could not make a photo of the wanted size');
}

function clinicDraft(name: string): Record<string, unknown> {
  const seed = loadSeedLibrary(seedDir).exercises[0];
  const pick = [
    'clinicalName',
    'aliases',
    'stage',
    'region',
    'position',
    'equipment',
    'text',
    'dosage',
    'suitability',
    'tags',
    'sources',
    'clinicianNotes',
  ] as const;
  const draft: Record<string, unknown> = Object.fromEntries(pick.map((k) => [k, (seed as unknown as Record<string, unknown>)[k]]));
  return { ...draft, text: { ...(seed.text as object), name }, progressionIds: [], regressionIds: [] };
}

async function measurePhotoAttach(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-photo-'));
  const workersDir = path.join(root, 'out', 'workers');
  const services = await bootServices({ dataDir, seedDir, appVersion: 'bench', transport: 'browser', log: quiet, workersDir });
  try {
    const created = await dispatch(services.ctx, 'library.create', { draft: clinicDraft('Bench photo exercise') });
    if (!created.ok) throw new Error(created.error.message);
    const exerciseId = (created.value as { id: string }).id;
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const jpeg = await cameraJpeg(1000 + i, 6);
      const t0 = process.hrtime.bigint();
      const file = stageBytes(dataDir, jpeg, { maxBytes: MAX_PHOTO_BYTES, fileNoun: 'Photos' });
      const r = await dispatch(services.ctx, 'media.attach', { exerciseId, fileName: `p${i}.jpg` }, file);
      if (!r.ok) throw new Error(r.error.message);
      if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6); // the first also starts the worker
      if (i === 3)
        await dispatch(services.ctx, 'media.remove', {
          exerciseId,
          sha256: (r.value as { photos: { sha256: string }[] }).photos[0].sha256,
        });
    }
    return median(times);
  } finally {
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A library with about `megabytes` MB of photo files (random bytes stored as the store names
 * them: the export does not decode photos), exported with exportAll; RSS sampled throughout.
 */
async function measureExport(megabytes = 200): Promise<{ ms: number; mb: number; rss: number; peak: number; growth: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-export-'));
  const services = await bootServices({ dataDir, seedDir, appVersion: 'bench', transport: 'browser', log: quiet });
  try {
    const photoBytes = 2 * 1024 * 1024;
    const count = Math.ceil((megabytes * 1024 * 1024) / photoBytes);
    const stamp = new Date().toISOString();
    for (let i = 0; i < count; i++) {
      const full = randomBytes(photoBytes);
      const sha = createHash('sha256').update(full).digest('hex');
      for (const [variant, bytes] of [
        ['full', full],
        ['thumb', randomBytes(32 * 1024)],
      ] as const) {
        const file = mediaPath(dataDir, sha, variant, 'image/jpeg');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, bytes);
      }
      insertMedia(services.ctx.db, { sha256: sha, mime: 'image/jpeg', width: 2400, height: 1800, bytes: photoBytes, createdAt: stamp });
    }
    const destination = path.join(dataDir, 'bench.loadwise-backup');
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const t0 = process.hrtime.bigint();
    const result = await exportAll(services.ctx, destination);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    clearInterval(sampler);
    const after = process.memoryUsage().rss;
    peak = Math.max(peak, after);
    const MB = 1024 * 1024;
    return { ms, mb: result.bytes / MB, rss: after / MB, peak: peak / MB, growth: (peak - before) / MB };
  } finally {
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function launchChromium(): Promise<Browser | null> {
  const executablePath = process.env.LOADWISE_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    log(`browser figures skipped: no Chromium at ${executablePath}`);
    return null;
  }
  const isRoot = process.getuid?.() === 0;
  return chromium.launch({
    executablePath,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
      ...(isRoot ? ['--no-sandbox'] : []),
    ],
  });
}

/** 24 clinic exercises with a photo each; then the time from searching for them to all thumbnails painted. */
async function measureThumbLoad(): Promise<number | null> {
  const browser = await launchChromium();
  if (!browser) return null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-thumbs-'));
  const services = await bootServices({
    dataDir,
    seedDir,
    appVersion: 'bench',
    transport: 'browser',
    log: quiet,
    workersDir: path.join(root, 'out', 'workers'),
  });
  for (let i = 0; i < 24; i++) {
    const created = await dispatch(services.ctx, 'library.create', { draft: clinicDraft(`Thumbbench exercise ${i + 1}`) });
    if (!created.ok) throw new Error(created.error.message);
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40 + i * 8, g: 120, b: 160 } } })
      .jpeg()
      .toBuffer();
    const file = stageBytes(dataDir, photo, { maxBytes: MAX_PHOTO_BYTES, fileNoun: 'Photos' });
    const r = await dispatch(services.ctx, 'media.attach', { exerciseId: (created.value as { id: string }).id, fileName: 'p.jpg' }, file);
    if (!r.ok) throw new Error(r.error.message);
  }
  services.close();
  const server = await startServer(dataDir);
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      // A fresh context each time: no image is in the browser's cache yet.
      // Tall enough that all 24 cards are on screen (thumbnails load lazily, as they should).
      const context = await browser.newContext({ viewport: { width: 1366, height: 3400 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator('[role=option]').first().waitFor();
      const t0 = Date.now();
      await page.getByRole('searchbox', { name: 'Search exercises' }).fill('thumbbench');
      await page.waitForFunction(() => {
        // Runs in the page; typed loosely because this tool is compiled without the DOM library.
        const doc = (
          globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ complete: boolean; naturalWidth: number }> } }
        ).document;
        const imgs = Array.from(doc.querySelectorAll('[role=option] img'));
        return imgs.length === 24 && imgs.every((img) => img.complete && img.naturalWidth > 0);
      });
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame;
            raf(() => raf(() => resolve(null)));
          }),
      );
      times.push(Date.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return median(times);
}

async function main(): Promise<void> {
  if (!fs.existsSync(cli)) throw new Error('Build first: npm run build');
  const search = await measureSearch();
  log(`search: p95 ${round(search.p95)} ms through the contract, ${round(search.rawP95)} ms raw (${search.samples} samples)`);
  log(`backup of the ${EXERCISES}-exercise library: ${round(search.backupMs)} ms`);
  const exported = await measureExport();
  log(
    `export: ${round(exported.mb)} MB in ${round(exported.ms)} ms, RSS ${round(exported.rss)} MB after (peak ${round(exported.peak)} MB, +${round(exported.growth)} MB)`,
  );
  const ready = await measureServerReady();
  log(`server ready: ${round(ready.warm)} ms warm, ${round(ready.fresh)} ms fresh`);
  const render = await measureFirstRender();
  log(`first render: ${render ? `${render.app} ms, static page ${render.raw} ms` : 'n/a'}`);
  const photo = await measurePhotoAttach();
  log(`photo attach (6 MB JPEG): ${round(photo)} ms`);
  const thumbs = await measureThumbLoad();
  log(`24 thumbnails: ${thumbs ?? 'n/a'} ms`);
  const programs = await measurePrograms(seedDir);
  log(`program (40 items): open ${round(programs.open)} ms, flags ${round(programs.flags)} ms, edit ${round(programs.edit)} ms (p95)`);
  const handouts = await measureHandouts(seedDir, path.join(root, 'resources'), path.join(root, 'out', 'workers'));
  log(`handout (40 exercises, 2 photos each): ${round(handouts.handout)} ms, bare pdfkit ${round(handouts.raw)} ms`);
  log(`catalogue (300 exercises, ${handouts.cataloguePages} pages): ${round(handouts.pagesPerS)} pages/s`);
  const bundles = await measureBundles({ seedDir, workersDir: path.join(root, 'out', 'workers') });
  log(
    `bundles: export ${round(bundles.exportMs)} ms, import ${round(bundles.importMs)} ms (raw ${round(bundles.importRawMs)} ms, RSS +${round(bundles.importRssMb)} MB), CSV ${Math.round(bundles.csvRowsPerS)} rows/s`,
  );
  const figureRender = measureFigureRender();
  const figureBrowser = await launchChromium();
  const thumbsPaint = figureBrowser ? await measureThumbsPaint(figureBrowser).finally(() => figureBrowser.close()) : null;
  log(
    `figures: one exercise to SVG ${round(figureRender)} ms (p95), 50 thumbnails painted ${thumbsPaint === null ? 'n/a' : round(thumbsPaint)} ms`,
  );
  const figures = {
    search_p95_ms: round(search.p95),
    search_raw_p95_ms: round(search.rawP95),
    search_overhead_ratio: round(search.p95 / search.rawP95),
    server_ready_ms: round(ready.warm),
    server_ready_fresh_ms: round(ready.fresh),
    first_render_ms: render?.app ?? null,
    first_render_raw_ms: render?.raw ?? null,
    first_render_ratio: render ? round(render.app / render.raw) : null,
    photo_attach_ms: round(photo),
    thumb_load_ms: thumbs,
    rss_mb: Math.round(search.rss),
    backup_ms: round(search.backupMs),
    export_ms: round(exported.ms),
    export_mb: round(exported.mb),
    export_rss_mb: Math.round(exported.rss),
    export_peak_rss_mb: Math.round(exported.peak),
    export_rss_growth_mb: round(exported.growth),
    program_open_ms: round(programs.open),
    flags_compute_ms: round(programs.flags),
    program_edit_ms: round(programs.edit),
    figure_render_ms: round(figureRender),
    thumbs_paint_ms: thumbsPaint === null ? null : round(thumbsPaint),
    pdf_handout_ms: round(handouts.handout),
    pdf_raw_ms: round(handouts.raw),
    pdf_pages_per_s: round(handouts.pagesPerS),
    bundle_export_ms: round(bundles.exportMs),
    bundle_import_ms: round(bundles.importMs),
    bundle_import_raw_ms: round(bundles.importRawMs),
    bundle_import_rss_mb: round(bundles.importRssMb),
    csv_import_rows_per_s: Math.round(bundles.csvRowsPerS),
    exercises: EXERCISES,
    search_samples: search.samples,
    queries: QUERIES.length,
  };
  console.log(JSON.stringify(figures));
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
