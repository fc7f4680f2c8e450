// The clinic's settings (table `clinic_settings`, migration 0006): one row, id 1, absent until the
// clinic first saves them.
import type { DB } from '../open';
import { stmt } from '../statements';

export interface SettingsRow {
  clinicName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  clinicianName: string;
  roleNoun: string | null;
  paperSize: 'letter' | 'a4';
  units: 'lb' | 'kg';
  updatedAt: string;
}

export function readSettings(db: DB): SettingsRow | null {
  return (
    (stmt(
      db,
      `SELECT clinic_name AS clinicName, address, phone, email, website, clinician_name AS clinicianName, role_noun AS roleNoun,
              paper_size AS paperSize, units, updated_at AS updatedAt
       FROM clinic_settings WHERE id = 1`,
    ).get() as SettingsRow | undefined) ?? null
  );
}

export function writeSettings(db: DB, row: SettingsRow): void {
  stmt(
    db,
    `INSERT INTO clinic_settings (id, clinic_name, address, phone, email, website, clinician_name, role_noun, paper_size, units, updated_at)
     VALUES (1, @clinicName, @address, @phone, @email, @website, @clinicianName, @roleNoun, @paperSize, @units, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET clinic_name = excluded.clinic_name, address = excluded.address, phone = excluded.phone,
       email = excluded.email, website = excluded.website, clinician_name = excluded.clinician_name, role_noun = excluded.role_noun,
       paper_size = excluded.paper_size, units = excluded.units, updated_at = excluded.updated_at`,
  ).run(row);
}
