// `npm run bench`: speed figures for the foundation, printed as one JSON object on the last line.
//   search_p95_ms / search_raw_p95_ms  50,000 generated exercises, mixed realistic queries, through
//                                       the contract's call in process, then the same SQL on SQLite
//   server_ready_ms / _fresh_ms         browser mode, process start until the first call answers
//   first_render_ms                     running Chromium, navigation until the list shows results
//   rss_mb                              this process (which holds the services) after the search load
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';
import { writeExercise } from '../db/queries/exercises';
import { stmt } from '../db/statements';
import { bootServices } from '../services/boot';
import { createLogger } from '../services/log';
import { dispatch } from '../services/dispatch';
import { loadSeedLibrary } from '../services/seed/load-seed';
import { EQUIPMENT, POSITIONS, STAGES } from '../common/domain/vocabulary';
import type { SearchFiltersInput } from '../common/contract';
import { SearchFiltersSchema } from '../common/contract';

const root = path.resolve(__dirname, '..', '..');
const seedDir = path.join(root, 'resources', 'seed');
const cli = path.join(root, 'out', 'browser', 'cli.cjs');
const EXERCISES = Number(process.env.BENCH_EXERCISES ?? 50_000);
const ROUNDS = 12;
const quiet = createLogger('bench', () => undefined);

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
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
      writeExercise(
        db,
        {
          id: randomUUID(),
          code: null,
          origin: 'clinic',
          originBundleId: null,
          originBundleName: null,
          basedOnId: null,
          contentVersion: 1,
          createdAt: stamp,
          updatedAt: stamp,
          archivedAt: null,
        },
        {
          ...draft,
          stage: pick(STAGES),
          position: rand() < 0.7 ? draft.position : pick(POSITIONS),
          equipment: rand() < 0.7 ? draft.equipment : [pick(EQUIPMENT)],
          text: { ...draft.text, name: `${draft.text.name} ${word} ${i}`, steps: [...draft.text.steps, `Keep it ${word}.`] },
        },
      );
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

async function measureSearch(): Promise<{ p95: number; rawP95: number; samples: number; rss: number }> {
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
    services.close();
    return { p95: percentile(viaContract, 95), rawP95: percentile(raw, 95), samples: viaContract.length, rss };
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

async function measureFirstRender(): Promise<number | null> {
  const executablePath = process.env.LOADWISE_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    log(`first_render_ms skipped: no Chromium at ${executablePath}`);
    return null;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-render-'));
  const server = await startServer(dataDir);
  const isRoot = process.getuid?.() === 0;
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
      ...(isRoot ? ['--no-sandbox'] : []),
    ],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const page = await browser.newPage();
      const t0 = Date.now();
      await page.goto(server.url);
      await page.locator('.result').first().waitFor({ state: 'visible' });
      if (i > 0) times.push(Date.now() - t0); // the first load also warms Chromium's own caches
      await page.close();
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
  const ready = await measureServerReady();
  log(`server ready: ${round(ready.warm)} ms warm, ${round(ready.fresh)} ms fresh`);
  const render = await measureFirstRender();
  log(`first render: ${render ?? 'n/a'} ms`);
  const figures = {
    search_p95_ms: round(search.p95),
    search_raw_p95_ms: round(search.rawP95),
    search_overhead_ratio: round(search.p95 / search.rawP95),
    server_ready_ms: round(ready.warm),
    server_ready_fresh_ms: round(ready.fresh),
    first_render_ms: render,
    rss_mb: Math.round(search.rss),
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
