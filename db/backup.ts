// Online backups through SQLite's backup API: a live WAL database must never be file-copied,
// since committed pages may still sit in the -wal file.
import fs from 'node:fs';
import path from 'node:path';
import { checkDatabaseFileOffThread } from './check-off-thread';
import { ensurePrivateDir, openWithSameBinding, type DB } from './open';
import { allMediaHashes } from './queries/media';

export const BACKUP_DIR_NAME = 'backups';
const KEEP_BACKUPS = 10;

/**
 * Which backups are kept, in the manner of Actual Budget: the newest few taken today, the newest
 * one of each earlier day, and never more than `maxTotal` in all (the newest win).
 */
export interface RotationPolicy {
  /** Backups kept from today (the local day of `now`). */
  keepToday: number;
  /** Backups kept in all. */
  maxTotal: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepToday: 4, maxTotal: KEEP_BACKUPS };

/** "20261125-004640123": UTC to the millisecond, so names sort in the order they were taken. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18);
}

const BACKUP_NAME = /^loadwise-(\d{8})-(\d{9})-(\d{2})-([a-z0-9-]*)\.db$/i;

export const isBackupName = (name: string): boolean => BACKUP_NAME.test(name);

/** When a backup was taken and why, read from its name; null for a name that is not a backup's. */
export function parseBackupName(name: string): { takenAt: Date; reason: string } | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [d, t] = [m[1], m[2]];
  const takenAt = new Date(
    Date.UTC(
      Number(d.slice(0, 4)),
      Number(d.slice(4, 6)) - 1,
      Number(d.slice(6, 8)),
      Number(t.slice(0, 2)),
      Number(t.slice(2, 4)),
      Number(t.slice(4, 6)),
      Number(t.slice(6, 9)),
    ),
  );
  return { takenAt, reason: m[4] };
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename in `dir` durable (not supported for folders on Windows, where it is skipped). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  fsyncFile(dir);
}

/**
 * Writes a consistent copy of `db` to `target` through the backup API, made one self-contained
 * file (rollback journal), checked (integrity, foreign keys, off the main thread) and fsynced before it takes its
 * name. Nothing is left at `target` or beside it when any step fails.
 */
export async function writeCheckedCopy(db: DB, target: string): Promise<void> {
  const tmp = `${target}.tmp`;
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
    // In a worker thread: a large library's check takes seconds (db/check-off-thread.ts).
    await checkDatabaseFileOffThread(db, tmp);
    fsyncFile(tmp);
  } catch (err) {
    removeTmp();
    throw err;
  }
  fs.renameSync(tmp, target);
  fsyncDir(path.dirname(target));
}

/**
 * Writes `backups/loadwise-<when>-<nn>-<reason>.db`, checks the copy (integrity, foreign keys)
 * and only then gives it its final name. `nn` tells apart copies made in the same millisecond
 * and keeps them in order. Then applies the rotation. Returns the path of the finished backup.
 */
export async function backupDatabase(
  db: DB,
  dataDir: string,
  reason: string,
  now = new Date(),
  policy: RotationPolicy = DEFAULT_ROTATION,
): Promise<string> {
  const dir = path.join(dataDir, BACKUP_DIR_NAME);
  ensurePrivateDir(dir);
  const safeReason = reason.replace(/[^a-z0-9-]/gi, '-').slice(0, 40);
  const named = (n: number): string => path.join(dir, `loadwise-${stamp(now)}-${String(n).padStart(2, '0')}-${safeReason}.db`);
  let n = 0;
  while (fs.readdirSync(dir).some((f) => f.startsWith(`loadwise-${stamp(now)}-${String(n).padStart(2, '0')}-`))) n++;
  const final = named(n);
  await writeCheckedCopy(db, final);
  rotateBackups(dir, now, policy);
  return final;
}

const localDay = (d: Date): string => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;

/**
 * The backup names to keep under `policy` at `now`. Backups stamped later than `now` (a clock
 * set back) count as today's.
 */
export function backupsToKeep(names: readonly string[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const newestFirst = names
    .map((name) => ({ name, taken: parseBackupName(name)?.takenAt }))
    .filter((b): b is { name: string; taken: Date } => b.taken !== undefined)
    .sort((a, b) => (a.name < b.name ? 1 : -1));
  const today = localDay(now);
  const keep: string[] = [];
  const daysSeen = new Set<string>();
  let todays = 0;
  for (const b of newestFirst) {
    const day = b.taken.getTime() > now.getTime() ? today : localDay(b.taken);
    if (day === today) {
      if (todays < policy.keepToday) keep.push(b.name);
      todays++;
    } else if (!daysSeen.has(day)) keep.push(b.name);
    daysSeen.add(day);
  }
  return keep.slice(0, policy.maxTotal);
}

/** Deletes the backups in `dir` the rotation does not keep; touches no other file. */
export function rotateBackups(dir: string, now: Date, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const names = fs.readdirSync(dir).filter((f) => BACKUP_NAME.test(f));
  const keep = new Set(backupsToKeep(names, now, policy));
  const removed = names.filter((f) => !keep.has(f));
  for (const f of removed) fs.rmSync(path.join(dir, f));
  return removed;
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
