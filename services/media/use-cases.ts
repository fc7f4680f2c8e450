// Exercise photos: attach (cleaned in the image worker, stored once by the SHA-256 of the cleaned
// bytes, so the same photo attached twice takes the space of one), remove, serve by URL, and the
// start-up sweep of photos nothing uses.
import fs from 'node:fs';
import { MAX_PHOTOS_PER_EXERCISE, type MediaVariant, type ParsedArgsOf } from '../../common/contract';
import type { Exercise } from '../../common/domain/exercise';
import { ServiceError } from '../../common/contract/result';
import { bumpContentVersion } from '../../db/queries/exercises';
import {
  allMediaHashes,
  countPhotos,
  deleteMedia,
  hasPhoto,
  insertMedia,
  linkPhoto,
  mediaMime,
  unlinkPhoto,
  unusedMedia,
} from '../../db/queries/media';
import type { ServiceContext } from '../context';
import { editableRow, exerciseOrNotFound } from '../library/editable';
import type { StagedFile } from '../staging';
import { mediaPath, moveIntoStore, sweepStore, type SweepResult } from './store';
import { mediaHashesInBackups } from '../../db/backup';

function assertRoomForPhoto(ctx: ServiceContext, seq: number): number {
  const count = countPhotos(ctx.db, seq);
  if (count >= MAX_PHOTOS_PER_EXERCISE) {
    throw new ServiceError('too_large', `An exercise can have up to ${MAX_PHOTOS_PER_EXERCISE} photos. Remove one first.`);
  }
  return count;
}

export async function attachPhoto(ctx: ServiceContext, args: ParsedArgsOf<'media.attach'>, file: StagedFile): Promise<Exercise> {
  // Checked before any work and again in the transaction: another window may add one meanwhile.
  assertRoomForPhoto(ctx, editableRow(ctx, args.exerciseId).seq);
  const outFull = `${file.path}.full`;
  const outThumb = `${file.path}.thumb`;
  try {
    const image = await ctx.images.clean({ input: file.path, fileName: args.fileName, outFull, outThumb });
    // Files first, rows second: a crash in between leaves an unreferenced file, which start-up removes.
    moveIntoStore(outFull, mediaPath(ctx.dataDir, image.sha256, 'full', image.mime));
    moveIntoStore(outThumb, mediaPath(ctx.dataDir, image.sha256, 'thumb', image.mime));
    ctx.db
      .transaction(() => {
        const row = editableRow(ctx, args.exerciseId);
        if (hasPhoto(ctx.db, row.seq, image.sha256)) return;
        const position = assertRoomForPhoto(ctx, row.seq);
        const createdAt = ctx.now().toISOString();
        insertMedia(ctx.db, {
          sha256: image.sha256,
          mime: image.mime,
          width: image.width,
          height: image.height,
          bytes: image.bytes,
          createdAt,
        });
        linkPhoto(ctx.db, row.seq, image.sha256, position, args.caption);
        bumpContentVersion(ctx.db, row.seq, createdAt);
      })
      .immediate();
  } finally {
    fs.rmSync(outFull, { force: true });
    fs.rmSync(outThumb, { force: true });
  }
  return exerciseOrNotFound(ctx, args.exerciseId);
}

export function removePhoto(ctx: ServiceContext, args: ParsedArgsOf<'media.remove'>): Exercise {
  ctx.db
    .transaction(() => {
      const row = editableRow(ctx, args.exerciseId);
      if (!unlinkPhoto(ctx.db, row.seq, args.sha256)) throw new ServiceError('not_found', 'That photo is not attached to this exercise.');
      bumpContentVersion(ctx.db, row.seq, ctx.now().toISOString());
    })
    .immediate();
  return exerciseOrNotFound(ctx, args.exerciseId);
}

/** The stored file behind a media URL, for the hosts to serve; null when there is none. */
export function photoFile(ctx: ServiceContext, sha256: string, variant: MediaVariant): { file: string; mime: string } | null {
  const mime = mediaMime(ctx.db, sha256);
  if (!mime) return null;
  const file = mediaPath(ctx.dataDir, sha256, variant, mime);
  return fs.existsSync(file) ? { file, mime } : null;
}

/**
 * Start-up: removes the rows of photos no exercise uses any more, then sweeps the store
 * (services/media/store.ts sweepStore): files neither the library nor any backup in backups/
 * uses, and older than a write in flight could be, wait in media/.orphans/ until the next start;
 * then they are deleted. Files a backup uses are kept, so restoring it brings its photos back.
 */
export function collectUnusedMedia(ctx: ServiceContext): SweepResult {
  const unused = unusedMedia(ctx.db);
  ctx.db
    .transaction(() => {
      for (const m of unused) deleteMedia(ctx.db, m.sha256);
    })
    .immediate();
  const inBackups = mediaHashesInBackups(ctx.db, ctx.dataDir);
  if (inBackups === null) ctx.log.warn('a backup could not be read, so no unused photo file was removed this time');
  const keep = inBackups === null ? null : new Set([...allMediaHashes(ctx.db), ...inBackups]);
  return sweepStore(ctx.dataDir, keep, ctx.now());
}
