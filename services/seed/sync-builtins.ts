// Keeps the built-in exercises in the database in step with the library this build ships.
// Built-ins are read-only rows of their own, so an upgrade never touches a clinician's edits:
// those live in clinic exercises that were duplicated from a built-in.
import type { DB } from '../../db/open';
import { findSeq, writeExercise, writeLinks } from '../../db/queries/exercises';
import { getMeta, setMeta } from '../../db/queries/meta';
import { installedBuiltins, releaseCode, restoreBuiltin, retireBuiltin } from '../../db/queries/builtins';
import { loadSeedLibrary, readSeedManifest } from './load-seed';
import type { SeedExercise } from './seed-schema';

export interface SyncReport {
  seedVersion: number;
  added: number;
  updated: number;
  retired: number;
  skipped: boolean;
}

const SEED_VERSION_KEY = 'seed_version';

export function syncBuiltins(db: DB, seedDir: string, now: Date): SyncReport {
  const manifest = readSeedManifest(seedDir);
  const stored = Number(getMeta(db, SEED_VERSION_KEY) ?? 0);
  if (stored >= manifest.seedVersion) {
    return { seedVersion: stored, added: 0, updated: 0, retired: 0, skipped: true };
  }
  const library = loadSeedLibrary(seedDir);
  const stamp = now.toISOString();
  const report: SyncReport = { seedVersion: library.seedVersion, added: 0, updated: 0, retired: 0, skipped: false };

  db.transaction(() => {
    const current = installedBuiltins(db);
    const changed: SeedExercise[] = [];
    for (const ex of library.exercises) {
      const row = current.get(ex.id);
      if (row && row.contentVersion >= ex.contentVersion) {
        // Retired by an earlier library and shipped again unchanged: it comes back.
        if (row.archivedAt !== null) {
          restoreBuiltin(db, ex.id, stamp);
          report.updated++;
        }
        continue;
      }
      const { code, id, contentVersion, progressions: _p, regressions: _r, ...draft } = ex;
      // A code names one built-in at a time; one retired (or renumbered) earlier gives it up.
      releaseCode(db, code, id);
      writeExercise(
        db,
        {
          id,
          code,
          origin: 'builtin',
          originBundleId: null,
          originBundleName: null,
          basedOnId: null,
          contentVersion,
          createdAt: row?.createdAt ?? stamp,
          updatedAt: stamp,
          archivedAt: null,
        },
        draft,
      );
      changed.push(ex);
      if (row) report.updated++;
      else report.added++;
    }
    // Links are written after every row exists, since they may point forward.
    const idByCode = new Map(library.exercises.map((e) => [e.code, e.id]));
    for (const ex of changed) {
      const seq = findSeq(db, ex.id)!;
      writeLinks(
        db,
        seq,
        ex.progressions.map((c) => idByCode.get(c)!),
        ex.regressions.map((c) => idByCode.get(c)!),
      );
    }
    // A built-in this version no longer ships is archived, not deleted: programs may still use it.
    const shipped = new Set(library.exercises.map((e) => e.id));
    for (const id of current.keys()) {
      if (!shipped.has(id) && retireBuiltin(db, id, stamp)) report.retired++;
    }
    setMeta(db, SEED_VERSION_KEY, String(library.seedVersion));
  }).immediate();
  return report;
}
