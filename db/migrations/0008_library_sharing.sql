-- Clinics share libraries (issue 13): bundles signed with a clinic key, the clinics this library
-- trusts, and where every imported item came from. Nothing here holds patient data.

-- Clinics whose signed bundles this library trusts, by the SHA-256 fingerprint of their Ed25519
-- public key (raw 32 bytes, base64 in `public_key`). The user adds and removes them in Settings.
CREATE TABLE trusted_clinics (
  fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
  public_key  TEXT NOT NULL,
  clinic_name TEXT NOT NULL CHECK (length(clinic_name) BETWEEN 1 AND 120),
  added_at    TEXT NOT NULL
) STRICT;

-- Provenance of an imported exercise: which clinic (and key, when signed) it came from, the id it
-- has in that clinic's library (a "keep both" copy gets a new id here), the version imported and
-- when. `origin_bundle_id` and `origin_bundle_name` (migration 1) name the bundle.
ALTER TABLE exercises ADD COLUMN origin_clinic TEXT;
ALTER TABLE exercises ADD COLUMN origin_fingerprint TEXT;
ALTER TABLE exercises ADD COLUMN origin_item_id TEXT;
ALTER TABLE exercises ADD COLUMN origin_version INTEGER;
ALTER TABLE exercises ADD COLUMN imported_at TEXT;
CREATE INDEX exercises_by_origin_item ON exercises (origin_item_id) WHERE origin_item_id IS NOT NULL;

-- The same for clinic templates, which may now be the clinic's own or imported.
ALTER TABLE clinic_templates ADD COLUMN origin TEXT NOT NULL DEFAULT 'clinic' CHECK (origin IN ('clinic', 'imported'));
ALTER TABLE clinic_templates ADD COLUMN origin_bundle_id TEXT;
ALTER TABLE clinic_templates ADD COLUMN origin_clinic TEXT;
ALTER TABLE clinic_templates ADD COLUMN origin_fingerprint TEXT;
ALTER TABLE clinic_templates ADD COLUMN origin_item_id TEXT;
ALTER TABLE clinic_templates ADD COLUMN origin_version INTEGER;
ALTER TABLE clinic_templates ADD COLUMN imported_at TEXT;

-- One row per bundle import that changed something (an import that changes nothing adds none).
CREATE TABLE bundle_imports (
  seq                INTEGER PRIMARY KEY,
  bundle_id          TEXT NOT NULL,
  clinic_name        TEXT NOT NULL,
  fingerprint        TEXT,
  signature          TEXT NOT NULL CHECK (signature IN ('trusted', 'unknown', 'unsigned')),
  bundle_sha256      TEXT NOT NULL,
  added              INTEGER NOT NULL,
  updated            INTEGER NOT NULL,
  imported_at        TEXT NOT NULL
) STRICT;
