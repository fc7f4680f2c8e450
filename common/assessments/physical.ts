// Physical tests of library audit §8.2 (lumbar) and §8.3 (cervical): what each recorded value
// means, computed from the raw values the clinician enters. Times in seconds, loads in kg, angles
// in degrees. Every function checks its input and answers with a Result that names the problem.
// Thresholds come from the catalogue's sources; those the audit marks [U]/verify say so.
import { fail, ok, type Result } from '../contract/result';

export type Sex = 'M' | 'F';

const bad = (message: string) => fail('invalid_argument', message);

/** A number of seconds (or kg, degrees…) that is finite and not negative; null when fine. */
function nonNegative(label: string, v: unknown, max = Infinity): string | null {
  if (!Number.isFinite(v) || (v as number) < 0) return `${label} must be a number of 0 or more; got ${String(v)}`;
  if ((v as number) > max) return `${label} cannot be above ${max}; got ${String(v)}`;
  return null;
}

function wholeInRange(label: string, v: unknown, min: number, max: number): string | null {
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max
    ? null
    : `${label} must be a whole number from ${min} to ${max}; got ${String(v)}`;
}

function isBool(label: string, v: unknown): string | null {
  return typeof v === 'boolean' ? null : `${label} must be true or false; got ${String(v)}`;
}

const firstProblem = (...problems: (string | null)[]): string | null => problems.find((p) => p !== null) ?? null;

// ---------------------------------------------------------------------------------------------
// Biering-Sørensen / McGill extensor [S73][S74]
// ---------------------------------------------------------------------------------------------

export const SORENSEN_CAP_S = 240;

export type SorensenPrediction = 'lbp-risk' | 'indeterminate' | 'low-risk' | 'no-predictive-validity';

/**
 * Men: under 176 s predicted LBP within a year; over 198 s predicted none; between, neither
 * [S73]. Women: no predictive validity, so no prediction is made. The test stops at the 240 s cap.
 */
export function classifySorensen(input: {
  seconds: number;
  sex: Sex;
}): Result<{ seconds: number; capped: boolean; prediction: SorensenPrediction }> {
  const problem = firstProblem(
    nonNegative('Sorensen time (s)', input.seconds, SORENSEN_CAP_S),
    input.sex === 'M' || input.sex === 'F' ? null : 'Sex must be M or F',
  );
  if (problem) return bad(problem);
  const s = input.seconds;
  let prediction: SorensenPrediction = 'no-predictive-validity';
  if (input.sex === 'M') prediction = s < 176 ? 'lbp-risk' : s > 198 ? 'low-risk' : 'indeterminate';
  return ok({ seconds: s, capped: s === SORENSEN_CAP_S, prediction });
}

// ---------------------------------------------------------------------------------------------
// McGill torso endurance battery ratios [S76][S77]
// ---------------------------------------------------------------------------------------------

export interface McgillTimes {
  flexor: number;
  extensor: number;
  sideBridgeR: number;
  sideBridgeL: number;
}

export type McgillFlag =
  /** flexor / extensor is 1.0 or more (target below 1.0) [S77]. */
  | 'flexion-extension-ratio'
  /** right / left side bridge outside 0.95-1.05 (a deviation over 0.05; [U], verify). */
  | 'side-bridge-imbalance'
  /** larger side bridge / extensor is 0.75 or more (target below 0.75) [S77]. */
  | 'side-bridge-extension-ratio';

export interface McgillRatios {
  flexExt: number | null;
  sbRL: number | null;
  sbExt: number | null;
  /** The side with the shorter side bridge when the two differ beyond the target; else null. */
  weakerSide: 'L' | 'R' | null;
  flags: McgillFlag[];
  /** Ratios that could not be computed because a divisor was 0 s. */
  unavailable: ('flexExt' | 'sbRL' | 'sbExt')[];
}

export const MCGILL_TARGETS = { flexExtBelow: 1.0, sbRLMin: 0.95, sbRLMax: 1.05, sbExtBelow: 0.75 } as const;

/**
 * The three McGill ratios (audit §8.6): flexor/extensor (target < 1.0), right/left side bridge
 * (target 0.95-1.05), max(side bridges)/extensor (target < 0.75). A ratio whose divisor is 0 s is
 * not computed and raises no flag.
 */
