// The database check in a worker thread, on real SQLite files: a sound copy passes, a damaged one
// (a row and its index disagree), one with a broken reference and one that is not a database are
// refused saying which; and while a large copy is checked the event loop keeps turning (a timer
// keeps firing), where the same check on the main thread would have held it for its whole length.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../db/backup';
import { checkDatabaseFileOffThread } from '../../../db/check-off-thread';
import { closeDatabase, DB_FILE_NAME, openDatabase } from '../../../db/open';
import { tempDir } from '../../support/fixtures';

function notesFile(rows: number, bodyBytes = 16, extraIndexes = false): string {
  const file = path.join(tempDir('loadwise-check-'), 'copy.db');
  const db = new Database(file);
  db.pragma('secure_delete = ON');
  db.exec(
    'CREATE TABLE parents (id INTEGER PRIMARY KEY); CREATE TABLE notes (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parents(id), body TEXT NOT NULL) STRICT; CREATE INDEX notes_by_body ON notes (body);' +
      (extraIndexes
        ? 'CREATE INDEX notes_by_parent ON notes (parent, body); CREATE INDEX notes_by_length ON notes (length(body), body);'
        : ''),
  );
  db.prepare('INSERT INTO parents (id) VALUES (1)').run();
  const insert = db.prepare('INSERT INTO notes (parent, body) VALUES (1, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`note-${String(i).padStart(7, '0')}-${'b'.repeat(bodyBytes)}`);
  })();
  db.close();
  return file;
}

const like = (): Database.Database => new Database(':memory:');

describe('checkDatabaseFileOffThread', () => {
  it('passes a sound file and leaves it as it was', async () => {
    const file = notesFile(200);
    const before = fs.readFileSync(file);
    await expect(checkDatabaseFileOffThread(like(), file)).resolves.toBeUndefined();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['copy.db']);
  });

  it('refuses a damaged file: a row and its index entry disagree', async () => {
    const file = notesFile(300);
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf('note-0000142-');
    expect(at).toBeGreaterThan(0);
    bytes[at + 'note-0000142-'.length] = 'X'.charCodeAt(0);
    fs.writeFileSync(file, bytes);
    await expect(checkDatabaseFileOffThread(like(), file)).rejects.toThrow(/failed its integrity check/);
  });

  it('refuses a file with a broken reference', async () => {
    const file = notesFile(20);
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.prepare('INSERT INTO notes (parent, body) VALUES (99, ?)').run('points nowhere');
    db.close();
    await expect(checkDatabaseFileOffThread(like(), file)).rejects.toThrow(/has 1 broken reference/);
  });

  it('refuses a file that is not a database, and one that is not there', async () => {
    const dir = tempDir('loadwise-check-');
    fs.writeFileSync(path.join(dir, 'text.db'), 'not a database at all, just some words '.repeat(50));
    await expect(checkDatabaseFileOffThread(like(), path.join(dir, 'text.db'))).rejects.toThrow(/could not be read|integrity/);
    await expect(checkDatabaseFileOffThread(like(), path.join(dir, 'missing.db'))).rejects.toThrow(/could not be read/);
  });

  it('keeps the event loop turning while a large backup is checked', async () => {
    // About 60 MB with three indexes to compare: the check takes a noticeable time on any machine.
    const source = notesFile(250_000, 100, true);
    const dataDir = tempDir('loadwise-check-data-');
    fs.copyFileSync(source, path.join(dataDir, DB_FILE_NAME));
    const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
    try {
      // How long the same check holds the thread when it runs here (the old way).
      const copy = new Database(source, { readonly: true });
      const started = performance.now();
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const onThreadMs = performance.now() - started;
      copy.close();

      let ticks = 0;
      let longestGap = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
        ticks++;
      }, 5);
      const backupStarted = performance.now();
      try {
        await backupDatabase(db, dataDir, 'large');
      } finally {
        clearInterval(timer);
      }
      const backupMs = performance.now() - backupStarted;
      // The backup as a whole (copy, check, fsync) took longer than the check alone would block;
      // the timer kept firing through it and was never held for the length of a check.
      expect(backupMs).toBeGreaterThan(onThreadMs);
      expect(ticks).toBeGreaterThan(5);
      expect(longestGap).toBeLessThan(onThreadMs / 2);
    } finally {
      closeDatabase(db);
    }
  });
});
