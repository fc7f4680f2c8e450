-- The clinic's settings: one row (id 1), written when the clinic first saves them; until then
-- the app uses its defaults (US Letter, pounds, no role noun chosen). Checked here as well as in
-- the contract, so no other writer can store a paper size or unit the app cannot print.
CREATE TABLE clinic_settings (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  clinic_name    TEXT NOT NULL CHECK (length(clinic_name) <= 120),
  address        TEXT NOT NULL CHECK (length(address) <= 400),
  phone          TEXT NOT NULL CHECK (length(phone) <= 40),
  email          TEXT NOT NULL CHECK (length(email) <= 254),
  website        TEXT NOT NULL CHECK (length(website) <= 200),
  clinician_name TEXT NOT NULL CHECK (length(clinician_name) <= 120),
  role_noun      TEXT CHECK (role_noun IS NULL OR length(role_noun) BETWEEN 1 AND 40),
  paper_size     TEXT NOT NULL CHECK (paper_size IN ('letter', 'a4')),
  units          TEXT NOT NULL CHECK (units IN ('lb', 'kg')),
  updated_at     TEXT NOT NULL
) STRICT;
