// What changed between two versions, in sentences a clinician can read aloud.
import { describe, expect, it } from 'vitest';
import { describeChanges, effectiveDosage, type ExerciseLookup } from '../../../../common/program/diff';
import { newProgramDoc } from '../../../../common/program/new-program';
import { sampleDraft } from '../../../support/fixtures';
import { run } from '../../../support/programs';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const C = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const EX1 = '11111111-1111-4111-8111-111111111111';
const EX2 = '22222222-2222-4222-8222-222222222222';
const dose = sampleDraft().dosage;
const lookup: ExerciseLookup = (id) =>
  id === EX1 ? { name: 'Bird dog', dosage: dose } : id === EX2 ? { name: 'Dead bug', dosage: dose } : undefined;

describe('describeChanges', () => {
  const v1 = run(
    newProgramDoc('P', 'lumbar'),
    { type: 'add-item', stage: 1, itemId: A, exerciseId: EX1 },
    { type: 'add-item', stage: 1, itemId: B, exerciseId: EX2 },
  );

  it('says nothing when nothing changed', () => {
    expect(describeChanges(v1, v1, lookup)).toEqual([]);
  });

  it('names additions, removals, moves, doses, notes, goals, the pain rule and the stage change', () => {
    const v2 = run(
      v1,
      { type: 'remove-item', itemId: B },
      { type: 'move-item', itemId: A, toStage: 2, toIndex: 0 },
      { type: 'set-dosage', itemId: A, dosage: { reps: 12 } },
      { type: 'update-item', itemId: A, patch: { patientNote: 'Slowly.' } },
      { type: 'add-item', stage: 3, itemId: C, exerciseId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd' },
      { type: 'update-stage', stage: 2, patch: { goals: 'Hold steady for longer.' } },
      { type: 'update-program', patch: { painRule: 'Stop if it hurts more than 3 out of 10.' } },
      { type: 'change-stage', to: 2, date: '2026-11-29', reason: 'Gate met' },
    );
    const words = describeChanges(v1, v2, lookup).map((c) => `${c.kind}: ${c.text}`);
    const now = effectiveDosage(dose, { dosage: { reps: 12 } });
    expect(now.reps).toBe(12);
    expect(words).toEqual([
      'stage: Moved on from stage 1 (stabilizer activation) to stage 2 (controlled loading). Reason: Gate met',
      'goals: New goals for stage 2 (controlled loading): Hold steady for longer.',
      'moved: Moved Bird dog from stage 1 to stage 2.',
      expect.stringMatching(/^dosage: Changed how to do Bird dog: now .*12.* \(was .*\)\.$/),
      'note: New instructions for Bird dog.',
      'added: Added An exercise no longer in the library to stage 3 (progressive resistance).',
      'removed: Removed Dead bug from stage 1 (stabilizer activation).',
      'note: New pain rule: Stop if it hurts more than 3 out of 10.',
    ]);
  });

  it('says which exercise became which when one is swapped in place', () => {
    const v2 = run(v1, { type: 'swap-exercise', itemId: A, exerciseId: EX2 });
    expect(describeChanges(v1, v2, lookup)).toEqual([
      { kind: 'swapped', text: 'Bird dog became Dead bug in stage 1 (stabilizer activation).' },
    ]);
  });

  it('says "stepped back" for a lower stage', () => {
    const up = run(v1, { type: 'change-stage', to: 3, date: '2026-11-29', reason: 'Ready' });
    const down = run(up, { type: 'change-stage', to: 2, date: '2026-11-30', reason: 'Flare-up' });
    expect(describeChanges(up, down, lookup)[0]?.text).toBe(
      'Stepped back from stage 3 (progressive resistance) to stage 2 (controlled loading). Reason: Flare-up',
    );
  });
});
