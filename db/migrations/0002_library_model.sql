-- The library model clinicians can trust (audit D04, D17):
--  * every exercise has a clinical name and aliases beside its patient name, and the full-text
--    index holds them with the code, the clinician notes and the words for region, position and
--    equipment (rebuilt by this migration's code step: db/migrations/index.ts);
--  * a suitability rating means one thing: the rating once any lock has passed. The lock is its
--    own column (none, week, criterion, surgeon-clearance), `not-rated` exists for what nobody has
--    judged yet, and `avoid-early` is gone: a rating that was "avoid early until week N" becomes
--    "caution, locked until week N" (conservative; the built-in library then ships its own
--    post-lock values), and one without a week becomes "avoid, until a criterion is met".

ALTER TABLE exercises ADD COLUMN clinical_name TEXT NOT NULL DEFAULT '';
ALTER TABLE exercises ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases));
-- Until someone names it clinically, an exercise's clinical name is its patient name.
UPDATE exercises SET clinical_name = (SELECT t.name FROM exercise_text t WHERE t.exercise_seq = exercises.seq AND t.locale = 'en');

CREATE TABLE exercise_suitability_v2 (
  exercise_seq  INTEGER NOT NULL REFERENCES exercises (seq) ON DELETE CASCADE,
  generator     TEXT NOT NULL,
  rating        TEXT NOT NULL CHECK (rating IN ('suits', 'modify', 'caution', 'avoid', 'not-rated')),
  lock_type     TEXT NOT NULL CHECK (lock_type IN ('none', 'week', 'criterion', 'surgeon-clearance')),
  earliest_week INTEGER CHECK (earliest_week IS NULL OR earliest_week >= 0),
  note          TEXT,
  PRIMARY KEY (exercise_seq, generator),
  CHECK ((lock_type = 'week') = (earliest_week IS NOT NULL)),
  CHECK (lock_type = 'none' OR rating <> 'not-rated')
) STRICT, WITHOUT ROWID;

INSERT INTO exercise_suitability_v2 (exercise_seq, generator, rating, lock_type, earliest_week, note)
SELECT exercise_seq, generator,
       CASE WHEN rating <> 'avoid-early' THEN rating WHEN earliest_week IS NULL THEN 'avoid' ELSE 'caution' END,
       CASE WHEN earliest_week IS NOT NULL THEN 'week' WHEN rating = 'avoid-early' THEN 'criterion' ELSE 'none' END,
       earliest_week, note
FROM exercise_suitability;

DROP TABLE exercise_suitability;
ALTER TABLE exercise_suitability_v2 RENAME TO exercise_suitability;
CREATE INDEX exercise_suitability_by_rating ON exercise_suitability (generator, rating, exercise_seq);
