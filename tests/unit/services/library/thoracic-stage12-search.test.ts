// The thoracic stage 1 and 2 sets (issue 8, audit §3.3) and the flare-up plan on the real built-in
// library: each new item is found by its clinical name or by an alias a clinician would type, and the
// region and stage filters together list at least the issue's 12 thoracic exercises per stage.
import { describe, expect, it } from 'vitest';
import { call } from '../../../support/call';
import { topCodes, useSeedLibrary } from '../../../support/seed-search';

const ctx = useSeedLibrary();

describe('thoracic stages 1 and 2, and the flare-up plan, in search', () => {
  it.each([
    // Clinical names.
    ['crocodile breathing', 'T1-04'],
    ['seated thoracic flexion-extension', 'T1-05'],
    ['seated thoracic lateral flexion', 'T1-06'],
    ['wall Y lift-off', 'T2-10'],
    ['quadruped knee hover', 'T2-11'],
    ['wall angel', 'T2-07'],
    // Aliases.
    ['floor angels', 'T1-08'],
    ['serratus set', 'T1-11'],
    ['scapular push-up', 'T2-03'],
    ['bear plank', 'T2-11'],
    ['seated cat-camel', 'T1-05'],
    ['towel roll chest opener', 'T1-03'],
    ['roller snow angels', 'T2-08'],
    ['isometric trunk rotation', 'T1-12'],
    ['half-kneeling T-spine rotation', 'T2-06'],
    ['ribs-down arm raise', 'T2-12'],
    ['prone lower trap set', 'T1-07'],
    ['wall stand', 'T1-10'],
    ['seated W hold', 'T2-09'],
    ['puppy stretch at the wall', 'T2-05'],
    ['standing side bend', 'T2-04'],
    ['unloaded W', 'T1-09'],
    // The flare-up plan filed with them (audit §3.2, G-01), in lumbar stage 1.
    ['flare-up plan', 'L1-17'],
    ['relative rest', 'L1-17'],
    ['positions of ease', 'L1-17'],
  ])('"%s" finds %s in the top three', async (query, code) => {
    expect(await topCodes(ctx(), query)).toContain(code);
  });

  it('lists at least 12 thoracic exercises in stage 1 and in stage 2, the new ones among them', async () => {
    for (const [stage, codes] of [
      [1, ['T1-03', 'T1-07', 'T1-12']],
      [2, ['T2-03', 'T2-08', 'T2-12']],
    ] as const) {
      const found = await call(ctx(), 'library.search', { query: '', filters: { regions: ['thoracic'], stages: [stage] }, limit: 100 });
      expect(found.total, `stage ${stage}`).toBeGreaterThanOrEqual(12);
      expect(found.items.every((i) => i.region === 'thoracic')).toBe(true);
      expect(found.items.map((i) => i.code)).toEqual(expect.arrayContaining([...codes]));
    }
  });
});
