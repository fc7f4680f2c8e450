// A clinic's own exercise figures (table `exercise_figures`, migration 0011): one JSON row per
// exercise, checked by the contract before it is written.
import type { DB } from '../open';
import { stmt } from '../statements';

export interface FigureRow {
  exerciseId: string;
  /** The CustomFigure as JSON text. */
  figureJson: string;
  updatedAt: string;
}

export function readFigure(db: DB, exerciseId: string): FigureRow | null {
  return (
    (stmt(
      db,
      'SELECT exercise_id AS exerciseId, figure_json AS figureJson, updated_at AS updatedAt FROM exercise_figures WHERE exercise_id = ?',
    ).get(exerciseId) as FigureRow | undefined) ?? null
  );
}

export function writeFigure(db: DB, row: FigureRow): void {
  stmt(
    db,
    `INSERT INTO exercise_figures (exercise_id, figure_json, updated_at) VALUES (@exerciseId, @figureJson, @updatedAt)
     ON CONFLICT (exercise_id) DO UPDATE SET figure_json = excluded.figure_json, updated_at = excluded.updated_at`,
  ).run(row);
}

/** Returns whether there was a figure to remove. */
export function deleteFigure(db: DB, exerciseId: string): boolean {
  return stmt(db, 'DELETE FROM exercise_figures WHERE exercise_id = ?').run(exerciseId).changes > 0;
}
