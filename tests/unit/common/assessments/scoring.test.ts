// common/assessments/scoring.ts: every questionnaire scorer against worked examples made by hand
// from the published rules in library audit §8.1 (each example states its arithmetic), missing
// items, and refusals that name the item and the problem.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../common/contract/result';
import {
  bandOf,
  scoreNdi,
  scoreNprs,
  scoreOdi,
  scorePsfs,
  scoreRmdq,
  scoreStartBack,
  scoreTsk11,
  scoreTsk17,
  type Bothersomeness,
} from '../../../../common/assessments/scoring';

/** The value of a result that must be ok. */
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}
/** The message of a result that must be an error (always invalid_argument here). */
function error(r: Result<unknown>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  expect(r.error.code).toBe('invalid_argument');
  return r.error.message;
}

const TEN = [1, 2, 3, 0, 5, 4, 2, 1, 0, 2]; // sum 20
const same = (n: number, v: number) => Array.from({ length: n }, () => v);

describe('bandOf', () => {
  const bands = [
    { min: 0, label: 'a', src: ['C'] },
    { min: 21, label: 'b', src: ['C'] },
  ];
  it('takes the last band whose start the score reached; between integers stays in the lower band', () => {
    expect(bandOf(bands, 0)).toBe('a');
    expect(bandOf(bands, 20)).toBe('a');
    expect(bandOf(bands, 20.5)).toBe('a');
    expect(bandOf(bands, 21)).toBe('b');
    expect(bandOf(bands, -1)).toBeUndefined();
    expect(bandOf([], 5)).toBeUndefined();
  });
});

describe('ODI: 10 sections 0-5; % = sum / (5 x answered) x 100 [S94]', () => {
  it('all sections: 1+2+3+0+5+4+2+1+0+2 = 20; 20 / 50 x 100 = 40 % (moderate)', () => {
    expect(value(scoreOdi(TEN))).toEqual({ score: 40, band: 'moderate', missing: 0, raw: 20, answered: 10 });
  });

  it('one section missing: 17 / (5 x 9) x 100 = 37.78 % (the denominator drops by 5)', () => {
    const r = value(scoreOdi([1, 2, null, 0, 5, 4, 2, 1, 0, 2]));
    expect(r.score).toBeCloseTo(37.7778, 4);
    expect([r.raw, r.answered, r.missing, r.band]).toEqual([17, 9, 1, 'moderate']);
  });

  it('two missing (undefined counts as missing): 10 / 40 x 100 = 25 %', () => {
    expect(value(scoreOdi([2, 2, undefined, 2, null, 2, 0, 0, 1, 1]))).toMatchObject({ score: 25, missing: 2, answered: 8 });
  });

  it.each([
    [same(10, 0), 0, 'minimal'],
    [[...same(9, 2), 2], 40, 'moderate'],
    [[...same(9, 1), 1], 20, 'minimal'],
    [[2, ...same(9, 1)], 22, 'moderate'],
    [same(10, 3), 60, 'severe'],
    [[4, ...same(9, 3)], 62, 'crippled'],
    [same(10, 4), 80, 'crippled'],
    [[5, ...same(9, 4)], 82, 'bed-bound or exaggerating'],
    [same(10, 5), 100, 'bed-bound or exaggerating'],
  ])('band boundaries: %j -> %d %% %s', (answers, score, band) => {
    expect(value(scoreOdi(answers))).toMatchObject({ score, band });
  });

  it('nine answered, sum 9 -> 20 % minimal; sum 10 -> 22.2 % moderate', () => {
    expect(value(scoreOdi([null, ...same(9, 1)]))).toMatchObject({ score: 20, band: 'minimal' });
    expect(value(scoreOdi([null, 2, ...same(8, 1)])).band).toBe('moderate');
  });

  it('refuses wrong counts, out-of-range and non-integer answers, naming the item', () => {
    expect(error(scoreOdi(same(9, 1)))).toBe('ODI needs 10 answers, one per item; got 9');
    expect(error(scoreOdi(same(11, 1)))).toBe('ODI needs 10 answers, one per item; got 11');
    expect(error(scoreOdi([1, 1, 6, ...same(7, 1)]))).toBe('ODI item 3 must be a whole number from 0 to 5; got 6');
    expect(error(scoreOdi([-1, ...same(9, 1)]))).toBe('ODI item 1 must be a whole number from 0 to 5; got -1');
    expect(error(scoreOdi([...same(9, 1), 2.5]))).toBe('ODI item 10 must be a whole number from 0 to 5; got 2.5');
    expect(error(scoreOdi([...same(9, 1), '3' as unknown as number]))).toBe('ODI item 10 must be a whole number from 0 to 5; got 3');
    expect(error(scoreOdi([...same(9, 1), NaN]))).toMatch(/item 10 .* got NaN/);
    expect(error(scoreOdi('1234567890' as unknown as number[]))).toBe('ODI needs a list of 10 answers');
  });

  it('refuses a form with nothing answered, and more missing sections than a clinic accepts', () => {
    expect(error(scoreOdi(same(10, null as unknown as number)))).toBe('ODI has no answered items, so it cannot be scored');
    const twoMissing = [null, null, ...same(8, 1)];
    expect(error(scoreOdi(twoMissing, { maxMissing: 1 }))).toBe('ODI has 2 missing items; at most 1 are accepted');
    expect(value(scoreOdi(twoMissing, { maxMissing: 2 })).missing).toBe(2);
    expect(value(scoreOdi([null, ...same(9, 0)])).score).toBe(0);
  });
});

