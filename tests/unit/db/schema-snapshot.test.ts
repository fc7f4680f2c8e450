// The committed schema snapshot: a freshly migrated database must have exactly the schema recorded
// in db/schema-snapshot.json, so an edited old migration (instead of a new one) fails here.
// Regenerate after adding a migration with: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/unit/db/schema-snapshot.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations/index';
import { closeDatabase, DB_FILE_NAME, openDatabase, type DB } from '../../../db/open';
import { tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const SNAPSHOT_FILE = path.join(repoRoot, 'db/schema-snapshot.json');
const CHANGED = 'schema changed: add a new migration instead of editing an old one, then update db/schema-snapshot.json';

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/**
 * Every object in sqlite_schema except SQLite's own (sqlite_%: autoindexes, sqlite_sequence,
 * sqlite_stat*) and the shadow tables FTS5 creates for a virtual table; those follow from the
 * virtual table's own CREATE statement, which is recorded, and their layout belongs to SQLite.
 */
function schemaObjects(db: DB): SchemaObject[] {
  const shadow = new Set(
    db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'").pluck().all() as string[],
  );
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").all() as SchemaObject[];
  return rows
    .filter((r) => !shadow.has(r.name))
    .map((r) => ({ type: r.type, name: r.name, sql: r.sql }))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function freshSchema(): Promise<{ objects: SchemaObject[]; shadowCount: number; version: number }> {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, DB_FILE_NAME));
  try {
    await migrate(db, dir);
    const shadowCount = db
      .prepare("SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'")
      .pluck()
      .get() as number;
    return { objects: schemaObjects(db), shadowCount, version: db.pragma('user_version', { simple: true }) as number };
  } finally {
    closeDatabase(db);
  }
}

describe('schema snapshot', () => {
  it('matches db/schema-snapshot.json after a fresh migrate', async () => {
    const { objects } = await freshSchema();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      fs.writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(objects, null, 2)}\n`);
      return;
    }
    expect(fs.existsSync(SNAPSHOT_FILE), `${CHANGED} (db/schema-snapshot.json is missing)`).toBe(true);
    const recorded = JSON.parse(fs.readFileSync(SNAPSHOT_FILE, 'utf8')) as SchemaObject[];
    expect(objects, `${CHANGED} (UPDATE_SCHEMA_SNAPSHOT=1 rewrites it)`).toEqual(recorded);
  });

  it('is taken at the latest schema version and leaves FTS shadow tables out consistently', async () => {
    const { objects, shadowCount, version } = await freshSchema();
    expect(version).toBe(MIGRATIONS.length);
    // The filter really removed something (so it is exercised), and kept the virtual tables.
    expect(shadowCount).toBeGreaterThan(0);
    expect(objects.some((o) => o.name === 'exercise_fts_data' || o.name === 'exercise_fts_idx')).toBe(false);
    expect(objects.find((o) => o.name === 'exercise_fts')?.sql).toMatch(/VIRTUAL TABLE/i);
    expect(objects.find((o) => o.name === 'exercise_fts_vocab')?.sql).toMatch(/fts5vocab/i);
    expect(objects.every((o) => !o.name.startsWith('sqlite_'))).toBe(true);
  });

  it('the committed snapshot is sorted and names each object once', () => {
    const recorded = JSON.parse(fs.readFileSync(SNAPSHOT_FILE, 'utf8')) as SchemaObject[];
    const keys = recorded.map((o) => `${o.type}\u0000${o.name}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(recorded.map((o) => o.name)).size).toBe(recorded.length);
  });
});
