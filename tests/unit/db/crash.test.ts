// Kill -9 in the middle of real work: tests/support/crash-writer boots the real services and makes the
// real calls through services/dispatch.ts (library.create, library.update, media.attach with a
// real PNG), printing each write it got an answer for. The test SIGKILLs it mid-run, again and
// again, and checks after every kill that the file passes its integrity and foreign-key checks,
// that no exercise or photo anywhere is half-written, and that every acknowledged write is there.
//
// What this does not cover: power loss. SIGKILL ends the process but leaves the operating
// system's page cache intact, so data SQLite handed to the OS without fsync still reaches the
// disk. Whether synchronous=FULL and the fsyncs of photo files hold up when the machine itself
// stops is not tested here.
//
// The default run is short (8 rounds). LOADWISE_LONG_CRASH=1 runs 100 rounds (a few minutes), for
// changes to the write paths, the lock or start-up:
//   LOADWISE_LONG_CRASH=1 npx vitest run tests/unit/db/crash.test.ts
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { rawPlugin } from '../../../scripts/esbuild-raw-plugin.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, DB_FILE_NAME, openDatabase, type DB } from '../../../db/open';
import { GENERATORS } from '../../../common/domain/vocabulary';
import { tempDir, tinySeedDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const root = repoRoot;
const writerDir = tempDir('loadwise-crash-writer-');
const writer = path.join(writerDir, 'crash-writer.cjs');
const LONG = process.env.LOADWISE_LONG_CRASH === '1';
const ROUNDS = LONG ? 100 : 8;

// The writer is a test helper, bundled here for this test alone (packages load from the checkout).
beforeAll(async () => {
  await esbuild.build({
    entryPoints: [path.join(root, 'tests/support/crash-writer.ts')],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    nodePaths: [path.join(root, 'node_modules')],
    plugins: [rawPlugin],
  });
}, 120_000);

/** What the writer printed after a call returned (see tests/support/crash-writer.ts). */
type Ack =
  | { op: 'create'; id: string; contentVersion: number; name: string; regressionId: string | null }
  | { op: 'update'; id: string; contentVersion: number; name: string }
  | { op: 'attach'; id: string; contentVersion: number; sha256: string };

/** Runs the writer until `afterMs` past its first acknowledged write, then SIGKILLs it. */
function killWhileWriting(dataDir: string, seedDir: string, round: number, afterMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, seedDir, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        LOADWISE_WORKERS_DIR: path.join(root, 'out', 'workers'),
        LOADWISE_RESOURCES_DIR: path.join(root, 'resources'),
        NODE_PATH: path.join(root, 'node_modules'),
      },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      if (!timer && out.includes('\n')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // 'close', not 'exit': only then has every line the writer printed been read.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited (${code}) instead of being killed: ${err}`));
      // A line cut short by the kill (no newline yet) was never acknowledged.
      const complete = out.slice(0, out.lastIndexOf('\n') + 1);
      resolve(
        complete
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Ack),
      );
    });
  });
}

interface Expected {
  name: string;
  contentVersion: number;
  regressionId: string | null;
  photos: string[];
}

/** Where services/media stores a photo: media/<first two hex digits>/<sha256>[.thumb].<ext>. */
function photoPath(dataDir: string, sha256: string, variant: 'full' | 'thumb', mime: string): string {
  const ext = mime === 'image/png' ? 'png' : 'jpg';
  return path.join(dataDir, 'media', sha256.slice(0, 2), `${sha256}${variant === 'thumb' ? '.thumb' : ''}.${ext}`);
}

