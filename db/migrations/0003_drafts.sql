-- Drafts of the exercise editor, so a crash or a killed process never loses a clinician's work.
-- One row per editor (key: "new", "edit:<id>", "copy:<source id>"); the form is the editor's own
-- JSON, kept as typed (it may not be valid yet). Saving or discarding the edit removes the row.
CREATE TABLE drafts (
  key                  TEXT PRIMARY KEY,
  exercise_id          TEXT,
  base_content_version INTEGER CHECK (base_content_version IS NULL OR base_content_version >= 1),
  form                 TEXT NOT NULL CHECK (json_valid(form)),
  updated_at           TEXT NOT NULL
) STRICT;

-- A clinician's shortlists: exercises starred as favourites, and the ones opened most recently
-- (the newest few are kept). Both follow the exercise row and go with it.
CREATE TABLE favourites (
  exercise_seq INTEGER PRIMARY KEY REFERENCES exercises (seq) ON DELETE CASCADE,
  added_at     TEXT NOT NULL
) STRICT;

CREATE TABLE recently_opened (
  exercise_seq INTEGER PRIMARY KEY REFERENCES exercises (seq) ON DELETE CASCADE,
  opened_at    TEXT NOT NULL
) STRICT;
CREATE INDEX recently_opened_by_time ON recently_opened (opened_at);
