// common/assessments/physical.ts: the physical tests of library audit §8.2-8.3, with worked
// examples from the audit's rules (stated beside each), the McGill ratios and flags at their
// thresholds, and refusals of impossible input.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../common/contract/result';
import {
  ccftBand,
  ccftResult,
  classifyProneInstability,
  classifySlr,
  classifySorensen,
  compareNeuroScreen,
  dnfResult,
  gripNormLb,
  gripResult,
  mcgillRatios,
  pileResult,
  scoreAslr,
  scoreCook,
  scoreHicks,
  scoreWainner,
  type NeuroLevel,
} from '../../../../common/assessments/physical';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}
function error(r: Result<unknown>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  expect(r.error.code).toBe('invalid_argument');
  return r.error.message;
}

describe('Biering-Sørensen [S73]: men <176 s risk, >198 s low risk; women no prediction; 240 s cap', () => {
  it.each([
    [0, 'M', 'lbp-risk'],
    [175, 'M', 'lbp-risk'],
    [176, 'M', 'indeterminate'],
    [198, 'M', 'indeterminate'],
    [199, 'M', 'low-risk'],
    [240, 'M', 'low-risk'],
    [100, 'F', 'no-predictive-validity'],
    [240, 'F', 'no-predictive-validity'],
  ] as const)('%d s, %s -> %s', (seconds, sex, prediction) => {
    expect(value(classifySorensen({ seconds, sex }))).toEqual({ seconds, capped: seconds === 240, prediction });
  });
  it('refuses a time past the cap, a negative time and an unknown sex', () => {
    expect(error(classifySorensen({ seconds: 241, sex: 'M' }))).toBe('Sorensen time (s) cannot be above 240; got 241');
    expect(error(classifySorensen({ seconds: -1, sex: 'M' }))).toBe('Sorensen time (s) must be a number of 0 or more; got -1');
    expect(error(classifySorensen({ seconds: Infinity, sex: 'F' }))).toMatch(/must be a number of 0 or more; got Infinity/);
    expect(error(classifySorensen({ seconds: 100, sex: 'X' as never }))).toBe('Sex must be M or F');
  });
});

