// Search as a clinician types it, on the real built-in library: abbreviations, clinical names,
// UK and US spellings, codes and the audit's failing queries (library audit D17, §6) each find
// the expected exercise in the top three; known clinical words are never "corrected".
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../../services/context';
import { call } from '../../../support/call';
import { bootTestServices } from '../../../support/fixtures';
import { repoRoot } from '../../../support/repo';

let ctx: ServiceContext;
// Booted for each test: the fixtures close what a test booted when it ends.
beforeEach(async () => {
  ({ ctx } = await bootTestServices({ seedDir: path.join(repoRoot, 'resources', 'seed') }));
});

const top3 = async (query: string): Promise<(string | null)[]> =>
  (await call(ctx, 'library.search', { query, limit: 3 })).items.map((i) => i.code);

describe('clinical search on the built-in library', () => {
  it.each([
    ['DNF', 'C1-01'],
    ['CCF', 'C1-01'],
    ['CCFT', 'C2-01'],
    ['ADIM', 'L1-01'],
    ['drawing-in manoeuvre', 'L1-01'],
    ['hollowing', 'L1-01'],
    ['RDL', 'L3-02'],
    ['ULNT', 'C2-10'],
    ['REIL', 'L2-12'],
    ['prone press up', 'L2-12'],
    ['McKenzie extension', 'L2-12'],
    ['side bridge', 'L2-04'],
    ['side plank', 'L2-04'],
    ['McGill curl-up', 'L2-03'],
    ['stabilization', 'L1-02'],
    ['stabilisation', 'L1-02'],
    ['neural', 'L2-13'],
    ['Pallof', 'L2-10'],
    ['L2-03', 'L2-03'],
    ['l2 03', 'L2-03'],
    ['l2-03', 'L2-03'],
    // The thoracic set (audit §3.3): clinical names, aliases and codes.
    ['open book', 'T1-01'],
    ['thread the needle', 'T2-02'],
    ['foam roller thoracic extension', 'T2-01'],
    ['T-spine rotation', 'T1-01'],
    ['prone cobra', 'T3-02'],
    ['T3-01', 'T3-01'],
    ['t4 01', 'T4-01'],
    // The audit's priority-1 additions (§3.2).
    ['ankle pumps', 'L1-13'],
    ['prone on elbows', 'L1-14'],
    ['knees to chest', 'L1-15'],
    ['stenosis', 'L1-15'],
    ['tensioner', 'L2-16'],
    ['femoral slider', 'L2-17'],
    ['standing extension', 'L2-18'],
    ['water walking', 'L2-19'],
    ['upper trap stretch', 'C1-15'],
    ['levator scapulae', 'C1-15'],
    ['doorway pec stretch', 'C1-16'],
    ['YTW', 'C2-13'],
    ['prone Y-T-W', 'C2-13'],
    ['serratus punch', 'C2-14'],
    ['UBE', 'C2-15'],
    ['arm bike', 'C2-15'],
    // The variants split out of one code (audit D26).
    ['Pallof rotation', 'L3-16'],
    ['stir the pot', 'L3-17'],
    ['ball plank', 'L3-17'],
    ['scaption', 'C2-16'],
    ['wall slide', 'C2-08'],
  ])('"%s" finds %s in the top three', async (query, code) => {
    expect(await top3(query)).toContain(code);
  });

  it("filters the thoracic region, and finds its exercises by the region's words", async () => {
    const thoracic = await call(ctx, 'library.search', { query: '', filters: { regions: ['thoracic'] }, limit: 100 });
    expect(thoracic.items.length).toBeGreaterThanOrEqual(7);
    expect(thoracic.items.every((i) => i.region === 'thoracic' && i.code!.startsWith('T'))).toBe(true);
    const byWord = (await call(ctx, 'library.search', { query: 'upper back', limit: 100 })).items.map((i) => i.code);
    expect(byWord).toEqual(expect.arrayContaining(['T1-01', 'T2-02', 'T3-01']));
    const both = await call(ctx, 'library.search', { query: '', filters: { regions: ['thoracic', 'cervical', 'lumbar'] }, limit: 1 });
    expect(both.total).toBeGreaterThan(thoracic.total);
  });

  it('matches a stage filter on the primary stage or any other stage an exercise belongs to (audit D14)', async () => {
    const stage1 = await call(ctx, 'library.search', { query: '', filters: { stages: [1] }, limit: 200 });
    const codes = stage1.items.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['L2-12', 'L2-13', 'C2-10', 'L4-12', 'C4-13', 'L4-07', 'L1-01']));
    const pressUp = stage1.items.find((i) => i.code === 'L2-12')!;
    expect(pressUp).toMatchObject({ stage: 2, alsoStages: [1] });
    expect(stage1.items.filter((i) => i.stage !== 1).every((i) => i.alsoStages!.includes(1))).toBe(true);
    // Words and a stage filter together: the press-up is found in stage 1 by its clinical term.
    const reil = await call(ctx, 'library.search', { query: 'REIL', filters: { stages: [1] } });
    expect(reil.items.map((i) => i.code)).toContain('L2-12');
    // Stage 4 alone never lists an exercise that is only stage 1 to 3.
    const stage4 = await call(ctx, 'library.search', { query: '', filters: { stages: [4] }, limit: 200 });
    expect(stage4.items.every((i) => i.stage === 4 || i.alsoStages!.includes(4))).toBe(true);
    expect(stage4.items.map((i) => i.code)).toContain('L2-19');
  });

  it('puts an exact phrase before scattered words: "side bridge" ranks the side bridges above the glute bridge', async () => {
    const codes = await top3('side bridge');
    expect(codes.indexOf('L2-04')).toBeLessThan(codes.includes('L2-06') ? codes.indexOf('L2-06') : 3);
  });

  it('searches known words as typed: "lumbar", "supine", "neural", "ADIM" and "SNAG" are never corrected', async () => {
    for (const query of ['lumbar', 'supine', 'neural', 'ADIM', 'SNAG']) {
      expect((await call(ctx, 'library.search', { query })).corrections, query).toEqual([]);
    }
  });

  it('still corrects a word that matches nothing, and says what it used instead', async () => {
    const r = await call(ctx, 'library.search', { query: 'mutlifidus' });
    expect(r.corrections).toEqual([{ typed: 'mutlifidus', usedInstead: expect.arrayContaining(['multifidus']) }]);
    expect(r.items.map((i) => i.code)).toContain('L1-03');
  });
});
