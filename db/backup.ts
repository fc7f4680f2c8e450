// Online backups through SQLite's backup API: a live WAL database must never be file-copied,
// since committed pages may still sit in the -wal file.
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, openWithSameBinding, type DB } from './open';
import { allMediaHashes } from './queries/media';

export const BACKUP_DIR_NAME = 'backups';
const KEEP_BACKUPS = 10;

/** "20261125-004640123": UTC to the millisecond, so names sort in the order they were taken. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18);
}

const BACKUP_NAME = /^loadwise-\d{8}-\d{9}-\d{2}-[a-z0-9-]*\.db$/i;

/**
 * Writes `backups/loadwise-<when>-<nn>-<reason>.db`, checks the copy (integrity, foreign keys)
 * and only then gives it its final name. `nn` tells apart copies made in the same millisecond
 * and keeps them in order. Returns the path of the finished backup.
 */
export async function backupDatabase(db: DB, dataDir: string, reason: string, now = new Date()): Promise<string> {
  const dir = path.join(dataDir, BACKUP_DIR_NAME);
  ensurePrivateDir(dir);
  const safeReason = reason.replace(/[^a-z0-9-]/gi, '-').slice(0, 40);
  const named = (n: number): string => path.join(dir, `loadwise-${stamp(now)}-${String(n).padStart(2, '0')}-${safeReason}.db`);
  let n = 0;
  while (fs.readdirSync(dir).some((f) => f.startsWith(`loadwise-${stamp(now)}-${String(n).padStart(2, '0')}-`))) n++;
  const final = named(n);
  const tmp = `${final}.tmp`;
  const removeTmp = (): void => {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  };
  removeTmp();
  fs.closeSync(fs.openSync(tmp, 'w', 0o600));
  try {
    await db.backup(tmp);
    // The copy carries the source's WAL flag, so every later open (even read-only) would create
    // -wal/-shm files beside it. Make it one self-contained file before checking it.
    const writable = openWithSameBinding(db, tmp, { readonly: false });
    try {
      writable.pragma('journal_mode = DELETE');
    } finally {
      writable.close();
    }
    const copy = openWithSameBinding(db, tmp, { readonly: true });
    try {
      const result = copy.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(`The backup failed its integrity check (${String(result)})`);
      const orphans = copy.pragma('foreign_key_check') as unknown[];
      if (orphans.length > 0) throw new Error(`The backup has ${orphans.length} broken reference(s)`);
    } finally {
      copy.close();
    }
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (err) {
    removeTmp();
    throw err;
  }
  fs.renameSync(tmp, final);
  pruneBackups(dir);
  return final;
}

/** Keeps the newest backups; names sort by time because they start with a UTC stamp. */
export function pruneBackups(dir: string, keep = KEEP_BACKUPS): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .sort();
  for (const f of files.slice(0, Math.max(0, files.length - keep))) fs.rmSync(path.join(dir, f));
}

/** The finished backups in `backups/`, oldest first (their names start with a UTC stamp). */
export function backupFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, BACKUP_DIR_NAME);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Every photo any backup shows, so the photo store keeps their files and a restore finds them.
 * Null when a backup cannot be read: then nobody can say which photos are unused.
 */
export function mediaHashesInBackups(like: DB, dataDir: string): Set<string> | null {
  const hashes = new Set<string>();
  for (const file of backupFiles(dataDir)) {
    let copy: DB | null = null;
    try {
      copy = openWithSameBinding(like, file, { readonly: true });
      const hasMedia = copy.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'media'").get() !== undefined;
      if (hasMedia) for (const h of allMediaHashes(copy)) hashes.add(h);
    } catch {
      return null;
    } finally {
      copy?.close();
    }
  }
  return hashes;
}
