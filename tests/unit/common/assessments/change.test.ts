// common/assessments/change.ts: change against the patient's baseline, judged by the catalogue's
// default threshold in the measure's better direction; at the MCID boundary both ways, the
// "or 30 % of baseline" form, the MDC, the TSK crossing rule and refusals.
import { describe, expect, it } from 'vitest';
import { measure } from '../../../../common/assessments/catalogue';
import { classifyChange, describeRule, type ChangeResult } from '../../../../common/assessments/change';
import type { Result } from '../../../../common/contract/result';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}
function error(r: Result<unknown>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  expect(r.error.code).toBe('invalid_argument');
  return r.error.message;
}
const status = (id: string, baseline: number, latest: number, opts?: Parameters<typeof classifyChange>[3]): ChangeResult['status'] =>
  value(classifyChange(measure(id), baseline, latest, opts)).status;

describe('lower-better with "points or 30 % of baseline" (ODI: 10 points or 30 % [S91])', () => {
  it.each([
    [60, 50, 'improved'], // -10 points: exactly the MCID
    [60, 51, 'no-meaningful-change'], // -9 points, 15 %
    [20, 14, 'improved'], // -6 points = 30 % of 20
    [20, 15, 'no-meaningful-change'], // -5 points = 25 %
    [40, 50, 'worsened'], // +10 points
    [40, 49, 'no-meaningful-change'], // +9: the 30 % form (12) is not used for worsening
    [10, 14, 'no-meaningful-change'], // +4 is 40 % of 10, but worsening needs 10 points
    [40, 40, 'no-meaningful-change'],
  ])('ODI %d -> %d: %s', (baseline, latest, expected) => {
    expect(status('odi', baseline, latest)).toBe(expected);
  });

  it('reports the numbers it used', () => {
    const r = value(classifyChange(measure('odi'), 60, 48));
    expect(r).toMatchObject({ delta: -12, improvement: 12, threshold: 10, beyondMdc: true });
    expect(r.mcidRef).toBe('mcid 10 percent or 30% of baseline [S91]');
    expect(r.mdcRef).toBe('mdc90 10 percent [Sec][U]');
    expect(value(classifyChange(measure('odi'), 20, 14)).threshold).toBeCloseTo(6, 10);
    expect(value(classifyChange(measure('odi'), 20, 26)).threshold).toBe(10);
    expect(value(classifyChange(measure('odi'), 60, 55)).beyondMdc).toBe(false);
    // No change is not an improvement: its threshold is the points form, not 30 % of the baseline.
    expect(value(classifyChange(measure('odi'), 20, 20))).toMatchObject({ status: 'no-meaningful-change', threshold: 10 });
  });

  it('requireBeyondMdc: a 30 % improvement below the MDC (20 -> 14, MDC90 10) no longer counts', () => {
    expect(status('odi', 20, 14, { requireBeyondMdc: true })).toBe('no-meaningful-change');
    expect(status('odi', 60, 50, { requireBeyondMdc: true })).toBe('improved');
  });
});

describe('NPRS: 2 points or 30 %; MDC 2', () => {
  it.each([
    [6, 4, 'improved'],
    [6, 5, 'no-meaningful-change'],
    [3, 2, 'improved'], // 1 point >= 30 % of 3 (0.9)
    [4, 3, 'no-meaningful-change'], // 1 point = 25 %
    [4, 6, 'worsened'],
    [1, 2, 'no-meaningful-change'], // +1 is 100 % of 1, but worsening needs 2 points
    [0, 2, 'worsened'],
  ])('%d -> %d: %s', (b, l, s) => expect(status('nprs', b, l)).toBe(s));
});

describe('NDI: MCID 7.5 raw; MDC 10.2 [S97]', () => {
  it('at the MCID both ways, including an imputed 7.5', () => {
    expect(status('ndi', 20, 12.5)).toBe('improved');
    expect(status('ndi', 20, 12.6)).toBe('no-meaningful-change');
    expect(status('ndi', 20, 27.5)).toBe('worsened');
    expect(status('ndi', 20, 27.4)).toBe('no-meaningful-change');
    // 20 - (11.1111... imputed from sum 10 over 9 items) + 7.5 checks the float tolerance:
    const imputed = (10 * 10) / 9;
    expect(status('ndi', imputed + 7.5, imputed)).toBe('improved');
  });
  it('the MDC is reported, and can be required', () => {
    expect(value(classifyChange(measure('ndi'), 20, 12)).beyondMdc).toBe(false);
    expect(value(classifyChange(measure('ndi'), 20, 9.8)).beyondMdc).toBe(true);
    expect(status('ndi', 20, 12, { requireBeyondMdc: true })).toBe('no-meaningful-change');
    expect(status('ndi', 20, 9.8, { requireBeyondMdc: true })).toBe('improved');
  });
  it('another published rule can be chosen: the percent-scale MID 14 is judged on percent values (no raw range check)', () => {
    const mid = measure('ndi').change.alternatives.find((r) => r.unit === 'percent')!;
    const r = value(classifyChange(measure('ndi'), 60, 46, { rule: mid }));
    expect(r).toMatchObject({ status: 'improved', beyondMdc: null, mdcRef: null });
    expect(status('ndi', 60, 47, { rule: mid })).toBe('no-meaningful-change');
  });
});

