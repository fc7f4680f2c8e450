// Calls for backups: the automatic and manual copies of the library in the data folder's
// backups/ folder, restoring one, and importing a whole library (database and photos) exported on
// another computer. Exporting writes to a path only the host may choose, so it is a service
// function (services/backups/transfer.ts) the hosts offer (electron/main/host-transfer.ts,
// browser-mode/export-downloads.ts), not a call the window can make.
import { z } from 'zod';
import { call } from './define';

/** A backup as the Backups screen lists it. */
export interface BackupInfo {
  /** The file's name in backups/ (what `backups.restore` takes). */
  name: string;
  /** When it was taken (ISO 8601, UTC). */
  takenAt: string;
  /** Why: 'auto', 'manual', 'at-quit', 'before-restore', 'before-import', 'before-schema-N'. */
  reason: string;
  bytes: number;
  /** False when the file cannot be read as a Loadwise library; it cannot be restored. */
  readable: boolean;
  schemaVersion: number | null;
  exercises: number | null;
  photos: number | null;
  /** Null where the backup's schema has no patients or programs yet. */
  patients: number | null;
  programs: number | null;
}

export interface RestoreResult {
  restored: string;
  /** The backup of the library as it was just before, to undo the restore with. */
  safetyBackup: string;
  exercises: number;
  photos: number;
}

export interface ImportResult {
  exercises: number;
  photos: number;
  /** The backup of the library as it was just before the import. */
  safetyBackup: string;
}

/** Largest library export accepted on the byte lane. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024 * 1024;

/** A name as the backups folder has them; nothing with a path in it gets through. */
const BackupName = z.string().regex(/^loadwise-\d{8}-\d{9}-\d{2}-[a-z0-9-]*\.db$/i, 'Expected the name of a backup');

export const backupCalls = {
  'backups.list': call<BackupInfo[]>()(z.object({}).strict()),
  'backups.create': call<BackupInfo>()(z.object({}).strict()),
  'backups.restore': call<RestoreResult>()(z.object({ name: BackupName }).strict()),
  /** Replaces the whole library (after backing it up), so the caller says so: `{ replace: true }`. */
  'backups.importAll': call<ImportResult>()(z.object({ replace: z.literal(true) }).strict(), {
    maxBytes: MAX_IMPORT_BYTES,
    fileNoun: 'Library exports',
  }),
};