describe('McGill ratios: flex/ext < 1.0; R/L SB 0.95-1.05; max SB/ext < 0.75', () => {
  it('a balanced battery: flexor 100, extensor 150, SB 60/60 -> 0.667, 1.0, 0.4, no flags', () => {
    expect(value(mcgillRatios({ flexor: 100, extensor: 150, sideBridgeR: 60, sideBridgeL: 60 }))).toEqual({
      flexExt: 100 / 150,
      sbRL: 1,
      sbExt: 0.4,
      weakerSide: null,
      flags: [],
      unavailable: [],
    });
  });

  it('flexor/extensor at exactly 1.0 is flagged (target is below 1.0); 99/100 is not', () => {
    expect(value(mcgillRatios({ flexor: 100, extensor: 100, sideBridgeR: 50, sideBridgeL: 50 })).flags).toEqual([
      'flexion-extension-ratio',
    ]);
    expect(value(mcgillRatios({ flexor: 99, extensor: 100, sideBridgeR: 50, sideBridgeL: 50 })).flags).toEqual([]);
  });

  it('right/left: 95/100 and 105/100 are in range; 94/100 (R weaker) and 106/100 (L weaker) are flagged', () => {
    const sb = (r: number, l: number) => value(mcgillRatios({ flexor: 50, extensor: 200, sideBridgeR: r, sideBridgeL: l }));
    expect(sb(95, 100)).toMatchObject({ sbRL: 0.95, flags: [], weakerSide: null });
    expect(sb(105, 100)).toMatchObject({ sbRL: 1.05, flags: [], weakerSide: null });
    expect(sb(94, 100)).toMatchObject({ flags: ['side-bridge-imbalance'], weakerSide: 'R' });
    expect(sb(106, 100)).toMatchObject({ flags: ['side-bridge-imbalance'], weakerSide: 'L' });
  });

  it('side bridge/extensor uses the larger side: 75/100 is flagged, 74/100 is not', () => {
    const r = (r: number, l: number) => value(mcgillRatios({ flexor: 50, extensor: 100, sideBridgeR: r, sideBridgeL: l }));
    expect(r(72, 74)).toMatchObject({ sbExt: 0.74, flags: [] });
    expect(r(75, 74)).toMatchObject({ sbExt: 0.75, flags: ['side-bridge-extension-ratio'] });
    expect(r(74, 75)).toMatchObject({ sbExt: 0.75, flags: ['side-bridge-extension-ratio'] });
  });

  it('every flag at once, in a fixed order', () => {
    expect(value(mcgillRatios({ flexor: 120, extensor: 100, sideBridgeR: 80, sideBridgeL: 100 })).flags).toEqual([
      'flexion-extension-ratio',
      'side-bridge-imbalance',
      'side-bridge-extension-ratio',
    ]);
  });

  it('a divisor of 0 s leaves its ratios out, with no flag', () => {
    expect(value(mcgillRatios({ flexor: 30, extensor: 0, sideBridgeR: 20, sideBridgeL: 20 }))).toEqual({
      flexExt: null,
      sbRL: 1,
      sbExt: null,
      weakerSide: null,
      flags: [],
      unavailable: ['flexExt', 'sbExt'],
    });
    expect(value(mcgillRatios({ flexor: 30, extensor: 100, sideBridgeR: 20, sideBridgeL: 0 }))).toEqual({
      flexExt: 0.3,
      sbRL: null,
      sbExt: 0.2,
      weakerSide: null,
      flags: [],
      unavailable: ['sbRL'],
    });
  });

  it('refuses negative times and an extensor past the Sorensen cap, naming the part', () => {
    expect(error(mcgillRatios({ flexor: -1, extensor: 100, sideBridgeR: 1, sideBridgeL: 1 }))).toBe(
      'Flexor time (s) must be a number of 0 or more; got -1',
    );
    expect(error(mcgillRatios({ flexor: 1, extensor: 241, sideBridgeR: 1, sideBridgeL: 1 }))).toBe(
      'Extensor time (s) cannot be above 240; got 241',
    );
    expect(error(mcgillRatios({ flexor: 1, extensor: 100, sideBridgeR: NaN, sideBridgeL: 1 }))).toMatch(/^Right side bridge time/);
    expect(error(mcgillRatios({ flexor: 1, extensor: 100, sideBridgeR: 1, sideBridgeL: -3 }))).toMatch(/^Left side bridge time/);
    expect(value(mcgillRatios({ flexor: 1, extensor: 240, sideBridgeR: 1, sideBridgeL: 1 })).flexExt).toBe(1 / 240);
  });
});

describe('prone instability test [S80]', () => {
  it('positive only when provoked pain subsides substantially with the legs lifted', () => {
    expect(value(classifyProneInstability({ painProvoked: true, withLegsLifted: 'subsides-substantially' }))).toEqual({ positive: true });
    expect(value(classifyProneInstability({ painProvoked: true, withLegsLifted: 'mild-change' })).positive).toBe(false);
    expect(value(classifyProneInstability({ painProvoked: true, withLegsLifted: 'no-change' })).positive).toBe(false);
    expect(value(classifyProneInstability({ painProvoked: false, withLegsLifted: 'subsides-substantially' })).positive).toBe(false);
  });
  it('refuses unknown answers', () => {
    expect(error(classifyProneInstability({ painProvoked: 'yes' as never, withLegsLifted: 'no-change' }))).toBe(
      'Pain provoked must be true or false; got yes',
    );
    expect(error(classifyProneInstability({ painProvoked: true, withLegsLifted: 'better' as never }))).toBe(
      'With the legs lifted must be subsides-substantially, mild-change or no-change; got better',
    );
  });
});