export function mcgillRatios(t: McgillTimes): Result<McgillRatios> {
  const problem = firstProblem(
    nonNegative('Flexor time (s)', t.flexor),
    nonNegative('Extensor time (s)', t.extensor, SORENSEN_CAP_S),
    nonNegative('Right side bridge time (s)', t.sideBridgeR),
    nonNegative('Left side bridge time (s)', t.sideBridgeL),
  );
  if (problem) return bad(problem);
  const unavailable: McgillRatios['unavailable'] = [];
  const flags: McgillFlag[] = [];
  let flexExt: number | null = null;
  let sbExt: number | null = null;
  let sbRL: number | null = null;
  let weakerSide: McgillRatios['weakerSide'] = null;
  if (t.extensor > 0) {
    flexExt = t.flexor / t.extensor;
    sbExt = Math.max(t.sideBridgeR, t.sideBridgeL) / t.extensor;
    if (flexExt >= MCGILL_TARGETS.flexExtBelow) flags.push('flexion-extension-ratio');
  } else {
    unavailable.push('flexExt');
  }
  if (t.sideBridgeL > 0) {
    sbRL = t.sideBridgeR / t.sideBridgeL;
    if (sbRL < MCGILL_TARGETS.sbRLMin || sbRL > MCGILL_TARGETS.sbRLMax) {
      flags.push('side-bridge-imbalance');
      weakerSide = sbRL < 1 ? 'R' : 'L';
    }
  } else {
    unavailable.push('sbRL');
  }
  if (sbExt === null) unavailable.push('sbExt');
  else if (sbExt >= MCGILL_TARGETS.sbExtBelow) flags.push('side-bridge-extension-ratio');
  return ok({ flexExt, sbRL, sbExt, weakerSide, flags, unavailable });
}

// ---------------------------------------------------------------------------------------------
// Lumbar clinical tests: PIT [S80], Hicks CPR [S20][S81], ASLR [S82], SLR [S111]
// ---------------------------------------------------------------------------------------------

export type PitLegsLifted = 'subsides-substantially' | 'mild-change' | 'no-change';

/**
 * Prone instability test [S80]: positive if the pain provoked in the resting position subsides
 * substantially with the legs lifted; a mild change, or no pain provoked, is negative.
 */
export function classifyProneInstability(input: { painProvoked: boolean; withLegsLifted: PitLegsLifted }): Result<{ positive: boolean }> {
  const problem = firstProblem(
    isBool('Pain provoked', input.painProvoked),
    ['subsides-substantially', 'mild-change', 'no-change'].includes(input.withLegsLifted)
      ? null
      : `With the legs lifted must be subsides-substantially, mild-change or no-change; got ${String(input.withLegsLifted)}`,
  );
  if (problem) return bad(problem);
  return ok({ positive: input.painProvoked && input.withLegsLifted === 'subsides-substantially' });
}

export interface HicksInput {
  age: number;
  /** Mean of the two passive SLR angles, degrees. */
  averageSlrDegrees: number;
  aberrantMovements: boolean;
  pitPositive: boolean;
}

/**
 * Hicks stabilisation CPR: age < 40; average SLR > 91°; aberrant movements; positive PIT. At least
 * 3 of 4 predicted success (+LR 4.0) [S20]; the threshold is recalled, not verified ([U]).
 */
export function scoreHicks(
  input: HicksInput,
): Result<{ count: number; items: Record<'age' | 'slr' | 'aberrant' | 'pit', boolean>; positive: boolean }> {
  const problem = firstProblem(
    wholeInRange('Age', input.age, 0, 120),
    nonNegative('Average SLR (degrees)', input.averageSlrDegrees, 180),
    isBool('Aberrant movements', input.aberrantMovements),
    isBool('PIT positive', input.pitPositive),
  );
  if (problem) return bad(problem);
  const items = { age: input.age < 40, slr: input.averageSlrDegrees > 91, aberrant: input.aberrantMovements, pit: input.pitPositive };
  const count = Object.values(items).filter(Boolean).length;
  return ok({ count, items, positive: count >= 3 });
}

/** ASLR (Mens) [S82]: each side 0 (not difficult) to 5 (unable); sum 0-10; 1 or more is positive. */
export function scoreAslr(input: { left: number; right: number }): Result<{ score: number; positive: boolean }> {
  const problem = firstProblem(wholeInRange('ASLR left', input.left, 0, 5), wholeInRange('ASLR right', input.right, 0, 5));
  if (problem) return bad(problem);
  const score = input.left + input.right;
  return ok({ score, positive: score >= 1 });
}

/**
 * SLR for monitoring [S111]: the classic positive pattern is radiating pain below the knee with
 * onset between about 30° and 70°. Monitoring only, never a gate by itself.
 */
