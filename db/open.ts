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
    readonly code: 'corrupt' | 'not_a_database' | 'io' | 'read_only',
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

/** What start-up says when the data folder or the database cannot be written. */
export function cannotWriteMessage(folder: string): string {
  return (
    `Loadwise cannot write to ${folder}. The folder or the library files in it are read-only, or the disk is write-protected. ` +
    'Make them writable (or choose another folder) and start Loadwise again. Nothing was changed.'
  );
}

/**
 * Takes away group and other access, never adds any: a folder or file the owner made read-only
 * stays read-only (start-up then says it cannot write there instead of silently changing it).
 */
function tighten(target: string, keep: number): void {
  if (process.platform === 'win32') return;
  const mode = fs.statSync(target).mode & 0o777;
  if ((mode & keep) !== mode) fs.chmodSync(target, mode & keep);
}

/** Creates the data folder readable by the current user only, and tightens it if it exists. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/** The database and its WAL companions hold patient data: owner read/write only. */
export function restrictDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    const f = file + suffix;
    if (fs.existsSync(f)) tighten(f, PRIVATE_FILE_MODE);
  }
}

/**
 * Refuses, with the folder's name, a data folder or database files this process may not write
 * (permissions, a read-only attribute or a read-only file system). Checked before anything is
 * written, so a read-only library is reported instead of failing half-way.
 */
export function assertWritable(file: string): void {
  const dir = path.dirname(file);
  for (const target of [dir, file, `${file}-wal`, `${file}-shm`]) {
    if (target !== dir && !fs.existsSync(target)) continue;
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      throw new DatabaseOpenError(cannotWriteMessage(dir), 'read_only');
    }
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;

/** SQLite's WAL checksum (fileformat2 §4.3), continued from `s`, over `data` (a multiple of 8 bytes). */
function walChecksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * The newest committed copy of page 1 in a -wal file, read the way SQLite reads it (header and
 * frame salts and checksums, up to the last commit frame), or null when the WAL holds none.
 */
function committedFirstPageInWal(walFile: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(walFile, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(32);
    if (fs.readSync(fd, header, 0, 32, 0) < 32) return null;
    const magic = header.readUInt32BE(0);
    if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return null;
    const bigEndian = magic === WAL_MAGIC_BE;
    const pageSize = header.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
    let sum = walChecksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return null;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    const frame = Buffer.alloc(24 + pageSize);
    let pendingFirstPage: Buffer | null = null;
    let committedFirstPage: Buffer | null = null;
    for (let at = 32; fs.readSync(fd, frame, 0, frame.length, at) === frame.length; at += frame.length) {
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      sum = walChecksum(frame.subarray(0, 8), bigEndian, sum);
      sum = walChecksum(frame.subarray(24), bigEndian, sum);
      if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) break;
      if (frame.readUInt32BE(0) === 1) pendingFirstPage = Buffer.from(frame.subarray(24));
      if (frame.readUInt32BE(4) !== 0 && pendingFirstPage) committedFirstPage = pendingFirstPage;
    }
    return committedFirstPage;
  } finally {
    fs.closeSync(fd);
  }
}

export type FileInspection = { kind: 'empty' } | { kind: 'not_sqlite' } | { kind: 'sqlite'; userVersion: number; wal: boolean };

/**
 * Reads a database file's header with plain file reads, never through SQLite: opening a file
 * (even read-only) can rebuild its -shm index, and closing a read-write connection folds the -wal
 * into the file. A file that is to be refused must stay byte for byte as it was. The schema
 * version is the committed one, so a newer version's change still sitting in the -wal counts.
 */
export function inspectDatabaseFile(file: string): FileInspection {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(100);
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read === 0) return { kind: 'empty' };
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return { kind: 'not_sqlite' };
  const page1 = committedFirstPageInWal(`${file}-wal`);
  const newest = page1 && page1.length >= 100 ? page1 : header;
  return { kind: 'sqlite', userVersion: newest.readInt32BE(60), wal: newest[18] === 2 && newest[19] === 2 };
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

