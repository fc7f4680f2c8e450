// A kill -9 during a bundle import, at the process level: the built browser mode (out/browser/
// cli.cjs) imports a bundle of many photos over HTTP, and is killed while it checks them, and (on
// a fresh folder) once it has got past checking, where it backs up and writes. After a restart on
// the same folder the database passes integrity_check and foreign_key_check, and holds either
// nothing of the bundle or all of it (every exercise, with every photo file it shows), with the
// import logged exactly when it is all there. A run left alone imports everything.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, type TestContext } from 'vitest';
import type { BundlePreview, ImportProgress } from '../../../../common/contract/bundles';
import type { Result } from '../../../../common/contract/result';
import { postBytes, postCall, startCli } from '../../../support/cli-process';
import { bootTestServices, tempDir } from '../../../support/fixtures';
import { exportBytes, libraryWithPhotos, SHARE_ALL } from '../../../support/bundles';

const PHOTOS = 60;

async function byteCall<T>(port: number, token: string, channel: string, args: unknown, bytes: Buffer): Promise<Result<T>> {
  return JSON.parse((await postBytes(port, token, channel, args, bytes)).body) as Result<T>;
}

async function progressOf(port: number, token: string, jobId: string): Promise<ImportProgress | null> {
  const r = JSON.parse((await postCall(port, token, 'bundles.progress', { jobId })).body) as Result<ImportProgress | null>;
  return r.ok ? r.value : null;
}

/** What of the bundle is in the folder's database, read after a restart; checks the database is whole. */
function inspect(dataDir: string): { imported: number; logged: number; missingPhotoFiles: number } {
  const db = new Database(path.join(dataDir, 'loadwise.db'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const imported = (db.prepare("SELECT count(*) AS n FROM exercises WHERE origin = 'imported'").get() as { n: number }).n;
    const logged = (db.prepare('SELECT count(*) AS n FROM bundle_imports').get() as { n: number }).n;
    const shown = db.prepare('SELECT DISTINCT m.sha256, m.mime FROM media m').all() as { sha256: string; mime: string }[];
    const mediaFiles = new Set(fs.existsSync(path.join(dataDir, 'media')) ? listFiles(path.join(dataDir, 'media')) : []);
    const missingPhotoFiles = shown.filter((m) => ![...mediaFiles].some((f) => f.includes(m.sha256))).length;
    return { imported, logged, missingPhotoFiles };
  } finally {
    db.close();
  }
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [e.name]));
}

/** Starts an import on a fresh folder and kills the process with SIGKILL once `when` holds; restarts and inspects. */
async function killDuring(ctx: TestContext, bytes: Buffer, when: (p: ImportProgress) => boolean) {
  const dataDir = path.join(tempDir('loadwise-kill-import-'), 'data');
  const run = startCli(ctx, dataDir);
  const { port, token } = await run.ready;
  const preview = await byteCall<BundlePreview>(port, token, 'bundles.preview', { fileName: 'Shared.loadwise-library' }, bytes);
  if (!preview.ok) throw new Error(JSON.stringify(preview));
  const jobId = randomUUID();
  const args = { fileName: 'Shared.loadwise-library', bundleSha256: preview.value.bundleSha256, allConflicts: 'mine', jobId };
  const applying = byteCall(port, token, 'bundles.apply', args, bytes).catch(() => null);
  let last: ImportProgress | null = null;
  for (;;) {
    last = await progressOf(port, token, jobId).catch(() => null);
    if (last && when(last)) break;
    if (last?.phase === 'done') break;
  }
  run.child.kill('SIGKILL');
  expect((await run.exited).signal).toBe('SIGKILL');
  await applying;
  const again = startCli(ctx, dataDir);
  await again.ready;
  again.child.kill('SIGTERM');
  await again.exited;
  return { at: last, ...inspect(dataDir) };
}

describe('kill -9 during a bundle import', () => {
  it('leaves nothing or everything of the bundle, and a whole database, wherever it is killed', { timeout: 180_000 }, async (ctx) => {
    const source = (await bootTestServices()).ctx;
    await libraryWithPhotos(source, PHOTOS);
    const bytes = await exportBytes(source, { ...SHARE_ALL, sign: false });

    // While checking photos: nothing has been written.
    const reading = await killDuring(ctx, bytes, (p) => p.phase === 'reading' && p.done >= PHOTOS / 3);
    expect(reading.at).toMatchObject({ phase: 'reading' });
    expect(reading).toMatchObject({ imported: 0, logged: 0, missingPhotoFiles: 0 });

    // Past checking (backing up, moving photos in, or writing its transaction): all or nothing.
    const writing = await killDuring(ctx, bytes, (p) => p.phase !== 'reading');
    expect(writing.missingPhotoFiles).toBe(0);
    expect([0, PHOTOS]).toContain(writing.imported);
    expect(writing.logged).toBe(writing.imported === PHOTOS ? 1 : 0);

    // Left alone, the same import brings everything.
    const whole = await killDuring(ctx, bytes, (p) => p.phase === 'done');
    expect(whole).toMatchObject({ imported: PHOTOS, logged: 1, missingPhotoFiles: 0 });
  });
});
