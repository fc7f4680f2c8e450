// Moving a whole library to another computer: one file holding the database and every photo it
// shows (a gzip-compressed tar, services/backups/archive.ts), written and read as a stream.
//
// The file, in order:
//   loadwise-export.json   the manifest: format, formatVersion, appVersion, schemaVersion,
//                          createdAt, exercises, photos (read first, so a newer app's export is
//                          refused before anything is unpacked)
//   loadwise.db            a checked online copy of the library (rollback journal, one file)
//   media/<xx>/<sha256>[.thumb].<png|jpg>
//                          the photos the copy shows, as the store keeps them
//
// Export is a service function taking the destination path, since only a host may choose where a
// file goes: Electron's save dialog (electron/main/host-transfer.ts) writes with exportAll; browser
// mode prepares an export and streams it as a download (browser-mode/bridge.ts).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { ImportResult } from '../../common/contract/backups';
import { ServiceError } from '../../common/contract/result';
import { fsyncDir, writeCheckedCopy } from '../../db/backup';
import { MIGRATIONS } from '../../db/migrations/index';
import { ensurePrivateDir, openWithSameBinding } from '../../db/open';
import { libraryCounts, mediaRows } from '../../db/queries/backups';
import type { ServiceContext } from '../context';
import { MEDIA_DIR_NAME, mediaPath, moveIntoStore } from '../media/store';
import { asDiskProblem, stagingDir, type StagedFile } from '../staging';
import { ArchiveError, extractArchive, writeArchive, writeArchiveTo, type ArchiveEntry } from './archive';
import { exclusive } from './queue';
import { backupNow, prepareLibraryFile } from './use-cases';
import { swapDatabase } from './swap';

export const EXPORT_FORMAT = 'loadwise-export';
export const EXPORT_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'loadwise-export.json';
/**
 * The file name extension of an export (a gzip-compressed tar; docs/backups.md). Not
 * `.loadwise-library`: that is a shared library bundle, which never holds patient data; this does.
 */
export const EXPORT_EXTENSION = 'loadwise-backup';
const DB_ENTRY = 'loadwise.db';
/** media/<xx>/<sha256>[.thumb].<ext>, exactly as the store names them. */
const MEDIA_ENTRY = /^media\/([a-f0-9]{2})\/(\1[a-f0-9]{62}(\.thumb)?\.(png|jpg))$/;
/** A cleaned photo is at most a few megabytes; anything much larger is not one. */
const MAX_MEDIA_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 64 * 1024 ** 3;

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  exercises: number;
  photos: number;
}

export interface ExportResult {
  path: string;
  bytes: number;
  exercises: number;
  photos: number;
}

function workDir(ctx: ServiceContext, kind: string): string {
  const dir = path.join(stagingDir(ctx.dataDir), `${kind}-${randomUUID()}`);
  ensurePrivateDir(stagingDir(ctx.dataDir));
  fs.mkdirSync(dir, { mode: 0o700 });
  return dir;
}

/** The default name of an export: "Loadwise everything 2026-11-29.loadwise-backup" (local date). */
export function exportFileName(now: Date): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `Loadwise everything ${day}.${EXPORT_EXTENSION}`;
}

/** An export ready to be written: a checked copy of the database and the photos it shows. */
export interface PreparedExport {
  entries: ArchiveEntry[];
  exercises: number;
  photos: number;
  createdAt: Date;
  /** Removes the database copy; call once the archive is written (or will not be). */
  dispose(): void;
}

/**
 * Takes what an export holds: a checked copy of the database in staging (from then on the
 * library may change; the export is of this moment) and the photo files it shows, all present.
 */
