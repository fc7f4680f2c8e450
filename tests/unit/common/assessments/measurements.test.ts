// common/assessments/measurements.ts: recordings become the gates' measurement map (latest value,
// first value as the baseline once there is a re-test), catalogue results feed the gate ids, every
// id a gate reads can be recorded, and the change from first to latest is said in words.
import { describe, expect, it } from 'vitest';
import { changeInWords, DERIVED_FROM, sourceOf, toMeasurements, type RecordedValue } from '../../../../common/assessments/measurements';
import { entryFormOf, GATE_MEASURES, isRecordable, scoreEntry } from '../../../../common/assessments/recording';
import { TEMPLATE_MEASURE_IDS } from '../../../../common/safety/template-measures';
import {
  ADVISORY_CRITERIA,
  evaluateGate,
  gateFor,
  NEURO_CRITERION,
  STAGE_GATES,
  UNIVERSAL_CRITERIA,
  type Rule,
} from '../../../../common/safety/gates';

/** A recording as the service stores it: scored by the kernel. */
function rec(
  measureId: string,
  date: string,
  entry: { value?: number; detail?: Record<string, unknown> },
  createdAt?: string,
): RecordedValue {
  const scored = scoreEntry(measureId, entry);
  if (!scored.ok) throw new Error(scored.error.message);
  return { measureId, date, ...scored.value, createdAt };
}

const idsOf = (rule: Rule): string[] => (rule.kind === 'any' || rule.kind === 'all' ? rule.of.flatMap(idsOf) : [rule.measure]);

