// Library sharing figures for `npm run bench` (issue 13), on real SQLite files and the built image
// worker, through the same service functions the hosts call:
//   bundle_export_ms       a library of 10,000 clinic exercises, 2,000 of them with a photo of
//                          their own, written as one signed .loadwise-library file (writeBundle)
//   bundle_import_ms       that file previewed and applied into a fresh library (bundles.preview,
//                          then bundles.apply, as a window calls them: every entry hashed, every
//                          photo decoded in the image worker, one transaction)
//   bundle_import_raw_ms   the same rows and photo rows inserted straight into SQLite in the same
//                          run (the floor bundle_import_ms is compared with; target within 3x)
//   bundle_import_rss_mb   this process's highest RSS during the import, less the RSS before it
//   csv_import_rows_per_s  a 5,000-row CSV file imported through imports.run (mapping, validation,
//                          one transaction), in rows per second
// Sizes can be made smaller for a quick look: BENCH_BUNDLE_EXERCISES, BENCH_BUNDLE_PHOTOS, BENCH_CSV_ROWS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { ImportMapping } from '../../common/contract/imports';
import { DEFAULT_SETTINGS } from '../../common/contract/settings';
import { replaceExercisePhotos } from '../../db/queries/bundles';
import { writeExercise } from '../../db/queries/exercises';
import { clinicIdentity } from './identity';
import { insertMedia } from '../../db/queries/media';
import { bootServices, type Services } from '../../services/boot';
import { writeBundle } from '../../services/bundles/export';
import { dispatch } from '../../services/dispatch';
import { createLogger } from '../../services/log';
import { mediaPath } from '../../services/media/store';
import { loadSeedLibrary } from '../../services/seed/load-seed';
import { stageBytes } from '../../services/staging';
import { createHash } from 'node:crypto';

const MB = 1024 * 1024;
const quiet = createLogger('bench', () => undefined);

export interface BundleFigures {
  exportMs: number;
  importMs: number;
  importRawMs: number;
  importRssMb: number;
  csvRowsPerS: number;
}

interface Options {
  seedDir: string;
  workersDir: string;
  exercises?: number;
  photos?: number;
  csvRows?: number;
}

type Draft = Parameters<typeof writeExercise>[2];

function drafts(seedDir: string, count: number): Draft[] {
  const seed = loadSeedLibrary(seedDir).exercises;
  return Array.from({ length: count }, (_, i) => {
    const { code: _c, id: _i, contentVersion: _v, progressions: _p, regressions: _r, ...draft } = seed[i % seed.length]!;
    return { ...draft, text: { ...draft.text, name: `${draft.text.name} shared ${i + 1}` } } as Draft;
  });
}

/** Small distinct JPEGs, as a camera would not make them but the photo check accepts them. */
async function photos(count: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      await sharp({ create: { width: 96, height: 72, channels: 3, background: { r: i % 256, g: (i >> 8) % 256, b: 90 } } })
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
  }
  return out;
}

/** Writes exercises (the first `pictures.length` with a photo each) straight into the database and the store. */
function fill(services: Services, list: Draft[], pictures: Buffer[], withFiles: boolean): void {
  const { db, dataDir } = services.ctx;
  const stamp = new Date().toISOString();
  db.transaction(() => {
    list.forEach((draft, i) => {
      const seq = writeExercise(db, clinicIdentity(stamp), draft);
      const picture = pictures[i];
      if (!picture) return;
      const sha256 = createHash('sha256').update(picture).digest('hex');
      if (withFiles) {
        for (const variant of ['full', 'thumb'] as const) {
          const file = mediaPath(dataDir, sha256, variant, 'image/jpeg');
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, picture);
        }
      }
      insertMedia(db, { sha256, mime: 'image/jpeg', width: 96, height: 72, bytes: picture.length, createdAt: stamp });
      replaceExercisePhotos(db, seq, [{ sha256, caption: null }]);
    });
  }).immediate();
}