async function takeExport(ctx: ServiceContext): Promise<PreparedExport> {
  const work = workDir(ctx, 'export');
  const dispose = (): void => fs.rmSync(work, { recursive: true, force: true });
  try {
    const snapshot = path.join(work, DB_ENTRY);
    await writeCheckedCopy(ctx.db, snapshot);
    const copy = openWithSameBinding(ctx.db, snapshot, { readonly: true });
    let counts;
    let photos;
    try {
      counts = libraryCounts(copy);
      photos = mediaRows(copy);
    } finally {
      copy.close();
    }
    const files: ArchiveEntry[] = [];
    let missing = 0;
    for (const p of photos) {
      for (const variant of ['full', 'thumb'] as const) {
        const file = mediaPath(ctx.dataDir, p.sha256, variant, p.mime);
        if (!fs.existsSync(file)) {
          missing++;
          continue;
        }
        const name = path.relative(ctx.dataDir, file).split(path.sep).join('/');
        files.push({ name, file, size: fs.statSync(file).size });
      }
    }
    if (missing > 0) {
      throw new ServiceError(
        'conflict',
        `${missing} photo file${missing === 1 ? ' is' : 's are'} missing from the data folder, so the library was not exported (it could not be opened elsewhere).`,
      );
    }
    const createdAt = ctx.now();
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      appVersion: ctx.appVersion,
      schemaVersion: counts.schemaVersion,
      createdAt: createdAt.toISOString(),
      exercises: counts.exercises,
      photos: counts.photos,
    };
    const entries: ArchiveEntry[] = [
      { name: MANIFEST_NAME, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      { name: DB_ENTRY, file: snapshot, size: fs.statSync(snapshot).size },
      ...files,
    ];
    return { entries, exercises: counts.exercises, photos: counts.photos, createdAt, dispose };
  } catch (err) {
    dispose();
    throw asDiskProblem(err);
  }
}

/**
 * Prepares an export to be streamed later (browser mode's download): the copy is taken in turn
 * with other backup work; writing it (writeArchiveTo) needs no turn, since it reads only that
 * copy and photo files, which are never rewritten. The caller disposes of it.
 */
export function prepareExport(ctx: ServiceContext): Promise<PreparedExport> {
  return exclusive(ctx, () => takeExport(ctx));
}

/** Streams a prepared export into `out` (an HTTP response); returns the bytes written. */
export function writePreparedExport(prepared: PreparedExport, out: Writable): Promise<number> {
  return writeArchiveTo(out, prepared.entries, prepared.createdAt);
}

/**
 * Writes the whole library (database and photos) to `destination` as one file, streaming: a
 * checked copy of the database is taken first, then it and the photos it shows are packed.
 * The file appears whole or not at all (written beside it, then renamed).
 */