describe('NDI: 10 items 0-5, raw 0-50, % = raw x 2; missing item: Vernon mean or denominator [S96]', () => {
  it('all items: raw 20, 40 %, moderate (15-24)', () => {
    expect(value(scoreNdi(TEN))).toEqual({
      score: 20,
      percent: 40,
      band: 'moderate',
      missing: 0,
      method: 'vernon-mean-impute',
      answered: 10,
    });
  });

  it('one missing, Vernon: 17 + 17/9 = 18.89 raw (37.78 %); the denominator rule gives the same', () => {
    const answers = [1, 2, null, 0, 5, 4, 2, 1, 0, 2];
    const v = value(scoreNdi(answers));
    expect(v.score).toBeCloseTo(18.8889, 4);
    expect(v.percent).toBeCloseTo(37.7778, 4);
    expect([v.missing, v.answered, v.band]).toEqual([1, 9, 'moderate']);
    const d = value(scoreNdi(answers, { method: 'denominator' }));
    expect(d.method).toBe('denominator');
    expect(d.score).toBeCloseTo((17 / (5 * 9)) * 50, 10);
  });

  it.each([
    [[4, ...same(9, 0)], 4, 'none'],
    [[5, ...same(9, 0)], 5, 'mild'],
    [[5, 5, 4, ...same(7, 0)], 14, 'mild'],
    [[5, 5, 5, ...same(7, 0)], 15, 'moderate'],
    [[4, ...same(9, 3)], 31, 'severe'],
    [[5, 5, 5, 5, 5, 5, 4, 0, 0, 0], 34, 'severe'],
    [[5, 5, 5, 5, 5, 5, 5, 0, 0, 0], 35, 'complete'],
    [same(10, 5), 50, 'complete'],
  ])('raw band boundaries: %j -> %d %s', (answers, score, band) => {
    expect(value(scoreNdi(answers))).toMatchObject({ score, band, percent: score * 2 });
  });

  it('an imputed raw between integers stays in the lower band: 4 / 9 x 10 = 4.44 -> none', () => {
    expect(value(scoreNdi([null, 4, ...same(8, 0)]))).toMatchObject({ band: 'none', missing: 1 });
  });

  it('refuses as the ODI does', () => {
    expect(error(scoreNdi(same(5, 1)))).toBe('NDI needs 10 answers, one per item; got 5');
    expect(error(scoreNdi([...same(9, 1), 7]))).toBe('NDI item 10 must be a whole number from 0 to 5; got 7');
    expect(error(scoreNdi(same(10, null as unknown as number)))).toBe('NDI has no answered items, so it cannot be scored');
    expect(error(scoreNdi([null, null, null, ...same(7, 1)], { maxMissing: 2 }))).toBe('NDI has 3 missing items; at most 2 are accepted');
  });
});