describe('Hicks CPR: age <40, average SLR >91°, aberrant movements, +PIT; >=3 of 4 positive', () => {
  it('age 39, SLR 92°, aberrant, PIT -> 4 of 4', () => {
    expect(value(scoreHicks({ age: 39, averageSlrDegrees: 92, aberrantMovements: true, pitPositive: true }))).toEqual({
      count: 4,
      items: { age: true, slr: true, aberrant: true, pit: true },
      positive: true,
    });
  });
  it('boundaries: age 40 and SLR 91° do not count', () => {
    expect(value(scoreHicks({ age: 40, averageSlrDegrees: 91, aberrantMovements: true, pitPositive: true }))).toMatchObject({
      count: 2,
      positive: false,
    });
    expect(value(scoreHicks({ age: 40, averageSlrDegrees: 91.5, aberrantMovements: true, pitPositive: true }))).toMatchObject({
      count: 3,
      positive: true,
    });
    expect(value(scoreHicks({ age: 20, averageSlrDegrees: 60, aberrantMovements: false, pitPositive: true }))).toMatchObject({
      count: 2,
      positive: false,
    });
    expect(value(scoreHicks({ age: 60, averageSlrDegrees: 60, aberrantMovements: false, pitPositive: false }))).toMatchObject({
      count: 0,
      positive: false,
    });
  });
  it('refuses impossible input', () => {
    expect(error(scoreHicks({ age: 30.5, averageSlrDegrees: 60, aberrantMovements: false, pitPositive: false }))).toBe(
      'Age must be a whole number from 0 to 120; got 30.5',
    );
    expect(error(scoreHicks({ age: 30, averageSlrDegrees: 200, aberrantMovements: false, pitPositive: false }))).toBe(
      'Average SLR (degrees) cannot be above 180; got 200',
    );
    expect(error(scoreHicks({ age: 30, averageSlrDegrees: 60, aberrantMovements: 1 as never, pitPositive: false }))).toMatch(
      /^Aberrant movements/,
    );
    expect(error(scoreHicks({ age: 30, averageSlrDegrees: 60, aberrantMovements: false, pitPositive: null as never }))).toMatch(
      /^PIT positive/,
    );
  });
});

describe('ASLR: 0-5 per side, sum 0-10, >=1 positive', () => {
  it('0 + 0 negative; 1 + 0 positive; 5 + 5 = 10', () => {
    expect(value(scoreAslr({ left: 0, right: 0 }))).toEqual({ score: 0, positive: false });
    expect(value(scoreAslr({ left: 1, right: 0 }))).toEqual({ score: 1, positive: true });
    expect(value(scoreAslr({ left: 0, right: 1 }))).toEqual({ score: 1, positive: true });
    expect(value(scoreAslr({ left: 5, right: 5 }))).toEqual({ score: 10, positive: true });
  });
  it('refuses 6 and fractions', () => {
    expect(error(scoreAslr({ left: 6, right: 0 }))).toBe('ASLR left must be a whole number from 0 to 5; got 6');
    expect(error(scoreAslr({ left: 0, right: 1.5 }))).toBe('ASLR right must be a whole number from 0 to 5; got 1.5');
    expect(error(scoreAslr({ left: 0, right: -1 }))).toMatch(/^ASLR right/);
  });
});

describe('SLR: classic positive = pain below the knee with onset at 30-70°', () => {
  it.each([
    [29, true, false],
    [30, true, true],
    [70, true, true],
    [71, true, false],
    [45, false, false],
  ])('%d°, below the knee %s -> %s', (onsetDegrees, belowKnee, classicPositive) => {
    expect(value(classifySlr({ onsetDegrees, belowKnee }))).toEqual({ classicPositive });
  });
  it('refuses an impossible angle', () => {
    expect(error(classifySlr({ onsetDegrees: -5, belowKnee: true }))).toMatch(/^SLR onset angle/);
    expect(error(classifySlr({ onsetDegrees: 181, belowKnee: true }))).toBe('SLR onset angle (degrees) cannot be above 180; got 181');
    expect(error(classifySlr({ onsetDegrees: 40, belowKnee: undefined as never }))).toMatch(/^Below the knee/);
  });
});

