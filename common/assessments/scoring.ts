// Questionnaire scoring, item by item, exactly as library audit §8.1 gives it (clinical.md §3.1).
// Answers arrive as item responses only (ids are positions, 1-based in messages); no item wording
// is stored anywhere (licences, audit §8.6). Every scorer checks the count and range of its answers
// and answers with a Result: the score, its band when the measure has published bands, and how
// many items were missing — or an error that names the item and the problem.
//
// Missing items: only the ODI and the NDI have a published rule (the denominator drops by 5 per
// missing section; Vernon adds the mean of the completed items). The other questionnaires refuse a
// missing item, because the audit gives no rule for them.
import { fail, ok, type Result } from '../contract/result';
import { measure } from './catalogue';
import type { Band } from './schema';

export interface Scored<B extends string = string> {
  score: number;
  band?: B;
  missing: number;
}

type Answer = number | null | undefined;

const isMissing = (a: unknown): a is null | undefined => a === null || a === undefined;

/**
 * The band a score falls in: the last band whose start it has reached. Bands are published on
 * whole numbers; a score between two (after a missing item) stays in the lower band until it
 * reaches the next band's first value.
 */
export function bandOf(bands: readonly Band[], score: number): string | undefined {
  let label: string | undefined;
  for (const b of bands) if (score >= b.min) label = b.label;
  return label;
}

/**
 * Checks a list of integer answers: its length, each answer a whole number in [min, max], and
 * missing answers only where allowed. Returns the message of the first problem, or null.
 */
function checkIntegers(name: string, answers: unknown, count: number, min: number, max: number, allowMissing: boolean): string | null {
  if (!Array.isArray(answers)) return `${name} needs a list of ${count} answers`;
  if (answers.length !== count) return `${name} needs ${count} answers, one per item; got ${answers.length}`;
  for (let i = 0; i < count; i++) {
    const a: unknown = answers[i];
    if (isMissing(a)) {
      if (!allowMissing) return `${name} item ${i + 1} is missing, and the ${name} has no published rule for missing items`;
      continue;
    }
    if (!Number.isInteger(a) || (a as number) < min || (a as number) > max) {
      return `${name} item ${i + 1} must be a whole number from ${min} to ${max}; got ${String(a)}`;
    }
  }
  return null;
}

/** Sum and count of the answered items of an already checked list. */
function tally(answers: readonly Answer[]): { sum: number; answered: number } {
  let sum = 0;
  let answered = 0;
  for (const a of answers) {
    if (isMissing(a)) continue;
    sum += a;
    answered++;
  }
  return { sum, answered };
}

export interface MissingOptions {
  /**
   * The most missing items accepted. The audit gives no limit, so by default every item but one
   * may be missing; a clinic may set a stricter rule.
   */
  maxMissing?: number;
}

