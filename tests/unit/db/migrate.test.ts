// db/migrate.ts on real files: fresh migration, refusing newer databases untouched, all-or-nothing
// steps, an ordered registry, and a verified backup before any non-empty database is changed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUP_DIR_NAME } from '../../../db/backup';
import { assertOrdered, DatabaseFromFutureError, migrate, schemaVersion } from '../../../db/migrate';
import { MIGRATIONS, type Migration } from '../../../db/migrations/index';
import { closeDatabase, DB_FILE_NAME, openDatabase, type DB } from '../../../db/open';
import { bootTestServices, tempDir } from '../../support/fixtures';

const posixOnly = process.platform === 'win32' ? it.skip : it;

const EXPECTED_TABLES = [
  'app_meta',
  'exercises',
  'exercise_text',
  'exercise_equipment',
  'exercise_suitability',
  'exercise_tags',
  'exercise_sources',
  'exercise_links',
  'media',
  'exercise_media',
  'exercise_fts',
  'exercise_fts_vocab',
];

function schemaRows(db: DB): { type: string; name: string; sql: string | null }[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
}

function openIn(dir: string): DB {
  return openDatabase(path.join(dir, DB_FILE_NAME));
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

const NOTES_V1: Migration = {
  version: 1,
  name: 'notes',
  sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;',
};
const NOTES_V2: Migration = {
  version: 2,
  name: 'notes_created',
  sql: "ALTER TABLE notes ADD COLUMN created TEXT NOT NULL DEFAULT '';\nCREATE INDEX notes_by_created ON notes (created);",
};

describe('migrate', () => {
  it('brings a fresh file to the latest version with every expected table', async () => {
    const dir = tempDir();
    const db = openIn(dir);
    try {
      expect(schemaVersion(db)).toBe(0);
      const result = await migrate(db, dir);
      expect(result).toEqual({ from: 0, to: MIGRATIONS.length, backupPath: null });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const names = new Set(schemaRows(db).map((r) => r.name));
      for (const t of EXPECTED_TABLES) expect(names.has(t), `table ${t}`).toBe(true);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it('does nothing on a database that is already current, and keeps it current after reopen', async () => {
    const dir = tempDir();
    let db = openIn(dir);
    await migrate(db, dir);
    const before = schemaRows(db);
    closeDatabase(db);
    db = openIn(dir);
    try {
      const result = await migrate(db, dir);
      expect(result).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length, backupPath: null });
      expect(schemaRows(db)).toEqual(before);
      expect(fs.existsSync(path.join(dir, BACKUP_DIR_NAME))).toBe(false);
    } finally {
      closeDatabase(db);
    }
  });

  it('gives a fresh (empty) database no backup', async () => {
    const dir = tempDir();
    const db = openIn(dir);
    try {
      const result = await migrate(db, dir);
      expect(result.backupPath).toBeNull();
      const backups = path.join(dir, BACKUP_DIR_NAME);
      expect(fs.existsSync(backups) ? fs.readdirSync(backups) : []).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it('refuses a database from a newer version, naming both versions, and leaves its bytes unchanged', async () => {
    const dir = tempDir();
    const future = MIGRATIONS.length + 3;
    let db = openIn(dir);
    await migrate(db, dir);
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('written_by', 'the future')").run();
    db.pragma(`user_version = ${future}`);
    closeDatabase(db);
    const file = path.join(dir, DB_FILE_NAME);
    const bytes = fs.readFileSync(file);

    db = openIn(dir);
    const err = await rejection(migrate(db, dir));
    closeDatabase(db);

    expect(err).toBeInstanceOf(DatabaseFromFutureError);
    const e = err as DatabaseFromFutureError;
    expect(e.found).toBe(future);
    expect(e.supported).toBe(MIGRATIONS.length);
    expect(e.message).toContain(`schema ${future}`);
    expect(e.message).toContain(`up to ${MIGRATIONS.length}`);
    expect(e.message).toMatch(/nothing was changed/i);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(dir, BACKUP_DIR_NAME))).toBe(false);
  });

  it('makes booting the services on a newer database fail with the same error, file unchanged', async () => {
    const dir = tempDir();
    let db = openIn(dir);
    await migrate(db, dir);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    closeDatabase(db);
    const file = path.join(dir, DB_FILE_NAME);
    const bytes = fs.readFileSync(file);

    const err = await rejection(bootTestServices({ dataDir: dir }));
    expect(err).toBeInstanceOf(DatabaseFromFutureError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    // The failed boot closed its connection: the file opens again normally.
    db = openIn(dir);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length + 1);
    closeDatabase(db);
  });

  it('runs a list whose second step throws all-or-nothing on a fresh file', async () => {
    const dir = tempDir();
    const db = openIn(dir);
    try {
      const broken: Migration[] = [
        NOTES_V1,
        { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);' },
      ];
      const before = schemaRows(db);
      await expect(migrate(db, dir, broken)).rejects.toThrow(/no_such_table/);
      expect(schemaVersion(db)).toBe(0);
      expect(schemaRows(db)).toEqual(before);
      expect(db.inTransaction).toBe(false);
    } finally {
      closeDatabase(db);
    }
  });

  it('leaves a version-1 database with rows exactly at version 1 when a later step throws', async () => {
    const dir = tempDir();
    const db = openIn(dir);
    try {
      await migrate(db, dir, [NOTES_V1]);
      db.prepare("INSERT INTO notes (body) VALUES ('kept')").run();
      const before = schemaRows(db);
      const broken: Migration[] = [
        NOTES_V1,
        NOTES_V2,
        { version: 3, name: 'broken', sql: 'DROP TABLE notes;\nSELECT no_such_function();' },
      ];
      await expect(migrate(db, dir, broken)).rejects.toThrow();
      expect(schemaVersion(db)).toBe(1);
      expect(schemaRows(db)).toEqual(before);
      expect(db.prepare('SELECT body FROM notes').pluck().all()).toEqual(['kept']);
    } finally {
      closeDatabase(db);
    }
  });

  it('assertOrdered accepts 1..n and rejects gaps, duplicates, a wrong start and disorder', () => {
    const m = (version: number, name = `m${version}`): Migration => ({ version, name, sql: 'SELECT 1;' });
    expect(() => assertOrdered([])).not.toThrow();
    expect(() => assertOrdered([m(1), m(2), m(3)])).not.toThrow();
    expect(() => assertOrdered(MIGRATIONS)).not.toThrow();
    expect(() => assertOrdered([m(1), m(3)])).toThrow(/m3 has version 3, expected 2/);
    expect(() => assertOrdered([m(1), m(1, 'again')])).toThrow(/again has version 1, expected 2/);
    expect(() => assertOrdered([m(0)])).toThrow(/expected 1/);
    expect(() => assertOrdered([m(2), m(1)])).toThrow(/expected 1/);
  });

  it('refuses an unordered list before touching the database', async () => {
    const dir = tempDir();
    const db = openIn(dir);
    try {
      const gap: Migration[] = [NOTES_V1, { ...NOTES_V2, version: 3 }];
      await expect(migrate(db, dir, gap)).rejects.toThrow(/expected 2/);
      expect(schemaVersion(db)).toBe(0);
      expect(schemaRows(db)).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it('backs up a non-empty version-1 database before upgrading it, and the backup is the old database', async () => {
    const dir = tempDir();
    const db = openIn(dir);
    let backupPath: string | null = null;
    try {
      const first = await migrate(db, dir, [NOTES_V1]);
      expect(first.backupPath).toBeNull(); // it was empty
      const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
      db.transaction(() => {
        for (const body of ['one', 'two', 'three']) insert.run(body);
      }).immediate();

      const result = await migrate(db, dir, [NOTES_V1, NOTES_V2]);
      expect(result.from).toBe(1);
      expect(result.to).toBe(2);
      backupPath = result.backupPath;
      expect(backupPath).not.toBeNull();
      expect(path.dirname(backupPath!)).toBe(path.join(dir, BACKUP_DIR_NAME));
      expect(path.basename(backupPath!)).toMatch(/^loadwise-\d{8}-\d{9}-00-before-schema-2\.db$/);

      // The live database moved on.
      expect(schemaVersion(db)).toBe(2);
      expect(db.prepare('SELECT count(*) FROM pragma_table_info(?) WHERE name = ?').pluck().get('notes', 'created')).toBe(1);
    } finally {
      closeDatabase(db);
    }

    const copy = new Database(backupPath!, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.prepare('SELECT body FROM notes ORDER BY id').pluck().all()).toEqual(['one', 'two', 'three']);
      expect(copy.prepare('SELECT count(*) FROM pragma_table_info(?) WHERE name = ?').pluck().get('notes', 'created')).toBe(0);
    } finally {
      copy.close();
    }
  });

  posixOnly('writes the pre-migration backup owner-only (0600) in a 0700 folder', async () => {
    const dir = tempDir();
    const db = openIn(dir);
    try {
      await migrate(db, dir, [NOTES_V1]);
      db.prepare("INSERT INTO notes (body) VALUES ('x')").run();
      const { backupPath } = await migrate(db, dir, [NOTES_V1, NOTES_V2]);
      expect(fs.statSync(backupPath!).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dir, BACKUP_DIR_NAME)).mode & 0o777).toBe(0o700);
    } finally {
      closeDatabase(db);
    }
  });

  it('makes no backup when no data folder is given', async () => {
    const dir = tempDir();
    const db = openIn(dir);
    try {
      await migrate(db, null, [NOTES_V1]);
      db.prepare("INSERT INTO notes (body) VALUES ('x')").run();
      const result = await migrate(db, null, [NOTES_V1, NOTES_V2]);
      expect(result.backupPath).toBeNull();
      expect(fs.existsSync(path.join(dir, BACKUP_DIR_NAME))).toBe(false);
    } finally {
      closeDatabase(db);
    }
  });
});
