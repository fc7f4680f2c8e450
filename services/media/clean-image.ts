// Validates and cleans one uploaded photo: checked by its bytes (not its name), decoded with
// pixel and side limits, turned upright, re-encoded without metadata (camera, GPS, dates, XMP,
// IPTC, comments) and written with a thumbnail. Runs inside the image worker, never in the main
// process: a hostile or huge image then costs one photo, never the app.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type SharpModule from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE } from '../../common/contract/media';
import { megabytes } from '../../common/text/sizes';
import type { MediaMime } from '../../db/queries/media';
import { writePrivateFile } from '../private-file';

const LONGEST_EDGE = 2400;
const THUMB_EDGE = 480;

export function sniffImage(bytes: Buffer): MediaMime | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export interface CleanRequest {
  input: string;
  fileName: string;
  /** Where the cleaned photo and its thumbnail are written (files that do not exist yet). */
  outFull: string;
  outThumb: string;
}

export interface CleanedImage {
  mime: MediaMime;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

export type RefusalCode = 'too_large' | 'unsupported_media' | 'disk_problem';

export type CleanOutcome = { ok: true; image: CleanedImage } | { ok: false; code: RefusalCode; message: string };

const refuse = (code: RefusalCode, message: string): CleanOutcome => ({ ok: false, code, message });

/** Errors that mean the disk, not the photo: answered as `disk_problem`, like a full disk elsewhere. */
const DISK_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EPERM', 'ENOENT']);

export async function cleanImage(sharp: typeof SharpModule, req: CleanRequest): Promise<CleanOutcome> {
  const input = fs.readFileSync(req.input);
  // Messages never repeat the file's name: a photo's name can carry a patient's name, and the
  // message may end up in a log or on screen beside someone else. They say "This file/photo".
  if (input.length > MAX_PHOTO_BYTES) {
    return refuse('too_large', `This photo is ${megabytes(input.length)}. Photos can be up to ${megabytes(MAX_PHOTO_BYTES)}.`);
  }
  const mime = sniffImage(input);
  if (!mime) return refuse('unsupported_media', 'This file is not a PNG or JPEG photo.');
  let meta: Metadata;
  try {
    // Reads the header only: sizes are checked before any pixel is decoded.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return refuse('unsupported_media', `This file could not be read as a ${mime === 'image/png' ? 'PNG' : 'JPEG'} image.`);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_PHOTO_PIXELS) {
    return refuse(
      'too_large',
      `This photo is ${width} × ${height} pixels. Photos can have up to ${MAX_PHOTO_PIXELS / 1_000_000} million pixels.`,
    );
  }
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE) {
    return refuse(
      'too_large',
      `This photo is ${width} × ${height} pixels. Each side can be up to ${MAX_PHOTO_SIDE.toLocaleString('en-US')} pixels.`,
    );
  }
  let encoded: { full: { data: Buffer; info: { width: number; height: number } }; thumb: Buffer };
  try {
    // rotate() applies the camera's orientation before the metadata that holds it is dropped.
    const base = sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' }).rotate();
    const encode = (s: Sharp): Sharp => (mime === 'image/png' ? s.png({ compressionLevel: 9 }) : s.jpeg({ quality: 85, mozjpeg: true }));
    const full = await encode(
      base.clone().resize({ width: LONGEST_EDGE, height: LONGEST_EDGE, fit: 'inside', withoutEnlargement: true }),
    ).toBuffer({ resolveWithObject: true });
    const thumb = await encode(
      base.clone().resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true }),
    ).toBuffer();
    encoded = { full, thumb };
  } catch {
    return refuse('unsupported_media', 'This photo is damaged or incomplete and could not be read.');
  }
  const { full, thumb } = encoded;
  try {
    writePrivateFile(req.outFull, full.data);
    writePrivateFile(req.outThumb, thumb);
  } catch (err) {
    // The photo was fine; the disk was not. Say so, and never blame the photo.
    if (DISK_ERRORS.has((err as NodeJS.ErrnoException).code ?? '')) {
      return refuse('disk_problem', 'Loadwise could not write the photo to its data folder (is the disk full?). Nothing was saved.');
    }
    throw err;
  }
  return {
    ok: true,
    image: {
      mime,
      width: full.info.width,
      height: full.info.height,
      bytes: full.data.length,
      sha256: createHash('sha256').update(full.data).digest('hex'),
    },
  };
}