describe('neuro screen: any new or progressive deficit is urgent', () => {
  const level = (key: string, myotome = 5, reflex = 2, sensation: NeuroLevel['sensation'] = 'normal'): NeuroLevel => ({
    key,
    myotome,
    reflex,
    sensation,
  });
  it('unchanged or better is not urgent', () => {
    const base = [level('L5-L', 4, 1, 'reduced'), level('S1-L')];
    expect(value(compareNeuroScreen(base, base))).toEqual({ worse: [], urgent: false });
    expect(value(compareNeuroScreen(base, [level('L5-L', 5, 2, 'normal'), level('S1-L')]))).toEqual({ worse: [], urgent: false });
  });
  it.each([
    ['weaker myotome', level('L5-L', 4)],
    ['reflex reduced', level('L5-L', 5, 1)],
    ['reflex brisker', level('L5-L', 5, 3)],
    ['sensation reduced', level('L5-L', 5, 2, 'reduced')],
  ])('%s is urgent', (_name, now) => {
    expect(value(compareNeuroScreen([level('L5-L'), level('S1-L')], [now, level('S1-L')]))).toEqual({ worse: ['L5-L'], urgent: true });
  });
  it('reduced to absent sensation, and a reflex 1 -> 0, are progressive', () => {
    expect(value(compareNeuroScreen([level('S1-R', 5, 1, 'reduced')], [level('S1-R', 5, 0, 'reduced')])).worse).toEqual(['S1-R']);
    expect(value(compareNeuroScreen([level('S1-R', 5, 2, 'reduced')], [level('S1-R', 5, 2, 'absent')])).worse).toEqual(['S1-R']);
    expect(value(compareNeuroScreen([level('S1-R', 5, 4)], [level('S1-R', 5, 0)])).worse).toEqual([]);
  });
  it('refuses grades out of range and a level with no baseline', () => {
    expect(error(compareNeuroScreen([level('L4-L', 6)], []))).toBe('baseline L4-L myotome (MRC) must be a whole number from 0 to 5; got 6');
    expect(error(compareNeuroScreen([], [level('L4-L', 5, 5)]))).toBe('latest L4-L reflex must be a whole number from 0 to 4; got 5');
    expect(error(compareNeuroScreen([], [level('L4-L', 5, 2, 'numb' as never)]))).toBe(
      'latest L4-L sensation must be normal, reduced or absent; got numb',
    );
    expect(error(compareNeuroScreen([level('L4-L')], [level('L5-L')]))).toBe('Level L5-L has no baseline to compare with');
  });
});

describe('PILE: start 3.6 kg (F) / 5.85 kg (M), +2.25 / +4.5 kg per completed stage', () => {
  it.each([
    ['F', 0, 0],
    ['F', 1, 3.6],
    ['F', 4, 3.6 + 3 * 2.25], // 10.35
    ['M', 1, 5.85],
    ['M', 5, 5.85 + 4 * 4.5], // 23.85
  ] as const)('%s, %d stages -> %d kg', (sex, completedStages, kg) => {
    expect(value(pileResult({ sex, completedStages, protocol: 'lumbar' }))).toEqual({ kg, kgPerKg: null, belowCervicalCutoff: null });
  });
  it('C-PILE: 0.12 kg/kg cut-off; a man at 4 stages (19.35 kg) and 200 kg (0.097) is under it, at 80 kg is not', () => {
    expect(value(pileResult({ sex: 'M', completedStages: 4, bodyWeightKg: 200, protocol: 'cervical' }))).toMatchObject({
      kg: 19.35,
      belowCervicalCutoff: true,
    });
    expect(value(pileResult({ sex: 'M', completedStages: 4, bodyWeightKg: 80, protocol: 'cervical' }))).toMatchObject({
      kgPerKg: 19.35 / 80,
      belowCervicalCutoff: false,
    });
    // Exactly 0.12 is not below: a woman at 4 stages = 10.35 kg, over 86.25 kg = 0.12.
    expect(value(pileResult({ sex: 'F', completedStages: 4, bodyWeightKg: 86.25, protocol: 'cervical' })).belowCervicalCutoff).toBe(false);
    expect(value(pileResult({ sex: 'M', completedStages: 4, bodyWeightKg: 80, protocol: 'lumbar' })).belowCervicalCutoff).toBeNull();
    expect(value(pileResult({ sex: 'M', completedStages: 4, protocol: 'cervical' }))).toEqual({
      kg: 19.35,
      kgPerKg: null,
      belowCervicalCutoff: null,
    });
  });
  it('refuses impossible input', () => {
    expect(error(pileResult({ sex: 'M', completedStages: -1, protocol: 'lumbar' }))).toBe(
      'Completed stages must be a whole number from 0 to 100; got -1',
    );
    expect(error(pileResult({ sex: 'M', completedStages: 2, bodyWeightKg: 0, protocol: 'lumbar' }))).toBe(
      'Body weight must be above 0 and at most 400 kg; got 0',
    );
    expect(error(pileResult({ sex: 'M', completedStages: 2, bodyWeightKg: 401, protocol: 'lumbar' }))).toMatch(/^Body weight/);
    expect(value(pileResult({ sex: 'M', completedStages: 2, bodyWeightKg: 400, protocol: 'lumbar' })).kgPerKg).toBeCloseTo(10.35 / 400, 10);
    expect(error(pileResult({ sex: '?' as never, completedStages: 2, protocol: 'lumbar' }))).toBe('Sex must be M or F');
  });
});

