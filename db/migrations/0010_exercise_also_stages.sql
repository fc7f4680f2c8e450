-- An exercise can belong to more than one stage (audit D14): `stage` stays the primary stage, the
-- one it is filed and coded under, and `also_stages` lists the others (a JSON array of 1-4, never the
-- primary). Stage filters match either. Existing exercises belong to their one stage.

ALTER TABLE exercises ADD COLUMN also_stages TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(also_stages) AND json_type(also_stages) = 'array');
