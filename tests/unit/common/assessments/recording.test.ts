// common/assessments/recording.ts: one recording checked and scored by the kernel, the same way in
// the service and in the live form. Refusals name the measure and the problem.
import { describe, expect, it } from 'vitest';
import { entryFormOf, isRecordable, scoreEntry } from '../../../../common/assessments/recording';

const value = (id: string, entry: Parameters<typeof scoreEntry>[1]) => {
  const r = scoreEntry(id, entry);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const refusal = (id: string, entry: Parameters<typeof scoreEntry>[1]) => {
  const r = scoreEntry(id, entry);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.message;
};

describe('scoreEntry', () => {
  it('scores questionnaires from their items, ignoring any value sent beside them', () => {
    expect(value('odi', { value: 99, detail: { items: [5, 5, 0, 0, 0, 0, 0, 0, 0, null] } })).toMatchObject({
      value: (10 / 45) * 100,
      detail: { raw: 10, answered: 9, missing: 1 },
    });
    expect(value('tsk-17', { detail: { items: Array(17).fill(1) } }).value).toBe(13 + 16);
    expect(value('rmdq', { detail: { items: [...Array(20).fill(false), true, true, true, true] } }).value).toBe(4);
    expect(
      value('start-back', { detail: { agree: [true, true, true, true, true, true, true, false], bothersomeness: 'extremely' } }),
    ).toMatchObject({ value: 8, detail: { band: 'high', psychosocial: 4 } });
    expect(value('nprs', { value: 7 })).toEqual({ value: 7, detail: { recall: 'now', rating: 7 } });
    expect(value('psfs', { detail: { ratings: [4, 6] } })).toEqual({ value: 5, detail: { ratings: [4, 6], min: 4 } });
  });

  it('refuses an unknown measure, naming it', () => {
    expect(refusal('odi-2', { value: 1 })).toBe('There is no measure "odi-2" in the catalogue');
  });

  it('refuses wrong item counts and out-of-range answers, naming the item', () => {
    expect(refusal('odi', { detail: { items: [1, 2, 3] } })).toBe('ODI needs 10 answers, one per item; got 3');
    expect(refusal('ndi', { detail: { items: [0, 0, 0, 0, 0, 0, 0, 0, 0, 6] } })).toBe(
      'NDI item 10 must be a whole number from 0 to 5; got 6',
    );
    expect(refusal('tsk-17', { detail: { items: Array(17).fill(null) } })).toMatch(/TSK-17 item 1 is missing/);
    expect(refusal('odi', { value: 40 })).toBe('ODI needs its 10 item answers');
  });

  it('refuses values out of range for timed holds, gate checks and plain values', () => {
    expect(refusal('sorensen', { value: 300 })).toBe('BST time (s) must be from 0 to 240; got 300');
    expect(refusal('adim-clean-holds', { value: 3.5 })).toBe('"ADIM clean 10-second holds" must be a whole number; got 3.5');
    expect(refusal('red-flags-clear', { value: 2 })).toBe('"No active red flag" is recorded as 1 (yes) or 0 (no); got 2');
    expect(refusal('hicks-cpr', { value: 5 })).toBe('Hicks CPR (count) must be from 0 to 4; got 5');
    expect(refusal('six-minute-walk', { value: -3 })).toBe('6MWT (m) must be from 0 to 5000; got -3');
    expect(refusal('nprs', { value: 11 })).toMatch(/NPRS rating must be a whole number from 0 to 10; got 11/);
  });

  it('computes physical results: Sorensen cap, side bridge weaker side, CCFT, grip, PILE, ASLR', () => {
    expect(value('sorensen', { value: 240 })).toEqual({ value: 240, detail: { seconds: 240, capped: true } });
    expect(value('mcgill-side-bridge', { detail: { left: 40, right: 55 } }).value).toBe(40);
    expect(value('ccft', { detail: { held: [true, true, false] } })).toMatchObject({ value: 24, detail: { band: 'below normal' } });
    expect(refusal('ccft', { detail: { held: [true, false, true] } })).toMatch(/stops at the first level not held/);
    expect(value('grip', { detail: { left: [30, 30, 30], right: [20, 20, 20] } }).value).toBe(20);
    expect(refusal('grip', { detail: { left: [30, 30], right: [20, 20, 20] } })).toBe('Grip left trial (kg) needs 3 values; got 2');
    expect(value('pile-lumbar', { detail: { sex: 'F', completedStages: 2 } }).value).toBeCloseTo(5.85);
    expect(value('aslr', { detail: { left: 1, right: 2 } }).value).toBe(3);
  });

  it('refuses a McGill battery whose ratios cannot be computed', () => {
    expect(refusal('mcgill-battery', { detail: { flexor: 10, extensor: 0, sideBridgeR: 10, sideBridgeL: 10 } })).toMatch(
      /extensor time and a left side bridge time above 0 s/,
    );
  });

  it('says the neurological screen is recorded as the gate check', () => {
    expect(isRecordable('neuro-screen-lumbar')).toBe(false);
    expect(refusal('neuro-screen-lumbar', { value: 1 })).toMatch(/No new or progressive nerve deficit/);
    expect(entryFormOf('neuro-stable')).toBe('yes-no');
    expect(entryFormOf('nope')).toBeUndefined();
  });
});
