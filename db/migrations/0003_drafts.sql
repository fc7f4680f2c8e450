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
