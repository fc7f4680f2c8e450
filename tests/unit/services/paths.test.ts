// Where the library lives: a subfolder of the folder Electron uses as userData for this app (app
// name = package.json productName), the same for both transports; and the one-time move out of
// the first version's location, on real temp folders and a real SQLite file in WAL mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  APP_DIR_NAME,
  appUserDir,
  DATA_SUBDIR,
  dataDirIn,
  defaultDataDir,
  LEGACY_ENTRIES,
  locateDataDir,
  migrateLegacyData,
} from '../../../services/paths';
import { tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const home = os.homedir();

describe('appUserDir (Electron userData for this app)', () => {
  it("uses Electron's app name for the folder", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { productName?: string; name: string };
    expect(APP_DIR_NAME).toBe('Loadwise');
    expect(APP_DIR_NAME).toBe(pkg.productName ?? pkg.name);
  });

  it('linux: $XDG_CONFIG_HOME/Loadwise when set, ~/.config/Loadwise when unset or empty', () => {
    expect(appUserDir({ XDG_CONFIG_HOME: '/custom/config' }, 'linux')).toBe(path.join('/custom/config', 'Loadwise'));
    expect(appUserDir({}, 'linux')).toBe(path.join(home, '.config', 'Loadwise'));
    // Chromium treats an empty XDG_CONFIG_HOME as unset.
    expect(appUserDir({ XDG_CONFIG_HOME: '' }, 'linux')).toBe(path.join(home, '.config', 'Loadwise'));
  });

  it('other unix-likes follow the linux rule', () => {
    expect(appUserDir({ XDG_CONFIG_HOME: '/c' }, 'freebsd')).toBe(path.join('/c', 'Loadwise'));
  });

  it('darwin: ~/Library/Application Support/Loadwise, whatever XDG says', () => {
    expect(appUserDir({ XDG_CONFIG_HOME: '/custom/config' }, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'Loadwise'));
  });

  it('win32: %APPDATA%\\Loadwise, or the roaming folder under home when APPDATA is unset or empty', () => {
    const appData = 'C:\\Users\\pat\\AppData\\Roaming';
    expect(appUserDir({ APPDATA: appData }, 'win32')).toBe(path.join(appData, 'Loadwise'));
    const expected = path.join(home, 'AppData', 'Roaming', 'Loadwise');
    expect(appUserDir({}, 'win32')).toBe(expected);
    expect(appUserDir({ APPDATA: '' }, 'win32')).toBe(expected);
  });
});

describe('the library folder', () => {
  it('is a subfolder of userData, apart from Chromium’s caches', () => {
    expect(DATA_SUBDIR).toBe('data');
    expect(dataDirIn('/u/Loadwise')).toBe(path.join('/u/Loadwise', 'data'));
    // Chromium's own entries in userData must never collide with it.
    for (const chromium of ['Cache', 'GPUCache', 'Code Cache', 'Local Storage', 'Session Storage', 'Preferences', 'blob_storage']) {
      expect(DATA_SUBDIR.toLowerCase()).not.toBe(chromium.toLowerCase());
    }
  });

  it('defaults to <userData>/data on a fresh machine', () => {
    const xdg = tempDir('loadwise-xdg-');
    expect(defaultDataDir({ XDG_CONFIG_HOME: xdg }, 'linux')).toBe(path.join(xdg, 'Loadwise', 'data'));
    // Locating never creates anything.
    expect(fs.existsSync(path.join(xdg, 'Loadwise'))).toBe(false);
  });

  it('stays on the first version’s folder until it has been migrated, so browser mode never opens an empty library', () => {
    const xdg = tempDir('loadwise-xdg-');
    const user = path.join(xdg, 'Loadwise');
    fs.mkdirSync(user);
    fs.writeFileSync(path.join(user, 'loadwise.db'), 'x');
    expect(defaultDataDir({ XDG_CONFIG_HOME: xdg }, 'linux')).toBe(user);
    fs.mkdirSync(path.join(user, 'data'));
    fs.writeFileSync(path.join(user, 'data', 'loadwise.db'), 'y');
    expect(locateDataDir(user)).toBe(path.join(user, 'data'));
  });
});