export function classifySlr(input: { onsetDegrees: number; belowKnee: boolean }): Result<{ classicPositive: boolean }> {
  const problem = firstProblem(
    nonNegative('SLR onset angle (degrees)', input.onsetDegrees, 180),
    isBool('Below the knee', input.belowKnee),
  );
  if (problem) return bad(problem);
  return ok({ classicPositive: input.belowKnee && input.onsetDegrees >= 30 && input.onsetDegrees <= 70 });
}

// ---------------------------------------------------------------------------------------------
// Neuro screen L2-S1: any new or progressive deficit is urgent (reference §5.2)
// ---------------------------------------------------------------------------------------------

export type Sensation = 'normal' | 'reduced' | 'absent';
export interface NeuroLevel {
  /** e.g. "L5-L" (level and side). */
  key: string;
  /** MRC 0-5. */
  myotome: number;
  /** 0-4; 2 is normal. */
  reflex: number;
  sensation: Sensation;
}

const SENSATION_ORDER: Record<Sensation, number> = { normal: 0, reduced: 1, absent: 2 };

/**
 * The levels where the latest screen is worse than the baseline: weaker myotome, a reflex further
 * from normal (2) [C], or reduced sensation. Any such level means a new or progressive deficit.
 */
export function compareNeuroScreen(
  baseline: readonly NeuroLevel[],
  latest: readonly NeuroLevel[],
): Result<{ worse: string[]; urgent: boolean }> {
  for (const [label, list] of [
    ['baseline', baseline],
    ['latest', latest],
  ] as const) {
    for (const l of list) {
      const problem = firstProblem(
        wholeInRange(`${label} ${l.key} myotome (MRC)`, l.myotome, 0, 5),
        wholeInRange(`${label} ${l.key} reflex`, l.reflex, 0, 4),
        l.sensation in SENSATION_ORDER ? null : `${label} ${l.key} sensation must be normal, reduced or absent; got ${String(l.sensation)}`,
      );
      if (problem) return bad(problem);
    }
  }
  const worse: string[] = [];
  for (const now of latest) {
    const before = baseline.find((b) => b.key === now.key);
    if (!before) return bad(`Level ${now.key} has no baseline to compare with`);
    if (
      now.myotome < before.myotome ||
      Math.abs(now.reflex - 2) > Math.abs(before.reflex - 2) ||
      SENSATION_ORDER[now.sensation] > SENSATION_ORDER[before.sensation]
    ) {
      worse.push(now.key);
    }
  }
  return ok({ worse, urgent: worse.length > 0 });
}

// ---------------------------------------------------------------------------------------------
// PILE (lumbar) [S58] and C-PILE [S71][S107]
// ---------------------------------------------------------------------------------------------

export const PILE_START_KG: Record<Sex, number> = { F: 3.6, M: 5.85 };
export const PILE_STEP_KG: Record<Sex, number> = { F: 2.25, M: 4.5 };
export const C_PILE_CUTOFF_KG_PER_KG = 0.12;

/**
 * The load of the last completed stage: the start load (box included) plus one step per stage
 * after the first; 0 kg when no stage was completed. With a body weight, also kg per kg; for the
 * cervical protocol, whether that is under the 0.12 kg/kg cut-off [S107] (the reference's
 * "adjusted" body weight formula is not given: the weight entered is used).
 */
export function pileResult(input: {
  sex: Sex;
  completedStages: number;
  bodyWeightKg?: number;
  protocol: 'lumbar' | 'cervical';
}): Result<{ kg: number; kgPerKg: number | null; belowCervicalCutoff: boolean | null }> {
  const problem = firstProblem(
    input.sex === 'M' || input.sex === 'F' ? null : 'Sex must be M or F',
    wholeInRange('Completed stages', input.completedStages, 0, 100),
    input.bodyWeightKg === undefined
      ? null
      : input.bodyWeightKg > 0 && input.bodyWeightKg <= 400
        ? null
        : `Body weight must be above 0 and at most 400 kg; got ${input.bodyWeightKg}`,
  );
  if (problem) return bad(problem);
  const n = input.completedStages;
  const kg = n === 0 ? 0 : PILE_START_KG[input.sex] + (n - 1) * PILE_STEP_KG[input.sex];
  const kgPerKg = input.bodyWeightKg === undefined ? null : kg / input.bodyWeightKg;
  const belowCervicalCutoff = input.protocol === 'cervical' && kgPerKg !== null ? kgPerKg < C_PILE_CUTOFF_KG_PER_KG : null;
  return ok({ kg, kgPerKg, belowCervicalCutoff });
}