describe('RMDQ: count of "yes" over 24 items', () => {
  it('7 yes -> 7; none -> 0; all -> 24', () => {
    const seven = same(24, 0).map((_, i) => i % 3 === 0 && i < 21);
    expect(value(scoreRmdq(seven))).toEqual({ score: 7, missing: 0 });
    expect(value(scoreRmdq(same(24, 0).map(() => false))).score).toBe(0);
    expect(value(scoreRmdq(same(24, 0).map(() => true))).score).toBe(24);
  });
  it('refuses a wrong count, a missing item and a non-boolean', () => {
    const a = same(24, 0).map(() => false);
    expect(error(scoreRmdq(a.slice(1)))).toBe('RMDQ needs 24 answers, one per item; got 23');
    expect(error(scoreRmdq([...a.slice(1), null]))).toBe('RMDQ item 24 is missing, and the RMDQ has no published rule for missing items');
    expect(error(scoreRmdq([1 as unknown as boolean, ...a.slice(1)]))).toBe('RMDQ item 1 must be yes (true) or no (false); got 1');
    expect(error(scoreRmdq({} as unknown as boolean[]))).toBe('RMDQ needs a list of 24 answers');
  });
});

describe('NPRS: 0-10 integer; Childs anchor = mean of current, best and worst', () => {
  it('single ratings', () => {
    expect(value(scoreNprs({ recall: 'now', rating: 6 }))).toEqual({ score: 6, missing: 0, recall: 'now' });
    expect(value(scoreNprs({ recall: '24h-average', rating: 0 })).score).toBe(0);
    expect(value(scoreNprs({ recall: 'now', rating: 10 })).score).toBe(10);
  });
  it('current 5, best 2, worst 8: (5 + 2 + 8) / 3 = 5', () => {
    expect(value(scoreNprs({ recall: 'current-best-worst', current: 5, best: 2, worst: 8 }))).toEqual({
      score: 5,
      missing: 0,
      recall: 'current-best-worst',
    });
    expect(value(scoreNprs({ recall: 'current-best-worst', current: 4, best: 4, worst: 4 })).score).toBe(4);
  });
  it('refuses out-of-range, fractional ratings, best above worst and an unknown recall', () => {
    expect(error(scoreNprs({ recall: 'now', rating: 11 }))).toBe('NPRS rating must be a whole number from 0 to 10; got 11');
    expect(error(scoreNprs({ recall: 'now', rating: -1 }))).toBe('NPRS rating must be a whole number from 0 to 10; got -1');
    expect(error(scoreNprs({ recall: '24h-average', rating: 3.5 }))).toBe('NPRS rating must be a whole number from 0 to 10; got 3.5');
    expect(error(scoreNprs({ recall: 'current-best-worst', current: 5, best: 2, worst: 12 }))).toBe(
      'NPRS worst rating must be a whole number from 0 to 10; got 12',
    );
    expect(error(scoreNprs({ recall: 'current-best-worst', current: 5, best: 11, worst: 8 }))).toMatch(/^NPRS best rating/);
    expect(error(scoreNprs({ recall: 'current-best-worst', current: -2, best: 1, worst: 8 }))).toMatch(/^NPRS current rating/);
    expect(error(scoreNprs({ recall: 'current-best-worst', current: 5, best: 6, worst: 5 }))).toBe(
      'NPRS best rating cannot be above the worst rating',
    );
    expect(error(scoreNprs({ recall: 'week' } as never))).toBe(
      'NPRS recall period must be now, 24h-average or current-best-worst; got week',
    );
  });
});

