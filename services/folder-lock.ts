// One owner per data folder. Two processes writing one library (the desktop app and browser mode,
// or two browser-mode runs) would each run start-up work — migrations, the sweep of unused photos,
// clearing staging — under the other's feet. The first to start holds `loadwise.lock` (an
// operating-system lock, released when its process ends however it ends: see db/lock.ts) and
// says who it is in `loadwise.lock.json`; a second one is refused, saying which process holds the
// folder, before it reads or writes anything else there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tryHoldExclusive } from '../db/lock';
import { cannotWriteMessage, DatabaseOpenError } from '../db/open';

export const LOCK_FILE_NAME = 'loadwise.lock';
export const OWNER_FILE_NAME = 'loadwise.lock.json';

export type AppKind = 'electron' | 'browser';

/** Who holds a folder, as its holder recorded it. */
export interface LockOwner {
  pid: number;
  host: string;
  kind: AppKind;
  since: string;
}

export interface FolderLock {
  readonly owner: LockOwner;
  /** Ends ownership (at shutdown); idempotent. */
  release(): void;
}

const KIND_NAMES: Record<AppKind, string> = {
  electron: 'the Loadwise desktop app',
  browser: 'Loadwise in browser mode',
};

/** The message a second instance shows: which process holds the folder, and what to do. */
export function folderInUseMessage(folder: string, owner: LockOwner | null): string {
  const who = owner
    ? `${KIND_NAMES[owner.kind] ?? 'another Loadwise'} (process ${owner.pid} on ${owner.host}, running since ${owner.since})`
    : 'another Loadwise process';
  return `This library is already open in ${who}: ${folder}. Only one Loadwise at a time can use a library. Close the other one first, or switch to it. Nothing was changed.`;
}

export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner | null,
  ) {
    super(folderInUseMessage(folder, owner));
    this.name = 'FolderInUseError';
  }
}

/** The holder's note, if it is there and readable; a holder that is still starting has none yet. */
export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE_NAME), 'utf8')) as Partial<LockOwner>;
    if (typeof raw.pid !== 'number' || typeof raw.host !== 'string' || typeof raw.since !== 'string') return null;
    if (raw.kind !== 'electron' && raw.kind !== 'browser') return null;
    return { pid: raw.pid, host: raw.host, kind: raw.kind, since: raw.since };
  } catch {
    return null;
  }
}

const cannotWrite = (err: unknown): boolean =>
  ['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN'].some((c) => String((err as { code?: string }).code).startsWith(c));

/**
 * Takes the data folder for this process, or throws FolderInUseError naming its holder. Creates
 * the folder when it does not exist yet; touches nothing else before the lock is held.
 */
export function lockDataFolder(dataDir: string, kind: AppKind, options: { nativeBinding?: string; now?: () => Date } = {}): FolderLock {
  let held;
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    held = tryHoldExclusive(path.join(dataDir, LOCK_FILE_NAME), options.nativeBinding);
  } catch (err) {
    if (cannotWrite(err)) throw new DatabaseOpenError(cannotWriteMessage(dataDir), 'read_only');
    throw err;
  }
  if (!held) throw new FolderInUseError(dataDir, readLockOwner(dataDir));
  const lock = held;
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    kind,
    since: (options.now?.() ?? new Date()).toISOString(),
  };
  const ownerFile = path.join(dataDir, OWNER_FILE_NAME);
  try {
    // Written whole and then renamed, so a second instance never reads half a note.
    fs.writeFileSync(`${ownerFile}.tmp`, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
    fs.renameSync(`${ownerFile}.tmp`, ownerFile);
  } catch {
    // The note only improves the message; the lock itself is what keeps others out.
  }
  let released = false;
  return {
    owner,
    release: () => {
      if (released) return;
      released = true;
      try {
        if (readLockOwner(dataDir)?.pid === process.pid) fs.rmSync(ownerFile, { force: true });
      } catch {
        // Left behind, it is overwritten by the next owner.
      }
      lock.release();
    },
  };
}
