// Patients (table `patients`, migration 0005). The clinical picture is one JSON column, read and
// written whole; names are searched with LIKE (a clinic has hundreds of patients, not millions).
import type { DB } from '../open';
import { stmt } from '../statements';

export interface PatientRow {
  seq: number;
  id: string;
  displayName: string;
  fullName: string | null;
  dateOfBirth: string | null;
  /** JSON text of PatientClinical. */
  clinical: string;
  notes: string | null;
  archived: boolean;
  revision: number;
  createdAt: string;
  updatedAt: string;
  programCount: number;
}

export type PatientWrite = Omit<PatientRow, 'seq' | 'archived' | 'revision' | 'createdAt' | 'programCount'>;

const COLUMNS = `p.seq, p.id, p.display_name AS displayName, p.full_name AS fullName, p.date_of_birth AS dateOfBirth,
  p.clinical, p.notes, p.archived, p.revision, p.created_at AS createdAt, p.updated_at AS updatedAt,
  (SELECT count(*) FROM programs g WHERE g.patient_seq = p.seq AND g.archived = 0) AS programCount`;

const toRow = (r: (Omit<PatientRow, 'archived'> & { archived: number }) | undefined): PatientRow | null =>
  r === undefined ? null : { ...r, archived: r.archived === 1 };

export function insertPatient(db: DB, row: PatientWrite): void {
  stmt(
    db,
    `INSERT INTO patients (id, display_name, full_name, date_of_birth, clinical, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.displayName, row.fullName, row.dateOfBirth, row.clinical, row.notes, row.updatedAt, row.updatedAt);
}

/** Writes only if the stored revision is `revision`; answers whether it did. */
export function updatePatient(db: DB, row: PatientWrite, revision: number): boolean {
  return (
    stmt(
      db,
      `UPDATE patients SET display_name = ?, full_name = ?, date_of_birth = ?, clinical = ?, notes = ?, updated_at = ?,
         revision = revision + 1
       WHERE id = ? AND revision = ?`,
    ).run(row.displayName, row.fullName, row.dateOfBirth, row.clinical, row.notes, row.updatedAt, row.id, revision).changes === 1
  );
}

export function readPatient(db: DB, id: string): PatientRow | null {
  return toRow(stmt(db, `SELECT ${COLUMNS} FROM patients p WHERE p.id = ?`).get(id) as never);
}

export function setPatientArchived(db: DB, id: string, archived: boolean, updatedAt: string): boolean {
  return (
    stmt(db, 'UPDATE patients SET archived = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(archived ? 1 : 0, updatedAt, id)
      .changes === 1
  );
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** By display name; `query` matches anywhere in the display or full name, case-insensitively. */
export function listPatients(db: DB, query: string, includeArchived: boolean): PatientRow[] {
  const like = `%${escapeLike(query)}%`;
  const rows = stmt(
    db,
    `SELECT ${COLUMNS} FROM patients p
     WHERE (? = 1 OR p.archived = 0)
       AND (p.display_name LIKE ? ESCAPE '\\' OR coalesce(p.full_name, '') LIKE ? ESCAPE '\\')
     ORDER BY p.archived, p.display_name COLLATE NOCASE, p.seq
     LIMIT 500`,
  ).all(includeArchived ? 1 : 0, like, like) as never[];
  return rows.map((r) => toRow(r) as PatientRow);
}