async function boot(options: Options, name: string): Promise<Services> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `loadwise-bench-${name}-`));
  return bootServices({
    dataDir,
    seedDir: options.seedDir,
    appVersion: 'bench',
    transport: 'browser',
    log: quiet,
    workersDir: options.workersDir,
  });
}

async function call<T>(services: Services, channel: string, args: unknown, bytes?: Buffer, noun = 'Library bundles'): Promise<T> {
  const file = bytes ? stageBytes(services.ctx.dataDir, bytes, { maxBytes: Infinity, fileNoun: noun }) : undefined;
  const r = await dispatch(services.ctx, channel, args, file);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

const since = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

export async function measureBundles(options: Options): Promise<BundleFigures> {
  const exercises = options.exercises ?? Number(process.env.BENCH_BUNDLE_EXERCISES ?? 10_000);
  const photoCount = options.photos ?? Number(process.env.BENCH_BUNDLE_PHOTOS ?? 2_000);
  const csvRows = options.csvRows ?? Number(process.env.BENCH_CSV_ROWS ?? 5_000);
  const list = drafts(options.seedDir, exercises);
  const pictures = await photos(photoCount);
  const opened: Services[] = [];
  try {
    // Export.
    const source = await boot(options, 'bundle-source');
    opened.push(source);
    await call(source, 'settings.save', { settings: { ...DEFAULT_SETTINGS, clinicName: 'Bench Clinic' } });
    fill(source, list, pictures, true);
    const file = path.join(source.ctx.dataDir, 'Bench.loadwise-library');
    let t0 = process.hrtime.bigint();
    writeBundle(source.ctx, { exercises: 'all', includeChangedBuiltins: true, templates: 'all', licence: 'cc-by-4.0', sign: true }, file);
    const exportMs = since(t0);
    const bytes = fs.readFileSync(file);

    // Import, as a window does it: preview, then apply; RSS sampled throughout.
    const target = await boot(options, 'bundle-target');
    opened.push(target);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    t0 = process.hrtime.bigint();
    const preview = await call<{ bundleSha256: string }>(target, 'bundles.preview', { fileName: 'Bench.loadwise-library' }, bytes);
    await call(
      target,
      'bundles.apply',
      { fileName: 'Bench.loadwise-library', bundleSha256: preview.bundleSha256, allConflicts: 'mine' },
      bytes,
    );
    const importMs = since(t0);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    // The same rows straight into SQLite (no files, no checks).
    const raw = await boot(options, 'bundle-raw');
    opened.push(raw);
    t0 = process.hrtime.bigint();
    fill(raw, list, pictures, false);
    const importRawMs = since(t0);

    // CSV.
    const csv = [
      'Name,Summary,Starting position,Steps,Tags',
      ...list
        .slice(0, csvRows)
        .map((d) =>
          [d.text.name, d.text.summary, d.text.startingPosition, d.text.steps.join('; '), d.tags.join('; ')]
            .map((v) => `"${v.replace(/"/g, '""')}"`)
            .join(','),
        ),
    ].join('\n');
    const mapping: ImportMapping = {
      columns: { name: 'Name', summary: 'Summary', startingPosition: 'Starting position', steps: 'Steps', tags: 'Tags' },
      listSeparator: ';',
      useFile: { stage: false, region: false, ratings: false },
      defaults: { stage: 2, region: 'lumbar', position: 'standing' },
    };
    const csvTarget = await boot(options, 'csv');
    opened.push(csvTarget);
    t0 = process.hrtime.bigint();
    const report = await call<{ imported: unknown[] }>(
      csvTarget,
      'imports.run',
      { fileName: 'bench.csv', mapping },
      Buffer.from(csv, 'utf8'),
      'Import files',
    );
    const csvMs = since(t0);
    if (report.imported.length !== Math.min(csvRows, list.length)) throw new Error(`csv: ${report.imported.length} rows imported`);

    return {
      exportMs,
      importMs,
      importRawMs,
      importRssMb: (peak - before) / MB,
      csvRowsPerS: report.imported.length / (csvMs / 1000),
    };
  } finally {
    for (const s of opened) {
      const dir = s.ctx.dataDir;
      s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