describe('DNF endurance: mean or best of 1-2 trials; normal >= 85 % of the sex mean (M 38.9, F 29.4) [C]', () => {
  it('man, 30 and 40 s: mean 35 s = 90 % of 38.9 -> normal; best 40 s', () => {
    const r = value(dnfResult({ trials: [30, 40], use: 'mean', sex: 'M' }));
    expect(r.seconds).toBe(35);
    expect(r.percentOfMean).toBeCloseTo((35 / 38.9) * 100, 10);
    expect(r.withinNormal).toBe(true);
    expect(value(dnfResult({ trials: [30, 40], use: 'best', sex: 'M' })).seconds).toBe(40);
  });
  it('boundary: 0.85 x 29.4 = 24.99 s for a woman; 25 s normal, 24.9 s not', () => {
    expect(value(dnfResult({ trials: [25], use: 'mean', sex: 'F' })).withinNormal).toBe(true);
    expect(value(dnfResult({ trials: [24.9], use: 'best', sex: 'F' })).withinNormal).toBe(false);
    expect(value(dnfResult({ trials: [33], use: 'best', sex: 'M' })).withinNormal).toBe(false); // 33 < 33.065
    expect(value(dnfResult({ trials: [0.85 * 38.9], use: 'best', sex: 'M' })).withinNormal).toBe(true); // exactly 85 % counts
  });
  it('refuses no trials, three trials and bad times', () => {
    expect(error(dnfResult({ trials: [], use: 'mean', sex: 'M' }))).toBe('DNF needs one or two trials');
    expect(error(dnfResult({ trials: [1, 2, 3], use: 'mean', sex: 'M' }))).toBe('DNF needs one or two trials');
    expect(error(dnfResult({ trials: [10, -2], use: 'mean', sex: 'M' }))).toBe('DNF trial 2 (s) must be a number of 0 or more; got -2');
    expect(error(dnfResult({ trials: [10], use: 'mean', sex: 'W' as never }))).toBe('Sex must be M or F');
  });
});

describe('CCFT: highest level held of 22-30 mmHg; <24 poor, 26-30 normal', () => {
  it('bands by pressure', () => {
    expect([20, 22, 24, 26, 28, 30].map(ccftBand)).toEqual(['poor', 'poor', 'below normal', 'normal', 'normal', 'normal']);
  });
  it.each([
    [[false], 20, 0, 'poor'],
    [[true, false], 22, 1, 'poor'],
    [[true, true], 24, 2, 'below normal'],
    [[true, true, true, false], 26, 3, 'normal'],
    [[true, true, true, true, true], 30, 5, 'normal'],
  ])('%j -> %d mmHg', (held, mmHg, levelsHeld, band) => {
    expect(value(ccftResult(held))).toEqual({ mmHg, levelsHeld, band });
  });
  it('refuses results after the first failure, too many levels and non-booleans', () => {
    expect(error(ccftResult([true, false, true]))).toBe('CCFT stops at the first level not held (24 mmHg); nothing may follow it');
    expect(error(ccftResult([]))).toBe('CCFT needs one result per level tried, 1 to 5');
    expect(error(ccftResult([true, true, true, true, true, true]))).toBe('CCFT needs one result per level tried, 1 to 5');
    expect(error(ccftResult([true, 'y' as never]))).toBe('CCFT 24 mmHg must be true or false; got y');
  });
});

