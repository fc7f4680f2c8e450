// Opens the one SQLite database with the pragmas every connection needs. Connection-level pragmas
// do not persist in the file, so they are set on each open (synchronous reads 1 after a reopen).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseFromFutureError } from './errors';

export type DB = Database.Database;

export const DB_FILE_NAME = 'loadwise.db';
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'corrupt' | 'not_a_database' | 'io',
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

/** Creates the data folder readable by the current user only, and tightens it if it exists. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32') fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** The database and its WAL companions hold patient data: owner read/write only. */
export function restrictDatabaseFiles(file: string): void {
  if (process.platform === 'win32') return;
  for (const suffix of ['', '-wal', '-shm']) {
    const f = file + suffix;
    if (fs.existsSync(f)) fs.chmodSync(f, PRIVATE_FILE_MODE);
  }
}

export interface OpenOptions {
  readonly?: boolean;
  busyTimeoutMs?: number;
  /** A better-sqlite3 binary built for this runtime (unpackaged Electron); default: node_modules'. */
  nativeBinding?: string;
  /**
   * The newest schema this build understands. A file from a newer Loadwise is refused before
   * anything is written to it (switching to WAL alone would change its header).
   */
  maxSchemaVersion?: number;
}

const bindings = new WeakMap<DB, string>();

/**
 * Opens another file (a backup copy) with the same native module as `like`: in unpackaged
 * Electron the default module is the one built for Node and would not load.
 */
export function openWithSameBinding(like: DB, file: string, options: { readonly: boolean }): DB {
  const nativeBinding = bindings.get(like);
  return new Database(file, { readonly: options.readonly, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const readonly = options.readonly ?? false;
  if (!readonly) ensurePrivateDir(path.dirname(file));
  // The umask decides a new file's mode; create it private before SQLite touches it.
  if (!readonly && !fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  let db: DB;
  try {
    db = new Database(file, {
      readonly,
      fileMustExist: readonly,
      timeout: options.busyTimeoutMs ?? 5000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw new DatabaseOpenError(`The database file could not be opened (${(err as Error).message})`, 'io');
  }
  try {
    if (options.maxSchemaVersion !== undefined) {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > options.maxSchemaVersion) throw new DatabaseFromFutureError(version, options.maxSchemaVersion);
    }
    if (!readonly) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, expected wal`);
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseOpenError('The database file is damaged (quick_check failed)', 'corrupt');
  } catch (err) {
    db.close();
    if (err instanceof DatabaseOpenError || err instanceof DatabaseFromFutureError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError('The file is not a Loadwise database (it is not SQLite)', 'not_a_database');
    }
    if (code === 'SQLITE_CORRUPT') throw new DatabaseOpenError('The database file is damaged', 'corrupt');
    throw err;
  }
  if (!readonly) restrictDatabaseFiles(file);
  if (options.nativeBinding) bindings.set(db, options.nativeBinding);
  return db;
}

/** Closes after letting SQLite refresh its planner statistics, as its docs advise. */
export function closeDatabase(db: DB): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}
