-- Which printed handout went to the patient with each issued version: the options it was laid out
-- with, its page count and the SHA-256 of the exact file, saved or printed (issue 12).
CREATE TABLE handouts_given (
  seq            INTEGER PRIMARY KEY,
  program_seq    INTEGER NOT NULL,
  version_number INTEGER NOT NULL,
  given_at       TEXT NOT NULL,
  how            TEXT NOT NULL CHECK (how IN ('saved', 'printed')),
  options        TEXT NOT NULL CHECK (json_valid(options)),
  page_count     INTEGER NOT NULL CHECK (page_count >= 1),
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  FOREIGN KEY (program_seq, version_number) REFERENCES program_versions (program_seq, number) ON DELETE CASCADE
) STRICT;
CREATE INDEX handouts_given_by_version ON handouts_given (program_seq, version_number);
