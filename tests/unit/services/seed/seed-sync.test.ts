// Keeping built-ins in step with the shipped library (services/seed): added on first
// boot, skipped when unchanged, updated by contentVersion, retired by archiving, links by code,
// clinic copies never touched, and an invalid library refused whole with every problem listed.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../db/migrate';
import { closeDatabase, DB_FILE_NAME, openDatabase, type DB } from '../../../../db/open';
import { SeedError } from '../../../../services/seed/load-seed';
import { syncBuiltins } from '../../../../services/seed/sync-builtins';
import { bootTestServices, sampleDraft, tempDir, writeSeed, type SeedEntryOptions } from '../../../support/fixtures';
import { call } from '../../../support/call';
import { repoRoot } from '../../../support/repo';

const T1 = new Date('2025-02-01T09:00:00.000Z');
const T2 = new Date('2025-03-01T09:00:00.000Z');
const T3 = new Date('2025-04-01T09:00:00.000Z');

/** One fixed id per code, as a real library keeps its ids across releases. */
function library(): { ids: Record<string, string>; seed: (version: number, entries: SeedEntryOptions[]) => string } {
  const ids: Record<string, string> = {};
  const idOf = (code: string): string => (ids[code] ??= randomUUID());
  return {
    ids,
    seed: (version, entries) =>
      writeSeed(
        tempDir('loadwise-seed-'),
        version,
        entries.map((e) => ({ id: idOf(e.code), ...e })),
      ),
  };
}

/** Built-ins (codes) and whole seed files the current release adds; the upgrade test installs the library without them. */
const NEW_IN_THIS_RELEASE: string[] = [
  ...['L1-13', 'L1-14', 'L1-15', 'L2-16', 'L2-17', 'L2-18', 'L2-19'],
  ...['C1-15', 'C1-16', 'C2-13', 'C2-14', 'C2-15'],
  ...['L3-16', 'L3-17', 'C2-16'],
];
const NEW_IN_THIS_RELEASE_FILES: string[] = ['thoracic-1.json', 'thoracic-2.json', 'thoracic-3.json', 'thoracic-4.json'];

const V1: SeedEntryOptions[] = [
  { code: 'L1-01', name: 'Deep tummy draw-in', progressions: ['L2-01'] },
  { code: 'L2-01', name: 'Bird dog', regressions: ['L1-01'] },
  { code: 'C1-01', name: 'Chin nod' },
];

async function migratedDb(): Promise<{ db: DB; dir: string }> {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, DB_FILE_NAME));
  await migrate(db, dir);
  return { db, dir };
}

interface BuiltinRow {
  id: string;
  code: string | null;
  content_version: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  name: string;
}

