// The library sharing bench (tools/bench/bundles.ts) at a small size, so `npm run bench` cannot
// break unnoticed: a real export, preview and apply with photos through the built image worker,
// the raw inserts and a CSV import, each figure a positive number.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureBundles } from '../../../tools/bench/bundles';
import { repoRoot } from '../../support/repo';

describe('bench: library sharing figures', () => {
  it('measures export, import, the raw floor, memory and CSV rows per second', { timeout: 120_000 }, async () => {
    const figures = await measureBundles({
      seedDir: path.join(repoRoot, 'resources', 'seed'),
      workersDir: path.join(repoRoot, 'out', 'workers'),
      exercises: 40,
      photos: 6,
      csvRows: 25,
    });
    for (const [key, value] of Object.entries(figures)) expect(Number.isFinite(value) && value >= 0, key).toBe(true);
    expect(figures.exportMs).toBeGreaterThan(0);
    expect(figures.importMs).toBeGreaterThan(figures.importRawMs);
    expect(figures.csvRowsPerS).toBeGreaterThan(0);
  });
});
