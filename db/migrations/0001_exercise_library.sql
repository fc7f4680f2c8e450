-- The exercise library. Stable UUIDs identify exercises everywhere outside this file; `seq` is the
-- integer key that child tables and the full-text index use, because a rowid that is not an
-- INTEGER PRIMARY KEY may change on VACUUM.

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE exercises (
  seq                INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  code               TEXT UNIQUE,
  origin             TEXT NOT NULL CHECK (origin IN ('builtin', 'clinic', 'imported')),
  origin_bundle_id   TEXT,
  origin_bundle_name TEXT,
  based_on_id        TEXT,
  content_version    INTEGER NOT NULL CHECK (content_version >= 1),
  stage              INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 4),
  region             TEXT NOT NULL,
  position           TEXT NOT NULL,
  dosage             TEXT NOT NULL CHECK (json_valid(dosage)),
  clinician_notes    TEXT,
  sort_key           TEXT NOT NULL,
  archived_at        TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX exercises_by_sort ON exercises (sort_key);
CREATE INDEX exercises_by_stage ON exercises (stage, sort_key);
CREATE INDEX exercises_by_origin ON exercises (origin);

-- Patient-facing words, one row per locale; Spanish rows arrive later beside the English ones.
CREATE TABLE exercise_text (
  exercise_seq      INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  locale            TEXT NOT NULL,
  name              TEXT NOT NULL,
  summary           TEXT NOT NULL,
  starting_position TEXT NOT NULL,
  steps             TEXT NOT NULL CHECK (json_valid(steps)),
  cues              TEXT NOT NULL CHECK (json_valid(cues)),
  mistakes          TEXT NOT NULL CHECK (json_valid(mistakes)),
  precautions       TEXT NOT NULL CHECK (json_valid(precautions)),
  PRIMARY KEY (exercise_seq, locale)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_equipment (
  exercise_seq INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  equipment    TEXT NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (exercise_seq, equipment)
) STRICT, WITHOUT ROWID;
CREATE INDEX exercise_equipment_by_kind ON exercise_equipment (equipment, exercise_seq);

CREATE TABLE exercise_suitability (
  exercise_seq  INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  generator     TEXT NOT NULL,
  rating        TEXT NOT NULL CHECK (rating IN ('suits', 'modify', 'caution', 'avoid-early')),
  earliest_week INTEGER CHECK (earliest_week IS NULL OR earliest_week >= 0),
  note          TEXT,
  PRIMARY KEY (exercise_seq, generator)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_tags (
  exercise_seq INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  tag          TEXT NOT NULL,
  PRIMARY KEY (exercise_seq, tag)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_sources (
  exercise_seq INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  citation     TEXT NOT NULL,
  url          TEXT,
  PRIMARY KEY (exercise_seq, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_links (
  from_seq INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (kind IN ('progression', 'regression')),
  to_seq   INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (from_seq, kind, to_seq),
  CHECK (from_seq <> to_seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX exercise_links_to ON exercise_links (to_seq);

-- Media are stored once, by the SHA-256 of their cleaned bytes, in the data folder's media/.
CREATE TABLE media (
  sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  mime       TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  width      INTEGER NOT NULL,
  height     INTEGER NOT NULL,
  bytes      INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_media (
  exercise_seq INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  sha256       TEXT NOT NULL REFERENCES media (sha256),
  position     INTEGER NOT NULL,
  caption      TEXT,
  PRIMARY KEY (exercise_seq, sha256)
) STRICT, WITHOUT ROWID;
CREATE INDEX exercise_media_by_sha ON exercise_media (sha256);

-- Full-text index over the English text; rowid = exercises.seq. Contentless: the words live in
-- the tables above, the index only finds them. Prefix indexes keep search-as-you-type fast.
CREATE VIRTUAL TABLE exercise_fts USING fts5 (
  name, body, tags,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
CREATE VIRTUAL TABLE exercise_fts_vocab USING fts5vocab (exercise_fts, 'row');