describe('higher-better (PSFS MDC90 2 points; Sorensen derived MDC95 32 s; grip 6.5 kg)', () => {
  it.each([
    ['psfs', 3, 5, 'improved'],
    ['psfs', 3, 4.9, 'no-meaningful-change'],
    ['psfs', 5, 3, 'worsened'],
    ['psfs', 5, 3.1, 'no-meaningful-change'],
    ['sorensen', 100, 132, 'improved'],
    ['sorensen', 100, 131, 'no-meaningful-change'],
    ['sorensen', 132, 100, 'worsened'],
    ['grip', 30, 36.5, 'improved'],
    ['grip', 30, 36.4, 'no-meaningful-change'],
    ['grip', 36.5, 30, 'worsened'],
  ] as const)('%s %d -> %d: %s', (id, b, l, s) => expect(status(id, b, l)).toBe(s));

  it('improvement is signed in the better direction', () => {
    expect(value(classifyChange(measure('psfs'), 3, 5))).toMatchObject({ delta: 2, improvement: 2 });
    expect(value(classifyChange(measure('odi'), 30, 40))).toMatchObject({ delta: 10, improvement: -10 });
  });
});

describe('TSK-17 default: 5.5 points and crossing 37 (verify)', () => {
  it.each([
    [44, 38.5, 'no-meaningful-change'], // 5.5 points but still at or above 37
    [42, 36.5, 'improved'], // 5.5 points and below 37
    [42, 37, 'no-meaningful-change'], // 37 is not below 37
    [37, 31, 'improved'], // from 37 (the worse side) to below
    [36, 30, 'no-meaningful-change'], // already below: no crossing
    [32, 37.5, 'worsened'], // 5.5 up, into 37 and above
    [38, 44, 'no-meaningful-change'], // up 6 but already above
    [40, 36, 'no-meaningful-change'], // crosses but only 4 points
  ])('%d -> %d: %s', (b, l, s) => expect(status('tsk-17', b, l)).toBe(s));
});

describe('refusals', () => {
  it('a measure with no direction, no threshold, or values out of range', () => {
    expect(error(classifyChange(measure('start-back'), 5, 2))).toBe('SBST is not a change measure');
    expect(error(classifyChange(measure('dnf-endurance'), 20, 30))).toBe(
      'DNF has no change threshold in the catalogue; show the values, not a verdict',
    );
    expect(error(classifyChange(measure('odi'), 101, 50))).toBe('ODI baseline must be from 0 to 100; got 101');
    expect(error(classifyChange(measure('odi'), 50, -1))).toBe('ODI latest must be from 0 to 100; got -1');
    expect(error(classifyChange(measure('odi'), NaN, 50))).toBe('ODI baseline must be a number; got NaN');
    expect(error(classifyChange(measure('nprs'), 5, Infinity))).toBe('NPRS latest must be a number; got Infinity');
    expect(value(classifyChange(measure('odi'), 100, 0)).status).toBe('improved');
  });
  it('a rule in another unit skips the range check (PILE stages)', () => {
    expect(status('pile-lumbar', 2, 3)).toBe('improved');
    expect(status('pile-lumbar', 3, 3)).toBe('no-meaningful-change');
    expect(status('pile-lumbar', 3, 2)).toBe('worsened');
  });
});

describe('describeRule', () => {
  it('says the rule as a report cites it', () => {
    expect(describeRule(measure('tsk-17').change.default!)).toBe('mic 5.5 points and crossing 37 [U]');
    expect(describeRule({ kind: 'mcid', percentOfBaseline: 18, unit: 'percent', src: ['S95'] })).toBe('mcid 18% of baseline [S95]');
    expect(describeRule(measure('sorensen').change.default!)).toBe('mdc95 32 s [S74]');
  });
  it('a rule with only a percentage judges worsening by it too', () => {
    const rule = { kind: 'mcid' as const, percentOfBaseline: 18, unit: 'percent' as const, src: ['S95'] };
    expect(status('odi', 50, 41, { rule })).toBe('improved'); // 9 >= 18 % of 50
    expect(status('odi', 50, 42, { rule })).toBe('no-meaningful-change');
    expect(status('odi', 50, 59, { rule })).toBe('worsened');
    expect(status('odi', 50, 58, { rule })).toBe('no-meaningful-change');
    // From 0 the percentage is 0: no change is still no change.
    expect(status('odi', 0, 0, { rule })).toBe('no-meaningful-change');
  });
  it('a crossing rule on a higher-better measure: the better side is above the cut-off', () => {
    const rule = { kind: 'mcid' as const, points: 2, andCrossing: 5, unit: 'points' as const, src: ['C'] };
    expect(status('psfs', 3, 6, { rule })).toBe('improved');
    expect(status('psfs', 5, 7, { rule })).toBe('improved'); // 5 is not above 5
    expect(status('psfs', 6, 8, { rule })).toBe('no-meaningful-change'); // already above
    expect(status('psfs', 7, 5, { rule })).toBe('worsened');
    expect(status('psfs', 5, 3, { rule })).toBe('no-meaningful-change'); // never above
  });
  it('an MDC given only as a percentage is not compared (beyondMdc null)', () => {
    const m = structuredClone(measure('psfs'));
    m.change.mdc = { kind: 'mdc90', percentOfBaseline: 10, unit: 'points', src: ['C'] };
    expect(value(classifyChange(m, 3, 6))).toMatchObject({ status: 'improved', beyondMdc: null, mdcRef: null });
  });
});
