// Exercise photos. Each upload is checked by its bytes (not its name), decoded with a pixel cap,
// re-encoded without metadata (camera make, GPS, dates) and stored once under the SHA-256 of the
// cleaned bytes, so the same photo attached twice takes the space of one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { stmt } from '../../db/statements';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTOS_PER_EXERCISE, type MediaData, type ParsedArgsOf } from '../../common/contract';
import type { Exercise } from '../../common/domain/exercise';
import { ServiceError } from '../../common/contract/result';
import type { ServiceContext } from '../context';
import { editableRow, getExercise } from '../library/use-cases';

export const MEDIA_DIR_NAME = 'media';
const LONGEST_EDGE = 2400;
const THUMB_EDGE = 480;

type Mime = 'image/jpeg' | 'image/png';

export function sniffImage(bytes: Buffer): Mime | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

export function mediaPath(dataDir: string, sha256: string, variant: 'full' | 'thumb', mime: Mime): string {
  const ext = mime === 'image/png' ? 'png' : 'jpg';
  return path.join(dataDir, MEDIA_DIR_NAME, sha256.slice(0, 2), `${sha256}${variant === 'thumb' ? '.thumb' : ''}.${ext}`);
}

/** Writes a file that appears complete or not at all. */
function writeFileAtomic(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export interface CleanedImage {
  mime: Mime;
  bytes: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  sha256: string;
}

/** Validates and cleans an uploaded photo. Names the problem in plain words when it refuses. */
export async function cleanImage(fileName: string, input: Buffer): Promise<CleanedImage> {
  if (input.length > MAX_PHOTO_BYTES) {
    throw new ServiceError('too_large', `"${fileName}" is ${megabytes(input.length)}. Photos can be up to ${megabytes(MAX_PHOTO_BYTES)}.`);
  }
  const mime = sniffImage(input);
  if (!mime) throw new ServiceError('unsupported_media', `"${fileName}" is not a PNG or JPEG photo.`);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ServiceError('unsupported_media', `"${fileName}" could not be read as a ${mime === 'image/png' ? 'PNG' : 'JPEG'} image.`);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_PHOTO_PIXELS) {
    throw new ServiceError(
      'too_large',
      `"${fileName}" is ${width} × ${height} pixels. Photos can have up to ${MAX_PHOTO_PIXELS / 1_000_000} million pixels.`,
    );
  }
  try {
    // rotate() applies the camera's orientation before the metadata that holds it is dropped.
    const base = sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' }).rotate();
    const encode = (s: Sharp): Sharp => (mime === 'image/png' ? s.png({ compressionLevel: 9 }) : s.jpeg({ quality: 85, mozjpeg: true }));
    const bytes = await encode(
      base.clone().resize({ width: LONGEST_EDGE, height: LONGEST_EDGE, fit: 'inside', withoutEnlargement: true }),
    ).toBuffer({ resolveWithObject: true });
    const thumb = await encode(
      base.clone().resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true }),
    ).toBuffer();
    return {
      mime,
      bytes: bytes.data,
      thumb,
      width: bytes.info.width,
      height: bytes.info.height,
      sha256: createHash('sha256').update(bytes.data).digest('hex'),
    };
  } catch {
    throw new ServiceError('unsupported_media', `"${fileName}" is damaged or incomplete and could not be read.`);
  }
}

function assertRoomForPhoto(ctx: ServiceContext, seq: number): number {
  const count = (stmt(ctx.db, 'SELECT count(*) AS n FROM exercise_media WHERE exercise_seq = ?').get(seq) as { n: number }).n;
  if (count >= MAX_PHOTOS_PER_EXERCISE) {
    throw new ServiceError('too_large', `An exercise can have up to ${MAX_PHOTOS_PER_EXERCISE} photos. Remove one first.`);
  }
  return count;
}

