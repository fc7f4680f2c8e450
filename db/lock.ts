// An exclusive lock on a small SQLite file, held by a connection of its own for as long as the
// process runs. SQLite takes it with the operating system's own file locks (fcntl on Linux and
// macOS, LockFileEx on Windows), which the system drops when the process ends in any way — a
// crash or kill -9 included — so a lock can never outlive its owner and go stale.
//
// One POSIX rule to keep in mind: closing *any* descriptor a process holds on a file drops all of
// that process's fcntl locks on it. Nothing in this process may open the lock file except through
// this module (backups and exports skip it by name).
import fs from 'node:fs';
import Database from 'better-sqlite3';

export interface HeldLock {
  /** Ends the lock; idempotent. */
  release(): void;
}

const isBusy = (err: unknown): boolean => String((err as { code?: string }).code).startsWith('SQLITE_BUSY');

/**
 * Takes the lock, or answers null when another connection (in this process or another) holds it.
 * Other failures (a folder that cannot be written) are thrown.
 */
export function tryHoldExclusive(file: string, nativeBinding?: string): HeldLock | null {
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  const db = new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    // No journal file: the transaction never writes, it only keeps the lock.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if (isBusy(err)) return null;
    throw err;
  }
  return {
    release: () => {
      if (!db.open) return;
      try {
        db.exec('ROLLBACK');
      } catch {
        // Closing ends the transaction anyway.
      }
      db.close();
    },
  };
}
