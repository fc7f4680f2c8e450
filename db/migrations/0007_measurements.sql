-- Objective tests and outcome measures recorded for a patient (common/assessments): one row per
-- recording. `value` is the score the service computed (never the renderer's); `detail` keeps what
-- was entered (item answers, sides, raw times) with the scorer's results. Patient data: never logged.
CREATE TABLE measurements (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  patient_seq  INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  measure_id   TEXT NOT NULL CHECK (length(measure_id) BETWEEN 1 AND 64),
  date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  value        REAL NOT NULL,
  detail       TEXT NOT NULL CHECK (json_valid(detail) AND json_type(detail) = 'object'),
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX measurements_by_patient ON measurements (patient_seq, date, seq);