function builtins(db: DB): Map<string, BuiltinRow> {
  const rows = db
    .prepare(
      `SELECT e.id, e.code, e.content_version, e.archived_at, e.created_at, e.updated_at, t.name
       FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq AND t.locale = 'en'
       WHERE e.origin = 'builtin'`,
    )
    .all() as BuiltinRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every row of every table, to prove nothing at all changed. */
function dump(db: DB): Record<string, unknown[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'exercise_fts%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
  out.fts = db.prepare('SELECT term, doc, cnt FROM exercise_fts_vocab ORDER BY term').all();
  return out;
}

function linksOf(db: DB, id: string): { kind: string; to: string }[] {
  return db
    .prepare(
      `SELECT l.kind, t.id AS "to" FROM exercise_links l JOIN exercises f ON f.seq = l.from_seq JOIN exercises t ON t.seq = l.to_seq
       WHERE f.id = ? ORDER BY l.kind, l.position`,
    )
    .all(id) as { kind: string; to: string }[];
}

describe('syncBuiltins', () => {
  it('adds every built-in on first sync, with its code, version and links', async () => {
    const { db } = await migratedDb();
    const lib = library();
    try {
      const report = syncBuiltins(db, lib.seed(1, V1), T1);
      expect(report).toEqual({ seedVersion: 1, added: 3, updated: 0, retired: 0, skipped: false });
      const rows = builtins(db);
      expect(rows.size).toBe(3);
      for (const e of V1) {
        expect(rows.get(lib.ids[e.code]), e.code).toMatchObject({
          code: e.code,
          name: e.name,
          content_version: 1,
          archived_at: null,
          created_at: T1.toISOString(),
          updated_at: T1.toISOString(),
        });
      }
      // Links written by code resolve to ids, including the forward link L1-01 -> L2-01.
      expect(linksOf(db, lib.ids['L1-01'])).toEqual([{ kind: 'progression', to: lib.ids['L2-01'] }]);
      expect(linksOf(db, lib.ids['L2-01'])).toEqual([{ kind: 'regression', to: lib.ids['L1-01'] }]);
      expect(linksOf(db, lib.ids['C1-01'])).toEqual([]);
      expect(db.prepare("SELECT value FROM app_meta WHERE key = 'seed_version'").pluck().get()).toBe('1');
      // Built-ins are searchable at once.
      expect(db.prepare("SELECT count(*) FROM exercise_fts WHERE exercise_fts MATCH 'bird'").pluck().get()).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it('skips a library whose seedVersion it has already synced, changing nothing', async () => {
    const { db } = await migratedDb();
    const lib = library();
    try {
      syncBuiltins(db, lib.seed(1, V1), T1);
      const before = dump(db);
      // Same version (even with different content) and an older version are both skipped.
      const same = syncBuiltins(db, lib.seed(1, [{ code: 'L1-01', name: 'Changed', contentVersion: 5 }]), T2);
      expect(same).toEqual({ seedVersion: 1, added: 0, updated: 0, retired: 0, skipped: true });
      expect(dump(db)).toEqual(before);
    } finally {
      closeDatabase(db);
    }
  });

  it('skips on a second boot with the same library', async () => {
    const dataDir = tempDir();
    const lib = library();
    const seedDir = lib.seed(1, V1);
    const first = await bootTestServices({ dataDir, seedDir, now: () => T1 });
    const before = dump(first.ctx.db);
    first.close();
    const second = await bootTestServices({ dataDir, seedDir, now: () => T2 });
    expect(dump(second.ctx.db)).toEqual(before);
    expect((await call(second.ctx, 'app.info', {})).seedVersion).toBe(1);
  });

  it('updates a built-in whose contentVersion rose, leaves the others and a clinic copy alone', async () => {
    const dataDir = tempDir();
    const lib = library();
    const v1 = await bootTestServices({ dataDir, seedDir: lib.seed(1, V1), now: () => T1 });
    const copy = await call(v1.ctx, 'library.duplicate', { id: lib.ids['L2-01'] });
    const copyBefore = await call(v1.ctx, 'library.get', { id: copy.id });
    const rowsBefore = builtins(v1.ctx.db);
    v1.close();

    const v2Entries: SeedEntryOptions[] = [
      { code: 'L1-01', name: 'Deep tummy draw-in', progressions: ['L2-01'] },
      { code: 'L2-01', name: 'Bird dog, arms only', contentVersion: 2, regressions: [], progressions: ['L1-01'] },
      { code: 'C1-01', name: 'Chin nod' },
    ];
    const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
    try {
      const report = syncBuiltins(db, lib.seed(2, v2Entries), T2);
      expect(report).toEqual({ seedVersion: 2, added: 0, updated: 1, retired: 0, skipped: false });
      const rows = builtins(db);
      expect(rows.get(lib.ids['L2-01'])).toMatchObject({
        name: 'Bird dog, arms only',
        content_version: 2,
        created_at: T1.toISOString(),
        updated_at: T2.toISOString(),
        archived_at: null,
      });
      expect(rows.get(lib.ids['L1-01'])).toEqual(rowsBefore.get(lib.ids['L1-01']));
      expect(rows.get(lib.ids['C1-01'])).toEqual(rowsBefore.get(lib.ids['C1-01']));
      // Its links were rewritten from the new codes.
      expect(linksOf(db, lib.ids['L2-01'])).toEqual([{ kind: 'progression', to: lib.ids['L1-01'] }]);
      // The old name is gone from the search index, the new one is there.
      expect(db.prepare("SELECT count(*) FROM exercise_fts WHERE exercise_fts MATCH 'name:arms'").pluck().get()).toBe(1);
    } finally {
      closeDatabase(db);
    }

    const after = await bootTestServices({ dataDir, seedDir: lib.seed(2, v2Entries), now: () => T3 });
    expect(await call(after.ctx, 'library.get', { id: copy.id })).toEqual(copyBefore);
    expect(copyBefore.text.name).toBe('Bird dog (copy)');
    const found = await call(after.ctx, 'library.search', { query: 'bird dog' });
    expect(found.items.map((i) => i.name).sort()).toEqual(['Bird dog (copy)', 'Bird dog, arms only']);
  });

  it('archives a built-in the new library no longer ships, without deleting it', async () => {
    const dataDir = tempDir();
    const lib = library();
    const v1 = await bootTestServices({ dataDir, seedDir: lib.seed(1, V1), now: () => T1 });
    // A clinic exercise links to the built-in that will be retired.
    const own = await call(v1.ctx, 'library.create', { draft: sampleDraft({ regressionIds: [lib.ids['C1-01']] }) });
    v1.close();

    const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
    try {
      const report = syncBuiltins(
        db,
        lib.seed(
          2,
          V1.filter((e) => e.code !== 'C1-01'),
        ),
        T2,
      );
      expect(report).toEqual({ seedVersion: 2, added: 0, updated: 0, retired: 1, skipped: false });
      const retired = builtins(db).get(lib.ids['C1-01'])!;
      expect(retired).toMatchObject({ code: 'C1-01', name: 'Chin nod', archived_at: T2.toISOString() });
      expect(builtins(db).get(lib.ids['L1-01'])!.archived_at).toBeNull();
    } finally {
      closeDatabase(db);
    }

    const v2 = await bootTestServices({
      dataDir,
      seedDir: lib.seed(
        2,
        V1.filter((e) => e.code !== 'C1-01'),
      ),
      now: () => T3,
    });
    const got = await call(v2.ctx, 'library.get', { id: lib.ids['C1-01'] });
    expect(got.archived).toBe(true);
    const linking = await call(v2.ctx, 'library.get', { id: own.id });
    expect(linking.regressions).toEqual([{ id: lib.ids['C1-01'], name: 'Chin nod', stage: 1, archived: true }]);
    expect((await call(v2.ctx, 'library.search', { query: 'chin' })).items).toEqual([]);
    expect((await call(v2.ctx, 'library.search', { query: 'chin', filters: { includeArchived: true } })).items).toHaveLength(1);
  });

  it('brings a retired built-in back when a later library ships it again', async () => {
    const { db } = await migratedDb();
    const lib = library();
    try {
      syncBuiltins(db, lib.seed(1, V1), T1);
      syncBuiltins(
        db,
        lib.seed(
          2,
          V1.filter((e) => e.code !== 'C1-01'),
        ),
        T2,
      );
      expect(builtins(db).get(lib.ids['C1-01'])!.archived_at).not.toBeNull();
      const report = syncBuiltins(db, lib.seed(3, V1), T3);
      expect(report.retired).toBe(0);
      expect(builtins(db).get(lib.ids['C1-01'])!.archived_at).toBeNull();
    } finally {
      closeDatabase(db);
    }
  });

  it('accepts a new built-in that reuses the code of a retired one', async () => {
    const { db } = await migratedDb();
    const first = library();
    try {
      syncBuiltins(db, first.seed(1, V1), T1);
      const oldChinNod = first.ids['C1-01'];
      // Release 2 replaces Chin nod by a different exercise (new id) under the same code.
      const second = library();
      second.ids['L1-01'] = first.ids['L1-01'];
      second.ids['L2-01'] = first.ids['L2-01'];
      const report = syncBuiltins(db, second.seed(2, [...V1.slice(0, 2), { code: 'C1-01', name: 'Supine chin tuck' }]), T2);
      expect(report).toMatchObject({ added: 1, retired: 1 });
      const rows = builtins(db);
      expect(rows.get(second.ids['C1-01'])).toMatchObject({ code: 'C1-01', name: 'Supine chin tuck', archived_at: null });
      expect(rows.get(oldChinNod)!.archived_at).toBe(T2.toISOString());
    } finally {
      closeDatabase(db);
    }
  });

  it("upgrades an installed copy of the shipped library in place; the clinic's own exercise and copies stay as they were", async () => {
    // The installed library: the shipped one one release back (every version one lower, and the
    // exercises this release adds not there yet, with links to them dropped).
    const shipped = path.join(repoRoot, 'resources', 'seed');
    const older = tempDir('loadwise-seed-older-');
    fs.cpSync(shipped, older, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(older, 'manifest.json'), 'utf8')) as { seedVersion: number; files: string[] };
    const removed = new Set<string>();
    const kept = manifest.files.filter((file) => !NEW_IN_THIS_RELEASE_FILES.includes(file));
    for (const file of manifest.files) {
      const body = JSON.parse(fs.readFileSync(path.join(older, 'exercises', file), 'utf8')) as {
        exercises: { code: string; contentVersion: number; progressions: string[]; regressions: string[] }[];
      };
      if (!kept.includes(file)) body.exercises.forEach((e) => removed.add(e.code));
      body.exercises = body.exercises.filter((e) => !NEW_IN_THIS_RELEASE.includes(e.code));
      fs.writeFileSync(path.join(older, 'exercises', file), JSON.stringify(body));
    }
    NEW_IN_THIS_RELEASE.forEach((c) => removed.add(c));
    for (const file of kept) {
      const body = JSON.parse(fs.readFileSync(path.join(older, 'exercises', file), 'utf8')) as {
        exercises: { code: string; contentVersion: number; progressions: string[]; regressions: string[] }[];
      };
      for (const e of body.exercises) {
        e.contentVersion = Math.max(1, e.contentVersion - 1);
        e.progressions = e.progressions.filter((c) => !removed.has(c));
        e.regressions = e.regressions.filter((c) => !removed.has(c));
      }
      fs.writeFileSync(path.join(older, 'exercises', file), JSON.stringify(body));
    }
    fs.writeFileSync(path.join(older, 'manifest.json'), JSON.stringify({ seedVersion: manifest.seedVersion - 1, files: kept }));

    const dataDir = tempDir();
    const before = await bootTestServices({ dataDir, seedDir: older, now: () => T1 });
    const builtinIds = [...builtins(before.ctx.db).values()].map((r) => r.id);
    const installed = builtinIds.length;
    const someBuiltin = builtinIds[0];
    const copy = await call(before.ctx, 'library.duplicate', { id: someBuiltin });
    const own = await call(before.ctx, 'library.create', { draft: sampleDraft() });
    const copyBefore = await call(before.ctx, 'library.get', { id: copy.id });
    const ownBefore = await call(before.ctx, 'library.get', { id: own.id });
    before.close();

    const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
    let shippedCount = 0;
    try {
      const report = syncBuiltins(db, shipped, T2);
      shippedCount = builtins(db).size;
      expect(report).toMatchObject({ seedVersion: manifest.seedVersion, retired: 0, skipped: false });
      expect(report.updated).toBe(installed);
      expect(report.added).toBe(shippedCount - installed);
      expect(db.prepare("SELECT count(*) FROM exercises WHERE origin = 'builtin' AND updated_at <> ?").pluck().get(T2.toISOString())).toBe(
        0,
      );
      // Every built-in now carries this release's sources, graded.
      expect(db.prepare('SELECT count(*) FROM exercise_sources WHERE evidence_level IS NOT NULL').pluck().get()).toBeGreaterThan(200);
    } finally {
      closeDatabase(db);
    }
    const after = await bootTestServices({ dataDir, seedDir: shipped, now: () => T3 });
    expect(await call(after.ctx, 'library.get', { id: copy.id })).toEqual(copyBefore);
    expect(await call(after.ctx, 'library.get', { id: own.id })).toEqual(ownBefore);
    expect(builtins(after.ctx.db).size).toBe(shippedCount);
  });

  describe('an invalid library', () => {
    function brokenSeed(lib: ReturnType<typeof library>): string {
      const dir = lib.seed(2, [
        { code: 'L1-01', name: 'Deep tummy draw-in' },
        { code: 'L1-02', name: 'Heel slide' },
        { code: 'L2-01', name: 'Bird dog', progressions: ['L3-99'] },
        { code: 'C1-01', name: 'Chin nod' },
        { code: 'C1-02', name: 'Neck rotation' },
      ]);
      const edit = (file: string, fn: (body: { exercises: Record<string, any>[] }) => void): void => {
        const p = path.join(dir, 'exercises', file);
        const body = JSON.parse(fs.readFileSync(p, 'utf8'));
        fn(body);
        fs.writeFileSync(p, JSON.stringify(body));
      };
      edit('lumbar-1.json', (b) => {
        b.exercises[0].dosage.sets = 0; // bad field
        b.exercises[1].text.steps = []; // another, in the same file
      });
      edit('cervical-1.json', (b) => {
        b.exercises[1].code = 'C1-01'; // duplicate code
      });
      return dir;
    }

    it('is refused with a SeedError listing every problem with its file and path', async () => {
      const { db } = await migratedDb();
      const lib = library();
      try {
        syncBuiltins(db, lib.seed(1, V1), T1);
        let err: unknown;
        try {
          syncBuiltins(db, brokenSeed(lib), T2);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(SeedError);
        const problems = (err as SeedError).problems;
        const all = problems.join('\n');
        expect(all).toMatch(/lumbar-1\.json: exercises\.0\.dosage\.sets: /);
        expect(all).toMatch(/lumbar-1\.json: exercises\.1\.text\.steps: /);
        expect(all).toMatch(/lumbar-2\.json: .*L2-01.*progressions.*L3-99/);
        expect(all).toMatch(/cervical-1\.json: .*C1-01.*code used twice/);
        // Every line says which file it is about.
        for (const p of problems) expect(p).toMatch(/^[a-z0-9-]+\.json: /);
        expect((err as SeedError).message).toContain(`${problems.length} problem(s)`);
        for (const p of problems) expect((err as SeedError).message).toContain(p);
      } finally {
        closeDatabase(db);
      }
    });

    it('leaves the database exactly as it was, and makes boot fail', async () => {
      const dataDir = tempDir();
      const lib = library();
      const v1 = await bootTestServices({ dataDir, seedDir: lib.seed(1, V1), now: () => T1 });
      const before = dump(v1.ctx.db);
      v1.close();

      await expect(bootTestServices({ dataDir, seedDir: brokenSeed(lib), now: () => T2 })).rejects.toBeInstanceOf(SeedError);

      const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
      try {
        expect(dump(db)).toEqual(before);
      } finally {
        closeDatabase(db);
      }
    });

    it('reports a broken manifest', () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ seedVersion: 0, files: ['../etc.json'], extra: true }));
      let err: unknown;
      try {
        syncBuiltins(null as unknown as DB, dir, T1);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SeedError);
      const all = (err as SeedError).problems.join('\n');
      expect(all).toMatch(/manifest\.json: seedVersion: /);
      expect(all).toMatch(/manifest\.json: files\.0: /);
      expect(all).toMatch(/manifest\.json: .*extra/);
    });
  });
});