// ---------------------------------------------------------------------------------------------
// Cervical: DNF endurance [S84], CCFT [S61], Wainner [S108], Cook [S109], grip [S103][S104]
// ---------------------------------------------------------------------------------------------

/** Healthy adults, Domenech 2011 [S84]. */
export const DNF_MEAN_S: Record<Sex, number> = { M: 38.9, F: 29.4 };
/** "Normal" when only means exist: at least 85 % of the matched mean [C] (audit §8.6). */
export const NORMAL_FRACTION_OF_MEAN = 0.85;
/** …or the affected side at least 90 % of the unaffected side [C]. */
export const NORMAL_FRACTION_OF_OTHER_SIDE = 0.9;

/** DNF endurance: one or two trials, averaged or the best; compared with the sex mean [S84]. */
export function dnfResult(input: {
  trials: readonly number[];
  use: 'mean' | 'best';
  sex: Sex;
}): Result<{ seconds: number; percentOfMean: number; withinNormal: boolean }> {
  const { trials } = input;
  if (!Array.isArray(trials) || trials.length < 1 || trials.length > 2) return bad('DNF needs one or two trials');
  const problem = firstProblem(
    ...trials.map((s, i) => nonNegative(`DNF trial ${i + 1} (s)`, s)),
    input.sex === 'M' || input.sex === 'F' ? null : 'Sex must be M or F',
  );
  if (problem) return bad(problem);
  const seconds = input.use === 'best' ? Math.max(...trials) : trials.reduce((a, b) => a + b, 0) / trials.length;
  const mean = DNF_MEAN_S[input.sex];
  return ok({ seconds, percentOfMean: (seconds / mean) * 100, withinNormal: seconds >= NORMAL_FRACTION_OF_MEAN * mean });
}

export const CCFT_LEVELS = [22, 24, 26, 28, 30] as const;
export type CcftBand = 'poor' | 'below normal' | 'normal';

/** The CCFT band of a pressure held correctly: under 24 poor [S61b]; 26-30 normal [S61]; 24 between. */
export function ccftBand(mmHg: number): CcftBand {
  return mmHg < 24 ? 'poor' : mmHg < 26 ? 'below normal' : 'normal';
}

/**
 * CCFT: `held[i]` says whether level 22 + 2i mmHg was held correctly (about 10 s, no pressure loss
 * or substitution). The test stops at the first level not held, so nothing may follow it. The
 * result is the highest pressure held correctly (20 = baseline: none held).
 */
export function ccftResult(held: readonly boolean[]): Result<{ mmHg: number; levelsHeld: number; band: CcftBand }> {
  if (!Array.isArray(held) || held.length < 1 || held.length > CCFT_LEVELS.length) {
    return bad(`CCFT needs one result per level tried, 1 to ${CCFT_LEVELS.length}`);
  }
  let levelsHeld = 0;
  for (let i = 0; i < held.length; i++) {
    const problem = isBool(`CCFT ${CCFT_LEVELS[i]} mmHg`, held[i]);
    if (problem) return bad(problem);
    if (!held[i]) {
      if (i < held.length - 1) return bad(`CCFT stops at the first level not held (${CCFT_LEVELS[i]} mmHg); nothing may follow it`);
      break;
    }
    levelsHeld++;
  }
  const mmHg = 20 + 2 * levelsHeld;
  return ok({ mmHg, levelsHeld, band: ccftBand(mmHg) });
}

/**
 * Wainner cluster [S108]: ULTT A, Spurling A, distraction, rotation < 60° toward the involved side.
 * 3 of 4: +LR 6.1; 4 of 4: +LR 30.3. Diagnostic, not a gate.
 */
export function scoreWainner(input: {
  ulttA: boolean;
  spurlingA: boolean;
  distraction: boolean;
  rotationTowardInvolvedDegrees: number;
}): Result<{ count: number; positiveLikelihoodRatio: number | null }> {
  const problem = firstProblem(
    isBool('ULTT A', input.ulttA),
    isBool('Spurling A', input.spurlingA),
    isBool('Distraction', input.distraction),
    nonNegative('Rotation toward the involved side (degrees)', input.rotationTowardInvolvedDegrees, 180),
  );
  if (problem) return bad(problem);
  const count = [input.ulttA, input.spurlingA, input.distraction, input.rotationTowardInvolvedDegrees < 60].filter(Boolean).length;
  return ok({ count, positiveLikelihoodRatio: count === 4 ? 30.3 : count === 3 ? 6.1 : null });
}

