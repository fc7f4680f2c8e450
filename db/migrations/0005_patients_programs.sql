-- Patients and their staged programs. Patient rows hold identifying data: nothing here is ever
-- logged, and a shared library export never reads these tables.
CREATE TABLE patients (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
  full_name     TEXT,
  date_of_birth TEXT,
  -- PSPS type, regions, generators, surgeries, restrictions and red-flag screen (common/domain/patient.ts).
  clinical      TEXT NOT NULL CHECK (json_valid(clinical)),
  notes         TEXT,
  archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  revision      INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX patients_by_name ON patients (archived, display_name COLLATE NOCASE);

-- A program is one JSON document (common/domain/program.ts), changed only through the reducer's
-- actions; `revision` rises with each saved change so a stale edit is refused, never merged.
CREATE TABLE programs (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  patient_seq  INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  doc          TEXT NOT NULL CHECK (json_valid(doc)),
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  template_id  TEXT,
  archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX programs_by_patient ON programs (patient_seq, archived, updated_at);

-- Undo and redo, kept in the database so they survive a restart: the document before (undo) or
-- after (redo) each step, newest at the highest position, with the action's words.
CREATE TABLE program_steps (
  program_seq INTEGER NOT NULL REFERENCES programs (seq) ON DELETE CASCADE,
  direction   TEXT NOT NULL CHECK (direction IN ('undo', 'redo')),
  position    INTEGER NOT NULL,
  doc         TEXT NOT NULL CHECK (json_valid(doc)),
  label       TEXT NOT NULL,
  PRIMARY KEY (program_seq, direction, position)
) STRICT;

-- Issued versions, frozen: the document, the exercises as they were (names, text, dose) so a
-- reprint reads exactly as issued, and the flags with their acknowledgements.
CREATE TABLE program_versions (
  program_seq INTEGER NOT NULL REFERENCES programs (seq) ON DELETE CASCADE,
  number      INTEGER NOT NULL CHECK (number >= 1),
  issued_at   TEXT NOT NULL,
  clinician   TEXT NOT NULL,
  doc         TEXT NOT NULL CHECK (json_valid(doc)),
  exercises   TEXT NOT NULL CHECK (json_valid(exercises)),
  flags       TEXT NOT NULL CHECK (json_valid(flags)),
  PRIMARY KEY (program_seq, number)
) STRICT;

-- The clinic's own templates: a program without a patient. Never holds patient data.
CREATE TABLE clinic_templates (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description TEXT NOT NULL,
  doc         TEXT NOT NULL CHECK (json_valid(doc)),
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
