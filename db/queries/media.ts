// Photo rows: `media` (one row per stored image, by content hash) and `exercise_media` (which
// exercise shows which photo, in order, with a caption).
import type { DB } from '../open';
import { stmt } from '../statements';

export type MediaMime = 'image/jpeg' | 'image/png';

export interface MediaRow {
  sha256: string;
  mime: MediaMime;
  width: number;
  height: number;
  bytes: number;
  createdAt: string;
}

export function countPhotos(db: DB, exerciseSeq: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM exercise_media WHERE exercise_seq = ?').get(exerciseSeq) as { n: number }).n;
}

export function hasPhoto(db: DB, exerciseSeq: number, sha256: string): boolean {
  return stmt(db, 'SELECT 1 FROM exercise_media WHERE exercise_seq = ? AND sha256 = ?').get(exerciseSeq, sha256) !== undefined;
}

/** Records a stored image once; the same bytes attached again reuse the row. */
export function insertMedia(db: DB, row: MediaRow): void {
  stmt(db, 'INSERT OR IGNORE INTO media (sha256, mime, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.sha256,
    row.mime,
    row.width,
    row.height,
    row.bytes,
    row.createdAt,
  );
}

export function linkPhoto(db: DB, exerciseSeq: number, sha256: string, position: number, caption: string | null): void {
  stmt(db, 'INSERT INTO exercise_media (exercise_seq, sha256, position, caption) VALUES (?, ?, ?, ?)').run(
    exerciseSeq,
    sha256,
    position,
    caption,
  );
}

/** Returns whether a photo was attached (and so removed). */
export function unlinkPhoto(db: DB, exerciseSeq: number, sha256: string): boolean {
  return stmt(db, 'DELETE FROM exercise_media WHERE exercise_seq = ? AND sha256 = ?').run(exerciseSeq, sha256).changes > 0;
}

/** A duplicate shows the same photos as its source, sharing the stored files. */
export function copyPhotos(db: DB, fromSeq: number, toSeq: number): void {
  stmt(
    db,
    `INSERT INTO exercise_media (exercise_seq, sha256, position, caption)
     SELECT ?, sha256, position, caption FROM exercise_media WHERE exercise_seq = ?`,
  ).run(toSeq, fromSeq);
}

export function mediaMime(db: DB, sha256: string): MediaMime | null {
  const row = stmt(db, 'SELECT mime FROM media WHERE sha256 = ?').get(sha256) as { mime: MediaMime } | undefined;
  return row?.mime ?? null;
}

/** Images no exercise shows any more. */
export function unusedMedia(db: DB): { sha256: string; mime: MediaMime }[] {
  return stmt(db, 'SELECT sha256, mime FROM media WHERE sha256 NOT IN (SELECT sha256 FROM exercise_media)').all() as {
    sha256: string;
    mime: MediaMime;
  }[];
}

export function deleteMedia(db: DB, sha256: string): void {
  stmt(db, 'DELETE FROM media WHERE sha256 = ?').run(sha256);
}

export function allMediaHashes(db: DB): Set<string> {
  return new Set(stmt(db, 'SELECT sha256 FROM media').pluck().all() as string[]);
}
