// scripts/coverage-check.mjs on made-up coverage summaries: one line per folder with its line
// coverage and target, exit 1 when a folder is below its target, has no files, or there is no
// report; files outside the four folders (browser-mode, electron) and the total are not counted.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const SCRIPT = path.join(repoRoot, 'scripts', 'coverage-check.mjs');

type Lines = [covered: number, total: number];

function entry([covered, total]: Lines): object {
  const pct = total === 0 ? 100 : (100 * covered) / total;
  const counts = { total, covered, skipped: 0, pct };
  return { lines: counts, statements: counts, functions: counts, branches: counts };
}

/** Runs the script on a summary whose files (paths from the checkout's root) have these line counts. */
function check(files: Record<string, Lines>): { status: number | null; lines: string[]; stderr: string } {
  const summary: Record<string, object> = { total: entry([0, 1]) };
  for (const [file, lines] of Object.entries(files)) summary[path.join(repoRoot, file)] = entry(lines);
  const file = path.join(tempDir('loadwise-cov-'), 'coverage-summary.json');
  fs.writeFileSync(file, JSON.stringify(summary));
  const r = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  return { status: r.status, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
}

const PASSING: Record<string, Lines> = {
  'common/a.ts': [91, 100],
  'services/a.ts': [45, 50],
  'services/b.ts': [50, 50],
  'db/a.ts': [9, 10],
  'renderer/src/a.tsx': [3, 5],
};

describe('coverage-check', () => {
  it('passes when every folder reaches its target, with one line per folder summing its files', () => {
    const r = check(PASSING);
    expect(r.status).toBe(0);
    expect(r.lines).toEqual([
      'common         91.00% of lines (91/100), target 90%  ok',
      'services       95.00% of lines (95/100), target 90%  ok',
      'db             90.00% of lines (9/10), target 90%  ok',
      'renderer/src   60.00% of lines (3/5), target 60%  ok',
    ]);
  });

  it('fails when one folder is below its target, and says which', () => {
    const r = check({ ...PASSING, 'db/b.ts': [0, 1] });
    expect(r.status).toBe(1);
    expect(r.lines[2]).toBe('db             81.81% of lines (9/11), target 90%  FAIL');
    expect(r.lines.filter((l) => l.endsWith('FAIL'))).toHaveLength(1);
  });

  it('never prints a folder just under its target as reaching it', () => {
    const r = check({ ...PASSING, 'common/a.ts': [89_999, 100_000] });
    expect(r.status).toBe(1);
    expect(r.lines[0]).toBe('common         89.99% of lines (89999/100000), target 90%  FAIL');
  });

  it('holds renderer/src to 60% and ignores other folders, even poorly covered ones', () => {
    const low = check({ ...PASSING, 'renderer/src/b.tsx': [1, 2] });
    expect(low.status).toBe(1);
    expect(low.lines[3]).toBe('renderer/src   57.14% of lines (4/7), target 60%  FAIL');
    const others = check({ ...PASSING, 'electron/main/x.ts': [0, 500], 'browser-mode/y.ts': [0, 500], 'renderer/index.html': [0, 9] });
    expect(others.status).toBe(0);
  });

  it('does not count a folder whose name only starts like a target (services-old/)', () => {
    const r = check({ ...PASSING, 'services-old/a.ts': [0, 1000] });
    expect(r.status).toBe(0);
    expect(r.lines[1]).toBe('services       95.00% of lines (95/100), target 90%  ok');
  });

  it('fails when a folder has no files in the report, rather than passing it unchecked', () => {
    const { 'db/a.ts': _dropped, ...withoutDb } = PASSING;
    const r = check(withoutDb);
    expect(r.status).toBe(1);
    expect(r.lines[2]).toBe('db            no files in the coverage report (target 90%)  FAIL');
  });

  it('fails with a hint when there is no report', () => {
    const missing = path.join(tempDir('loadwise-cov-'), 'coverage-summary.json');
    const r = spawnSync(process.execPath, [SCRIPT, missing], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ENOENT');
    expect(r.stderr).toContain('vitest run --coverage');
  });
});
