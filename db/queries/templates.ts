// The clinic's own templates (table `clinic_templates`, migration 0005), and the lookup that turns
// a built-in template's exercise codes into this library's ids.
import type { DB } from '../open';
import { stmt } from '../statements';

export interface ClinicTemplateRow {
  id: string;
  name: string;
  description: string;
  doc: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = 'id, name, description, doc, archived, created_at AS createdAt, updated_at AS updatedAt';

export function insertClinicTemplate(db: DB, row: Omit<ClinicTemplateRow, 'archived' | 'updatedAt'>): void {
  stmt(db, 'INSERT INTO clinic_templates (id, name, description, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.id,
    row.name,
    row.description,
    row.doc,
    row.createdAt,
    row.createdAt,
  );
}

export function listClinicTemplates(db: DB): ClinicTemplateRow[] {
  const rows = stmt(db, `SELECT ${COLUMNS} FROM clinic_templates WHERE archived = 0 ORDER BY name COLLATE NOCASE`).all() as (Omit<
    ClinicTemplateRow,
    'archived'
  > & { archived: number })[];
  return rows.map((r) => ({ ...r, archived: r.archived === 1 }));
}

export function readClinicTemplate(db: DB, id: string): ClinicTemplateRow | null {
  const r = stmt(db, `SELECT ${COLUMNS} FROM clinic_templates WHERE id = ?`).get(id) as
    (Omit<ClinicTemplateRow, 'archived'> & { archived: number }) | undefined;
  return r === undefined ? null : { ...r, archived: r.archived === 1 };
}

export function setClinicTemplateArchived(db: DB, id: string, archived: boolean, updatedAt: string): boolean {
  return (
    stmt(db, 'UPDATE clinic_templates SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, updatedAt, id).changes === 1
  );
}

/** Built-in exercise ids by code, for the codes asked (absent codes are left out of the map). */
export function builtinIdsByCode(db: DB, codes: readonly string[]): Map<string, string> {
  if (codes.length === 0) return new Map();
  const rows = stmt(db, `SELECT code, id FROM exercises WHERE code IN (SELECT value FROM json_each(?))`).all(JSON.stringify(codes)) as {
    code: string;
    id: string;
  }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}