describe('PSFS: mean of up to 5 activities, each 0-10', () => {
  it('3, 5, 7 -> 5; 2, 4, 6, 8, 9 -> 29 / 5 = 5.8; one activity 10 -> 10', () => {
    expect(value(scorePsfs([3, 5, 7]))).toEqual({ score: 5, missing: 0, activities: 3 });
    expect(value(scorePsfs([2, 4, 6, 8, 9])).score).toBeCloseTo(5.8, 10);
    expect(value(scorePsfs([10]))).toMatchObject({ score: 10, activities: 1 });
    expect(value(scorePsfs([0, 0, 0])).score).toBe(0);
  });
  it('refuses no activities, more than 5, and ratings outside 0-10, naming the activity', () => {
    expect(error(scorePsfs([]))).toBe('PSFS needs 1 to 5 activity ratings (3-5 usual); got 0');
    expect(error(scorePsfs(same(6, 5)))).toBe('PSFS needs 1 to 5 activity ratings (3-5 usual); got 6');
    expect(error(scorePsfs(null as unknown as number[]))).toBe('PSFS needs 1 to 5 activity ratings (3-5 usual); got none');
    expect(error(scorePsfs([3, 11]))).toBe('PSFS activity 2 must be a whole number from 0 to 10; got 11');
    expect(error(scorePsfs([3, null as unknown as number]))).toBe(
      'PSFS activity 2 is missing, and the PSFS has no published rule for missing items',
    );
  });
});

describe('STarT Back: items 1-8 agree = 1; item 9 = 1 if very much / extremely; subscale items 5-9 [S100]', () => {
  const T = true;
  const F = false;
  it.each<[boolean[], Bothersomeness, number, number, string]>([
    [[T, T, F, T, F, F, F, F], 'moderately', 3, 0, 'low'], // total 3 <= 3
    [[F, F, F, F, T, T, T, F], 'not-at-all', 3, 3, 'low'], // total 3 even with subscale 3
    [[T, T, T, T, F, F, F, F], 'slightly', 4, 0, 'medium'], // total 4, subscale 0
    [[T, T, T, T, T, T, T, F], 'moderately', 7, 3, 'medium'], // subscale 3 (item 9 = 0)
    [[F, F, F, F, T, T, T, F], 'very-much', 4, 4, 'high'], // item 9 = 1: subscale 4
    [[F, F, F, F, T, T, T, T], 'extremely', 5, 5, 'high'],
    [[T, T, T, T, T, T, T, T], 'extremely', 9, 5, 'high'],
    [[F, F, F, F, F, F, F, F], 'not-at-all', 0, 0, 'low'],
  ])('%j + item 9 %s -> total %d, subscale %d, %s', (agree, bother, total, psych, band) => {
    expect(value(scoreStartBack({ agree, bothersomeness: bother }))).toEqual({ score: total, psychosocial: psych, band, missing: 0 });
  });
  it('refuses a wrong count, a non-boolean item and an unknown item-9 answer', () => {
    expect(error(scoreStartBack({ agree: [T, T], bothersomeness: 'slightly' }))).toBe(
      'STarT Back needs agree/disagree answers to items 1-8; got 2',
    );
    expect(error(scoreStartBack({ agree: undefined as never, bothersomeness: 'slightly' }))).toBe(
      'STarT Back needs agree/disagree answers to items 1-8; got none',
    );
    expect(error(scoreStartBack({ agree: [T, T, T, T, T, T, T, null as never], bothersomeness: 'slightly' }))).toBe(
      'STarT Back item 8 must be agree (true) or disagree (false); got null',
    );
    expect(error(scoreStartBack({ agree: same(8, 0).map(() => F), bothersomeness: 'very' as never }))).toBe(
      'STarT Back item 9 must be one of not-at-all, slightly, moderately, very-much, extremely; got very',
    );
  });
});

