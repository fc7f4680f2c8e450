// Where Loadwise keeps its data. Electron's userData folder for this app (the platform's per-user
// application data folder, named after package.json productName) also holds Chromium's caches and
// profile, so the library lives in a subfolder of it: `<userData>/data`. Both transports open the
// same database there.
//
// The first version kept `loadwise.db`, `media/` and `backups/` directly in userData. They are moved
// into the subfolder once (migrateLegacyData); until that has happened, locateDataDir keeps using the
// old place, so a browser-mode run before the first desktop run never opens an empty library.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Loadwise';
/** The subfolder of userData that holds the library, away from Chromium's own files. */
export const DATA_SUBDIR = 'data';
const DB_FILE = 'loadwise.db';
/** What the first version wrote into userData. */
const LEGACY_DB_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`] as const;
const LEGACY_FOLDERS = ['media', 'backups'] as const;

/** Electron's userData for this app, computed the way Electron does (tests cover each platform). */
export function appUserDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_DIR_NAME);
}

/** The library folder inside a userData folder. */
export function dataDirIn(userDir: string): string {
  return path.join(userDir, DATA_SUBDIR);
}

/**
 * The folder that holds the library for this userData: the subfolder, unless only the first
 * version's location has a database (not migrated yet), in which case that one. Reads, never writes.
 */
export function locateDataDir(userDir: string): string {
  const dataDir = dataDirIn(userDir);
  if (fs.existsSync(path.join(dataDir, DB_FILE))) return dataDir;
  if (fs.existsSync(path.join(userDir, DB_FILE))) return userDir;
  return dataDir;
}

/** The default library folder for browser mode and the desktop app. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return locateDataDir(appUserDir(env, platform));
}

export type MigrationResult =
  /** Nothing to move: a fresh install, or already migrated. */
  | { status: 'none'; dataDir: string }
  | { status: 'migrated'; dataDir: string; moved: string[]; copied: string[] }
  /** Both places have a database: nothing is touched, the new place is used. */
  | { status: 'conflict'; dataDir: string }
  /** The database could not be moved (open in another process, permissions): this run uses the old place. */
  | { status: 'failed'; dataDir: string; reason: string };

type Rename = (from: string, to: string) => void;

/**
 * Moves the first version's library from userDir into its subfolder, once. The database and its
 * WAL companions move first, together, or not at all (a failure puts back what moved, and the run
 * keeps using the old place). Folders are renamed; one that cannot be (a photo held open on
 * Windows) is copied instead and the original left in place. Renames stay on one file system, so
 * nothing is ever half-copied. Returns where the library is now.
 */
export function migrateLegacyData(userDir: string, rename: Rename = fs.renameSync): MigrationResult {
  const dataDir = dataDirIn(userDir);
  const legacyDb = path.join(userDir, DB_FILE);
  const hasNew = fs.existsSync(path.join(dataDir, DB_FILE));
  const hasLegacy = fs.existsSync(legacyDb);
  if (!hasLegacy) return { status: 'none', dataDir };
  if (hasNew) return { status: 'conflict', dataDir };

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const moved: string[] = [];
  // The database itself goes last of the three, so "the new folder has loadwise.db" means its
  // WAL (committed changes not yet checkpointed) is there too.
  const dbOrder = [`${DB_FILE}-wal`, `${DB_FILE}-shm`, DB_FILE];
  for (const name of dbOrder) {
    const from = path.join(userDir, name);
    if (!fs.existsSync(from)) continue;
    try {
      rename(from, path.join(dataDir, name));
      moved.push(name);
    } catch (err) {
      for (const back of moved.reverse()) {
        try {
          rename(path.join(dataDir, back), path.join(userDir, back));
        } catch {
          // Left where it is; the next start tries again and finds the pieces.
        }
      }
      return { status: 'failed', dataDir: userDir, reason: `${name}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).name}` };
    }
  }

  const copied: string[] = [];
  for (const name of LEGACY_FOLDERS) {
    const from = path.join(userDir, name);
    const to = path.join(dataDir, name);
    if (!fs.existsSync(from) || fs.existsSync(to)) continue;
    try {
      rename(from, to);
      moved.push(name);
    } catch {
      fs.cpSync(from, to, { recursive: true, errorOnExist: false, force: false });
      copied.push(name);
    }
  }
  return { status: 'migrated', dataDir, moved, copied };
}

/** The names the first version kept in userData (documentation and tests). */
export const LEGACY_ENTRIES: readonly string[] = [...LEGACY_DB_FILES, ...LEGACY_FOLDERS];