describe('toMeasurements', () => {
  it('is empty for no recordings', () => {
    expect(toMeasurements([])).toEqual({});
  });

  it('keeps the latest value by day, whatever the order given, and the first as the baseline', () => {
    const m = toMeasurements([
      rec('adim-clean-holds', '2026-03-10', { value: 8 }),
      rec('adim-clean-holds', '2026-02-01', { value: 3 }),
      rec('adim-clean-holds', '2026-03-01', { value: 6 }),
    ]);
    expect(m['adim-clean-holds']).toEqual({ value: 8, date: '2026-03-10' });
    expect(m['adim-clean-holds:baseline']).toEqual({ value: 3, date: '2026-02-01' });
  });

  it('gives no baseline for a single recording (a change needs a re-test)', () => {
    const m = toMeasurements([rec('nprs', '2026-02-01', { value: 6 })]);
    expect(m).toEqual({ nprs: { value: 6, date: '2026-02-01' } });
  });

  it('on one day, the recording entered later is the latest', () => {
    const m = toMeasurements([
      rec('nprs', '2026-02-01', { value: 5 }, '2026-02-01T10:05:00.000Z'),
      rec('nprs', '2026-02-01', { value: 7 }, '2026-02-01T10:00:00.000Z'),
    ]);
    expect(m.nprs.value).toBe(5);
    expect(m['nprs:baseline'].value).toBe(7);
  });

  it('ODI feeds odi-percent and NDI feeds ndi-raw, scored from the items', () => {
    const m = toMeasurements([
      rec('odi', '2026-01-05', { detail: { items: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] } }),
      rec('odi', '2026-02-05', { detail: { items: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] } }),
      rec('ndi', '2026-01-05', { detail: { items: [2, 2, 2, 2, 2, 2, 2, 2, 2, null] } }),
    ]);
    expect(m['odi-percent']).toEqual({ value: 20, date: '2026-02-05' });
    expect(m['odi-percent:baseline']).toEqual({ value: 60, date: '2026-01-05' });
    expect(m.odi.value).toBe(20);
    expect(m['ndi-raw']).toEqual({ value: 20, date: '2026-01-05' });
  });

  it('PSFS feeds the mean, the lowest activity, and the item changes between first and latest', () => {
    const m = toMeasurements([
      rec('psfs', '2026-01-05', { detail: { ratings: [2, 4, 6] } }),
      rec('psfs', '2026-02-05', { detail: { ratings: [3, 8, 6] } }),
    ]);
    expect(m['psfs-mean'].value).toBeCloseTo(17 / 3);
    expect(m['psfs-mean:baseline'].value).toBe(4);
    expect(m['psfs-item-min']).toEqual({ value: 3, date: '2026-02-05' });
    expect(m['psfs-item-min:baseline'].value).toBe(2);
    expect(m['psfs-item-best-change']).toEqual({ value: 4, date: '2026-02-05' });
    expect(m['psfs-item-min-change'].value).toBe(1);
  });

  it('computes no PSFS item change when the activities differ in number', () => {
    const m = toMeasurements([
      rec('psfs', '2026-01-05', { detail: { ratings: [2, 4, 6] } }),
      rec('psfs', '2026-02-05', { detail: { ratings: [9, 9] } }),
    ]);
    expect(m['psfs-item-best-change']).toBeUndefined();
  });

  it('the McGill battery feeds the three ratios and its extensor time as sorensen-s', () => {
    const m = toMeasurements([
      rec('mcgill-battery', '2026-01-05', { detail: { flexor: 80, extensor: 100, sideBridgeR: 50, sideBridgeL: 50 } }),
    ]);
    expect(m['mcgill-flex-ext-ratio'].value).toBeCloseTo(0.8);
    expect(m['mcgill-sb-rl-ratio'].value).toBeCloseTo(1);
    expect(m['mcgill-sb-ext-ratio'].value).toBeCloseTo(0.5);
    expect(m['sorensen-s'].value).toBe(100);
  });

  it('a Sorensen test and a later battery share sorensen-s, with the first as baseline', () => {
    const m = toMeasurements([
      rec('sorensen', '2026-01-05', { value: 60 }),
      rec('mcgill-battery', '2026-02-05', { detail: { flexor: 80, extensor: 95, sideBridgeR: 50, sideBridgeL: 50 } }),
    ]);
    expect(m['sorensen-s']).toEqual({ value: 95, date: '2026-02-05' });
    expect(m['sorensen-s:baseline']).toEqual({ value: 60, date: '2026-01-05' });
  });

  it('grip with an affected hand, DNF with sex, PILE stages, and cervical rotation', () => {
    const m = toMeasurements([
      rec('grip', '2026-01-05', { detail: { left: [20, 22, 24], right: [30, 30, 30], affected: 'L' } }),
      rec('dnf-endurance', '2026-01-05', { detail: { trials: [20, 30], use: 'best', sex: 'F' } }),
      rec('pile-lumbar', '2026-01-05', { detail: { sex: 'M', completedStages: 3 } }),
      rec('c-pile', '2026-01-05', { detail: { sex: 'F', completedStages: 2 } }),
      rec('cervical-rom', '2026-01-05', { detail: { left: 55, right: 70 } }),
      rec('single-leg-stance', '2026-01-05', { detail: { left: 12, right: 8 } }),
    ]);
    expect(m['single-leg-stance-weaker-s'].value).toBe(8);
    expect(m['grip-affected-kg'].value).toBe(22);
    expect(m['grip-affected-percent-of-other'].value).toBeCloseTo((22 / 30) * 100);
    expect(m['dnf-endurance-s'].value).toBe(30);
    expect(m['dnf-percent-of-sex-mean'].value).toBeCloseTo((30 / 29.4) * 100);
    expect(m['pile-lumbar-stage'].value).toBe(3);
    expect(m['cpile-stage'].value).toBe(2);
    expect(m['cervical-rotation-left-deg'].value).toBe(55);
    expect(m['cervical-rotation-right-deg'].value).toBe(70);
  });

  it('grip without an affected hand and DNF without sex feed no comparison ids', () => {
    const m = toMeasurements([
      rec('grip', '2026-01-05', { detail: { left: [20, 22, 24], right: [30, 30, 30] } }),
      rec('dnf-endurance', '2026-01-05', { detail: { trials: [20] } }),
    ]);
    expect(m.grip.value).toBe(22);
    expect(m['grip-affected-kg']).toBeUndefined();
    expect(m['dnf-percent-of-sex-mean']).toBeUndefined();
    expect(m['dnf-endurance-s'].value).toBe(20);
  });

  it('yes/no gate checks are 1 and 0', () => {
    const m = toMeasurements([rec('red-flags-clear', '2026-01-05', { value: 0 }), rec('red-flags-clear', '2026-01-06', { value: 1 })]);
    expect(m['red-flags-clear'].value).toBe(1);
  });

  it('every measure id a gate reads is either recorded directly or supplied by a recordable catalogue measure', () => {
    const criteria = [
      ...UNIVERSAL_CRITERIA,
      NEURO_CRITERION,
      ...ADVISORY_CRITERIA,
      ...STAGE_GATES.flatMap((g) => [...g.required, ...g.supporting]),
    ];
    const ids = new Set([...criteria.flatMap((c) => idsOf(c.rule)), ...TEMPLATE_MEASURE_IDS]);
    const gateOnly = new Set(GATE_MEASURES.map((g) => g.id));
    for (const id of ids) {
      expect(gateOnly.has(id) || id in DERIVED_FROM || entryFormOf(id) !== undefined, id).toBe(true);
      expect(isRecordable(sourceOf(id)), id).toBe(true);
    }
    // Nothing is listed that no gate reads.
    for (const id of gateOnly) expect(ids.has(id), id).toBe(true);
  });

  it('feeds evaluateGate: lumbar 1 -> 2 met from recordings alone', () => {
    const day = '2026-03-01';
    const records = [
      rec('red-flags-clear', day, { value: 1 }),
      rec('pain-response-weeks', day, { value: 2 }),
      rec('form-clean-sessions', day, { value: 2 }),
      rec('adim-clean-holds', day, { value: 10 }),
      rec('multifidus-clean-holds', day, { value: 10 }),
      rec('activation-positions', day, { value: 2 }),
      rec('walk-continuous-min', day, { value: 20 }),
      rec('log-roll-independent', day, { value: 1 }),
    ];
    expect(evaluateGate(1, gateFor(1, 'lumbar'), toMeasurements(records)).status).toBe('met');
    expect(evaluateGate(1, gateFor(1, 'lumbar'), toMeasurements(records.slice(1))).status).toBe('incomplete');
  });
});

