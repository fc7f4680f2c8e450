// Reading the built-in library: files that are not JSON at all, and exercises filed under the
// wrong region or stage, are reported with the file they are in, together with every other
// problem, so an author fixes them in one pass.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedLibrary, SeedError } from '../../../../services/seed/load-seed';
import { tempDir, writeSeed } from '../../../support/fixtures';

function problemsOf(seedDir: string): string[] {
  try {
    loadSeedLibrary(seedDir);
  } catch (err) {
    expect(err).toBeInstanceOf(SeedError);
    return (err as SeedError).problems;
  }
  throw new Error('the library was accepted');
}

function seed(): string {
  return writeSeed(tempDir('loadwise-seed-'), 3, [
    { code: 'L1-01', name: 'Draw-in' },
    { code: 'L2-01', name: 'Bird dog' },
    { code: 'C1-01', name: 'Chin nod' },
  ]);
}

const file = (dir: string, name: string): string => path.join(dir, 'exercises', name);

describe('loadSeedLibrary', () => {
  it('loads a valid library whole (the baseline the other tests break)', () => {
    const lib = loadSeedLibrary(seed());
    expect(lib.seedVersion).toBe(3);
    expect(lib.exercises.map((e) => e.code).sort()).toEqual(['C1-01', 'L1-01', 'L2-01']);
  });

  it('names a file that is not JSON, and still reports the problems of the other files', () => {
    const dir = seed();
    fs.writeFileSync(file(dir, 'lumbar-1.json'), '{ "region": "lumbar", ');
    const other = JSON.parse(fs.readFileSync(file(dir, 'cervical-1.json'), 'utf8'));
    other.exercises[0].dosage.sets = 0;
    fs.writeFileSync(file(dir, 'cervical-1.json'), JSON.stringify(other));

    const problems = problemsOf(dir);
    expect(problems.filter((p) => p.startsWith('lumbar-1.json: '))).toHaveLength(2); // unreadable, then not a seed file
    expect(problems[0]).toMatch(/^lumbar-1\.json: .*JSON/);
    expect(problems.some((p) => /^cervical-1\.json: exercises\.0\.dosage\.sets: /.test(p))).toBe(true);
  });

  it('names a file the manifest lists but the folder lacks', () => {
    const dir = seed();
    fs.rmSync(file(dir, 'lumbar-2.json'));
    const problems = problemsOf(dir);
    expect(problems[0]).toMatch(/^lumbar-2\.json: ENOENT/);
    expect(problems.every((p) => p.startsWith('lumbar-2.json: '))).toBe(true);
  });

  it('reports an exercise filed under another region or stage than its file, by file, position and code', () => {
    const dir = seed();
    const body = JSON.parse(fs.readFileSync(file(dir, 'lumbar-2.json'), 'utf8'));
    body.exercises[0].stage = 3;
    fs.writeFileSync(file(dir, 'lumbar-2.json'), JSON.stringify(body));
    const cervical = JSON.parse(fs.readFileSync(file(dir, 'cervical-1.json'), 'utf8'));
    cervical.exercises[0].region = 'lumbar';
    fs.writeFileSync(file(dir, 'cervical-1.json'), JSON.stringify(cervical));

    const problems = problemsOf(dir);
    expect(problems).toContain('lumbar-2.json: exercises.0 (L2-01) is not lumbar stage 2');
    expect(problems).toContain('cervical-1.json: exercises.0 (C1-01) is not cervical stage 1');
    // Its code no longer fits the region it claims either; that is reported too.
    expect(problems).toContain('cervical-1.json: C1-01 should start with L1-');
  });
});
