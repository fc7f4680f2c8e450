// Reads and checks a shared library bundle completely before anything changes: the zip's
// structure (zip-reader.ts), the manifest (format, version, every entry's size and SHA-256), the
// signature over the manifest, every record with the app's own zod schemas, references between
// records, and every photo (hash, type by its bytes, no metadata, size, decoded in the image
// worker, which also makes its thumbnail). Photos are staged in staging/bundle-<uuid>/; the caller
// removes that folder whatever happens. Any problem refuses the whole bundle with a message naming
// the file, the entry and the problem.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { listIssues } from '../../common/contract/issues';
import { ServiceError } from '../../common/contract/result';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BundleExercisesSchema,
  BundleManifestSchema,
  BundleSignatureSchema,
  BundleTemplatesSchema,
  EXERCISES_ENTRY,
  MANIFEST_ENTRY,
  MEDIA_ENTRY,
  SIGNATURE_ENTRY,
  TEMPLATES_ENTRY,
  type BundleExercise,
  type BundleManifest,
  type BundleTemplate,
  type SignatureState,
} from '../../common/domain/bundle';
import { MAX_PHOTO_BYTES } from '../../common/contract/media';
import { trustedClinic } from '../../db/queries/bundles';
import type { MediaMime } from '../../db/queries/media';
import { mediaMime } from '../../db/queries/media';
import { ImportJob } from './import-jobs';
import type { ServiceContext } from '../context';
import { sniffImage } from '../media/clean-image';
import { mediaPath } from '../media/store';
import { ensurePrivateDir } from '../../db/open';
import { stagingDir } from '../staging';
import { fingerprintOf, verifyManifest } from './clinic-key';
import { BundleProblem, ZipFile, type ZipEntry } from './zip-reader';

/** The largest photo side Loadwise stores (services/media/clean-image.ts LONGEST_EDGE). */
const MAX_STORED_SIDE = 2400;
const MAX_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Text that looks like markup: a tag or a comment. Loadwise never writes any into a record. */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>/i;

export interface StagedPhoto {
  mime: MediaMime;
  width: number;
  height: number;
  bytes: number;
  /** Staged files to move into the store, or null when the store already has this photo. */
  full: string | null;
  thumb: string | null;
}

export interface ReadBundle {
  sha256: string;
  manifest: BundleManifest;
  signature: { state: SignatureState; fingerprint: string | null; publicKey: string | null; trustedAs: string | null };
  exercises: BundleExercise[];
  templates: BundleTemplate[];
  photos: Map<string, StagedPhoto>;
  /** staging/bundle-<uuid>/: the caller removes it. */
  stagingDir: string;
}

function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** How deeply a JSON text nests, counted without parsing it (so a deep text cannot exhaust the stack). */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function parseJson(entry: string, bytes: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleProblem(entry, 'is not valid UTF-8 text');
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new BundleProblem(entry, `nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new BundleProblem(entry, `has a field named "${key}", which is never accepted`);
      return value;
    });
  } catch (err) {
    if (err instanceof BundleProblem) throw err;
    throw new BundleProblem(entry, 'is not valid JSON');
  }
}

/** Refuses markup anywhere in a record's text, naming where. */
function refuseMarkup(entry: string, value: unknown, at: string): void {
  if (typeof value === 'string') {
    if (MARKUP.test(value))
      throw new BundleProblem(entry, `holds HTML or SVG markup at ${at || 'its top'}, which Loadwise never writes into a record`);
  } else if (Array.isArray(value)) value.forEach((v, i) => refuseMarkup(entry, v, `${at}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) refuseMarkup(entry, v, at ? `${at}.${k}` : k);
}

function validated<T>(entry: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new BundleProblem(entry, `does not pass the app's checks: ${listIssues('at', parsed.error).slice(0, 3).join('; ')}`);
  return parsed.data;
}

