// SQL for shared library bundles (migration 8): what an export reads (the clinic's own exercises
// and templates, never a patient table), the provenance an import writes, the clinics this
// library trusts and the log of imports.
import type { DB } from '../open';
import { stmt } from '../statements';
import type { ExerciseText } from '../../common/domain/exercise';
import type { Locale } from '../../common/domain/vocabulary';
import { insertText, textFromRow, type TextRow } from './exercises';

/** The clinic's own exercises (not archived), with the built-in code each was duplicated from. */
export function clinicExerciseIds(db: DB): { id: string; basedOnCode: string | null }[] {
  return stmt(
    db,
    `SELECT e.id, b.code AS basedOnCode FROM exercises e
       LEFT JOIN exercises b ON b.id = e.based_on_id AND b.origin = 'builtin'
     WHERE e.origin = 'clinic' AND e.archived_at IS NULL ORDER BY e.id`,
  ).all() as { id: string; basedOnCode: string | null }[];
}

/** The clinic's own exercises and its templates by name, for choosing what to export. */
export function exportableItems(db: DB): {
  exercises: { id: string; name: string; changedBuiltin: boolean }[];
  templates: { id: string; name: string }[];
} {
  const exercises = stmt(
    db,
    `SELECT e.id, COALESCE(t.name, e.clinical_name) AS name, b.code IS NOT NULL AS changedBuiltin FROM exercises e
       LEFT JOIN exercise_text t ON t.exercise_seq = e.seq AND t.locale = 'en'
       LEFT JOIN exercises b ON b.id = e.based_on_id AND b.origin = 'builtin'
     WHERE e.origin = 'clinic' AND e.archived_at IS NULL ORDER BY name COLLATE NOCASE, e.id`,
  ).all() as { id: string; name: string; changedBuiltin: number }[];
  const templates = stmt(
    db,
    `SELECT id, name FROM clinic_templates WHERE origin = 'clinic' AND archived = 0 ORDER BY name COLLATE NOCASE, id`,
  ).all() as {
    id: string;
    name: string;
  }[];
  return { exercises: exercises.map((e) => ({ ...e, changedBuiltin: e.changedBuiltin === 1 })), templates };
}

/** SHA-256 of every bundle file an import has taken something from. */
export function importedBundleShas(db: DB): string[] {
  return stmt(db, 'SELECT DISTINCT bundle_sha256 FROM bundle_imports').pluck().all() as string[];
}

export function exerciseOriginById(db: DB, id: string): { origin: string; code: string | null } | null {
  return (
    (stmt(db, 'SELECT origin, code FROM exercises WHERE id = ?').get(id) as { origin: string; code: string | null } | undefined) ?? null
  );
}

/** The exercise's text in one locale, only when a row in that locale exists (no fallback). */
export function readTranslation(db: DB, exerciseId: string, locale: Locale): ExerciseText | null {
  const t = stmt(db, 'SELECT t.* FROM exercise_text t JOIN exercises e ON e.seq = t.exercise_seq WHERE e.id = ? AND t.locale = ?').get(
    exerciseId,
    locale,
  ) as TextRow | undefined;
  return t ? textFromRow(t) : null;
}

export function writeTranslation(db: DB, seq: number, locale: Locale, t: ExerciseText | null): void {
  stmt(db, 'DELETE FROM exercise_text WHERE exercise_seq = ? AND locale = ?').run(seq, locale);
  if (t) insertText(db, seq, locale, t);
}

/** Where an imported item came from. */
export interface Provenance {
  bundleId: string;
  clinic: string;
  fingerprint: string | null;
  itemId: string;
  version: number;
  importedAt: string;
}

export function setExerciseProvenance(db: DB, seq: number, p: Provenance): void {
  stmt(
    db,
    `UPDATE exercises SET origin_clinic = ?, origin_fingerprint = ?, origin_item_id = ?, origin_version = ?, imported_at = ?
     WHERE seq = ?`,
  ).run(p.clinic, p.fingerprint, p.itemId, p.version, p.importedAt, seq);
}

export interface ProvenanceRow {
  id: string;
  origin: string;
  originClinic: string | null;
  originFingerprint: string | null;
  originItemId: string | null;
  originVersion: number | null;
}

const EXERCISE_PROVENANCE = `SELECT id, origin, origin_clinic AS originClinic, origin_fingerprint AS originFingerprint,
  origin_item_id AS originItemId, origin_version AS originVersion FROM exercises`;

/** Rows imported from one source: the same key, or the same clinic name when unsigned. */
const FROM_SOURCE = `origin = 'imported' AND origin_item_id = ? AND origin_fingerprint IS ? AND (origin_fingerprint IS NOT NULL OR origin_clinic = ?)
  ORDER BY seq LIMIT 1`;

/** The copy an earlier bundle from the same source brought in, by the id it has at that source. */
export function importedExerciseFrom(db: DB, itemId: string, source: { clinic: string; fingerprint: string | null }): ProvenanceRow | null {
  return (
    (stmt(db, `${EXERCISE_PROVENANCE} WHERE ${FROM_SOURCE}`).get(itemId, source.fingerprint, source.clinic) as ProvenanceRow | undefined) ??
    null
  );
}

