// Built-ins reach existing installations only when their versions rise: the app re-syncs when
// the manifest's seedVersion grows, and rewrites an exercise when its contentVersion grows. This
// test remembers what each version held, so an edit without a version bump fails here, not in a
// clinic. After bumping, refresh the record with UPDATE_SEED_SNAPSHOT=1.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedLibrary } from '../../../../services/seed/load-seed';
import { repoRoot } from '../../../support/repo';

const seedDir = path.join(repoRoot, 'resources/seed');
const snapshotFile = path.join(__dirname, 'seed-versions.snapshot.json');

interface Snapshot {
  seedVersion: number;
  exercises: Record<string, { id: string; contentVersion: number; sha256: string }>;
}

function current(): Snapshot {
  const lib = loadSeedLibrary(seedDir);
  const exercises: Snapshot['exercises'] = {};
  for (const ex of [...lib.exercises].sort((a, b) => a.code.localeCompare(b.code))) {
    exercises[ex.code] = {
      id: ex.id,
      contentVersion: ex.contentVersion,
      sha256: createHash('sha256').update(JSON.stringify(ex)).digest('hex'),
    };
  }
  return { seedVersion: lib.seedVersion, exercises };
}

describe('built-in library versions', () => {
  const now = current();
  if (process.env.UPDATE_SEED_SNAPSHOT === '1' || !fs.existsSync(snapshotFile)) {
    fs.writeFileSync(snapshotFile, `${JSON.stringify(now, null, 2)}\n`);
  }
  const before = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as Snapshot;

  it('raises contentVersion on every built-in whose content changed, and never lowers one', () => {
    for (const [code, ex] of Object.entries(now.exercises)) {
      const was = before.exercises[code];
      if (!was) continue;
      expect(ex.id, `${code} keeps its id`).toBe(was.id);
      expect(ex.contentVersion, `${code} contentVersion went down`).toBeGreaterThanOrEqual(was.contentVersion);
      if (ex.sha256 !== was.sha256) {
        expect(ex.contentVersion, `${code} changed: raise its contentVersion, then run with UPDATE_SEED_SNAPSHOT=1`).toBeGreaterThan(
          was.contentVersion,
        );
      }
    }
  });

  it('raises seedVersion whenever any built-in was added, removed or changed', () => {
    const changed = JSON.stringify(now.exercises) !== JSON.stringify(before.exercises);
    if (changed) expect(now.seedVersion, 'raise seedVersion in resources/seed/manifest.json').toBeGreaterThan(before.seedVersion);
    else expect(now.seedVersion).toBe(before.seedVersion);
  });
});
