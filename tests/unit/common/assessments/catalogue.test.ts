// common/assessments/catalogue.ts: every measure of library audit §8 as data in the §8.6 shape,
// validated by its zod schema; the values that drive scoring, eligibility (§8.5) and change are
// checked against the audit's tables here, so a typo in the data fails a test.
import { describe, expect, it } from 'vitest';
import { CATALOGUE, measure } from '../../../../common/assessments/catalogue';
import * as physical from '../../../../common/assessments/physical';
import * as scoring from '../../../../common/assessments/scoring';
import { CatalogueSchema, MeasureSchema, type Measure } from '../../../../common/assessments/schema';

/** Audit §8.1-8.4, one id per measure. */
const AUDIT_IDS = {
  '8.1': ['nprs', 'odi', 'rmdq', 'ndi', 'psfs', 'start-back', 'tsk-17', 'tsk-11'],
  '8.2': [
    'sorensen',
    'mcgill-flexor',
    'mcgill-side-bridge',
    'mcgill-battery',
    'prone-instability',
    'hicks-cpr',
    'aslr',
    'slr-slump',
    'neuro-screen-lumbar',
    'pile-lumbar',
  ],
  '8.3': ['dnf-endurance', 'ccft', 'wainner-cluster', 'cook-myelopathy-cluster', 'cervical-rom', 'grip', 'c-pile'],
  '8.4': [
    'six-minute-walk',
    'five-times-sit-to-stand',
    'single-leg-stance',
    'cervical-jps',
    'keele-start-msk',
    'pcs',
    'fabq',
    'phq-9',
    'promis-pf',
  ],
};