export function exerciseProvenance(db: DB, id: string): ProvenanceRow | null {
  return (stmt(db, `${EXERCISE_PROVENANCE} WHERE id = ?`).get(id) as ProvenanceRow | undefined) ?? null;
}

export interface TemplateRecordRow extends ProvenanceRow {
  name: string;
  description: string;
  doc: string;
  archived: number;
  createdAt: string;
}

const TEMPLATE_ROW = `SELECT id, origin, origin_clinic AS originClinic, origin_fingerprint AS originFingerprint,
  origin_item_id AS originItemId, origin_version AS originVersion, name, description, doc, archived, created_at AS createdAt
  FROM clinic_templates`;

/** The clinic's own templates (not archived, not imported), for an export. */
export function ownTemplates(db: DB): TemplateRecordRow[] {
  return stmt(db, `${TEMPLATE_ROW} WHERE origin = 'clinic' AND archived = 0 ORDER BY id`).all() as TemplateRecordRow[];
}

export function templateRecord(db: DB, id: string): TemplateRecordRow | null {
  return (stmt(db, `${TEMPLATE_ROW} WHERE id = ?`).get(id) as TemplateRecordRow | undefined) ?? null;
}

export function importedTemplateFrom(
  db: DB,
  itemId: string,
  source: { clinic: string; fingerprint: string | null },
): TemplateRecordRow | null {
  return (
    (stmt(db, `${TEMPLATE_ROW} WHERE ${FROM_SOURCE}`).get(itemId, source.fingerprint, source.clinic) as TemplateRecordRow | undefined) ??
    null
  );
}

/** Inserts or replaces an imported template, with its provenance. */
export function writeImportedTemplate(db: DB, row: { id: string; name: string; description: string; doc: string }, p: Provenance): void {
  stmt(
    db,
    `INSERT INTO clinic_templates (id, name, description, doc, archived, created_at, updated_at, origin, origin_bundle_id, origin_clinic,
       origin_fingerprint, origin_item_id, origin_version, imported_at)
     VALUES (@id, @name, @description, @doc, 0, @at, @at, 'imported', @bundleId, @clinic, @fingerprint, @itemId, @version, @at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, doc = excluded.doc, archived = 0,
       updated_at = excluded.updated_at, origin = 'imported', origin_bundle_id = excluded.origin_bundle_id,
       origin_clinic = excluded.origin_clinic, origin_fingerprint = excluded.origin_fingerprint, origin_item_id = excluded.origin_item_id,
       origin_version = excluded.origin_version, imported_at = excluded.imported_at`,
  ).run({
    ...row,
    at: p.importedAt,
    bundleId: p.bundleId,
    clinic: p.clinic,
    fingerprint: p.fingerprint,
    itemId: p.itemId,
    version: p.version,
  });
}

export function replaceExercisePhotos(db: DB, seq: number, photos: { sha256: string; caption: string | null }[]): void {
  stmt(db, 'DELETE FROM exercise_media WHERE exercise_seq = ?').run(seq);
  const insert = stmt(db, 'INSERT INTO exercise_media (exercise_seq, sha256, position, caption) VALUES (?, ?, ?, ?)');
  photos.forEach((p, i) => insert.run(seq, p.sha256, i, p.caption));
}

// --- trusted clinics ------------------------------------------------------------------------------

export interface TrustedClinicRow {
  fingerprint: string;
  publicKey: string;
  clinicName: string;
  addedAt: string;
}

export function listTrustedClinics(db: DB): TrustedClinicRow[] {
  return stmt(
    db,
    'SELECT fingerprint, public_key AS publicKey, clinic_name AS clinicName, added_at AS addedAt FROM trusted_clinics ORDER BY clinic_name COLLATE NOCASE',
  ).all() as TrustedClinicRow[];
}

export function trustedClinic(db: DB, fingerprint: string): TrustedClinicRow | null {
  return (
    (stmt(
      db,
      'SELECT fingerprint, public_key AS publicKey, clinic_name AS clinicName, added_at AS addedAt FROM trusted_clinics WHERE fingerprint = ?',
    ).get(fingerprint) as TrustedClinicRow | undefined) ?? null
  );
}

export function addTrustedClinic(db: DB, row: TrustedClinicRow): void {
  stmt(
    db,
    `INSERT INTO trusted_clinics (fingerprint, public_key, clinic_name, added_at) VALUES (@fingerprint, @publicKey, @clinicName, @addedAt)
     ON CONFLICT (fingerprint) DO UPDATE SET clinic_name = excluded.clinic_name`,
  ).run(row);
}

export function removeTrustedClinic(db: DB, fingerprint: string): boolean {
  return stmt(db, 'DELETE FROM trusted_clinics WHERE fingerprint = ?').run(fingerprint).changes === 1;
}

export function logBundleImport(
  db: DB,
  row: {
    bundleId: string;
    clinicName: string;
    fingerprint: string | null;
    signature: string;
    bundleSha256: string;
    added: number;
    updated: number;
    importedAt: string;
  },
): void {
  stmt(
    db,
    `INSERT INTO bundle_imports (bundle_id, clinic_name, fingerprint, signature, bundle_sha256, added, updated, imported_at)
     VALUES (@bundleId, @clinicName, @fingerprint, @signature, @bundleSha256, @added, @updated, @importedAt)`,
  ).run(row);
}
