// Progress and cancelling of a long bundle preview and import, on real libraries: the import
// reports its photos as it checks them; a cancel while it is reading stops it with "cancelled" and
// leaves the database's content, the media folder and staging exactly as they were; once it has
// started writing it can no longer be cancelled and ends with everything; an unknown job has no
// progress and nothing to cancel.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../common/contract/bundles';
import type { ServiceContext } from '../../../../services/context';
import { stagingDir } from '../../../../services/staging';
import { call, dispatchLikeHost } from '../../../support/call';
import { bootTestServices } from '../../../support/fixtures';
import { databaseContent, exportBytes, folderHashes, libraryWithPhotos, previewOf, SHARE_ALL } from '../../../support/bundles';

const PHOTOS = 24;

async function sharedBundle(): Promise<Buffer> {
  const { ctx } = await bootTestServices();
  await libraryWithPhotos(ctx, PHOTOS);
  return exportBytes(ctx, { ...SHARE_ALL, sign: false });
}

/** Polls the job until `until` holds for its progress (or the call it watches has ended). */
async function watch(
  ctx: ServiceContext,
  jobId: string,
  until: (p: ImportProgress) => boolean,
  ended: () => boolean,
): Promise<ImportProgress[]> {
  const seen: ImportProgress[] = [];
  while (!ended()) {
    const p = await call(ctx, 'bundles.progress', { jobId });
    if (p) {
      seen.push(p);
      if (until(p)) break;
    }
    await new Promise((r) => setImmediate(r));
  }
  return seen;
}

const stagingFiles = (ctx: ServiceContext): string[] =>
  fs.existsSync(stagingDir(ctx.dataDir)) ? fs.readdirSync(stagingDir(ctx.dataDir)) : [];

describe('bundle import progress and cancel', () => {
  it('reports photos checked of the total, and a cancel while reading changes nothing', async () => {
    const bytes = await sharedBundle();
    const { ctx } = await bootTestServices();
    const preview = await previewOf(ctx, bytes);
    const before = { db: databaseContent(ctx), media: folderHashes(path.join(ctx.dataDir, 'media')) };
    const jobId = randomUUID();
    let ended = false;
    const applying = dispatchLikeHost(ctx, 'bundles.apply', {
      fileName: 'Shared.loadwise-library',
      bundleSha256: preview.bundleSha256,
      allConflicts: 'mine',
      jobId,
      dataBase64: bytes.toString('base64'),
    }).finally(() => (ended = true));
    const seen = await watch(
      ctx,
      jobId,
      (p) => p.phase === 'reading' && p.done >= 3,
      () => ended,
    );
    expect(seen.at(-1)).toMatchObject({ phase: 'reading', total: PHOTOS, cancellable: true });
    expect(seen.at(-1)!.done).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)!.done).toBeLessThan(PHOTOS);
    expect(await call(ctx, 'bundles.cancel', { jobId })).toEqual({ cancelled: true });

    expect(await applying).toEqual({ ok: false, error: { code: 'cancelled', message: 'The import was cancelled. Nothing was changed.' } });
    expect(databaseContent(ctx)).toBe(before.db);
    expect(folderHashes(path.join(ctx.dataDir, 'media'))).toEqual(before.media);
    expect(stagingFiles(ctx)).toEqual([]);
    expect(await call(ctx, 'backups.list', {})).toEqual([]); // stopped before its backup
    expect(await call(ctx, 'bundles.progress', { jobId })).toMatchObject({ cancelRequested: true });

    // The same file again, not cancelled: everything arrives.
    const again = await dispatchLikeHost(ctx, 'bundles.apply', {
      fileName: 'Shared.loadwise-library',
      bundleSha256: preview.bundleSha256,
      allConflicts: 'mine',
      jobId: randomUUID(),
      dataBase64: bytes.toString('base64'),
    });
    expect(again).toMatchObject({ ok: true, value: { added: PHOTOS } });
  });

  it('a preview can be cancelled too, and leaves nothing staged', async () => {
    const bytes = await sharedBundle();
    const { ctx } = await bootTestServices();
    const jobId = randomUUID();
    let ended = false;
    const previewing = dispatchLikeHost(ctx, 'bundles.preview', {
      fileName: 'Shared.loadwise-library',
      jobId,
      dataBase64: bytes.toString('base64'),
    }).finally(() => (ended = true));
    await watch(
      ctx,
      jobId,
      (p) => p.done >= 1,
      () => ended,
    );
    expect(await call(ctx, 'bundles.cancel', { jobId })).toEqual({ cancelled: true });
    expect(await previewing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(stagingFiles(ctx)).toEqual([]);
  });

  it('once writing, a cancel is refused and the import ends whole; unknown jobs have no progress', async () => {
    const bytes = await sharedBundle();
    const { ctx } = await bootTestServices();
    const preview = await previewOf(ctx, bytes);
    const jobId = randomUUID();
    const result = await dispatchLikeHost(ctx, 'bundles.apply', {
      fileName: 'Shared.loadwise-library',
      bundleSha256: preview.bundleSha256,
      allConflicts: 'mine',
      jobId,
      dataBase64: bytes.toString('base64'),
    });
    expect(result).toMatchObject({ ok: true, value: { added: PHOTOS } });
    expect(await call(ctx, 'bundles.progress', { jobId })).toEqual({
      phase: 'done',
      done: PHOTOS,
      total: PHOTOS,
      cancelRequested: false,
      cancellable: false,
    });
    expect(await call(ctx, 'bundles.cancel', { jobId })).toEqual({ cancelled: false });
    expect(await call(ctx, 'bundles.progress', { jobId: randomUUID() })).toBeNull();
    expect(await call(ctx, 'bundles.cancel', { jobId: randomUUID() })).toEqual({ cancelled: false });
  });
});
