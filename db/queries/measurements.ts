// Objective tests recorded for a patient (table `measurements`, migration 0007). Rows are written
// once and removed whole; a patient's deletion removes them (ON DELETE CASCADE).
import type { DB } from '../open';
import { stmt } from '../statements';

export interface MeasurementRow {
  id: string;
  measureId: string;
  /** ISO day. */
  date: string;
  value: number;
  /** JSON text of an object. */
  detail: string;
  createdAt: string;
}

const COLUMNS = 'id, measure_id AS measureId, date, value, detail, created_at AS createdAt';

/** The patient's row number, or null when no patient has this id. */
export function patientSeq(db: DB, patientId: string): number | null {
  return (stmt(db, 'SELECT seq FROM patients WHERE id = ?').pluck().get(patientId) as number | undefined) ?? null;
}

export function insertMeasurement(db: DB, patientSeqValue: number, row: MeasurementRow): void {
  stmt(db, `INSERT INTO measurements (id, patient_seq, measure_id, date, value, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    row.id,
    patientSeqValue,
    row.measureId,
    row.date,
    row.value,
    row.detail,
    row.createdAt,
  );
}

/** Oldest first: by day, then in the order they were entered. */
export function listMeasurements(db: DB, patientSeqValue: number): MeasurementRow[] {
  return stmt(db, `SELECT ${COLUMNS} FROM measurements WHERE patient_seq = ? ORDER BY date, seq`).all(patientSeqValue) as MeasurementRow[];
}

/** Removes one recording of this patient; answers whether there was one. */
export function deleteMeasurement(db: DB, patientSeqValue: number, id: string): boolean {
  return stmt(db, 'DELETE FROM measurements WHERE patient_seq = ? AND id = ?').run(patientSeqValue, id).changes === 1;
}
