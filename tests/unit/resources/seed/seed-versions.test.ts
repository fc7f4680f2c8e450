// Built-ins reach existing installations only when their versions rise: the app re-syncs when
// the manifest's seedVersion grows, and rewrites an exercise when its contentVersion grows. This
// test remembers what each version held (seed-versions.snapshot.json), so an edit without a
// version bump fails here, not in a clinic.
//
// The record is never written by an ordinary run: a missing record fails. To record new versions,
// bump them, then run this file with UPDATE_SEED_SNAPSHOT=1:
//   UPDATE_SEED_SNAPSHOT=1 npx vitest run tests/unit/resources/seed/seed-versions.test.ts
// The update refuses (and leaves the record as it was) while any change lacks its version bump.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedLibrary } from '../../../../services/seed/load-seed';
import { tempDir } from '../../../support/fixtures';
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

/** Every way `now` breaks the versioning rules against the recorded `before`; empty when it keeps them. */
function versionProblems(before: Snapshot, now: Snapshot): string[] {
  const problems: string[] = [];
  for (const [code, ex] of Object.entries(now.exercises)) {
    const was = before.exercises[code];
    if (!was) continue;
    if (ex.id !== was.id) problems.push(`${code} changed its id (${was.id} -> ${ex.id})`);
    if (ex.contentVersion < was.contentVersion)
      problems.push(`${code} contentVersion went down (${was.contentVersion} -> ${ex.contentVersion})`);
    if (ex.sha256 !== was.sha256 && ex.contentVersion <= was.contentVersion) {
      problems.push(`${code} changed: raise its contentVersion above ${was.contentVersion}`);
    }
  }
  const changed = JSON.stringify(now.exercises) !== JSON.stringify(before.exercises);
  if (changed && now.seedVersion <= before.seedVersion) {
    problems.push(
      `built-ins were added, removed or changed: raise seedVersion in resources/seed/manifest.json above ${before.seedVersion}`,
    );
  }
  if (!changed && now.seedVersion !== before.seedVersion) {
    problems.push(`seedVersion moved (${before.seedVersion} -> ${now.seedVersion}) with no built-in changed`);
  }
  return problems;
}

/** The explicit update: writes `now` to `file`, unless the versions it would record break the rules. */
function updateSnapshot(file: string, now: Snapshot): void {
  if (fs.existsSync(file)) {
    const problems = versionProblems(JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot, now);
    if (problems.length > 0) throw new Error(`Not updating ${path.basename(file)}:\n  ${problems.join('\n  ')}`);
  }
  fs.writeFileSync(file, `${JSON.stringify(now, null, 2)}\n`);
}

const now = current();
if (process.env.UPDATE_SEED_SNAPSHOT === '1') updateSnapshot(snapshotFile, now);

describe('built-in library versions', () => {
  it('has a recorded snapshot to compare with', () => {
    expect(
      fs.existsSync(snapshotFile),
      `${path.relative(repoRoot, snapshotFile)} is missing; record it with UPDATE_SEED_SNAPSHOT=1 (see the top of this file)`,
    ).toBe(true);
  });

  it('keeps ids, raises contentVersion on every built-in whose content changed (never lowers one), and raises seedVersion with any change', () => {
    expect(fs.existsSync(snapshotFile), 'the snapshot is missing').toBe(true);
    const before = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as Snapshot;
    expect(Object.keys(now.exercises).length).toBeGreaterThan(0);
    expect(Object.keys(before.exercises).length).toBeGreaterThan(0);
    expect(versionProblems(before, now)).toEqual([]);
  });
});

describe('the snapshot rules themselves', () => {
  const code = Object.keys(now.exercises)[0];
  const edited = (change: (s: Snapshot) => void): Snapshot => {
    const s = structuredClone(now);
    change(s);
    return s;
  };

  it('find content changed without a contentVersion bump, a lowered version, a changed id, and a missing seedVersion bump', () => {
    expect(code).toBeDefined();
    expect(versionProblems(now, now)).toEqual([]);
    const contentOnly = edited((s) => (s.exercises[code].sha256 = '0'.repeat(64)));
    expect(versionProblems(now, contentOnly)).toEqual([
      `${code} changed: raise its contentVersion above ${now.exercises[code].contentVersion}`,
      `built-ins were added, removed or changed: raise seedVersion in resources/seed/manifest.json above ${now.seedVersion}`,
    ]);
    const bumped = edited((s) => {
      s.exercises[code].sha256 = '0'.repeat(64);
      s.exercises[code].contentVersion += 1;
      s.seedVersion += 1;
    });
    expect(versionProblems(now, bumped)).toEqual([]);
    const lowered = edited((s) => (s.exercises[code].contentVersion -= 1));
    expect(versionProblems(bumped, lowered).join('\n')).toContain(`${code} contentVersion went down`);
    const newId = edited((s) => (s.exercises[code].id = 'another-id'));
    expect(versionProblems(now, newId).join('\n')).toContain(`${code} changed its id`);
    const seedOnly = edited((s) => (s.seedVersion += 1));
    expect(versionProblems(now, seedOnly)).toEqual([
      `seedVersion moved (${now.seedVersion} -> ${now.seedVersion + 1}) with no built-in changed`,
    ]);
  });

  it('refuse an update that records changed content without its contentVersion bump, leaving the record as it was', () => {
    const file = path.join(tempDir('loadwise-seed-snapshot-'), 'snapshot.json');
    updateSnapshot(file, now); // the first record
    const recorded = fs.readFileSync(file);
    expect(JSON.parse(recorded.toString('utf8'))).toEqual(now);

    const unbumped = edited((s) => {
      s.exercises[code].sha256 = '0'.repeat(64);
      s.seedVersion += 1;
    });
    expect(() => updateSnapshot(file, unbumped)).toThrow(`${code} changed: raise its contentVersion`);
    expect(fs.readFileSync(file).equals(recorded)).toBe(true);

    const bumped = edited((s) => {
      s.exercises[code].sha256 = '0'.repeat(64);
      s.exercises[code].contentVersion += 1;
      s.seedVersion += 1;
    });
    updateSnapshot(file, bumped);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(bumped);
  });
});
