// db/backup.ts on real files: an online backup taken while another connection writes is a
// consistent, verified, private copy; old backups are pruned; no temporary file is left behind.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUP_DIR_NAME, backupDatabase, pruneBackups } from '../../../db/backup';
import { closeDatabase, DB_FILE_NAME, openDatabase, type DB } from '../../../db/open';
import { tempDir } from '../../support/fixtures';

const posixOnly = process.platform === 'win32' ? it.skip : it;

/** A database of a few hundred pages: an items table and a counter kept equal to its row count. */
function makeSource(dir: string, rows = 3000, payloadBytes = 200): DB {
  const db = openDatabase(path.join(dir, DB_FILE_NAME));
  db.exec(`
    CREATE TABLE items (id INTEGER PRIMARY KEY, payload BLOB NOT NULL) STRICT;
    CREATE TABLE counter (n INTEGER NOT NULL) STRICT;
    INSERT INTO counter VALUES (0);
  `);
  const insert = db.prepare(`INSERT INTO items (payload) VALUES (randomblob(${payloadBytes}))`);
  const bump = db.prepare('UPDATE counter SET n = n + ?');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run();
    bump.run(rows);
  }).immediate();
  return db;
}

function readCopy(file: string): { integrity: unknown; items: number; counter: number; fk: unknown[] } {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: copy.pragma('integrity_check', { simple: true }),
      items: copy.prepare('SELECT count(*) FROM items').pluck().get() as number,
      counter: copy.prepare('SELECT n FROM counter').pluck().get() as number,
      fk: copy.pragma('foreign_key_check') as unknown[],
    };
  } finally {
    copy.close();
  }
}

const backupDir = (dataDir: string): string => path.join(dataDir, BACKUP_DIR_NAME);
const leftovers = (dir: string): string[] => fs.readdirSync(dir).filter((f) => !/^loadwise-\d{8}-\d{9}-\d{2}-[a-z0-9-]+\.db$/i.test(f));

