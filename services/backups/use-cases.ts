// Backups of the library: listing them with what each holds, taking one now, and restoring one.
// Every backup is an online copy checked for integrity and references (db/backup.ts) and kept by
// the rotation; the photos a backup shows stay in the store while it exists (services/media/store
// sweepStore), so restoring it never leaves the library pointing at photos that are gone.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, RestoreResult } from '../../common/contract/backups';
import { ServiceError } from '../../common/contract/result';
import { BACKUP_DIR_NAME, backupDatabase, backupFiles, isBackupName, parseBackupName } from '../../db/backup';
import { checkDatabaseFileOffThread } from '../../db/check-off-thread';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/index';
import { ensurePrivateDir, inspectDatabaseFile, openWithSameBinding, type DB } from '../../db/open';
import { libraryCounts, makeSelfContained, mediaRows, totalChanges, type LibraryCounts } from '../../db/queries/backups';
import type { ServiceContext } from '../context';
import { mediaPath, recoverFromOrphans } from '../media/store';
import { stagingDir } from '../staging';
import { exclusive, lastBackedUp, markBackedUp } from './queue';
import { swapDatabase } from './swap';

/** What a backup file holds, read on a read-only connection; unreadable files say so. */
export function describeBackup(ctx: ServiceContext, file: string): BackupInfo {
  const name = path.basename(file);
  const parsed = parseBackupName(name);
  const base = {
    name,
    takenAt: parsed?.takenAt.toISOString() ?? new Date(0).toISOString(),
    reason: parsed?.reason ?? '',
    bytes: fs.statSync(file).size,
  };
  let db: DB | null = null;
  try {
    db = openWithSameBinding(ctx.db, file, { readonly: true });
    return { ...base, readable: true, ...libraryCounts(db) };
  } catch {
    return { ...base, readable: false, schemaVersion: null, exercises: null, photos: null, patients: null, programs: null };
  } finally {
    db?.close();
  }
}

/** The backups in backups/, newest first. */
export function listBackups(ctx: ServiceContext): BackupInfo[] {
  return backupFiles(ctx.dataDir)
    .reverse()
    .map((f) => describeBackup(ctx, f));
}

/** Whether the library changed since the last backup (or since the schedule started watching). */
export function changedSinceLastBackup(ctx: ServiceContext): boolean {
  return totalChanges(ctx.db) !== (lastBackedUp(ctx.db) ?? 0);
}

/** Takes a checked backup now and applies the rotation; `reason` goes into its name. */
export function createBackup(ctx: ServiceContext, reason: string): Promise<BackupInfo> {
  return exclusive(ctx, async () => describeBackup(ctx, await backupNow(ctx, reason)));
}

/** A backup inside work that already holds the queue. */
async function backupNow(ctx: ServiceContext, reason: string): Promise<string> {
  const db = ctx.db;
  // Counted before the copy: a change made while it runs may be in it or not, so it counts as
  // not yet backed up (the next scheduled run takes it).
  const changes = totalChanges(db);
  const file = await backupDatabase(db, ctx.dataDir, reason, ctx.now(), ctx.backupRotation);
  markBackedUp(db, changes);
  return file;
}

export interface PreparedLibrary {
  /** A checked, self-contained copy at this build's schema, in staging/, ready to be swapped in. */
  file: string;
  counts: LibraryCounts;
}

const refuse = (what: string, why: string): ServiceError => new ServiceError('unsupported_media', `${what} ${why} Nothing was changed.`);

/**
 * Copies a library file (a backup, or the database of an import) into staging and makes it ready
 * to replace the library: not from a newer Loadwise, intact (integrity and references), brought to
 * this build's schema, and every photo it shows present in the store (or in `extraMedia`, an
 * import's photos not moved in yet; quarantined ones are put back). Refuses with a message saying
 * what is wrong, leaving nothing behind.
 */
export async function prepareLibraryFile(
  ctx: ServiceContext,
  source: string,
  what: string,
  extraMedia?: (fileName: string) => boolean,
): Promise<PreparedLibrary> {
  const found = inspectDatabaseFile(source);
  if (found.kind !== 'sqlite') throw refuse(what, 'is not a Loadwise library.');
  if (found.userVersion > MIGRATIONS.length) {
    throw refuse(
      what,
      `was made by a newer version of Loadwise (schema ${found.userVersion}; this version reads up to ${MIGRATIONS.length}). Install the newer version to open it.`,
    );
  }
  ensurePrivateDir(stagingDir(ctx.dataDir));
  const work = path.join(stagingDir(ctx.dataDir), `library-${randomUUID()}.db`);
  try {
    fs.copyFileSync(source, work);
    fs.chmodSync(work, 0o600);
    try {
      await checkDatabaseFileOffThread(ctx.db, work);
    } catch {
      throw refuse(what, 'is damaged (it fails its integrity check) and cannot be used.');
    }
    const db = openWithSameBinding(ctx.db, work, { readonly: false });
    let counts: LibraryCounts;
    let photos: ReturnType<typeof mediaRows>;
    try {
      if (found.userVersion < MIGRATIONS.length) await migrate(db, null);
      makeSelfContained(db);
      counts = libraryCounts(db);
      photos = mediaRows(db);
    } finally {
      db.close();
    }
    let missing = 0;
    for (const p of photos) {
      for (const variant of ['full', 'thumb'] as const) {
        const stored = mediaPath(ctx.dataDir, p.sha256, variant, p.mime);
        if (fs.existsSync(stored) || extraMedia?.(path.basename(stored)) || recoverFromOrphans(ctx.dataDir, stored)) continue;
        missing++;
      }
    }
    if (missing > 0) {
      throw new ServiceError(
        'conflict',
        `${what} shows photos whose files are no longer in the data folder (${missing} file${missing === 1 ? '' : 's'} missing), so it was not used. Nothing was changed.`,
      );
    }
    return { file: work, counts };
  } catch (err) {
    fs.rmSync(work, { force: true });
    throw err;
  }
}

/**
 * Restores a backup: checks it and brings it to this build's schema, backs up the library as it
 * is now ('before-restore', to undo with), then swaps the backup in and reopens the library
 * within the same services (services/backups/swap.ts).
 */
export function restoreBackup(ctx: ServiceContext, name: string): Promise<RestoreResult> {
  return exclusive(ctx, async () => {
    const source = path.join(ctx.dataDir, BACKUP_DIR_NAME, name);
    if (!isBackupName(name) || !fs.existsSync(source)) {
      throw new ServiceError(
        'not_found',
        'That backup is no longer there (older backups are removed as new ones are taken). Reopen the list.',
      );
    }
    const prepared = await prepareLibraryFile(ctx, source, 'This backup');
    try {
      const safety = await backupNow(ctx, 'before-restore');
      swapDatabase(ctx, prepared.file, safety);
      return {
        restored: name,
        safetyBackup: path.basename(safety),
        exercises: prepared.counts.exercises,
        photos: prepared.counts.photos,
      };
    } finally {
      fs.rmSync(prepared.file, { force: true });
    }
  });
}

export { backupNow };