/** A first-version userData folder: a WAL database with uncheckpointed rows, photos and backups. */
function legacyFolder(): { user: string; db: Database.Database } {
  const user = tempDir('loadwise-legacy-');
  // Chromium's files, which must stay where they are.
  fs.mkdirSync(path.join(user, 'GPUCache'));
  fs.writeFileSync(path.join(user, 'Preferences'), '{}');
  fs.mkdirSync(path.join(user, 'media', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(user, 'media', 'ab', 'abcdef.jpg'), 'jpeg bytes');
  fs.mkdirSync(path.join(user, 'backups'));
  fs.writeFileSync(path.join(user, 'backups', 'loadwise-v1.db'), 'backup bytes');
  const db = new Database(path.join(user, 'loadwise.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (v TEXT)');
  db.prepare('INSERT INTO t VALUES (?)').run('kept through the move');
  return { user, db };
}

describe('migrateLegacyData', () => {
  it('does nothing on a fresh install', () => {
    const user = tempDir('loadwise-fresh-');
    expect(migrateLegacyData(user)).toEqual({ status: 'none', dataDir: path.join(user, 'data') });
    expect(fs.readdirSync(user)).toEqual([]);
  });

  it('moves the database with its WAL, the photos and the backups into the subfolder, and leaves Chromium’s files', () => {
    const { user, db } = legacyFolder();
    // Copy the WAL trio while the connection still holds uncheckpointed rows in the WAL, the way a
    // crashed first version would have left it.
    const snapshot = tempDir('loadwise-legacy-copy-');
    for (const f of fs.readdirSync(user)) fs.cpSync(path.join(user, f), path.join(snapshot, f), { recursive: true });
    db.close();
    expect(fs.existsSync(path.join(snapshot, 'loadwise.db-wal'))).toBe(true);

    const result = migrateLegacyData(snapshot);
    expect(result.status).toBe('migrated');
    const dataDir = path.join(snapshot, 'data');
    expect(result.dataDir).toBe(dataDir);
    if (result.status === 'migrated') {
      expect(result.moved.sort()).toEqual(['backups', 'loadwise.db', 'loadwise.db-shm', 'loadwise.db-wal', 'media']);
      expect(result.copied).toEqual([]);
    }
    for (const gone of LEGACY_ENTRIES) expect(fs.existsSync(path.join(snapshot, gone)), gone).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'media', 'ab', 'abcdef.jpg'), 'utf8')).toBe('jpeg bytes');
    expect(fs.readFileSync(path.join(dataDir, 'backups', 'loadwise-v1.db'), 'utf8')).toBe('backup bytes');
    expect(fs.existsSync(path.join(snapshot, 'GPUCache'))).toBe(true);
    expect(fs.existsSync(path.join(snapshot, 'Preferences'))).toBe(true);
    const moved = new Database(path.join(dataDir, 'loadwise.db'), { fileMustExist: true });
    expect(moved.prepare('SELECT v FROM t').pluck().all()).toEqual(['kept through the move']);
    moved.close();
    if (process.platform !== 'win32') expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('happens once: a second run finds nothing to move', () => {
    const { user, db } = legacyFolder();
    db.close();
    expect(migrateLegacyData(user).status).toBe('migrated');
    const after = fs.readdirSync(path.join(user, 'data')).sort();
    expect(migrateLegacyData(user)).toEqual({ status: 'none', dataDir: path.join(user, 'data') });
    expect(fs.readdirSync(path.join(user, 'data')).sort()).toEqual(after);
    expect(locateDataDir(user)).toBe(path.join(user, 'data'));
  });

  it('touches nothing when both places hold a database', () => {
    const { user, db } = legacyFolder();
    db.close();
    fs.mkdirSync(path.join(user, 'data'));
    fs.writeFileSync(path.join(user, 'data', 'loadwise.db'), 'newer');
    expect(migrateLegacyData(user)).toEqual({ status: 'conflict', dataDir: path.join(user, 'data') });
    expect(fs.existsSync(path.join(user, 'loadwise.db'))).toBe(true);
    expect(fs.existsSync(path.join(user, 'media'))).toBe(true);
    expect(fs.readFileSync(path.join(user, 'data', 'loadwise.db'), 'utf8')).toBe('newer');
  });

  it('puts the WAL back and keeps using the old place when the database cannot be moved (held open on Windows)', () => {
    const { user, db } = legacyFolder();
    const refuseDb = (from: string, to: string): void => {
      if (path.basename(from) === 'loadwise.db') throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      fs.renameSync(from, to);
    };
    const result = migrateLegacyData(user, refuseDb);
    expect(result).toMatchObject({ status: 'failed', dataDir: user });
    expect(result.status === 'failed' && result.reason).toMatch(/loadwise\.db: EBUSY/);
    expect(fs.existsSync(path.join(user, 'loadwise.db-wal'))).toBe(true);
    expect(fs.existsSync(path.join(user, 'data', 'loadwise.db-wal'))).toBe(false);
    expect(fs.existsSync(path.join(user, 'media', 'ab', 'abcdef.jpg'))).toBe(true);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    db.close();
    // The next start, with nothing holding the file, finishes the job.
    expect(migrateLegacyData(user).status).toBe('migrated');
    expect(locateDataDir(user)).toBe(path.join(user, 'data'));
  });

  it('copies a folder it cannot rename, and leaves the original', () => {
    const { user, db } = legacyFolder();
    db.close();
    const refuseMedia = (from: string, to: string): void => {
      if (path.basename(from) === 'media') throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      fs.renameSync(from, to);
    };
    const result = migrateLegacyData(user, refuseMedia);
    expect(result).toMatchObject({ status: 'migrated', copied: ['media'] });
    expect(fs.readFileSync(path.join(user, 'data', 'media', 'ab', 'abcdef.jpg'), 'utf8')).toBe('jpeg bytes');
    expect(fs.existsSync(path.join(user, 'media', 'ab', 'abcdef.jpg'))).toBe(true);
  });
});