function missingProblem(name: string, count: number, answered: number, opts: MissingOptions): string | null {
  const missing = count - answered;
  if (answered === 0) return `${name} has no answered items, so it cannot be scored`;
  if (missing > (opts.maxMissing ?? Infinity)) {
    return `${name} has ${missing} missing items; at most ${opts.maxMissing} are accepted`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

export interface OdiScore extends Scored {
  /** Sum of the answered sections (0-5 each). */
  raw: number;
  answered: number;
}

/**
 * Oswestry Disability Index [S94]: 10 sections scored 0-5 (null = not answered).
 * Score (%) = sum / (5 x sections answered) x 100: the denominator drops by 5 per missing section.
 */
export function scoreOdi(answers: readonly Answer[], opts: MissingOptions = {}): Result<OdiScore> {
  const problem = checkIntegers('ODI', answers, 10, 0, 5, true);
  if (problem) return fail('invalid_argument', problem);
  const { sum, answered } = tally(answers);
  const tooMany = missingProblem('ODI', 10, answered, opts);
  if (tooMany) return fail('invalid_argument', tooMany);
  const score = (sum / (5 * answered)) * 100;
  return ok({ score, band: bandOf(measure('odi').bands, score), missing: 10 - answered, raw: sum, answered });
}

export type NdiMissingMethod = 'vernon-mean-impute' | 'denominator';

export interface NdiScore extends Scored {
  /** Raw 0-50 (with missing items: adjusted by the method). The score is the raw value. */
  percent: number;
  method: NdiMissingMethod;
  answered: number;
}

/**
 * Neck Disability Index [S96]: 10 items scored 0-5; raw 0-50; percent = raw x 2. A missing item:
 * either add the mean of the completed items (Vernon) or adjust the denominator. The two give the
 * same number (sum x 10 / answered on the raw scale); the method is kept so reports say which rule
 * was applied. Bands are on the raw scale.
 */
export function scoreNdi(answers: readonly Answer[], opts: MissingOptions & { method?: NdiMissingMethod } = {}): Result<NdiScore> {
  const problem = checkIntegers('NDI', answers, 10, 0, 5, true);
  if (problem) return fail('invalid_argument', problem);
  const { sum, answered } = tally(answers);
  const tooMany = missingProblem('NDI', 10, answered, opts);
  if (tooMany) return fail('invalid_argument', tooMany);
  const method = opts.method ?? 'vernon-mean-impute';
  const missing = 10 - answered;
  // Vernon: sum + (sum / answered) x missing; denominator: sum / (5 x answered) x 50. Both are:
  const raw = (sum * 10) / answered;
  return ok({ score: raw, percent: raw * 2, band: bandOf(measure('ndi').bands, raw), missing, method, answered });
}

/** Roland-Morris Disability Questionnaire [S91][S93]: 24 yes/no items; score = count of "yes". */
export function scoreRmdq(answers: readonly (boolean | null | undefined)[]): Result<Scored> {
  if (!Array.isArray(answers)) return fail('invalid_argument', 'RMDQ needs a list of 24 answers');
  if (answers.length !== 24) return fail('invalid_argument', `RMDQ needs 24 answers, one per item; got ${answers.length}`);
  let score = 0;
  for (let i = 0; i < 24; i++) {
    const a: unknown = answers[i];
    if (typeof a !== 'boolean') {
      return fail(
        'invalid_argument',
        isMissing(a)
          ? `RMDQ item ${i + 1} is missing, and the RMDQ has no published rule for missing items`
          : `RMDQ item ${i + 1} must be yes (true) or no (false); got ${String(a)}`,
      );
    }
    if (a) score++;
  }
  return ok({ score, missing: 0 });
}

export type NprsInput =
  { recall: 'now' | '24h-average'; rating: number } | { recall: 'current-best-worst'; current: number; best: number; worst: number };

const nprsProblem = (label: string, v: unknown): string | null =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10
    ? null
    : `NPRS ${label} must be a whole number from 0 to 10; got ${String(v)}`;

/**
 * Numeric Pain Rating Scale [S90][S91]: one integer 0-10, or, for the Childs 2005 anchor, the mean
 * of the current, best and worst ratings. Back/neck and leg/arm pain are scored separately.
 */
export function scoreNprs(input: NprsInput): Result<Scored & { recall: NprsInput['recall'] }> {
  if (input.recall === 'now' || input.recall === '24h-average') {
    const problem = nprsProblem('rating', input.rating);
    if (problem) return fail('invalid_argument', problem);
    return ok({ score: input.rating, missing: 0, recall: input.recall });
  }
  if (input.recall === 'current-best-worst') {
    for (const key of ['current', 'best', 'worst'] as const) {
      const problem = nprsProblem(`${key} rating`, input[key]);
      if (problem) return fail('invalid_argument', problem);
    }
    if (input.best > input.worst) return fail('invalid_argument', 'NPRS best rating cannot be above the worst rating');
    return ok({ score: (input.current + input.best + input.worst) / 3, missing: 0, recall: input.recall });
  }
  return fail(
    'invalid_argument',
    `NPRS recall period must be now, 24h-average or current-best-worst; got ${String((input as { recall: unknown }).recall)}`,
  );
}

/**
 * Patient-Specific Functional Scale [S99]: the patient's own activities (up to 5), each 0 (unable)
 * to 10 (pre-injury level); score = mean. Higher is better. The same activities are kept at re-test.
 */
export function scorePsfs(activities: readonly number[]): Result<Scored & { activities: number }> {
  if (!Array.isArray(activities) || activities.length < 1 || activities.length > 5) {
    return fail(
      'invalid_argument',
      `PSFS needs 1 to 5 activity ratings (3-5 usual); got ${Array.isArray(activities) ? activities.length : 'none'}`,
    );
  }
  const problem = checkIntegers('PSFS', activities, activities.length, 0, 10, false);
  if (problem) return fail('invalid_argument', problem.replace('item', 'activity'));
  const { sum } = tally(activities);
  return ok({ score: sum / activities.length, missing: 0, activities: activities.length });
}

export const BOTHERSOMENESS = ['not-at-all', 'slightly', 'moderately', 'very-much', 'extremely'] as const;
export type Bothersomeness = (typeof BOTHERSOMENESS)[number];
export type StartBackRisk = 'low' | 'medium' | 'high';

export interface StartBackScore extends Scored<StartBackRisk> {
  band: StartBackRisk;
  /** Items 5-9, 0-5. */
  psychosocial: number;
}

/**
 * STarT Back Screening Tool [S100] (low back pain only): items 1-8 agree = 1, disagree = 0; item 9
 * (bothersomeness) = 1 if "very much" or "extremely". Total 0-9; psychosocial subscale = items 5-9.
 * Low: total <= 3. Medium: total >= 4 and subscale <= 3. High: subscale >= 4.
 */
export function scoreStartBack(input: { agree: readonly boolean[]; bothersomeness: Bothersomeness }): Result<StartBackScore> {
  const { agree, bothersomeness } = input;
  if (!Array.isArray(agree) || agree.length !== 8) {
    return fail(
      'invalid_argument',
      `STarT Back needs agree/disagree answers to items 1-8; got ${Array.isArray(agree) ? agree.length : 'none'}`,
    );
  }
  for (let i = 0; i < 8; i++) {
    if (typeof agree[i] !== 'boolean') {
      return fail('invalid_argument', `STarT Back item ${i + 1} must be agree (true) or disagree (false); got ${String(agree[i])}`);
    }
  }
  if (!BOTHERSOMENESS.includes(bothersomeness)) {
    return fail('invalid_argument', `STarT Back item 9 must be one of ${BOTHERSOMENESS.join(', ')}; got ${String(bothersomeness)}`);
  }
  const item9 = bothersomeness === 'very-much' || bothersomeness === 'extremely' ? 1 : 0;
  const items = [...agree.map((a) => (a ? 1 : 0)), item9];
  const score = items.reduce((s, v) => s + v, 0);
  const psychosocial = items.slice(4).reduce((s, v) => s + v, 0);
  const band: StartBackRisk = score <= 3 ? 'low' : psychosocial <= 3 ? 'medium' : 'high';
  return ok({ score, psychosocial, band, missing: 0 });
}

export interface TskScore extends Scored {
  version: 'tsk-17' | 'tsk-11';
}

/**
 * Tampa Scale of Kinesiophobia, 17 items [S101]: each 1-4; items 4, 8, 12 and 16 are reverse-scored
 * (5 - answer). Total 17-68; above 37 = high kinesiophobia.
 */
export function scoreTsk17(answers: readonly Answer[]): Result<TskScore> {
  const problem = checkIntegers('TSK-17', answers, 17, 1, 4, false);
  if (problem) return fail('invalid_argument', problem);
  const reverse = measure('tsk-17').items!.reverseScored!;
  let score = 0;
  answers.forEach((a, i) => {
    score += reverse.includes(i + 1) ? 5 - a! : a!;
  });
  return ok({ score, band: bandOf(measure('tsk-17').bands, score), missing: 0, version: 'tsk-17' });
}

/**
 * Tampa Scale of Kinesiophobia, 11 items [S101]: each 1-4, total 11-44 (verify: a plain sum; the
 * 11-item form has no reverse-scored items). No cut-off in the audit: the 37 is for TSK-17 only.
 */
export function scoreTsk11(answers: readonly Answer[]): Result<TskScore> {
  const problem = checkIntegers('TSK-11', answers, 11, 1, 4, false);
  if (problem) return fail('invalid_argument', problem);
  return ok({ score: tally(answers).sum, missing: 0, version: 'tsk-11' });
}
