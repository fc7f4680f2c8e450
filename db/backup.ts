// Online backups through SQLite's backup API: a live WAL database must never be file-copied,
// since committed pages may still sit in the -wal file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, type DB } from './open';

export const BACKUP_DIR_NAME = 'backups';
const KEEP_BACKUPS = 10;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Writes `backups/loadwise-<when>-<reason>.db`, checks it opens and passes integrity_check, and
 * only then gives it its final name. Returns the path of the finished backup.
 */
export async function backupDatabase(db: DB, dataDir: string, reason: string, now = new Date()): Promise<string> {
  const dir = path.join(dataDir, BACKUP_DIR_NAME);
  ensurePrivateDir(dir);
  const safeReason = reason.replace(/[^a-z0-9-]/gi, '-').slice(0, 40);
  let final = path.join(dir, `loadwise-${stamp(now)}-${safeReason}.db`);
  for (let n = 2; fs.existsSync(final); n++) final = path.join(dir, `loadwise-${stamp(now)}-${safeReason}-${n}.db`);
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
    const writable = new Database(tmp, { fileMustExist: true });
    try {
      writable.pragma('journal_mode = DELETE');
    } finally {
      writable.close();
    }
    const copy = new Database(tmp, { readonly: true, fileMustExist: true });
    try {
      const result = copy.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(`The backup failed its integrity check (${String(result)})`);
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
    .filter((f) => /^loadwise-\d{8}-\d{6}-.*\.db$/.test(f))
    .sort();
  for (const f of files.slice(0, Math.max(0, files.length - keep))) fs.rmSync(path.join(dir, f));
}
