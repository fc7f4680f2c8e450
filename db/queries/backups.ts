// What the backups feature reads from a database: how much has changed on a connection since it
// opened (to back up only when something did), and what a library holds (to describe a backup).
import type { DB } from '../open';

/** Rows inserted, changed or deleted through this connection since it opened. */
export function totalChanges(db: DB): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

export interface LibraryCounts {
  schemaVersion: number;
  exercises: number;
  photos: number;
  /** Null where the schema has no such table (before the program builder). */
  patients: number | null;
  programs: number | null;
}

function countIfTable(db: DB, table: string): number | null {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
  return exists ? (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) : null;
}

/** Counts in any Loadwise database, of any schema version (tables it lacks count as null or 0). */
export function libraryCounts(db: DB): LibraryCounts {
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exercises: countIfTable(db, 'exercises') ?? 0,
    photos: countIfTable(db, 'media') ?? 0,
    patients: countIfTable(db, 'patients'),
    programs: countIfTable(db, 'programs'),
  };
}

/** Switches a database file that will be copied or renamed to a single file (no -wal beside it). */
export function makeSelfContained(db: DB): void {
  db.pragma('journal_mode = DELETE');
}

/** Empties the -wal into the database file, so that closing leaves nothing beside it. */
export function checkpointFully(db: DB): boolean {
  const row = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return row[0]?.busy === 0;
}

/** Every stored photo a library refers to, with its type (which names its files). */
export function mediaRows(db: DB): { sha256: string; mime: 'image/jpeg' | 'image/png' }[] {
  const hasMedia = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'media'").get() !== undefined;
  return hasMedia
    ? (db.prepare('SELECT sha256, mime FROM media ORDER BY sha256').all() as { sha256: string; mime: 'image/jpeg' | 'image/png' }[])
    : [];
}