export function exportAll(ctx: ServiceContext, destination: string): Promise<ExportResult> {
  return exclusive(ctx, async () => {
    const prepared = await takeExport(ctx);
    const part = `${destination}.part`;
    try {
      const bytes = await writeArchive(part, prepared.entries, prepared.createdAt);
      const fd = fs.openSync(part, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(part, destination);
      fsyncDir(path.dirname(destination));
      return { path: destination, bytes, exercises: prepared.exercises, photos: prepared.photos };
    } catch (err) {
      fs.rmSync(part, { force: true });
      throw asDiskProblem(err);
    } finally {
      prepared.dispose();
    }
  });
}

const notAnExport = (): ServiceError =>
  new ServiceError('unsupported_media', 'This file is not a Loadwise library export. Nothing was changed.');

/** An export that started well (its manifest was read) but is cut short or damaged further in. */
function brokenExport(err: ArchiveError): ServiceError {
  return new ServiceError(
    'unsupported_media',
    err.problem === 'incomplete'
      ? 'This export is incomplete: the file ends early (the copy or download may not have finished). Nothing was changed.'
      : 'This export is damaged and cannot be read. Nothing was changed.',
  );
}

function readManifest(bytes: Buffer): ExportManifest {
  let m: Partial<ExportManifest>;
  try {
    m = JSON.parse(bytes.toString('utf8')) as Partial<ExportManifest>;
  } catch {
    throw notAnExport();
  }
  if (m.format !== EXPORT_FORMAT || typeof m.formatVersion !== 'number' || typeof m.schemaVersion !== 'number') throw notAnExport();
  if (m.formatVersion > EXPORT_FORMAT_VERSION || m.schemaVersion > MIGRATIONS.length) {
    throw new ServiceError(
      'unsupported_media',
      `This export was made by a newer version of Loadwise (${m.appVersion ?? 'unknown'}, schema ${m.schemaVersion}; this version reads up to schema ${MIGRATIONS.length}). Install the newer version to import it. Nothing was changed.`,
    );
  }
  return m as ExportManifest;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Replaces the library with an exported one (moving to a new computer). Unpacks the export into
 * staging (refusing a newer app's export from its manifest, before anything else), checks the
 * database like a restore and every photo's bytes against its name, backs up the library as it
 * is now ('before-import'), moves the photos into the store and swaps the database in.
 */
export function importAll(ctx: ServiceContext, staged: StagedFile): Promise<ImportResult> {
  return exclusive(ctx, async () => {
    const work = workDir(ctx, 'import');
    const mediaDir = path.join(work, MEDIA_DIR_NAME);
    fs.mkdirSync(mediaDir, { mode: 0o700 });
    const unpackedMedia = new Set<string>();
    let manifest: ExportManifest | null = null;
    let hasDatabase = false;
    try {
      try {
        await extractArchive(staged.path, {
          maxTotalBytes: MAX_UNPACKED_BYTES,
          place: (name, size, index) => {
            if (index === 0) {
              if (name !== MANIFEST_NAME) throw notAnExport();
              return { memory: true, maxBytes: 64 * 1024 };
            }
            if (!manifest) throw notAnExport();
            if (name === DB_ENTRY && !hasDatabase) {
              hasDatabase = true;
              return { file: path.join(work, DB_ENTRY) };
            }
            const m = MEDIA_ENTRY.exec(name);
            if (!m || unpackedMedia.has(m[2]) || size > MAX_MEDIA_ENTRY_BYTES) throw notAnExport();
            unpackedMedia.add(m[2]);
            return { file: path.join(mediaDir, m[2]) };
          },
          received: (_name, bytes) => {
            manifest = readManifest(bytes);
          },
        });
      } catch (err) {
        // Before its manifest, a file is not known to be an export at all; after it, say what is wrong.
        if (err instanceof ArchiveError) throw manifest ? brokenExport(err) : notAnExport();
        throw err;
      }
      if (!manifest || !hasDatabase) throw notAnExport();
      // A photo's full-size file is named by the SHA-256 of its bytes: check every one.
      for (const f of unpackedMedia) {
        if (f.includes('.thumb.')) continue;
        if ((await sha256Of(path.join(mediaDir, f))) !== f.slice(0, 64)) {
          throw new ServiceError('unsupported_media', 'A photo in this export is damaged, so nothing was imported. Nothing was changed.');
        }
      }
      const prepared = await prepareLibraryFile(ctx, path.join(work, DB_ENTRY), 'This export', (f) => unpackedMedia.has(f));
      try {
        const safety = await backupNow(ctx, 'before-import');
        for (const f of unpackedMedia) {
          const sha = f.slice(0, 64);
          const mime = f.endsWith('.png') ? 'image/png' : 'image/jpeg';
          moveIntoStore(path.join(mediaDir, f), mediaPath(ctx.dataDir, sha, f.includes('.thumb.') ? 'thumb' : 'full', mime));
        }
        swapDatabase(ctx, prepared.file, safety);
        return { exercises: prepared.counts.exercises, photos: prepared.counts.photos, safetyBackup: path.basename(safety) };
      } finally {
        fs.rmSync(prepared.file, { force: true });
      }
    } catch (err) {
      throw asDiskProblem(err);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
