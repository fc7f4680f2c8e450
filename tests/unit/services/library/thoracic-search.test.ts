// The thoracic stage 3-4 set (T3-03 to T3-12, T4-02 to T4-12): a clinician finds each by its
// clinical name or an alias, in the top three, on the real built-in library.
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../../services/context';
import { call } from '../../../support/call';
import { bootTestServices } from '../../../support/fixtures';
import { repoRoot } from '../../../support/repo';

let ctx: ServiceContext;
beforeEach(async () => {
  ({ ctx } = await bootTestServices({ seedDir: path.join(repoRoot, 'resources', 'seed') }));
});

const top3 = async (query: string): Promise<(string | null)[]> =>
  (await call(ctx, 'library.search', { query, limit: 3 })).items.map((i) => i.code);

describe('search finds the thoracic stage 3-4 exercises', () => {
  it.each([
    ['landmine press', 'T3-10'],
    ['straight-arm pulldown', 'T3-05'],
    ['wood chop', 'T3-08'],
    ['reverse wood chop', 'T3-09'],
    ['rotational row', 'T3-07'],
    ['band W', 'T3-04'],
    ["waiter's walk", 'T4-02'],
    ['bear-hug carry', 'T4-03'],
    ['Turkish get-up', 'T4-11'],
    ['TGU', 'T4-11'],
    ['shoveling', 'T4-08'],
    ['lawn mower start', 'T4-07'],
    ['t4 12', 'T4-12'],
  ])('"%s" finds %s in the top three', async (query, code) => {
    expect(await top3(query)).toContain(code);
  });

  it('files twelve or more thoracic exercises in each of stages 3 and 4', async () => {
    for (const stage of [3, 4] as const) {
      const r = await call(ctx, 'library.search', { query: '', filters: { regions: ['thoracic'], stages: [stage] }, limit: 100 });
      expect(r.items.filter((i) => i.stage === stage).length, `stage ${stage}`).toBeGreaterThanOrEqual(12);
    }
  });
});
