// A clinician's shortlists (migration 0003): favourite exercises and the ones opened last.
import type { DB } from '../open';
import { stmt } from '../statements';
import { DEFAULT_LOCALE } from './exercises';

/** How many recently opened exercises are kept. */
export const RECENT_KEPT = 8;

export interface ShortlistRow {
  id: string;
  name: string;
  stage: number;
  archived: boolean;
}

const ROW = `SELECT e.id, t.name, e.stage, e.archived_at IS NOT NULL AS archived
  FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq AND t.locale = '${DEFAULT_LOCALE}'`;

export function setFavourite(db: DB, exerciseSeq: number, favourite: boolean, at: string): void {
  if (favourite) stmt(db, 'INSERT OR IGNORE INTO favourites (exercise_seq, added_at) VALUES (?, ?)').run(exerciseSeq, at);
  else stmt(db, 'DELETE FROM favourites WHERE exercise_seq = ?').run(exerciseSeq);
}

/** Favourites by name. */
export function listFavourites(db: DB): ShortlistRow[] {
  const rows = stmt(db, `${ROW} JOIN favourites f ON f.exercise_seq = e.seq ORDER BY e.sort_key`).all() as ShortlistRow[];
  return rows.map((r) => ({ ...r, archived: Boolean(r.archived) }));
}

/** Notes an exercise as opened now, keeping only the newest RECENT_KEPT. */
export function noteOpened(db: DB, exerciseSeq: number, at: string): void {
  stmt(
    db,
    'INSERT INTO recently_opened (exercise_seq, opened_at) VALUES (?, ?) ON CONFLICT (exercise_seq) DO UPDATE SET opened_at = excluded.opened_at',
  ).run(exerciseSeq, at);
  stmt(
    db,
    'DELETE FROM recently_opened WHERE exercise_seq NOT IN (SELECT exercise_seq FROM recently_opened ORDER BY opened_at DESC, exercise_seq DESC LIMIT ?)',
  ).run(RECENT_KEPT);
}

/** Newest first. */
export function listRecent(db: DB): ShortlistRow[] {
  const rows = stmt(
    db,
    `${ROW} JOIN recently_opened r ON r.exercise_seq = e.seq ORDER BY r.opened_at DESC, r.exercise_seq DESC`,
  ).all() as ShortlistRow[];
  return rows.map((r) => ({ ...r, archived: Boolean(r.archived) }));
}
