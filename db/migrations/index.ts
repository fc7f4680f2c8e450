// The ordered list of schema migrations. Each step runs once, in order, and moves user_version to
// its own number. SQL is imported as text so bundles carry it without reading files at run time; a
// step may also run code after its SQL, inside the same transaction, where SQL is not enough.
import type { DB } from '../open';
import { reindexAll } from '../queries/exercises';
import m0001 from './0001_exercise_library.sql?raw';
import m0002 from './0002_library_model.sql?raw';
import m0003 from './0003_drafts.sql?raw';
import m0004 from './0004_source_evidence.sql?raw';
import m0005 from './0005_patients_programs.sql?raw';
import m0006 from './0006_clinic_settings.sql?raw';
import m0007 from './0007_measurements.sql?raw';
import m0008 from './0008_library_sharing.sql?raw';
import m0009 from './0009_handouts_given.sql?raw';
import m0010 from './0010_exercise_also_stages.sql?raw';
import m0011 from './0011_exercise_figures.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Runs after `sql`, in the same transaction. */
  code?: (db: DB) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'exercise_library', sql: m0001 },
  // Clinical names and the new suitability columns are indexed for search: rebuild every row.
  { version: 2, name: 'library_model', sql: m0002, code: (db) => void reindexAll(db) },
  // Editor drafts, favourites and recently opened exercises.
  { version: 3, name: 'drafts', sql: m0003 },
  // Evidence level, DOI and PMID on sources (audit D38).
  { version: 4, name: 'source_evidence', sql: m0004 },
  // Patients, their programs with undo steps and issued versions, and the clinic's templates.
  { version: 5, name: 'patients_programs', sql: m0005 },
  // The clinic's settings: its details, the role noun patient text uses, paper size and units.
  { version: 6, name: 'clinic_settings', sql: m0006 },
  // Objective tests and outcome measures recorded for a patient.
  { version: 7, name: 'measurements', sql: m0007 },
  // Shared library bundles: trusted clinics, provenance of imported exercises and templates, imports.
  { version: 8, name: 'library_sharing', sql: m0008 },
  // Which handout (options, pages, SHA-256) was given to the patient with each issued version.
  { version: 9, name: 'handouts_given', sql: m0009 },
  // More than one stage per exercise (audit D14): the primary stage plus the others it also belongs to.
  { version: 10, name: 'exercise_also_stages', sql: m0010 },
  // A clinic's own figures for its exercises: start and end poses set with the pose editor.
  { version: 11, name: 'exercise_figures', sql: m0011 },
];