/** The better-sqlite3 binary `db` was opened with, to open its successor the same way. */
export const nativeBindingOf = (db: DB): string | undefined => bindings.get(db);

/**
 * Opens another file (a backup copy) with the same native module as `like`: in unpackaged
 * Electron the default module is the one built for Node and would not load.
 */
export function openWithSameBinding(like: DB, file: string, options: { readonly: boolean }): DB {
  const nativeBinding = bindings.get(like);
  return new Database(file, { readonly: options.readonly, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** Turns SQLite's refusals of a file into the plain errors start-up shows. */
function openError(err: unknown): unknown {
  if (err instanceof DatabaseOpenError || err instanceof DatabaseFromFutureError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return new DatabaseOpenError('The file is not a Loadwise database (it is not SQLite)', 'not_a_database');
  if (code === 'SQLITE_CORRUPT') return new DatabaseOpenError('The database file is damaged', 'corrupt');
  return err;
}

/**
 * Before the first write to an existing file: refuses, without changing a byte, a file that is
 * not SQLite or that a newer Loadwise wrote (read from the raw header and -wal), then checks the
 * pages on a read-only connection. Only a file that passes is opened for writing, since the
 * switch to WAL alone rewrites the header and closing a writer folds the -wal in.
 */
function checkBeforeWriting(file: string, options: OpenOptions): 'checked' | 'check_after_open' {
  const found = inspectDatabaseFile(file);
  if (found.kind === 'empty') return 'checked';
  if (found.kind === 'not_sqlite') {
    throw new DatabaseOpenError('The file is not a Loadwise database (it is not SQLite)', 'not_a_database');
  }
  if (options.maxSchemaVersion !== undefined && found.userVersion > options.maxSchemaVersion) {
    throw new DatabaseFromFutureError(found.userVersion, options.maxSchemaVersion);
  }
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let probe: DB | null = null;
  try {
    probe = new Database(file, {
      readonly: true,
      fileMustExist: true,
      timeout: options.busyTimeoutMs ?? 5000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseOpenError('The database file is damaged (quick_check failed)', 'corrupt');
    return 'checked';
  } catch (err) {
    // A rollback journal left by a crash can only be rolled back by a writer, which then checks.
    if (String((err as { code?: string }).code).startsWith('SQLITE_READONLY')) return 'check_after_open';
    throw openError(err);
  } finally {
    probe?.close();
    // A read-only connection to a WAL file leaves an empty -wal and its index behind; remove the
    // ones it made (never one that held anything).
    for (const f of companions) {
      if (fs.existsSync(f) && (!f.endsWith('-wal') || fs.statSync(f).size === 0)) fs.rmSync(f, { force: true });
    }
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const readonly = options.readonly ?? false;
  let checked = false;
  if (!readonly) {
    ensurePrivateDir(path.dirname(file));
    assertWritable(file);
    // The umask decides a new file's mode; create it private before SQLite touches it.
    if (!fs.existsSync(file)) {
      fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
      checked = true;
    } else checked = checkBeforeWriting(file, options) === 'checked';
  }
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
    // A writable file was normally checked before it was opened for writing (checkBeforeWriting).
    if (!checked) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new DatabaseOpenError('The database file is damaged (quick_check failed)', 'corrupt');
    }
  } catch (err) {
    db.close();
    throw openError(err);
  }
  if (!readonly) restrictDatabaseFiles(file);
  if (options.nativeBinding) bindings.set(db, options.nativeBinding);
  return db;
}

/**
 * Closes after letting SQLite refresh its planner statistics, as its docs advise. Never throws:
 * shutdown goes on when the disk has become read-only or full (optimize then fails; what was
 * committed is already in the file or its -wal).
 */
export function closeDatabase(db: DB): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } catch {
    // Statistics are an optimisation; nothing is lost without them.
  }
  try {
    db.close();
  } catch {
    // Already closed or the file vanished: nothing more to do at shutdown.
  }
}
