// Kill -9 in the middle of writing: every exercise in the file afterwards is complete (text,
// equipment, suitability, tags, sources, links, search index), the file passes its integrity
// and foreign-key checks, and it opens again for writing.
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../db/open';
import { GENERATORS } from '../../../common/domain/vocabulary';
import { tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const root = repoRoot;
const writer = path.join(root, 'out', 'tools', 'crash-writer.cjs');
const ROUNDS = 8;

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--only-node'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(writer)) throw new Error(`could not build the crash writer: ${r.stderr}`);
}, 120_000);

function killWhileWriting(file: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(writer, [file], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('message', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

describe('crash consistency', () => {
  it(`survives ${ROUNDS} kills mid-transaction with every exercise whole`, async () => {
    const file = path.join(tempDir(), 'loadwise.db');
    let total = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await killWhileWriting(file, 40 + ((round * 53) % 260));
      const db = openDatabase(file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
        const exercises = count('SELECT count(*) FROM exercises');
        expect(exercises, `round ${round} wrote nothing`).toBeGreaterThan(total);
        total = exercises;
        expect(count('SELECT count(*) FROM exercise_text')).toBe(exercises);
        expect(count('SELECT count(*) FROM exercise_equipment')).toBe(exercises * 3);
        expect(count('SELECT count(*) FROM exercise_suitability')).toBe(exercises * GENERATORS.length);
        expect(count('SELECT count(*) FROM exercise_tags')).toBe(exercises * 2);
        expect(count('SELECT count(*) FROM exercise_sources')).toBe(exercises);
        expect(count('SELECT count(*) FROM exercise_fts_docsize')).toBe(exercises);
        // Each run links every exercise after its first to the one before.
        expect(count('SELECT count(*) FROM exercise_links')).toBe(exercises - (round + 1));
      } finally {
        closeDatabase(db);
      }
    }
  }, 60_000);
});
