// db/open.ts on real files: the pragmas every connection needs (on first open and after a reopen,
// where SQLite's defaults differ), private file modes, and plain refusals of foreign or damaged files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeDatabase, DB_FILE_NAME, DatabaseOpenError, openDatabase, type DB } from '../../../db/open';
import { tempDir } from '../../support/fixtures';

const posixOnly = process.platform === 'win32' ? it.skip : it;

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

function expectConnectionPragmas(db: DB): void {
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('synchronous', { simple: true })).toBe(2);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.pragma('temp_store', { simple: true })).toBe(2);
}

/** Catches what `fn` throws, failing the test when it throws nothing. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

/** A WAL database with enough rows to span many pages, closed (so fully checkpointed). */
function makeMultiPageDatabase(file: string): void {
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`row ${i} ${'x'.repeat(60)}`);
  }).immediate();
  closeDatabase(db);
}

describe('openDatabase', () => {
  it('sets WAL, synchronous FULL, foreign keys and in-memory temp storage on a new file', () => {
    const file = path.join(tempDir(), 'data', DB_FILE_NAME);
    const db = openDatabase(file);
    try {
      expectConnectionPragmas(db);
    } finally {
      closeDatabase(db);
    }
  });

  it('sets the same pragmas again after close and reopen (synchronous would otherwise read 1)', () => {
    const file = path.join(tempDir(), 'data', DB_FILE_NAME);
    const first = openDatabase(file);
    first.exec('CREATE TABLE t (x INTEGER)');
    first.prepare('INSERT INTO t VALUES (1)').run();
    closeDatabase(first);

    // Sanity check of the premise: a bare reopen of a WAL file does not give FULL by itself.
    const bare = new Database(file);
    const bareSync = bare.pragma('synchronous', { simple: true });
    bare.close();
    expect(bareSync).not.toBe(2);

    const again = openDatabase(file);
    try {
      expectConnectionPragmas(again);
      expect(again.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    } finally {
      closeDatabase(again);
    }
  });

  it('enforces foreign keys on the opened connection', () => {
    const db = openDatabase(path.join(tempDir(), DB_FILE_NAME));
    try {
      db.exec('CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p (id))');
      expect(() => db.prepare('INSERT INTO c VALUES (42)').run()).toThrow(/FOREIGN KEY/);
    } finally {
      closeDatabase(db);
    }
  });

  posixOnly('creates the data folder 0700 and the database, -wal and -shm files 0600', () => {
    const dataDir = path.join(tempDir(), 'data');
    const file = path.join(dataDir, DB_FILE_NAME);
    const db = openDatabase(file);
    try {
      db.exec('CREATE TABLE t (x INTEGER)');
      db.prepare('INSERT INTO t VALUES (1)').run();
      expect(modeOf(dataDir)).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) {
        expect(fs.existsSync(file + suffix), `${DB_FILE_NAME}${suffix} exists`).toBe(true);
        expect(modeOf(file + suffix), `${DB_FILE_NAME}${suffix} mode`).toBe(0o600);
      }
    } finally {
      closeDatabase(db);
    }
  });

  posixOnly('tightens an existing data folder and database left readable by others, on reopen too', () => {
    const dataDir = path.join(tempDir(), 'data');
    const file = path.join(dataDir, DB_FILE_NAME);
    closeDatabase(openDatabase(file));
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(file, 0o644);

    const db = openDatabase(file);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) {
        if (fs.existsSync(file + suffix)) expect(modeOf(file + suffix), `${DB_FILE_NAME}${suffix} mode`).toBe(0o600);
      }
      expect(modeOf(file)).toBe(0o600);
    } finally {
      closeDatabase(db);
    }
  });

  it('refuses a file of random bytes as not_a_database, in plain words, without changing it', () => {
    const file = path.join(tempDir(), DB_FILE_NAME);
    const bytes = crypto.randomBytes(16 * 1024);
    fs.writeFileSync(file, bytes);

    const err = thrown(() => openDatabase(file));
    expect(err).toBeInstanceOf(DatabaseOpenError);
    expect((err as DatabaseOpenError).code).toBe('not_a_database');
    const message = (err as DatabaseOpenError).message;
    expect(message).toMatch(/not a Loadwise database/i);
    expect(message).not.toMatch(/SQLITE_|sqlite3_|\n|at .*\.ts/);
    expect(message).not.toContain(file);

    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database whose page 2 was overwritten, as corrupt, and leaves the file as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    makeMultiPageDatabase(file);
    const pageSize = (() => {
      const probe = new Database(file, { readonly: true });
      try {
        return probe.pragma('page_size', { simple: true }) as number;
      } finally {
        probe.close();
      }
    })();
    const damaged = fs.readFileSync(file);
    expect(damaged.length).toBeGreaterThan(4 * pageSize);
    crypto.randomBytes(pageSize).copy(damaged, pageSize); // page 2 starts at offset page_size
    fs.writeFileSync(file, damaged);

    const err = thrown(() => openDatabase(file));
    expect(err).toBeInstanceOf(DatabaseOpenError);
    expect((err as DatabaseOpenError).code).toBe('corrupt');
    expect((err as DatabaseOpenError).message).toMatch(/damaged/i);
    expect((err as DatabaseOpenError).message).not.toMatch(/SQLITE_/);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual([DB_FILE_NAME]);

    // Read-only opens (e.g. checking a backup) refuse it the same way.
    const roErr = thrown(() => openDatabase(file, { readonly: true }));
    expect(roErr).toBeInstanceOf(DatabaseOpenError);
    expect((roErr as DatabaseOpenError).code).toBe('corrupt');
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it('reports a missing file opened read-only as an io problem', () => {
    const file = path.join(tempDir(), 'missing.db');
    const err = thrown(() => openDatabase(file, { readonly: true }));
    expect(err).toBeInstanceOf(DatabaseOpenError);
    expect((err as DatabaseOpenError).code).toBe('io');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('closes idempotently', () => {
    const db = openDatabase(path.join(tempDir(), DB_FILE_NAME));
    closeDatabase(db);
    expect(db.open).toBe(false);
    expect(() => closeDatabase(db)).not.toThrow();
  });
});
