// Reads and writes one exercise across its tables and keeps the full-text index in step. Callers
// wrap writes in a transaction; nothing here commits on its own.
import type { DB } from '../open';
import { stmt } from '../statements';
import type { EvidenceLevel, Generator, Locale, LockType, Origin, Stage } from '../../common/domain/vocabulary';
import { EQUIPMENT_LABELS, POSITION_LABELS, REGION_LABELS } from '../../common/copy/en';
import type {
  Dosage,
  Exercise,
  ExerciseDraft,
  ExercisePhoto,
  ExerciseText,
  LinkedExercise,
  Source,
  SuitabilityMap,
} from '../../common/domain/exercise';

export interface ExerciseIdentity {
  id: string;
  code: string | null;
  origin: Origin;
  originBundleId: string | null;
  originBundleName: string | null;
  basedOnId: string | null;
  contentVersion: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface ExerciseRow {
  seq: number;
  id: string;
  code: string | null;
  origin: Origin;
  origin_bundle_id: string | null;
  origin_bundle_name: string | null;
  based_on_id: string | null;
  content_version: number;
  clinical_name: string;
  /** JSON array of strings. */
  aliases: string;
  stage: 1 | 2 | 3 | 4;
  /** JSON array of the other stages; absent before migration 10 (read inside earlier migrations). */
  also_stages?: string;
  region: Exercise['region'];
  position: Exercise['position'];
  dosage: string;
  clinician_notes: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The locale built-in and clinic text is written in; other locales are translations of it. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Exercises list by stage, then name: the key starts with the stage digit. */
export function sortKey(stage: number, name: string): string {
  return `${stage} ${name.toLocaleLowerCase('en')}`;
}

/** The sort-key range that holds the given stages, so an index scan can seek to the first. */
export function sortKeyRange(stages: readonly number[]): { from: string; below: string } {
  return { from: `${Math.min(...stages)} `, below: `${Math.max(...stages) + 1}` };
}

export type IndexedDraft = Pick<
  ExerciseDraft,
  'text' | 'tags' | 'clinicalName' | 'aliases' | 'clinicianNotes' | 'region' | 'position' | 'equipment'
>;

/**
 * The words the full-text index holds for one exercise, by column. The name column (weighted
 * highest) holds every name a clinician or patient calls it by: the patient name, the clinical
 * name, the aliases and the code ("L2-03" is indexed as "l2 03", and typed the same way). The body
 * holds the patient text, the clinician notes and the words for its region, position and
 * equipment, both as stored ("quadruped", "resistance-band") and as shown ("Hands and knees").
 */
export function ftsColumns(draft: IndexedDraft, code: string | null = null): { name: string; body: string; tags: string } {
  const t = draft.text;
  return {
    name: [t.name, draft.clinicalName, ...draft.aliases, code ?? ''].filter(Boolean).join('\n'),
    body: [
      t.summary,
      t.startingPosition,
      ...t.steps,
      ...t.cues,
      draft.clinicianNotes ?? '',
      draft.region,
      REGION_LABELS[draft.region],
      draft.position,
      POSITION_LABELS[draft.position],
      ...draft.equipment.flatMap((e) => [e, EQUIPMENT_LABELS[e]]),
    ]
      .filter(Boolean)
      .join('\n'),
    tags: draft.tags.join('\n'),
  };
}

export function findSeq(db: DB, id: string): number | null {
  const row = stmt(db, 'SELECT seq FROM exercises WHERE id = ?').get(id) as { seq: number } | undefined;
  return row?.seq ?? null;
}

export function readRow(db: DB, id: string): ExerciseRow | null {
  return (stmt(db, 'SELECT * FROM exercises WHERE id = ?').get(id) as ExerciseRow | undefined) ?? null;
}

/** The other stages as stored: once each, in order, never the primary stage. */
export function alsoStagesOf(draft: Pick<ExerciseDraft, 'stage' | 'alsoStages'>): Stage[] {
  return [...new Set(draft.alsoStages ?? [])].filter((s) => s !== draft.stage).sort();
}

/** Inserts a new exercise or replaces every part of an existing one with the same id. */
export function writeExercise(db: DB, identity: ExerciseIdentity, draft: Omit<ExerciseDraft, 'progressionIds' | 'regressionIds'>): number {
  const existing = findSeq(db, identity.id);
  const params = {
    id: identity.id,
    code: identity.code,
    origin: identity.origin,
    origin_bundle_id: identity.originBundleId,
    origin_bundle_name: identity.originBundleName,
    based_on_id: identity.basedOnId,
    content_version: identity.contentVersion,
    clinical_name: draft.clinicalName,
    aliases: JSON.stringify(draft.aliases),
    stage: draft.stage,
    also_stages: JSON.stringify(alsoStagesOf(draft)),
    region: draft.region,
    position: draft.position,
    dosage: JSON.stringify(draft.dosage),
    clinician_notes: draft.clinicianNotes,
    sort_key: sortKey(draft.stage, draft.text.name),
    archived_at: identity.archivedAt,
    created_at: identity.createdAt,
    updated_at: identity.updatedAt,
  };
  let seq: number;
  if (existing === null) {
    seq = Number(
      stmt(
        db,
        `INSERT INTO exercises (id, code, origin, origin_bundle_id, origin_bundle_name, based_on_id, content_version,
             clinical_name, aliases, stage, also_stages, region, position, dosage, clinician_notes, sort_key, archived_at, created_at, updated_at)
           VALUES (@id, @code, @origin, @origin_bundle_id, @origin_bundle_name, @based_on_id, @content_version,
             @clinical_name, @aliases, @stage, @also_stages, @region, @position, @dosage, @clinician_notes, @sort_key, @archived_at,
             @created_at, @updated_at)`,
      ).run(params).lastInsertRowid,
    );
  } else {
    seq = existing;
    stmt(
      db,
      `UPDATE exercises SET code = @code, origin = @origin, origin_bundle_id = @origin_bundle_id,
         origin_bundle_name = @origin_bundle_name, based_on_id = @based_on_id, content_version = @content_version,
         clinical_name = @clinical_name, aliases = @aliases, stage = @stage, also_stages = @also_stages, region = @region, position = @position, dosage = @dosage, clinician_notes = @clinician_notes,
         sort_key = @sort_key, archived_at = @archived_at, created_at = @created_at, updated_at = @updated_at
       WHERE seq = @seq`,
    ).run({ ...params, seq });
    for (const table of ['exercise_equipment', 'exercise_suitability', 'exercise_tags', 'exercise_sources']) {
      stmt(db, `DELETE FROM ${table} WHERE exercise_seq = ?`).run(seq);
    }
    stmt(db, 'DELETE FROM exercise_text WHERE exercise_seq = ? AND locale = ?').run(seq, DEFAULT_LOCALE);
    stmt(db, 'DELETE FROM exercise_fts WHERE rowid = ?').run(seq);
  }

  insertText(db, seq, DEFAULT_LOCALE, draft.text);
  const eq = stmt(db, 'INSERT INTO exercise_equipment (exercise_seq, equipment, position) VALUES (?, ?, ?)');
  [...new Set(draft.equipment)].forEach((e, i) => eq.run(seq, e, i));
  const suit = stmt(
    db,
    'INSERT INTO exercise_suitability (exercise_seq, generator, rating, lock_type, earliest_week, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [generator, s] of Object.entries(draft.suitability)) suit.run(seq, generator, s.rating, s.lock, s.earliestWeek, s.note);
  const tag = stmt(db, 'INSERT OR IGNORE INTO exercise_tags (exercise_seq, tag) VALUES (?, ?)');
  for (const tagText of draft.tags) tag.run(seq, tagText);
  const src = stmt(
    db,
    'INSERT INTO exercise_sources (exercise_seq, position, citation, url, evidence_level, doi, pmid) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  draft.sources.forEach((s, i) => src.run(seq, i, s.citation, s.url, s.evidenceLevel ?? null, s.doi ?? null, s.pmid ?? null));
  const fts = ftsColumns(draft, identity.code);
  stmt(db, 'INSERT INTO exercise_fts (rowid, name, body, tags) VALUES (?, ?, ?, ?)').run(seq, fts.name, fts.body, fts.tags);
  return seq;
}

interface SourceRow {
  citation: string;
  url: string | null;
  /** Absent before migration 4. */
  evidence_level?: EvidenceLevel | null;
  doi?: string | null;
  pmid?: string | null;
}

/** A source as the contract carries it: the optional grading fields only where they are set. */
function sourceFromRow(r: SourceRow): Source {
  return {
    citation: r.citation,
    url: r.url,
    ...(r.evidence_level != null && { evidenceLevel: r.evidence_level }),
    ...(r.doi != null && { doi: r.doi }),
    ...(r.pmid != null && { pmid: r.pmid }),
  };
}

/** Rebuilds the full-text index row of every exercise from its stored parts (a migration step). */
export function reindexAll(db: DB): number {
  const ids = stmt(db, 'SELECT id FROM exercises').pluck().all() as string[];
  const insert = stmt(db, 'INSERT INTO exercise_fts (rowid, name, body, tags) VALUES (?, ?, ?, ?)');
  for (const id of ids) {
    const ex = readExercise(db, id)!;
    const fts = ftsColumns(ex, ex.code);
    stmt(db, 'DELETE FROM exercise_fts WHERE rowid = ?').run(findSeq(db, id));
    insert.run(findSeq(db, id), fts.name, fts.body, fts.tags);
  }
  return ids.length;
}

/** Replaces the progression and regression links of one exercise. Unknown ids are reported. */
export function writeLinks(db: DB, seq: number, progressionIds: string[], regressionIds: string[]): string[] {
  stmt(db, 'DELETE FROM exercise_links WHERE from_seq = ?').run(seq);
  const insert = stmt(db, 'INSERT OR IGNORE INTO exercise_links (from_seq, kind, to_seq, position) VALUES (?, ?, ?, ?)');
  const missing: string[] = [];
  for (const [kind, ids] of [
    ['progression', progressionIds],
    ['regression', regressionIds],
  ] as const) {
    ids.forEach((id, i) => {
      const to = findSeq(db, id);
      if (to === null) missing.push(id);
      else if (to !== seq) insert.run(seq, kind, to, i);
    });
  }
  return missing;
}

export function setArchived(db: DB, seq: number, archivedAt: string | null, updatedAt: string): void {
  stmt(db, 'UPDATE exercises SET archived_at = ?, updated_at = ? WHERE seq = ?').run(archivedAt, updatedAt, seq);
}

export interface TextRow {
  name: string;
  summary: string;
  starting_position: string;
  steps: string;
  cues: string;
  mistakes: string;
  precautions: string;
}

/** One locale's text of an exercise (the row must not exist yet). */
export function insertText(db: DB, seq: number, locale: Locale, t: ExerciseText): void {
  stmt(
    db,
    `INSERT INTO exercise_text (exercise_seq, locale, name, summary, starting_position, steps, cues, mistakes, precautions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    seq,
    locale,
    t.name,
    t.summary,
    t.startingPosition,
    JSON.stringify(t.steps),
    JSON.stringify(t.cues),
    JSON.stringify(t.mistakes),
    JSON.stringify(t.precautions),
  );
}

/** A text row as the contract carries it. */
export function textFromRow(text: TextRow): ExerciseText {
  return {
    name: text.name,
    summary: text.summary,
    startingPosition: text.starting_position,
    steps: JSON.parse(text.steps) as string[],
    cues: JSON.parse(text.cues) as string[],
    mistakes: JSON.parse(text.mistakes) as string[],
    precautions: JSON.parse(text.precautions) as string[],
  };
}

export function readExercise(db: DB, id: string, locale: Locale = DEFAULT_LOCALE): Exercise | null {
  const row = readRow(db, id);
  if (!row) return null;
  const seq = row.seq;
  const text = (stmt(db, 'SELECT * FROM exercise_text WHERE exercise_seq = ? AND locale = ?').get(seq, locale) ??
    stmt(db, 'SELECT * FROM exercise_text WHERE exercise_seq = ? AND locale = ?').get(seq, DEFAULT_LOCALE)) as TextRow;
  const equipment = stmt(db, 'SELECT equipment FROM exercise_equipment WHERE exercise_seq = ? ORDER BY position')
    .pluck()
    .all(seq) as Exercise['equipment'];
  const suitability = {} as SuitabilityMap;
  for (const s of stmt(db, 'SELECT generator, rating, lock_type, earliest_week, note FROM exercise_suitability WHERE exercise_seq = ?').all(
    seq,
  ) as {
    generator: Generator;
    rating: SuitabilityMap[Generator]['rating'];
    lock_type: LockType;
    earliest_week: number | null;
    note: string | null;
  }[]) {
    suitability[s.generator] = { rating: s.rating, lock: s.lock_type, earliestWeek: s.earliest_week, note: s.note };
  }
  const tags = stmt(db, 'SELECT tag FROM exercise_tags WHERE exercise_seq = ? ORDER BY tag').pluck().all(seq) as string[];
  const sources =
    // Every column, so the read also works inside earlier migrations' code steps (reindexAll), before the grading columns exist.
    (stmt(db, 'SELECT * FROM exercise_sources WHERE exercise_seq = ? ORDER BY position').all(seq) as SourceRow[]).map(sourceFromRow);
  const links = stmt(
    db,
    `SELECT l.kind, e.id, e.stage, e.archived_at, t.name FROM exercise_links l
       JOIN exercises e ON e.seq = l.to_seq
       JOIN exercise_text t ON t.exercise_seq = e.seq AND t.locale = ?
       WHERE l.from_seq = ? ORDER BY l.kind, l.position`,
  ).all(locale, seq) as {
    kind: 'progression' | 'regression';
    id: string;
    stage: 1 | 2 | 3 | 4;
    archived_at: string | null;
    name: string;
  }[];
  const toLinked = (k: string): LinkedExercise[] =>
    links.filter((l) => l.kind === k).map((l) => ({ id: l.id, name: l.name, stage: l.stage, archived: l.archived_at !== null }));
  const photos = stmt(
    db,
    `SELECT m.sha256, m.mime, m.width, m.height, m.bytes, em.caption FROM exercise_media em
       JOIN media m ON m.sha256 = em.sha256 WHERE em.exercise_seq = ? ORDER BY em.position`,
  ).all(seq) as ExercisePhoto[];
  return {
    id: row.id,
    code: row.code,
    origin: row.origin,
    originBundleName: row.origin_bundle_name,
    basedOnId: row.based_on_id,
    contentVersion: row.content_version,
    locale,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    clinicalName: row.clinical_name,
    aliases: JSON.parse(row.aliases) as string[],
    stage: row.stage,
    alsoStages: JSON.parse(row.also_stages ?? '[]') as Stage[],
    region: row.region,
    position: row.position,
    equipment,
    text: textFromRow(text),
    dosage: JSON.parse(row.dosage) as Dosage,
    suitability,
    tags,
    sources,
    clinicianNotes: row.clinician_notes,
    progressions: toLinked('progression'),
    regressions: toLinked('regression'),
    photos,
  };
}

/** The draft an exercise would be saved from: what duplicate and edit start with. */
export function toDraft(ex: Exercise): ExerciseDraft {
  return {
    clinicalName: ex.clinicalName,
    aliases: ex.aliases,
    stage: ex.stage,
    alsoStages: ex.alsoStages ?? [],
    region: ex.region,
    position: ex.position,
    equipment: ex.equipment,
    text: ex.text,
    dosage: ex.dosage,
    suitability: ex.suitability,
    tags: ex.tags,
    sources: ex.sources,
    progressionIds: ex.progressions.map((p) => p.id),
    regressionIds: ex.regressions.map((r) => r.id),
    clinicianNotes: ex.clinicianNotes,
  };
}

/** Exercises a clinician can choose from (not archived). */
export function countExercises(db: DB): number {
  return (stmt(db, 'SELECT count(*) AS n FROM exercises WHERE archived_at IS NULL').get() as { n: number }).n;
}

/** A change that is not a text edit (a photo added or removed) still makes a new version. */
export function bumpContentVersion(db: DB, seq: number, updatedAt: string): void {
  stmt(db, 'UPDATE exercises SET content_version = content_version + 1, updated_at = ? WHERE seq = ?').run(updatedAt, seq);
}