export async function attachPhoto(ctx: ServiceContext, args: ParsedArgsOf<'media.attach'>): Promise<Exercise> {
  // Checked before any work and again in the transaction: another window may add one meanwhile.
  assertRoomForPhoto(ctx, editableRow(ctx, args.exerciseId).seq);
  const input = Buffer.from(args.dataBase64, 'base64');
  const image = await cleanImage(args.fileName, input);
  // Files first, rows second: a crash in between leaves an unreferenced file, which start-up removes.
  for (const [variant, bytes] of [
    ['full', image.bytes],
    ['thumb', image.thumb],
  ] as const) {
    const file = mediaPath(ctx.dataDir, image.sha256, variant, image.mime);
    if (!fs.existsSync(file)) writeFileAtomic(file, bytes);
  }
  ctx.db
    .transaction(() => {
      const row = editableRow(ctx, args.exerciseId);
      const already = stmt(ctx.db, 'SELECT 1 FROM exercise_media WHERE exercise_seq = ? AND sha256 = ?').get(row.seq, image.sha256);
      if (already) return;
      const count = assertRoomForPhoto(ctx, row.seq);
      ctx.db
        .prepare('INSERT OR IGNORE INTO media (sha256, mime, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(image.sha256, image.mime, image.width, image.height, image.bytes.length, ctx.now().toISOString());
      ctx.db
        .prepare('INSERT INTO exercise_media (exercise_seq, sha256, position, caption) VALUES (?, ?, ?, ?)')
        .run(row.seq, image.sha256, count, args.caption);
      bumpVersion(ctx, row.seq);
    })
    .immediate();
  return getExercise(ctx, args.exerciseId);
}

function bumpVersion(ctx: ServiceContext, seq: number): void {
  ctx.db
    .prepare('UPDATE exercises SET content_version = content_version + 1, updated_at = ? WHERE seq = ?')
    .run(ctx.now().toISOString(), seq);
}

export function removePhoto(ctx: ServiceContext, args: ParsedArgsOf<'media.remove'>): Exercise {
  ctx.db
    .transaction(() => {
      const row = editableRow(ctx, args.exerciseId);
      const removed = ctx.db.prepare('DELETE FROM exercise_media WHERE exercise_seq = ? AND sha256 = ?').run(row.seq, args.sha256);
      if (removed.changes === 0) throw new ServiceError('not_found', 'That photo is not attached to this exercise.');
      bumpVersion(ctx, row.seq);
    })
    .immediate();
  return getExercise(ctx, args.exerciseId);
}

export function readPhoto(ctx: ServiceContext, args: ParsedArgsOf<'media.get'>): MediaData {
  const row = ctx.db.prepare('SELECT mime FROM media WHERE sha256 = ?').get(args.sha256) as { mime: Mime } | undefined;
  if (!row) throw new ServiceError('not_found', 'That photo is not in the library.');
  const file = mediaPath(ctx.dataDir, args.sha256, args.variant, row.mime);
  if (!fs.existsSync(file)) throw new ServiceError('not_found', 'The photo file is missing from the data folder.');
  return { mime: row.mime, dataBase64: fs.readFileSync(file).toString('base64') };
}

/** Removes photos no exercise uses any more, rows and files, and leftovers of interrupted writes. */
export function collectUnusedMedia(ctx: ServiceContext): number {
  const unused = ctx.db.prepare('SELECT sha256, mime FROM media WHERE sha256 NOT IN (SELECT sha256 FROM exercise_media)').all() as {
    sha256: string;
    mime: Mime;
  }[];
  ctx.db
    .transaction(() => {
      for (const m of unused) ctx.db.prepare('DELETE FROM media WHERE sha256 = ?').run(m.sha256);
    })
    .immediate();
  const known = new Set(ctx.db.prepare('SELECT sha256 FROM media').pluck().all() as string[]);
  const root = path.join(ctx.dataDir, MEDIA_DIR_NAME);
  let removed = 0;
  if (!fs.existsSync(root)) return 0;
  for (const sub of fs.readdirSync(root)) {
    const dir = path.join(root, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) {
      if (!known.has(f.slice(0, 64)) || f.endsWith('.tmp')) {
        fs.rmSync(path.join(dir, f), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