/** Nothing half-written anywhere: every exercise has all its parts, every photo row its files. */
function expectEverythingWhole(db: DB, dataDir: string): void {
  const none = (sql: string): void => expect(db.prepare(sql).all(), sql).toEqual([]);
  none('SELECT e.id FROM exercises e WHERE (SELECT count(*) FROM exercise_text t WHERE t.exercise_seq = e.seq) <> 1');
  none('SELECT e.id FROM exercises e WHERE NOT EXISTS (SELECT 1 FROM exercise_fts_docsize d WHERE d.id = e.seq)');
  none(
    `SELECT e.id FROM exercises e WHERE (SELECT count(*) FROM exercise_suitability s WHERE s.exercise_seq = e.seq) <> ${GENERATORS.length}`,
  );
  // The writer's exercises all have three pieces of equipment, two tags and one source.
  const clinic = "e.origin = 'clinic'";
  none(`SELECT e.id FROM exercises e WHERE ${clinic} AND (SELECT count(*) FROM exercise_equipment q WHERE q.exercise_seq = e.seq) <> 3`);
  none(`SELECT e.id FROM exercises e WHERE ${clinic} AND (SELECT count(*) FROM exercise_tags g WHERE g.exercise_seq = e.seq) <> 2`);
  none(`SELECT e.id FROM exercises e WHERE ${clinic} AND (SELECT count(*) FROM exercise_sources s WHERE s.exercise_seq = e.seq) <> 1`);
  expect(db.prepare('SELECT count(*) FROM exercise_fts_docsize').pluck().get()).toBe(
    db.prepare('SELECT count(*) FROM exercises').pluck().get(),
  );
  // Files first, rows second: a photo row always has both files, holding the bytes it names.
  for (const m of db.prepare('SELECT sha256, mime FROM media').all() as { sha256: string; mime: string }[]) {
    const full = fs.readFileSync(photoPath(dataDir, m.sha256, 'full', m.mime));
    expect(createHash('sha256').update(full).digest('hex')).toBe(m.sha256);
    expect(fs.statSync(photoPath(dataDir, m.sha256, 'thumb', m.mime)).size).toBeGreaterThan(0);
  }
}

/** Every acknowledged write is in the file: the exercise, its latest acknowledged name and version, its link and its photos. */
function expectAcknowledged(db: DB, expected: Map<string, Expected>): void {
  const row = db.prepare(
    'SELECT e.seq, e.content_version AS version, t.name FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq WHERE e.id = ?',
  );
  const link = db.prepare(
    "SELECT 1 FROM exercise_links l JOIN exercises t ON t.seq = l.to_seq WHERE l.from_seq = ? AND l.kind = 'regression' AND t.id = ?",
  );
  const photos = db.prepare('SELECT sha256 FROM exercise_media WHERE exercise_seq = ? ORDER BY position').pluck();
  for (const [id, want] of expected) {
    const got = row.get(id) as { seq: number; version: number; name: string } | undefined;
    expect(got, `acknowledged exercise ${id} (${want.name}) is missing`).toBeDefined();
    // The write after the last acknowledged one may have committed just before the kill.
    expect(got!.version, want.name).toBeGreaterThanOrEqual(want.contentVersion);
    if (got!.version === want.contentVersion) expect(got!.name).toBe(want.name);
    if (want.regressionId) expect(link.get(got!.seq, want.regressionId), `${want.name} lost its link`).toBeDefined();
    expect(photos.all(got!.seq)).toEqual(expect.arrayContaining(want.photos));
  }
}

describe('crash consistency', () => {
  it(
    `survives ${ROUNDS} kills mid-call with every acknowledged write present and whole`,
    async () => {
      const dataDir = tempDir();
      const seedDir = tinySeedDir();
      const expected = new Map<string, Expected>();
      let acks = { create: 0, update: 0, attach: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const seen = await killWhileWriting(dataDir, seedDir, round, 30 + ((round * 53) % 250));
        expect(seen.length, `round ${round} acknowledged nothing`).toBeGreaterThan(0);
        for (const a of seen) {
          acks = { ...acks, [a.op]: acks[a.op] + 1 };
          if (a.op === 'create')
            expected.set(a.id, { name: a.name, contentVersion: a.contentVersion, regressionId: a.regressionId, photos: [] });
          else {
            const e = expected.get(a.id)!;
            e.contentVersion = a.contentVersion;
            if (a.op === 'update') e.name = a.name;
            else e.photos.push(a.sha256);
          }
        }

        const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(db.pragma('foreign_key_check')).toEqual([]);
          expectEverythingWhole(db, dataDir);
          expectAcknowledged(db, expected);
        } finally {
          closeDatabase(db);
        }
      }
      // All three kinds of call were made and acknowledged along the way.
      expect(acks.create).toBeGreaterThan(ROUNDS);
      expect(acks.update).toBeGreaterThan(0);
      expect(acks.attach).toBeGreaterThan(0);
    },
    ROUNDS * 11_000,
  );
});
