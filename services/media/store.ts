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

/** Files in the store whose hash is not in `known`, and leftovers of interrupted writes. */
export function removeStrayFiles(dataDir: string, known: Set<string>): number {
  const root = path.join(dataDir, MEDIA_DIR_NAME);
  if (!fs.existsSync(root)) return 0;
  let removed = 0;
  for (const sub of fs.readdirSync(root)) {
    const dir = path.join(root, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) {
      if (!known.has(f.slice(0, 64)) || f.endsWith('.tmp')) {
        fs.rmSync(path.join(dir, f), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