export type CookResult = 'rule-in-refer' | 'helps-rule-out' | 'indeterminate';

/**
 * Cook myelopathy cluster [S109]: gait deviation, +Hoffmann, inverted supinator sign, +Babinski,
 * age > 45. 3 or more of 5 rules in (+LR 30.9): refer (§5.2). 0 of 5 helps rule out.
 */
export function scoreCook(input: {
  gaitDeviation: boolean;
  hoffmann: boolean;
  invertedSupinator: boolean;
  babinski: boolean;
  age: number;
}): Result<{ count: number; result: CookResult }> {
  const problem = firstProblem(
    isBool('Gait deviation', input.gaitDeviation),
    isBool('Hoffmann', input.hoffmann),
    isBool('Inverted supinator sign', input.invertedSupinator),
    isBool('Babinski', input.babinski),
    wholeInRange('Age', input.age, 0, 120),
  );
  if (problem) return bad(problem);
  const count = [input.gaitDeviation, input.hoffmann, input.invertedSupinator, input.babinski, input.age > 45].filter(Boolean).length;
  return ok({ count, result: count >= 3 ? 'rule-in-refer' : count === 0 ? 'helps-rule-out' : 'indeterminate' });
}

export const KG_PER_LB = 0.454;

/**
 * Mathiowetz 1985 grip means in lb, right/left [S104] (verify against the original; no SDs).
 * Rows: lowest age of the band, then men R, men L, women R, women L.
 */
export const GRIP_NORMS_LB: readonly (readonly [number, number, number, number, number])[] = [
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
];

/** The matched mean in lb, or null under 20 (no norm in the table). */
export function gripNormLb(age: number, sex: Sex, side: 'L' | 'R'): number | null {
  let row: (typeof GRIP_NORMS_LB)[number] | undefined;
  for (const r of GRIP_NORMS_LB) if (age >= r[0]) row = r;
  if (!row) return null;
  return row[(sex === 'M' ? 1 : 3) + (side === 'R' ? 0 : 1)];
}

/**
 * Grip [S104]: the mean of 3 trials (kg). "Normal" [C] when at least 85 % of the age-, sex- and
 * side-matched mean, or (given the other hand's mean, for an affected side) at least 90 % of it.
 */
export function gripResult(input: {
  trialsKg: readonly number[];
  age: number;
  sex: Sex;
  side: 'L' | 'R';
  otherSideMeanKg?: number;
}): Result<{
  meanKg: number;
  meanLb: number;
  normLb: number | null;
  percentOfNorm: number | null;
  percentOfOtherSide: number | null;
  withinNormal: boolean | null;
}> {
  const { trialsKg } = input;
  if (!Array.isArray(trialsKg) || trialsKg.length !== 3) return bad('Grip needs 3 trials for the hand');
  const problem = firstProblem(
    ...trialsKg.map((v, i) => nonNegative(`Grip trial ${i + 1} (kg)`, v, 200)),
    wholeInRange('Age', input.age, 0, 120),
    input.sex === 'M' || input.sex === 'F' ? null : 'Sex must be M or F',
    input.side === 'L' || input.side === 'R' ? null : 'Side must be L or R',
    input.otherSideMeanKg === undefined ? null : nonNegative('Other hand mean (kg)', input.otherSideMeanKg, 200),
  );
  if (problem) return bad(problem);
  const meanKg = (trialsKg[0] + trialsKg[1] + trialsKg[2]) / 3;
  const meanLb = meanKg / KG_PER_LB;
  const normLb = gripNormLb(input.age, input.sex, input.side);
  const percentOfNorm = normLb === null ? null : (meanLb / normLb) * 100;
  const other = input.otherSideMeanKg;
  const percentOfOtherSide = other === undefined || other === 0 ? null : (meanKg / other) * 100;
  const byNorm = normLb === null ? null : meanKg >= NORMAL_FRACTION_OF_MEAN * normLb * KG_PER_LB;
  const bySide = percentOfOtherSide === null ? null : meanKg >= NORMAL_FRACTION_OF_OTHER_SIDE * other!;
  const withinNormal = byNorm === null && bySide === null ? null : byNorm === true || bySide === true;
  return ok({ meanKg, meanLb, normLb, percentOfNorm, percentOfOtherSide, withinNormal });
}