function semver(v: string): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function isNewer(bundle: string, ours: string): boolean {
  const a = semver(bundle);
  const b = semver(ours);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** Width and height from a PNG's IHDR or a JPEG's frame header, without decoding. */
export function imageSize(bytes: Buffer, mime: MediaMime): { width: number; height: number } | null {
  if (mime === 'image/png') {
    if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return null;
}

/** Metadata a cleaned Loadwise photo never has (camera, GPS, XMP, text chunks). */
function hasMetadata(bytes: Buffer, mime: MediaMime): boolean {
  if (mime === 'image/png') {
    let i = 8;
    while (i + 8 <= bytes.length) {
      const length = bytes.readUInt32BE(i);
      const type = bytes.toString('latin1', i + 4, i + 8);
      if (['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME'].includes(type)) return true;
      if (type === 'IDAT' || type === 'IEND') return false;
      i += 12 + length;
    }
    return false;
  }
  let i = 2;
  while (i + 4 < bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1];
    if (marker === 0xda) return false;
    if (marker === 0xe1 || marker === 0xed || marker === 0xfe) return true;
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return false;
}

async function stagePhoto(ctx: ServiceContext, dir: string, name: string, hash: string, ext: string, bytes: Buffer): Promise<StagedPhoto> {
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new BundleProblem(name, `is larger than the ${MAX_PHOTO_BYTES / 1024 / 1024} MB a photo may be`);
  const mime = sniffImage(bytes);
  if (!mime) throw new BundleProblem(name, 'is not a PNG or JPEG image (its bytes say otherwise)');
  if ((mime === 'image/png') !== (ext === 'png'))
    throw new BundleProblem(name, `is named .${ext} but its bytes are ${mime === 'image/png' ? 'a PNG' : 'a JPEG'}`);
  const size = imageSize(bytes, mime);
  if (!size) throw new BundleProblem(name, 'has no readable image header');
  if (size.width > MAX_STORED_SIDE || size.height > MAX_STORED_SIDE || size.width === 0 || size.height === 0) {
    throw new BundleProblem(name, `is ${size.width} × ${size.height} pixels; shared photos are at most ${MAX_STORED_SIDE} pixels a side`);
  }
  if (hasMetadata(bytes, mime))
    throw new BundleProblem(name, 'carries metadata (camera, location or text), which a Loadwise photo never has');
  const storedMime = mediaMime(ctx.db, hash);
  if (
    storedMime === mime &&
    fs.existsSync(mediaPath(ctx.dataDir, hash, 'full', mime)) &&
    fs.existsSync(mediaPath(ctx.dataDir, hash, 'thumb', mime))
  ) {
    return { mime, ...size, bytes: bytes.length, full: null, thumb: null };
  }
  const input = path.join(dir, `${hash}.in`);
  const full = path.join(dir, `${hash}.full`);
  const thumb = path.join(dir, `${hash}.thumb`);
  const cleanedFull = path.join(dir, `${hash}.cleaned`);
  fs.writeFileSync(input, bytes, { mode: 0o600, flag: 'wx' });
  try {
    // Decoded in the image worker (a separate process with a time limit): a photo that is not
    // what it claims fails there, never in this process. Its thumbnail is kept; the stored full
    // photo is the bundle's own bytes, so its hash stays the one every library knows it by.
    const cleaned = await ctx.images.clean({ input, fileName: 'photo', outFull: cleanedFull, outThumb: thumb });
    if (cleaned.width !== size.width || cleaned.height !== size.height)
      throw new BundleProblem(name, 'decodes to a different size than its header says');
  } catch (err) {
    if (err instanceof BundleProblem) throw err;
    throw new BundleProblem(name, `was refused by the photo check (${(err as Error).message.replace(/\.$/, '')})`);
  } finally {
    fs.rmSync(cleanedFull, { force: true });
  }
  fs.renameSync(input, full);
  return { mime, ...size, bytes: bytes.length, full, thumb };
}

/** Signature entry checked against the manifest's bytes; a mismatch refuses the bundle. */
function checkSignature(ctx: ServiceContext, zip: ZipFile, entries: Map<string, ZipEntry>, manifestBytes: Buffer): ReadBundle['signature'] {
  const entry = entries.get(SIGNATURE_ENTRY);
  if (!entry) return { state: 'unsigned', fingerprint: null, publicKey: null, trustedAs: null };
  const sig = validated(SIGNATURE_ENTRY, BundleSignatureSchema, parseJson(SIGNATURE_ENTRY, zip.read(entry)));
  if (!verifyManifest(sig.publicKey, manifestBytes, sig.signature)) {
    throw new BundleProblem(SIGNATURE_ENTRY, 'does not match: the bundle was changed after it was signed, or the signature is not genuine');
  }
  const fingerprint = fingerprintOf(Buffer.from(sig.publicKey, 'base64'));
  const trusted = trustedClinic(ctx.db, fingerprint);
  return { state: trusted ? 'trusted' : 'unknown', fingerprint, publicKey: sig.publicKey, trustedAs: trusted?.clinicName ?? null };
}

/** The bundle's manifest and signature, checked (every entry a bundle may hold; format, app version; the signature over the manifest). */
function readHead(ctx: ServiceContext, zip: ZipFile) {
  const entries = new Map(zip.entries.map((e) => [e.name, e]));
  for (const e of zip.entries) {
    if (![MANIFEST_ENTRY, SIGNATURE_ENTRY, EXERCISES_ENTRY, TEMPLATES_ENTRY].includes(e.name) && !MEDIA_ENTRY.test(e.name)) {
      throw new BundleProblem(e.name, 'is not something a Loadwise library bundle holds');
    }
  }
  const manifestEntry = entries.get(MANIFEST_ENTRY);
  if (!manifestEntry) throw new BundleProblem(null, 'has no manifest.json, so it is not a Loadwise library bundle');
  const manifestBytes = zip.read(manifestEntry);
  const raw = parseJson(MANIFEST_ENTRY, manifestBytes) as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object' || raw.format !== BUNDLE_FORMAT)
    throw new BundleProblem(MANIFEST_ENTRY, 'is not a Loadwise library manifest');
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleProblem(
      MANIFEST_ENTRY,
      `uses bundle format ${raw.formatVersion}; this Loadwise reads format ${BUNDLE_FORMAT_VERSION}. Update Loadwise to import it`,
    );
  }
  const manifest = validated(MANIFEST_ENTRY, BundleManifestSchema, raw);
  if (manifest.formatVersion !== BUNDLE_FORMAT_VERSION)
    throw new BundleProblem(MANIFEST_ENTRY, `uses bundle format ${manifest.formatVersion}, which this Loadwise does not read`);
  if (isNewer(manifest.appVersion, ctx.appVersion)) {
    throw new BundleProblem(
      MANIFEST_ENTRY,
      `was made by Loadwise ${manifest.appVersion}, newer than this one (${ctx.appVersion}). Update Loadwise to import it`,
    );
  }
  const signature = checkSignature(ctx, zip, entries, manifestBytes);
  return { entries, manifest, signature };
}

async function readChecked(
  ctx: ServiceContext,
  file: string,
  dir: string,
  job: ImportJob,
): Promise<Omit<ReadBundle, 'stagingDir' | 'sha256'>> {
  const zip = ZipFile.open(file);
  try {
    const { entries, manifest, signature } = readHead(ctx, zip);

    // The manifest lists exactly the other entries, each with its size and hash.
    const listed = new Map<string, { sha256: string; bytes: number }>();
    for (const m of manifest.entries) {
      if (listed.has(m.name)) throw new BundleProblem(MANIFEST_ENTRY, `lists ${m.name} twice`);
      if (!entries.has(m.name) || m.name === MANIFEST_ENTRY || m.name === SIGNATURE_ENTRY)
        throw new BundleProblem(m.name, 'is listed in the manifest but missing from the bundle');
      listed.set(m.name, m);
    }
    for (const e of zip.entries) {
      if (e.name !== MANIFEST_ENTRY && e.name !== SIGNATURE_ENTRY && !listed.has(e.name))
        throw new BundleProblem(e.name, 'is in the bundle but not listed in its manifest');
    }
    const readListed = (name: string): Buffer => {
      const e = entries.get(name);
      if (!e) throw new BundleProblem(name, 'is missing from the bundle');
      const expected = listed.get(name)!;
      // Read first: the reader stops a size that lies as it inflates; then the hash says whether
      // the entry is the one the manifest (and any signature over it) vouches for.
      const bytes = zip.read(e);
      if (createHash('sha256').update(bytes).digest('hex') !== expected.sha256)
        throw new BundleProblem(name, 'does not match its SHA-256 in the manifest (it was changed)');
      if (bytes.length !== expected.bytes)
        throw new BundleProblem(name, `is ${bytes.length} bytes, but the manifest says ${expected.bytes}`);
      return bytes;
    };

    const records = (name: string): unknown => {
      const value = parseJson(name, readListed(name));
      refuseMarkup(name, value, '');
      return value;
    };
    const exercises = validated(EXERCISES_ENTRY, BundleExercisesSchema, records(EXERCISES_ENTRY));
    const templates = validated(TEMPLATES_ENTRY, BundleTemplatesSchema, records(TEMPLATES_ENTRY));
    if (exercises.length !== manifest.counts.exercises || templates.length !== manifest.counts.templates) {
      throw new BundleProblem(MANIFEST_ENTRY, 'counts a different number of records than the bundle holds');
    }
    const ids = new Set<string>();
    for (const e of exercises) {
      if (ids.has(e.id)) throw new BundleProblem(EXERCISES_ENTRY, `holds exercise ${e.id} twice`);
      ids.add(e.id);
    }
    for (const e of exercises) {
      for (const link of [...e.draft.progressionIds, ...e.draft.regressionIds]) {
        if (!ids.has(link))
          throw new BundleProblem(EXERCISES_ENTRY, `links “${e.draft.text.name}” to an exercise the bundle does not hold`);
      }
    }
    const templateIds = new Set<string>();
    for (const { template } of templates) {
      if (templateIds.has(template.id)) throw new BundleProblem(TEMPLATES_ENTRY, `holds template ${template.id} twice`);
      templateIds.add(template.id);
      for (const item of template.stages.flatMap((s) => s.items)) {
        if (item.exerciseId !== null && !ids.has(item.exerciseId)) {
          throw new BundleProblem(TEMPLATES_ENTRY, `“${template.name}” names an exercise the bundle does not hold`);
        }
      }
    }

    const used = new Set(exercises.flatMap((e) => e.photos.map((p) => p.sha256)));
    const photos = new Map<string, StagedPhoto>();
    job.report('reading', 0, manifest.counts.photos);
    job.check();
    for (const e of zip.entries) {
      const m = MEDIA_ENTRY.exec(e.name);
      if (!m) continue;
      job.check();
      const [, hash, ext] = m;
      if (photos.has(hash)) throw new BundleProblem(e.name, 'holds a photo the bundle already has under another name');
      if (!used.has(hash)) throw new BundleProblem(e.name, 'is a photo no exercise in the bundle shows');
      const bytes = readListed(e.name);
      if (createHash('sha256').update(bytes).digest('hex') !== hash) throw new BundleProblem(e.name, 'does not match the hash in its name');
      photos.set(hash, await stagePhoto(ctx, dir, e.name, hash, ext, bytes));
      job.report('reading', photos.size, manifest.counts.photos);
    }
    for (const hash of used)
      if (!photos.has(hash)) throw new BundleProblem(EXERCISES_ENTRY, `shows a photo (${hash.slice(0, 12)}…) the bundle does not hold`);
    if (photos.size !== manifest.counts.photos)
      throw new BundleProblem(MANIFEST_ENTRY, 'counts a different number of photos than the bundle holds');
    return { manifest, signature, exercises, templates, photos };
  } finally {
    zip.close();
  }
}

/**
 * Reads and checks a bundle. Throws ServiceError('unsupported_media') naming the file, the entry
 * and the problem; then nothing is staged (the folder is removed here).
 */
export async function readBundle(ctx: ServiceContext, file: string, fileName = 'The bundle', job = new ImportJob()): Promise<ReadBundle> {
  const dir = path.join(stagingDir(ctx.dataDir), `bundle-${randomUUID()}`);
  ensurePrivateDir(stagingDir(ctx.dataDir));
  ensurePrivateDir(dir);
  try {
    const sha256 = fileSha256(file);
    return { ...(await readChecked(ctx, file, dir, job)), sha256, stagingDir: dir };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw refusal(err, fileName);
  }
}

/** A BundleProblem as the message the clinician sees, naming the file, the entry and the problem. */
function refusal(err: unknown, fileName: string): unknown {
  if (!(err instanceof BundleProblem)) return err;
  const shown = fileName.replace(/[\u0000-\u001f]/g, '').slice(0, 120);
  return new ServiceError(
    'unsupported_media',
    `“${shown}” was not imported: ${err.entry ? `${err.entry} ${err.problem}` : `the file ${err.problem}`}. Nothing was changed.`,
  );
}

/**
 * The manifest and signature of a bundle without reading its records or photos: enough to list a
 * shared folder (who made each file, when, and whether its key is trusted). Refused like readBundle.
 */
export function peekBundle(ctx: ServiceContext, file: string, fileName: string): Pick<ReadBundle, 'manifest' | 'signature' | 'sha256'> {
  try {
    const sha256 = fileSha256(file);
    const zip = ZipFile.open(file);
    try {
      const { manifest, signature } = readHead(ctx, zip);
      return { manifest, signature, sha256 };
    } finally {
      zip.close();
    }
  } catch (err) {
    throw refusal(err, fileName);
  }
}