describe('Wainner cluster: 3/4 +LR 6.1, 4/4 +LR 30.3', () => {
  const w = (n: number, rotation: number) =>
    scoreWainner({ ulttA: n > 0, spurlingA: n > 1, distraction: n > 2, rotationTowardInvolvedDegrees: rotation });
  it('counts rotation under 60° only', () => {
    expect(value(w(3, 59))).toEqual({ count: 4, positiveLikelihoodRatio: 30.3 });
    expect(value(w(3, 60))).toEqual({ count: 3, positiveLikelihoodRatio: 6.1 });
    expect(value(w(2, 50))).toEqual({ count: 3, positiveLikelihoodRatio: 6.1 });
    expect(value(w(2, 70))).toEqual({ count: 2, positiveLikelihoodRatio: null });
    expect(value(w(0, 80))).toEqual({ count: 0, positiveLikelihoodRatio: null });
  });
  it('refuses impossible input', () => {
    expect(error(w(1, -1))).toMatch(/^Rotation toward the involved side/);
    expect(error(scoreWainner({ ulttA: 1 as never, spurlingA: true, distraction: true, rotationTowardInvolvedDegrees: 50 }))).toMatch(
      /^ULTT A/,
    );
    expect(error(scoreWainner({ ulttA: true, spurlingA: 1 as never, distraction: true, rotationTowardInvolvedDegrees: 50 }))).toMatch(
      /^Spurling A/,
    );
    expect(error(scoreWainner({ ulttA: true, spurlingA: true, distraction: 1 as never, rotationTowardInvolvedDegrees: 50 }))).toMatch(
      /^Distraction/,
    );
  });
});

describe('Cook cluster: >=3 of 5 rules in (refer); 0 of 5 helps rule out', () => {
  const c = (n: number, age: number) =>
    scoreCook({ gaitDeviation: n > 0, hoffmann: n > 1, invertedSupinator: n > 2, babinski: n > 3, age });
  it('counts age over 45 only', () => {
    expect(value(c(0, 45))).toEqual({ count: 0, result: 'helps-rule-out' });
    expect(value(c(0, 46))).toEqual({ count: 1, result: 'indeterminate' });
    expect(value(c(2, 40))).toEqual({ count: 2, result: 'indeterminate' });
    expect(value(c(2, 50))).toEqual({ count: 3, result: 'rule-in-refer' });
    expect(value(c(4, 70))).toEqual({ count: 5, result: 'rule-in-refer' });
  });
  it('refuses impossible input', () => {
    expect(error(c(1, 121))).toBe('Age must be a whole number from 0 to 120; got 121');
    expect(error(scoreCook({ gaitDeviation: true, hoffmann: 'no' as never, invertedSupinator: true, babinski: true, age: 50 }))).toMatch(
      /^Hoffmann/,
    );
    expect(error(scoreCook({ gaitDeviation: 0 as never, hoffmann: true, invertedSupinator: true, babinski: true, age: 50 }))).toMatch(
      /^Gait deviation/,
    );
    expect(error(scoreCook({ gaitDeviation: true, hoffmann: true, invertedSupinator: 0 as never, babinski: true, age: 50 }))).toMatch(
      /^Inverted supinator/,
    );
    expect(error(scoreCook({ gaitDeviation: true, hoffmann: true, invertedSupinator: true, babinski: 0 as never, age: 50 }))).toMatch(
      /^Babinski/,
    );
  });
});

