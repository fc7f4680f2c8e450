// The editor's unsaved drafts (table `drafts`, migration 0003): one row per editor key.
import type { DB } from '../open';
import { stmt } from '../statements';

export interface DraftRow {
  key: string;
  exerciseId: string | null;
  baseContentVersion: number | null;
  /** The form as JSON text. */
  form: string;
  updatedAt: string;
}

const COLUMNS = 'key, exercise_id AS exerciseId, base_content_version AS baseContentVersion, form, updated_at AS updatedAt';

export function upsertDraft(db: DB, row: DraftRow): void {
  stmt(
    db,
    `INSERT INTO drafts (key, exercise_id, base_content_version, form, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET exercise_id = excluded.exercise_id,
       base_content_version = excluded.base_content_version, form = excluded.form, updated_at = excluded.updated_at`,
  ).run(row.key, row.exerciseId, row.baseContentVersion, row.form, row.updatedAt);
}

export function readDraft(db: DB, key: string): DraftRow | null {
  return (stmt(db, `SELECT ${COLUMNS} FROM drafts WHERE key = ?`).get(key) as DraftRow | undefined) ?? null;
}

/** Returns whether a draft was there to remove. */
export function deleteDraft(db: DB, key: string): boolean {
  return stmt(db, 'DELETE FROM drafts WHERE key = ?').run(key).changes > 0;
}

/** Newest first. */
export function listDrafts(db: DB): DraftRow[] {
  return stmt(db, `SELECT ${COLUMNS} FROM drafts ORDER BY updated_at DESC, key`).all() as DraftRow[];
}
