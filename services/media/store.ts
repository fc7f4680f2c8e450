// The content-addressed photo store: media/<first two hex>/<sha256>[.thumb].<ext>. A file appears
// whole or not at all (written in staging, then renamed in), and is never rewritten: the same
// hash means the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import type { MediaVariant } from '../../common/contract/media';
import type { MediaMime } from '../../db/queries/media';
import { asDiskProblem } from '../staging';

export const MEDIA_DIR_NAME = 'media';

export function mediaPath(dataDir: string, sha256: string, variant: MediaVariant, mime: MediaMime): string {
  const ext = mime === 'image/png' ? 'png' : 'jpg';
  return path.join(dataDir, MEDIA_DIR_NAME, sha256.slice(0, 2), `${sha256}${variant === 'thumb' ? '.thumb' : ''}.${ext}`);
}

function markUsed(file: string): void {
  const now = new Date();
  try {
    fs.utimesSync(file, now, now);
  } catch {
    // Only a hint for the sweep, which also checks the database before removing anything.
  }
}

/**
 * Moves a finished, fsynced file into the store; an existing copy of the same hash is kept (and
 * marked as just used, so the start-up sweep, which spares recent files, leaves it alone). A disk
 * that refuses the write (full, read-only) ends the call as `disk_problem`.
 */
export function moveIntoStore(from: string, to: string): void {
  try {
    if (fs.existsSync(to)) {
      fs.rmSync(from, { force: true });
      markUsed(to);
      return;
    }
    fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
    fs.renameSync(from, to);
  } catch (err) {
    fs.rmSync(from, { force: true });
    throw asDiskProblem(err);
  }
}

/** Where unused photo files wait one start before they are deleted: media/.orphans/. */
export const ORPHANS_DIR_NAME = '.orphans';

/**
 * The youngest an unused file may be to be swept. A photo's files enter the store a moment before
 * the row that uses them is committed; anything written within this window may belong to a write
 * still in flight (or a clock that jumped), so it waits for a later start.
 */
export const ORPHAN_MIN_AGE_MS = 10 * 60_000;

export interface SweepResult {
  /** Unused files moved into media/.orphans/ this start. */
  quarantined: number;
  /** Files deleted: orphans quarantined at an earlier start, and old leftovers of interrupted writes. */
  deleted: number;
  /** Quarantined files that something uses again (a restored backup), put back into the store. */
  restored: number;
  /** Unused files left in place because they are too recent to judge. */
  tooRecent: number;
}

const hashOf = (name: string): string => name.slice(0, 64);

/**
 * The start-up sweep of the photo store, in two steps so that no file is deleted the first time
 * it is found unused:
 * 1. media/.orphans/ — files quarantined at an earlier start: deleted, unless `keep` names them
 *    again (then moved back into the store).
 * 2. media/<xx>/ — files whose hash is not in `keep` and that are older than `minAgeMs`: moved into
 *    media/.orphans/; leftovers of interrupted writes (`.tmp`) of that age are deleted.
 * `keep` null means the set of used photos is not known for sure (a backup could not be read):
 * then nothing is moved or deleted.
 */
export function sweepStore(dataDir: string, keep: Set<string> | null, now: Date, minAgeMs = ORPHAN_MIN_AGE_MS): SweepResult {
  const result: SweepResult = { quarantined: 0, deleted: 0, restored: 0, tooRecent: 0 };
  const root = path.join(dataDir, MEDIA_DIR_NAME);
  if (keep === null || !fs.existsSync(root)) return result;
  const orphans = path.join(root, ORPHANS_DIR_NAME);
  if (fs.existsSync(orphans)) {
    for (const f of fs.readdirSync(orphans)) {
      const file = path.join(orphans, f);
      const home = path.join(root, f.slice(0, 2), f);
      if (keep.has(hashOf(f)) && !f.endsWith('.tmp') && /^[a-f0-9]{64}/.test(f)) {
        if (fs.existsSync(home)) fs.rmSync(file, { force: true });
        else {
          fs.mkdirSync(path.dirname(home), { recursive: true, mode: 0o700 });
          fs.renameSync(file, home);
        }
        result.restored++;
      } else {
        fs.rmSync(file, { force: true, recursive: true });
        result.deleted++;
      }
    }
  }
  const oldEnough = (file: string): boolean => now.getTime() - fs.statSync(file).mtimeMs >= minAgeMs;
  for (const sub of fs.readdirSync(root)) {
    if (sub === ORPHANS_DIR_NAME) continue;
    const dir = path.join(root, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) {
      const file = path.join(dir, f);
      const leftover = f.endsWith('.tmp');
      if (!leftover && keep.has(hashOf(f))) continue;
      if (!oldEnough(file)) {
        result.tooRecent++;
        continue;
      }
      if (leftover) {
        fs.rmSync(file, { force: true });
        result.deleted++;
      } else {
        fs.mkdirSync(orphans, { recursive: true, mode: 0o700 });
        fs.renameSync(file, path.join(orphans, f));
        result.quarantined++;
      }
    }
  }
  return result;
}

/** Finds a photo file in quarantine and puts it back (a restore needs it); true when found. */
export function recoverFromOrphans(dataDir: string, storedPath: string): boolean {
  const quarantined = path.join(dataDir, MEDIA_DIR_NAME, ORPHANS_DIR_NAME, path.basename(storedPath));
  if (!fs.existsSync(quarantined)) return false;
  fs.mkdirSync(path.dirname(storedPath), { recursive: true, mode: 0o700 });
  fs.renameSync(quarantined, storedPath);
  return true;
}