describe('grip: mean of 3 trials; Mathiowetz means in lb; normal >= 85 % of the mean or >= 90 % of the other hand [C]', () => {
  it('looks up the norm row by age band, sex and side', () => {
    expect(gripNormLb(19, 'M', 'R')).toBeNull();
    expect(gripNormLb(20, 'M', 'R')).toBe(121.0);
    expect(gripNormLb(24, 'M', 'L')).toBe(104.5);
    expect(gripNormLb(25, 'F', 'R')).toBe(74.5);
    expect(gripNormLb(44, 'F', 'L')).toBe(62.3);
    expect(gripNormLb(75, 'M', 'L')).toBe(55.0);
    expect(gripNormLb(99, 'F', 'R')).toBe(42.6);
  });
  it.each([
    [20, 121.0, 104.5, 70.4, 61.0],
    [25, 120.8, 110.5, 74.5, 63.5],
    [30, 121.8, 110.4, 78.7, 68.0],
    [35, 119.7, 112.9, 74.1, 66.3],
    [40, 116.8, 112.8, 70.4, 62.3],
    [45, 109.9, 100.8, 62.2, 56.0],
    [50, 113.6, 101.9, 65.8, 57.3],
    [55, 101.1, 83.2, 57.3, 47.3],
    [60, 89.7, 76.8, 55.1, 45.7],
    [65, 91.1, 76.8, 49.6, 41.0],
    [70, 75.3, 64.8, 49.6, 41.5],
    [75, 65.7, 55.0, 42.6, 37.6],
  ])('audit §8.3 row from age %d: men %d/%d, women %d/%d lb (R/L), to the top of the band', (age, mR, mL, fR, fL) => {
    for (const a of [age, age === 75 ? 90 : age + 4]) {
      expect([gripNormLb(a, 'M', 'R'), gripNormLb(a, 'M', 'L'), gripNormLb(a, 'F', 'R'), gripNormLb(a, 'F', 'L')]).toEqual([
        mR,
        mL,
        fR,
        fL,
      ]);
    }
  });
  it('woman of 52, right hand 26, 27, 28 kg: mean 27 kg = 59.47 lb; 59.47 / 65.8 = 90 % -> normal', () => {
    const r = value(gripResult({ trialsKg: [26, 27, 28], age: 52, sex: 'F', side: 'R' }));
    expect(r.meanKg).toBe(27);
    expect(r.meanLb).toBeCloseTo(27 / 0.454, 10);
    expect(r.normLb).toBe(65.8);
    expect(r.percentOfNorm).toBeCloseTo((27 / 0.454 / 65.8) * 100, 10);
    expect(r.percentOfOtherSide).toBeNull();
    expect(r.withinNormal).toBe(true);
  });
  it('boundary: 85 % of 121.0 lb = 102.85 lb = 46.69 kg; 46.7 kg normal, 46.6 kg not', () => {
    expect(value(gripResult({ trialsKg: [46.7, 46.7, 46.7], age: 22, sex: 'M', side: 'R' })).withinNormal).toBe(true);
    expect(value(gripResult({ trialsKg: [46.6, 46.6, 46.6], age: 22, sex: 'M', side: 'R' })).withinNormal).toBe(false);
    // Exactly 85 % counts: man of 30, right, 0.85 x 121.8 lb x 0.454 = 47.00262 kg.
    const edge = 0.85 * 121.8 * 0.454;
    expect(value(gripResult({ trialsKg: [edge, edge, edge], age: 30, sex: 'M', side: 'R' })).withinNormal).toBe(true);
  });
  it('the other hand rescues a low value: 18 kg against 20 kg is 90 %', () => {
    const low = { trialsKg: [18, 18, 18], age: 30, sex: 'M' as const, side: 'L' as const };
    expect(value(gripResult(low)).withinNormal).toBe(false);
    expect(value(gripResult({ ...low, otherSideMeanKg: 20 }))).toMatchObject({ percentOfOtherSide: 90, withinNormal: true });
    expect(value(gripResult({ ...low, otherSideMeanKg: 20.1 })).withinNormal).toBe(false);
    expect(value(gripResult({ ...low, otherSideMeanKg: 0 })).percentOfOtherSide).toBeNull();
  });
  it('under 20 with no other hand: no verdict; with it: the side rule alone', () => {
    expect(value(gripResult({ trialsKg: [30, 30, 30], age: 18, sex: 'F', side: 'R' }))).toMatchObject({
      normLb: null,
      percentOfNorm: null,
      withinNormal: null,
    });
    expect(value(gripResult({ trialsKg: [30, 30, 30], age: 18, sex: 'F', side: 'R', otherSideMeanKg: 40 })).withinNormal).toBe(false);
    expect(value(gripResult({ trialsKg: [30, 30, 30], age: 18, sex: 'F', side: 'R', otherSideMeanKg: 30 })).withinNormal).toBe(true);
  });
  it('refuses other than 3 trials and impossible values', () => {
    const ok3 = { trialsKg: [20, 20, 20], age: 30, sex: 'M' as const, side: 'R' as const };
    expect(error(gripResult({ ...ok3, trialsKg: [20, 20] }))).toBe('Grip needs 3 trials for the hand');
    expect(error(gripResult({ ...ok3, trialsKg: [20, 20, 201] }))).toBe('Grip trial 3 (kg) cannot be above 200; got 201');
    expect(error(gripResult({ ...ok3, age: 130 }))).toMatch(/^Age/);
    expect(error(gripResult({ ...ok3, sex: 'N' as never }))).toBe('Sex must be M or F');
    expect(error(gripResult({ ...ok3, side: 'B' as never }))).toBe('Side must be L or R');
    expect(error(gripResult({ ...ok3, otherSideMeanKg: -1 }))).toMatch(/^Other hand mean/);
  });
});