describe('TSK-17: 17 items 1-4; items 4, 8, 12, 16 reversed (5 - answer); total 17-68; >37 high [S101]', () => {
  /** Answers with the 13 forward items at `fwd` and the 4 reversed items at `rev`. */
  const tsk = (fwd: number, rev: number) => Array.from({ length: 17 }, (_, i) => ([4, 8, 12, 16].includes(i + 1) ? rev : fwd));
  it.each([
    [1, 4, 17, 'not high'], // 13 x 1 + 4 x (5-4) = 17 (minimum)
    [4, 1, 68, 'high kinesiophobia'], // 13 x 4 + 4 x (5-1) = 68 (maximum)
    [1, 1, 29, 'not high'], // 13 + 16
    [4, 4, 56, 'high kinesiophobia'], // 52 + 4
    [2, 4, 30, 'not high'], // 26 + 4
    [2, 2, 38, 'high kinesiophobia'], // 26 + 12: just above 37
  ])('forward items %d, reversed items %d -> %d %s', (fwd, rev, score, band) => {
    expect(value(scoreTsk17(tsk(fwd, rev)))).toEqual({ score, band, missing: 0, version: 'tsk-17' });
  });
  it('37 is not high: the 38 example with item 1 at 1 instead of 2', () => {
    const a = tsk(2, 2);
    a[0] = 1;
    expect(value(scoreTsk17(a))).toMatchObject({ score: 37, band: 'not high' });
  });
  it('reverses exactly items 4, 8, 12 and 16: raising each item by one moves the total by +1, or -1 for those four', () => {
    const base = value(scoreTsk17(tsk(2, 2))).score;
    for (let i = 0; i < 17; i++) {
      const a = tsk(2, 2);
      a[i] = 3;
      expect(value(scoreTsk17(a)).score - base, `item ${i + 1}`).toBe([4, 8, 12, 16].includes(i + 1) ? -1 : 1);
    }
  });
  it('refuses a wrong count, 0 or 5, and a missing item (no published rule)', () => {
    expect(error(scoreTsk17(same(16, 2)))).toBe('TSK-17 needs 17 answers, one per item; got 16');
    expect(error(scoreTsk17([0, ...same(16, 2)]))).toBe('TSK-17 item 1 must be a whole number from 1 to 4; got 0');
    expect(error(scoreTsk17([...same(16, 2), 5]))).toBe('TSK-17 item 17 must be a whole number from 1 to 4; got 5');
    expect(error(scoreTsk17([...same(16, 2), null]))).toBe(
      'TSK-17 item 17 is missing, and the TSK-17 has no published rule for missing items',
    );
  });
});

describe('TSK-11: 11 items 1-4, total 11-44 (plain sum)', () => {
  it('all 1 -> 11; all 4 -> 44; 1,2,3,4,1,2,3,4,1,2,3 -> 26', () => {
    expect(value(scoreTsk11(same(11, 1)))).toEqual({ score: 11, missing: 0, version: 'tsk-11' });
    expect(value(scoreTsk11(same(11, 4))).score).toBe(44);
    expect(value(scoreTsk11([1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3])).score).toBe(26);
    expect(value(scoreTsk11(same(11, 4))).band).toBeUndefined();
  });
  it('refuses a TSK-17 form and out-of-range answers', () => {
    expect(error(scoreTsk11(same(17, 2)))).toBe('TSK-11 needs 11 answers, one per item; got 17');
    expect(error(scoreTsk11([...same(10, 2), 0]))).toBe('TSK-11 item 11 must be a whole number from 1 to 4; got 0');
    expect(error(scoreTsk11([...same(10, 2), null]))).toBe(
      'TSK-11 item 11 is missing, and the TSK-11 has no published rule for missing items',
    );
  });
});