describe('changeInWords', () => {
  it('needs two recordings', () => {
    expect(changeInWords('odi', [rec('odi', '2026-01-05', { detail: { items: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] } })])).toBeNull();
  });

  it('says an ODI fall of 40 points is an improvement beyond the MCID', () => {
    const s = changeInWords('odi', [
      rec('odi', '2026-01-05', { detail: { items: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] } }),
      rec('odi', '2026-02-05', { detail: { items: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] } }),
    ]);
    expect(s?.result?.status).toBe('improved');
    expect(s?.text).toBe('Improved by 40 percent, more than the MCID of 10 percent (first 60, latest 20).');
  });

  it('says a small NPRS rise is worse but less than the MCID', () => {
    const s = changeInWords('nprs', [rec('nprs', '2026-01-05', { value: 5 }), rec('nprs', '2026-02-05', { value: 6 })]);
    expect(s?.result?.status).toBe('no-meaningful-change');
    expect(s?.text).toMatch(/^Worse by 1 point, less than the MCID of 2 points/);
  });

  it('judges PILE on completed stages', () => {
    const s = changeInWords('pile-lumbar', [
      rec('pile-lumbar', '2026-01-05', { detail: { sex: 'M', completedStages: 2 } }),
      rec('pile-lumbar', '2026-02-05', { detail: { sex: 'M', completedStages: 3 } }),
    ]);
    expect(s?.result?.status).toBe('improved');
    expect(s?.text).toMatch(/^Improved by 1 stage, more than the smallest meaningful change of 1 stage/);
  });

  it('shows the values without a verdict where the catalogue has no threshold', () => {
    const s = changeInWords('mcgill-flexor', [
      rec('mcgill-flexor', '2026-01-05', { value: 60 }),
      rec('mcgill-flexor', '2026-02-05', { value: 90 }),
    ]);
    expect(s?.result).toBeNull();
    expect(s?.text).toBe('Changed by 30 s (first 60, latest 90). No change threshold is known for this measure.');
  });
});