describe('the catalogue', () => {
  it('validates against the record schema', () => {
    const parsed = CatalogueSchema.safeParse(CATALOGUE);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('holds every measure of audit §8.1-8.4 and nothing else (34 measures)', () => {
    const all = Object.values(AUDIT_IDS).flat();
    expect(CATALOGUE.map((m) => m.id).sort()).toEqual([...all].sort());
    expect(CATALOGUE).toHaveLength(34);
  });

  it('names a scorer that exists for every scored measure', () => {
    const exported = { ...scoring, ...physical } as Record<string, unknown>;
    for (const m of CATALOGUE) if (m.scorer) expect(typeof exported[m.scorer], `${m.id}: ${m.scorer}`).toBe('function');
    expect(CATALOGUE.filter((m) => m.scorer).length).toBe(22);
  });

  it('stores no item wording: questionnaires have item counts and response ranges only, and a licence note', () => {
    for (const m of CATALOGUE.filter((x) => x.kind === 'questionnaire' || x.category === 'prom')) {
      expect(m.licence, m.id).toBeDefined();
      if (m.items) expect(Object.keys(m.items).sort()).toEqual(expect.arrayContaining(['count', 'response']));
      expect(JSON.stringify(m.items ?? {})).not.toMatch(/"text"|"wording"|"question"/);
    }
    expect(measure('odi').licence?.status).toBe('verify');
    expect(measure('ndi').licence?.status).toBe('verify');
    expect(measure('start-back').licence?.status).toBe('verify');
    expect(measure('tsk-17').licence?.status).toBe('believed-free');
    expect(measure('psfs').licence?.status).toBe('believed-free');
    expect(measure('nprs').licence?.status).toBe('believed-free');
  });

  it('marks every §8.4 measure as a gap to verify, with no scoring or threshold invented', () => {
    for (const id of AUDIT_IDS['8.4']) {
      const m = measure(id);
      expect([m.status, m.verify, m.scorer, m.change.default, m.bands, m.cutoffs]).toEqual(['gap', true, null, null, [], []]);
    }
  });

  it('carries the audit’s directions (§8.0)', () => {
    const dir = (id: string) => measure(id).direction;
    for (const id of ['nprs', 'odi', 'ndi', 'rmdq', 'tsk-17', 'tsk-11']) expect(dir(id), id).toBe('lower-better');
    for (const id of ['psfs', 'sorensen', 'dnf-endurance', 'grip', 'pile-lumbar', 'c-pile', 'mcgill-flexor'])
      expect(dir(id), id).toBe('higher-better');
    expect(dir('start-back')).toBe('none');
  });

  it('carries the audit’s default change thresholds (bold in §8.1-8.3)', () => {
    const d = (id: string) => measure(id).change.default;
    expect(d('nprs')).toMatchObject({ points: 2, percentOfBaseline: 30, src: ['S91'] });
    expect(d('odi')).toMatchObject({ points: 10, percentOfBaseline: 30, src: ['S91'] });
    expect(d('rmdq')).toMatchObject({ points: 5, percentOfBaseline: 30 });
    expect(d('ndi')).toMatchObject({ points: 7.5, unit: 'points', src: ['S97'] });
    expect(measure('ndi').change.mdc).toMatchObject({ points: 10.2 });
    expect(d('psfs')).toMatchObject({ kind: 'mdc90', points: 2 });
    expect(d('sorensen')).toMatchObject({ kind: 'mdc95', points: 32, derived: true });
    expect(d('tsk-17')).toMatchObject({ points: 5.5, andCrossing: 37, verify: true });
    expect(d('grip')).toMatchObject({ points: 6.5, unit: 'kg' });
    expect(d('pile-lumbar')).toMatchObject({ points: 1, unit: 'stage' });
    expect(measure('nprs').change.mdc).toMatchObject({ points: 2 });
  });

  it('carries §8.5 eligibility after surgery or an implant', () => {
    const e = (id: string) => measure(id).eligibility!;
    expect(e('sorensen')['post-decompression']).toEqual({ status: 'from-week', week: 8 });
    expect(e('sorensen')['post-fusion']).toMatchObject({ status: 'from-week', week: 26, verify: true });
    expect(e('sorensen')['post-acdf']).toMatchObject({ status: 'from-week', week: 12 });
    expect(e('sorensen').scs).toEqual({ status: 'from-week', week: 8 });
    expect(e('sorensen').cautions).toHaveLength(2);
    expect(e('mcgill-battery')).toEqual(e('sorensen'));
    expect([e('mcgill-flexor')['post-decompression'], e('mcgill-flexor')['post-fusion']]).toMatchObject([{ week: 6 }, { week: 12 }]);
    expect(e('mcgill-side-bridge').cautions).toEqual(['Shoulder pain.']);
    expect(e('prone-instability')['post-fusion'].status).toBe('not-meaningful');
    expect(e('prone-instability')['post-acdf'].status).toBe('no-restriction-given');
    expect(e('pile-lumbar')['post-fusion']).toEqual({ status: 'from-week', week: 12, surgeonClearance: true });
    expect(e('dnf-endurance')['post-acdf']).toMatchObject({ week: 6 });
    expect(e('dnf-endurance').scs).toMatchObject({ week: 8, condition: 'cervical leads' });
    expect(e('ccft')['post-acdf']).toMatchObject({ week: 4 });
    expect(e('c-pile')['post-decompression']).toMatchObject({ week: 6 });
    for (const g of ['post-decompression', 'post-fusion', 'post-acdf', 'scs'] as const) expect(e('grip')[g]).toEqual({ status: 'any' });
    for (const m of CATALOGUE.filter((x) => x.eligibility)) expect(m.eligibility!.src).toEqual(['C']);
  });

  it('measure() finds a record and refuses an unknown id', () => {
    expect(measure('ccft').abbreviation).toBe('CCFT');
    expect(() => measure('nope')).toThrow('No measure with id "nope" in the catalogue');
  });
});

describe('the record schema refuses bad records', () => {
  const good = (): Measure => structuredClone(measure('ndi'));
  const issues = (m: unknown) => {
    const r = MeasureSchema.safeParse(m);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('accepts a good record', () => expect(issues(good())).toEqual([]));

  it.each<[string, (m: Measure) => void, RegExp]>([
    ['bands that do not rise', (m) => (m.bands[2].min = 5), /bands must rise/],
    ['a band outside the range', (m) => (m.bands[4].min = 51), /band starts outside the range/],
    ['a questionnaire without a licence', (m) => delete m.licence, /needs a licence note/],
    ['a change threshold with no direction', (m) => (m.direction = 'none'), /needs a direction/],
    ['a value marked verify on a record that is not', (m) => (m.verify = false), /needs verify: true/],
    ['a bad source tag', (m) => (m.src = ['Smith 2000']), /S-key/],
    ['an id with capitals', (m) => (m.id = 'NDI'), /lower-case/],
    ['a range running backwards', (m) => (m.range = { min: 50, max: 0 }), /lower to a higher/],
    ['a change rule with no amount', (m) => (m.change.default = { kind: 'mcid', unit: 'points', src: ['S97'] }), /points or a percentage/],
  ])('%s', (_name, breakIt, message) => {
    const m = good();
    breakIt(m);
    expect(issues(m).join(' | ')).toMatch(message);
  });

  it('finds a verify flag on a norm, a cut-off or an MDC too', () => {
    const a = structuredClone(measure('rmdq'));
    expect(issues(a)).toEqual([]);
    a.norms = [{ sample: 'x', mean: 1, unit: 'points', src: ['U'], verify: true }];
    expect(issues(a).join()).toMatch(/needs verify: true/);
    const b = structuredClone(measure('rmdq'));
    b.cutoffs[0].verify = true;
    expect(issues(b).join()).toMatch(/needs verify: true/);
    const c = structuredClone(measure('rmdq'));
    c.change.mdc = { kind: 'mdc90', points: 1, unit: 'points', src: ['U'], verify: true };
    expect(issues(c).join()).toMatch(/needs verify: true/);
    const d = structuredClone(measure('rmdq'));
    d.change.alternatives = [{ kind: 'mid', points: 1, unit: 'points', src: ['U'], verify: true }];
    expect(issues(d).join()).toMatch(/needs verify: true/);
  });

  it('refuses duplicate ids in the catalogue', () => {
    const r = CatalogueSchema.safeParse([measure('odi'), measure('odi')]);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('Duplicate id odi');
  });
});