describe('backupDatabase', () => {
  it('takes a consistent copy while another connection keeps writing', async () => {
    const dir = tempDir();
    const db = makeSource(dir, 6000, 600);
    const writer = openDatabase(path.join(dir, DB_FILE_NAME));
    try {
      const insert = writer.prepare('INSERT INTO items (payload) VALUES (randomblob(200))');
      const bump = writer.prepare('UPDATE counter SET n = n + 1');
      const writeOne = writer.transaction(() => {
        insert.run();
        bump.run();
      });
      const rowsBefore = db.prepare('SELECT count(*) FROM items').pluck().get() as number;
      expect(db.pragma('page_count', { simple: true })).toBeGreaterThan(800); // about ten backup steps

      let done = false;
      let writesDuring = 0;
      // A write on every turn of the event loop, interleaved with the backup's steps (one per
      // turn). Each write from another connection restarts the backup, so it can only finish
      // once the writes stop: they stop after BURST, or earlier if the backup is already done.
      const BURST = 100;
      const writing = new Promise<void>((resolve) => {
        const tick = (): void => {
          if (done || writesDuring >= BURST) return resolve();
          writeOne.immediate();
          writesDuring++;
          setImmediate(tick);
        };
        setImmediate(tick);
      });
      const file = await backupDatabase(db, dir, 'during-writes').finally(() => {
        done = true;
      });
      await writing;
      const rowsAfter = db.prepare('SELECT count(*) FROM items').pluck().get() as number;

      expect(writesDuring).toBeGreaterThan(0);
      expect(rowsAfter).toBe(rowsBefore + writesDuring);
      const copy = readCopy(file);
      expect(copy.integrity).toBe('ok');
      expect(copy.fk).toEqual([]);
      expect(copy.items).toBe(copy.counter); // one consistent point, not a torn mix
      expect(copy.items).toBeGreaterThanOrEqual(rowsBefore);
      expect(copy.items).toBeLessThanOrEqual(rowsAfter);
      expect(leftovers(backupDir(dir))).toEqual([]);
    } finally {
      closeDatabase(writer);
      closeDatabase(db);
    }
  });

  it('includes commits that still sit in the -wal file', async () => {
    const dir = tempDir();
    const db = makeSource(dir, 10);
    try {
      db.pragma('wal_autocheckpoint = 0');
      db.prepare("INSERT INTO items (payload) VALUES (x'00')").run();
      db.prepare('UPDATE counter SET n = n + 1').run();
      expect(fs.statSync(path.join(dir, `${DB_FILE_NAME}-wal`)).size).toBeGreaterThan(0);
      const copy = readCopy(await backupDatabase(db, dir, 'wal'));
      expect(copy).toMatchObject({ integrity: 'ok', items: 11, counter: 11 });
    } finally {
      closeDatabase(db);
    }
  });

  it('names the file by UTC time (to the millisecond) and reason, never overwriting one taken at the same moment', async () => {
    const dir = tempDir();
    const db = makeSource(dir, 5);
    try {
      const when = new Date('2024-03-04T05:06:07.890Z');
      const a = await backupDatabase(db, dir, 'before schema 2!', when);
      const b = await backupDatabase(db, dir, 'before schema 2!', when);
      expect(path.basename(a)).toBe('loadwise-20240304-050607890-00-before-schema-2-.db');
      expect(path.basename(b)).toBe('loadwise-20240304-050607890-01-before-schema-2-.db');
      // Copies taken at the same moment still sort in the order they were taken.
      expect([path.basename(b), path.basename(a)].sort()).toEqual([path.basename(a), path.basename(b)]);
      expect(readCopy(a).integrity).toBe('ok');
      expect(readCopy(b).integrity).toBe('ok');
    } finally {
      closeDatabase(db);
    }
  });

  posixOnly('writes backups 0600 inside a 0700 folder', async () => {
    const dir = tempDir();
    const db = makeSource(dir, 5);
    try {
      const file = await backupDatabase(db, dir, 'modes');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(backupDir(dir)).mode & 0o777).toBe(0o700);
      for (const f of fs.readdirSync(backupDir(dir))) {
        expect(fs.statSync(path.join(backupDir(dir), f)).mode & 0o777, f).toBe(0o600);
      }
    } finally {
      closeDatabase(db);
    }
  });

  it('leaves no .tmp file (nor -wal/-shm companions) behind after a backup, even once opened', async () => {
    const dir = tempDir();
    const db = makeSource(dir, 50);
    try {
      const file = await backupDatabase(db, dir, 'clean');
      expect(fs.readdirSync(backupDir(dir))).toEqual([path.basename(file)]);
      // A restore opens the copy read-only first; it must be one self-contained file.
      readCopy(file);
      expect(fs.readdirSync(backupDir(dir))).toEqual([path.basename(file)]);
    } finally {
      closeDatabase(db);
    }
  });

  it('refuses a copy that fails its integrity check (a damaged page in the source), and leaves no file', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const setup = new Database(file); // rollback journal: every page is in the main file once closed
    setup.pragma('secure_delete = ON'); // no stale copies of moved rows: each text is on disk exactly where it lives
    setup.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT; CREATE INDEX notes_by_body ON notes (body);');
    const insert = setup.prepare('INSERT INTO notes (body) VALUES (?)');
    setup.transaction(() => {
      for (let i = 0; i < 300; i++) insert.run(`note-${String(i).padStart(5, '0')}-body`);
    })();
    setup.close();
    // One byte of one stored row changes on disk: the row and its index entry no longer agree.
    // The page stays well formed, so the file opens (quick_check does not compare indexes).
    const bytes = fs.readFileSync(file);
    const found: number[] = [];
    for (let at = bytes.indexOf('note-00142-body'); at >= 0; at = bytes.indexOf('note-00142-body', at + 1)) found.push(at);
    expect(found).toHaveLength(2); // the row and its index entry
    bytes[found[0] + 'note-00142-'.length] = 'X'.charCodeAt(0);
    fs.writeFileSync(file, bytes);

    const db = openDatabase(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).not.toBe('ok'); // the premise
      // The backup API copies pages as they are, so the damage reaches the copy; the check there refuses it.
      await expect(backupDatabase(db, dir, 'damaged')).rejects.toThrow(/integrity check/);
      expect(fs.readdirSync(backupDir(dir))).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it('leaves no .tmp file behind when the backup fails', async () => {
    const dir = tempDir();
    const db = makeSource(dir, 5);
    closeDatabase(db); // backing up a closed connection fails inside the copy step
    await expect(backupDatabase(db, dir, 'fails')).rejects.toThrow();
    expect(fs.readdirSync(backupDir(dir))).toEqual([]);
  });

  it('keeps only the newest 10 backups', async () => {
    const dir = tempDir();
    const db = makeSource(dir, 5);
    try {
      const made: string[] = [];
      for (let i = 0; i < 13; i++) {
        made.push(path.basename(await backupDatabase(db, dir, 'daily', new Date(Date.UTC(2024, 0, 1 + i, 9, 30, 0)))));
      }
      const kept = fs.readdirSync(backupDir(dir)).sort();
      expect(kept).toEqual(made.slice(3).sort());
    } finally {
      closeDatabase(db);
    }
  });
});

describe('pruneBackups', () => {
  it('removes the oldest beyond the limit by their time stamp, and touches no other file', () => {
    const dir = tempDir();
    const names = Array.from({ length: 14 }, (_, i) => `loadwise-202401${String(10 + i).padStart(2, '0')}-120000000-00-daily.db`);
    // Written in shuffled order, so nothing depends on creation order here.
    for (const n of [...names].reverse()) fs.writeFileSync(path.join(dir, n), 'x');
    const others = ['notes.txt', 'loadwise.db', 'loadwise-latest.db'];
    for (const n of others) fs.writeFileSync(path.join(dir, n), 'keep');

    pruneBackups(dir);
    expect(fs.readdirSync(dir).sort()).toEqual([...names.slice(4), ...others].sort());

    pruneBackups(dir, 3);
    expect(fs.readdirSync(dir).sort()).toEqual([...names.slice(11), ...others].sort());
  });

  it('does nothing when there are fewer than the limit', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'loadwise-20240101-000000000-00-a.db'), 'x');
    pruneBackups(dir);
    expect(fs.readdirSync(dir)).toEqual(['loadwise-20240101-000000000-00-a.db']);
  });
});
