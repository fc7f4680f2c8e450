-- A clinic's own figure for one of its exercises (issue 11): the built-in figure it starts from and
-- the joints of its start and end poses, as JSON checked by the contract (CustomFigureSchema and the
-- joint ranges). One per exercise; gone with the exercise.
CREATE TABLE exercise_figures (
  exercise_id TEXT PRIMARY KEY REFERENCES exercises (id) ON DELETE CASCADE,
  figure_json TEXT NOT NULL CHECK (json_valid(figure_json) AND length(figure_json) <= 20000),
  updated_at  TEXT NOT NULL
) STRICT;
