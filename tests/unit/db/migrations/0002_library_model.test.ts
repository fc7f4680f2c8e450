// Upgrading a first-version library (schema 1) to the model with clinical names and locks: every
// "avoid early" becomes its locked, conservative equivalent, nothing else changes meaning, the
// clinical name starts as the patient name, and search finds the new words at once.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../db/migrate';
import { MIGRATIONS } from '../../../../db/migrations/index';
import { closeDatabase, DB_FILE_NAME, openDatabase, type DB } from '../../../../db/open';
import { readExercise } from '../../../../db/queries/exercises';
import { LibrarySearch } from '../../../../db/queries/search';
import { SearchFiltersSchema } from '../../../../common/domain/search';
import { tempDir } from '../../../support/fixtures';

/** A schema-1 database with one exercise written the way the first version wrote it. */
async function firstVersionDatabase(): Promise<{ db: DB; dir: string }> {
  const dir = tempDir('loadwise-m2-');
  const db = openDatabase(path.join(dir, DB_FILE_NAME));
  await migrate(db, dir, MIGRATIONS.slice(0, 1));
  const seq = Number(
    db
      .prepare(
        `INSERT INTO exercises (id, code, origin, content_version, stage, region, position, dosage, clinician_notes, sort_key, created_at, updated_at)
         VALUES ('11111111-1111-4111-8111-111111111111', NULL, 'clinic', 3, 2, 'lumbar', 'quadruped',
                 '{"sets":3,"reps":8,"repsMax":null,"holdSeconds":null,"durationSeconds":null,"restSeconds":null,"sessionsPerDay":1,"daysPerWeek":5,"load":null,"side":"both","tempo":null}',
                 'Watch for lumbar flexion', '2 reach and hold', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run().lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO exercise_text (exercise_seq, locale, name, summary, starting_position, steps, cues, mistakes, precautions)
     VALUES (?, 'en', 'Reach and hold', 'Steady back while you reach.', 'On hands and knees.', '["Reach."]', '[]', '[]', '[]')`,
  ).run(seq);
  db.prepare("INSERT INTO exercise_equipment (exercise_seq, equipment, position) VALUES (?, 'mat', 0)").run(seq);
  const rating = db.prepare(
    'INSERT INTO exercise_suitability (exercise_seq, generator, rating, earliest_week, note) VALUES (?, ?, ?, ?, ?)',
  );
  rating.run(seq, 'disc', 'suits', null, null);
  rating.run(seq, 'instability', 'modify', null, 'Smaller range.');
  rating.run(seq, 'nerve', 'caution', null, null);
  rating.run(seq, 'post-decompression', 'suits', 6, null);
  rating.run(seq, 'post-fusion', 'avoid-early', 12, 'No end range.');
  rating.run(seq, 'post-acdf', 'avoid-early', null, 'Until the wound has healed.');
  rating.run(seq, 'scs', 'modify', 8, null);
  db.prepare("INSERT INTO exercise_fts (rowid, name, body, tags) VALUES (?, 'Reach and hold', 'Steady back while you reach.', '')").run(
    seq,
  );
  return { db, dir };
}

describe('migration 2: clinical names and suitability locks', () => {
  it('maps every rating to its locked equivalent and keeps the rest', async () => {
    const { db, dir } = await firstVersionDatabase();
    const result = await migrate(db, dir);
    expect(result.from).toBe(1);
    expect(result.to).toBeGreaterThanOrEqual(2);
    const ex = readExercise(db, '11111111-1111-4111-8111-111111111111')!;
    expect(ex.suitability).toEqual({
      disc: { rating: 'suits', lock: 'none', earliestWeek: null, note: null },
      instability: { rating: 'modify', lock: 'none', earliestWeek: null, note: 'Smaller range.' },
      nerve: { rating: 'caution', lock: 'none', earliestWeek: null, note: null },
      'post-decompression': { rating: 'suits', lock: 'week', earliestWeek: 6, note: null },
      'post-fusion': { rating: 'caution', lock: 'week', earliestWeek: 12, note: 'No end range.' },
      'post-acdf': { rating: 'avoid', lock: 'criterion', earliestWeek: null, note: 'Until the wound has healed.' },
      scs: { rating: 'modify', lock: 'week', earliestWeek: 8, note: null },
    });
    expect(ex.clinicalName).toBe('Reach and hold');
    expect(ex.aliases).toEqual([]);
    expect(ex.contentVersion).toBe(3);
    closeDatabase(db);
  });

  it('refuses what the new checks forbid: a week lock without its week, a locked "not rated"', async () => {
    const { db, dir } = await firstVersionDatabase();
    await migrate(db, dir);
    const insert = db.prepare(
      'INSERT INTO exercise_suitability (exercise_seq, generator, rating, lock_type, earliest_week, note) VALUES (1, ?, ?, ?, ?, NULL)',
    );
    db.prepare("DELETE FROM exercise_suitability WHERE generator = 'disc'").run();
    expect(() => insert.run('disc', 'suits', 'week', null)).toThrow(/CHECK/);
    expect(() => insert.run('disc', 'suits', 'none', 4)).toThrow(/CHECK/);
    expect(() => insert.run('disc', 'not-rated', 'criterion', null)).toThrow(/CHECK/);
    expect(() => insert.run('disc', 'avoid-early', 'none', null)).toThrow(/CHECK/);
    insert.run('disc', 'not-rated', 'none', null);
    closeDatabase(db);
  });

  it('re-indexes every exercise so its clinician notes and the words for its position are found', async () => {
    const { db, dir } = await firstVersionDatabase();
    await migrate(db, dir);
    const search = new LibrarySearch(db);
    const find = (query: string) =>
      search.search({ query, filters: SearchFiltersSchema.parse({}), limit: 10, offset: 0 }).items.map((i) => i.name);
    expect(find('flexion')).toEqual(['Reach and hold']);
    expect(find('quadruped')).toEqual(['Reach and hold']);
    expect(find('hands and knees')).toEqual(['Reach and hold']);
    expect(find('reach')).toEqual(['Reach and hold']);
    closeDatabase(db);
  });
});
