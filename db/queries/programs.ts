// Programs, their undo/redo steps and issued versions (migration 0005). A program's document is
// JSON text written whole; `revision` guards every write so a stale edit is refused.
import type { DB } from '../open';
import { stmt } from '../statements';

export interface ProgramRow {
  seq: number;
  id: string;
  patientId: string;
  doc: string;
  revision: number;
  templateId: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `g.seq, g.id, p.id AS patientId, g.doc, g.revision, g.template_id AS templateId, g.archived,
  g.created_at AS createdAt, g.updated_at AS updatedAt`;
const toRow = (r: (Omit<ProgramRow, 'archived'> & { archived: number }) | undefined): ProgramRow | null =>
  r === undefined ? null : { ...r, archived: r.archived === 1 };

export function insertProgram(
  db: DB,
  row: { id: string; patientSeq: number; doc: string; templateId: string | null; createdAt: string },
): void {
  stmt(db, `INSERT INTO programs (id, patient_seq, doc, revision, template_id, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)`).run(
    row.id,
    row.patientSeq,
    row.doc,
    row.templateId,
    row.createdAt,
    row.createdAt,
  );
}

export function readProgram(db: DB, id: string): ProgramRow | null {
  return toRow(stmt(db, `SELECT ${COLUMNS} FROM programs g JOIN patients p ON p.seq = g.patient_seq WHERE g.id = ?`).get(id) as never);
}

export function listPrograms(db: DB, patientSeq: number, includeArchived: boolean): ProgramRow[] {
  const rows = stmt(
    db,
    `SELECT ${COLUMNS} FROM programs g JOIN patients p ON p.seq = g.patient_seq
     WHERE g.patient_seq = ? AND (? = 1 OR g.archived = 0) ORDER BY g.archived, g.updated_at DESC, g.seq DESC`,
  ).all(patientSeq, includeArchived ? 1 : 0) as never[];
  return rows.map((r) => toRow(r) as ProgramRow);
}

/** Writes the document if the stored revision is `revision`; answers whether it did. */
export function writeProgramDoc(db: DB, seq: number, revision: number, doc: string, updatedAt: string): boolean {
  return (
    stmt(db, 'UPDATE programs SET doc = ?, revision = revision + 1, updated_at = ? WHERE seq = ? AND revision = ?').run(
      doc,
      updatedAt,
      seq,
      revision,
    ).changes === 1
  );
}

export function setProgramArchived(db: DB, seq: number, archived: boolean, updatedAt: string): void {
  stmt(db, 'UPDATE programs SET archived = ?, updated_at = ? WHERE seq = ?').run(archived ? 1 : 0, updatedAt, seq);
}

// --- Undo and redo ---------------------------------------------------------------------------

export type Direction = 'undo' | 'redo';

export function pushStep(db: DB, seq: number, direction: Direction, doc: string, label: string, keep: number): void {
  const top = stmt(db, 'SELECT coalesce(max(position), 0) AS p FROM program_steps WHERE program_seq = ? AND direction = ?').get(
    seq,
    direction,
  ) as {
    p: number;
  };
  stmt(db, 'INSERT INTO program_steps (program_seq, direction, position, doc, label) VALUES (?, ?, ?, ?, ?)').run(
    seq,
    direction,
    top.p + 1,
    doc,
    label,
  );
  stmt(db, 'DELETE FROM program_steps WHERE program_seq = ? AND direction = ? AND position <= ?').run(seq, direction, top.p + 1 - keep);
}

export function topStep(db: DB, seq: number, direction: Direction): { position: number; doc: string; label: string } | null {
  return (
    (stmt(db, 'SELECT position, doc, label FROM program_steps WHERE program_seq = ? AND direction = ? ORDER BY position DESC LIMIT 1').get(
      seq,
      direction,
    ) as { position: number; doc: string; label: string } | undefined) ?? null
  );
}

export function dropStep(db: DB, seq: number, direction: Direction, position: number): void {
  stmt(db, 'DELETE FROM program_steps WHERE program_seq = ? AND direction = ? AND position = ?').run(seq, direction, position);
}

export function clearSteps(db: DB, seq: number, direction: Direction): void {
  stmt(db, 'DELETE FROM program_steps WHERE program_seq = ? AND direction = ?').run(seq, direction);
}

// --- Issued versions -------------------------------------------------------------------------

export interface VersionRow {
  number: number;
  issuedAt: string;
  clinician: string;
  doc: string;
  exercises: string;
  flags: string;
}

export function insertVersion(db: DB, seq: number, row: VersionRow): void {
  stmt(
    db,
    'INSERT INTO program_versions (program_seq, number, issued_at, clinician, doc, exercises, flags) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, row.number, row.issuedAt, row.clinician, row.doc, row.exercises, row.flags);
}

/** Oldest first, without the heavy columns. */
export function listVersions(db: DB, seq: number): Pick<VersionRow, 'number' | 'issuedAt' | 'clinician' | 'doc'>[] {
  return stmt(db, 'SELECT number, issued_at AS issuedAt, clinician, doc FROM program_versions WHERE program_seq = ? ORDER BY number').all(
    seq,
  ) as never[];
}

export function readVersion(db: DB, seq: number, number: number): VersionRow | null {
  return (
    (stmt(
      db,
      `SELECT number, issued_at AS issuedAt, clinician, doc, exercises, flags FROM program_versions WHERE program_seq = ? AND number = ?`,
    ).get(seq, number) as VersionRow | undefined) ?? null
  );
}
