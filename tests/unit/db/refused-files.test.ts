// Files Loadwise must refuse stay exactly as they were: a database from a newer Loadwise whose
// newest schema sits in the -wal (opening and closing it would fold the -wal in), a damaged
// rollback-mode file (the switch to WAL would rewrite its header), and the same through the
// services' start-up. Every file, -wal and -shm included, is compared by SHA-256.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseFromFutureError } from '../../../db/errors';
import { closeDatabase, DB_FILE_NAME, DatabaseOpenError, inspectDatabaseFile, openDatabase } from '../../../db/open';
import { MIGRATIONS } from '../../../db/migrations/index';
import { bootTestServices, tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

/** SHA-256 of every file in a folder (the database, its -wal and -shm, anything else). */
function hashes(dir: string, only: (name: string) => boolean = () => true): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter(only)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

/**
 * A Loadwise database whose last commits — user_version 99 among them — are still in the -wal:
 * a separate process makes them with checkpoints off and is killed before it can fold them in.
 */
function futureDatabaseWithWal(dir: string): string {
  const file = path.join(dir, DB_FILE_NAME);
  const db = openDatabase(file);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.pragma('user_version = 1');
  closeDatabase(db);
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE from_the_future (x)');
    // One transaction of several frames (page 1 first, the commit mark on the last one).
    db.transaction(() => {
      db.pragma('user_version = 99');
      db.prepare('INSERT INTO notes (body) VALUES (?)').run('written by a newer version '.repeat(400));
    })();
    process.kill(process.pid, 'SIGKILL');
  `;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' });
  expect(r.signal).toBe('SIGKILL');
  expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
  return file;
}

describe('a database written by a newer Loadwise, with its newest schema in the -wal', () => {
  it('is refused and every file stays byte-identical (-wal and -shm included)', () => {
    const dir = tempDir();
    const file = futureDatabaseWithWal(dir);
    // The premise: the main file's own header still says schema 1; only the -wal says 99.
    const header = fs.readFileSync(file).subarray(0, 100);
    expect(header.readInt32BE(60)).toBe(1);
    const before = hashes(dir);
    expect(Object.keys(before)).toEqual([DB_FILE_NAME, `${DB_FILE_NAME}-shm`, `${DB_FILE_NAME}-wal`]);

    expect(inspectDatabaseFile(file)).toEqual({ kind: 'sqlite', userVersion: 99, wal: true });
    const err = thrown(() => openDatabase(file, { maxSchemaVersion: 1 }));
    expect(err).toBeInstanceOf(DatabaseFromFutureError);
    expect((err as DatabaseFromFutureError).found).toBe(99);
    expect((err as Error).message).toMatch(/newer version of Loadwise.*Nothing was changed/);
    expect(hashes(dir)).toEqual(before);
  });

  it('is refused by the services at start-up, the database files untouched', async () => {
    const dir = tempDir();
    futureDatabaseWithWal(dir);
    const isDatabaseFile = (f: string): boolean => f.startsWith(DB_FILE_NAME);
    const before = hashes(dir, isDatabaseFile);
    await expect(bootTestServices({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseFromFutureError);
    expect(hashes(dir, isDatabaseFile)).toEqual(before);
    // Nothing else was started on it: no backups folder, no staging, no media.
    expect(fs.readdirSync(dir).filter((f) => !isDatabaseFile(f) && !f.startsWith('loadwise.lock'))).toEqual([]);
  });

  it('reads the committed schema the way SQLite does: an uncommitted page-1 frame does not count', () => {
    const dir = tempDir();
    const file = futureDatabaseWithWal(dir);
    // Cut the -wal inside its last transaction: its page-1 frame (schema 99) stays, its commit
    // frame goes, so SQLite (and the check) fall back to the previous commit.
    const wal = fs.readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const frame = 24 + pageSize;
    const frames = (wal.length - 32) / frame;
    expect(Number.isInteger(frames)).toBe(true);
    fs.writeFileSync(`${file}-wal`, wal.subarray(0, 32 + (frames - 1) * frame));
    const viaSqlite = (() => {
      const copyDir = tempDir();
      for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(copyDir, f));
      const db = new Database(path.join(copyDir, DB_FILE_NAME), { readonly: true });
      try {
        return db.pragma('user_version', { simple: true });
      } finally {
        db.close();
      }
    })();
    expect(viaSqlite).toBe(1);
    const seen = inspectDatabaseFile(file);
    expect(seen.kind === 'sqlite' && seen.userVersion).toBe(viaSqlite);
  });
});

describe('a damaged database', () => {
  it('in rollback mode with garbage pages is refused before anything is written to it', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const setup = new Database(file); // rollback journal, as a file from elsewhere might be
    setup.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = setup.prepare('INSERT INTO t (body) VALUES (?)');
    setup.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`row ${i} ${'x'.repeat(60)}`);
    })();
    const pageSize = setup.pragma('page_size', { simple: true }) as number;
    setup.close();
    const bytes = fs.readFileSync(file);
    expect(bytes[18]).toBe(1); // the premise: not WAL yet
    for (const page of [2, 5, 9]) bytes.fill(0xa5, (page - 1) * pageSize, page * pageSize);
    fs.writeFileSync(file, bytes);
    const before = hashes(dir);

    const err = thrown(() => openDatabase(file, { maxSchemaVersion: MIGRATIONS.length }));
    expect(err).toBeInstanceOf(DatabaseOpenError);
    expect((err as DatabaseOpenError).code).toBe('corrupt');
    expect((err as Error).message).toMatch(/damaged/);
    expect(hashes(dir)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual([DB_FILE_NAME]);
  });

  it('that is not SQLite at all is refused without SQLite opening it', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    const before = hashes(dir);
    const err = thrown(() => openDatabase(file));
    expect((err as DatabaseOpenError).code).toBe('not_a_database');
    expect(hashes(dir)).toEqual(before);
  });
});
