// The handout bench (tools/bench/handouts.ts) at a small catalogue size, so `npm run bench` cannot
// break unnoticed: the 40-exercise handout through the built worker, the bare pdfkit floor and a
// 12-exercise catalogue's pages per second, each a positive number.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureHandouts } from '../../../tools/bench/handouts';
import { repoRoot } from '../../support/repo';

describe('bench: handout figures', () => {
  it('measures the handout, the raw floor and the catalogue’s pages per second', { timeout: 120_000 }, async () => {
    const figures = await measureHandouts(
      path.join(repoRoot, 'resources', 'seed'),
      path.join(repoRoot, 'resources'),
      path.join(repoRoot, 'out', 'workers'),
      12,
    );
    expect(figures.handout).toBeGreaterThan(0);
    expect(figures.raw).toBeGreaterThan(0);
    expect(figures.cataloguePages).toBeGreaterThanOrEqual(3);
    expect(figures.pagesPerS).toBeGreaterThan(0);
  });
});
