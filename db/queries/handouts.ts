// Handouts given with issued versions (migration 0009): one row per saved or printed handout.
import type { DB } from '../open';
import { stmt } from '../statements';

export interface GivenHandoutRow {
  versionNumber: number;
  givenAt: string;
  how: 'saved' | 'printed';
  /** JSON text of the options the handout was laid out with. */
  options: string;
  pageCount: number;
  sha256: string;
}

export function insertGivenHandout(db: DB, programSeq: number, row: GivenHandoutRow): void {
  stmt(
    db,
    `INSERT INTO handouts_given (program_seq, version_number, given_at, how, options, page_count, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(programSeq, row.versionNumber, row.givenAt, row.how, row.options, row.pageCount, row.sha256);
}

export function listGivenHandouts(db: DB, programSeq: number): GivenHandoutRow[] {
  return stmt(
    db,
    `SELECT version_number AS versionNumber, given_at AS givenAt, how, options, page_count AS pageCount, sha256
     FROM handouts_given WHERE program_seq = ? ORDER BY seq`,
  ).all(programSeq) as GivenHandoutRow[];
}
