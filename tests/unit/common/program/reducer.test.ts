// The program reducer: every action, its refusals, and that a result is always a valid program.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../../../common/program/reducer';
import { newProgramDoc, gateRegionFor, defaultExitGate } from '../../../../common/program/new-program';
import { findItem, ProgramDocSchema, MAX_ITEMS_PER_STAGE, type ProgramAction, type ProgramDoc } from '../../../../common/domain/program';
import { DEFAULT_PAIN_RULE } from '../../../../common/copy/en-program';
import { run } from '../../../support/programs';

const EX = '6f1c5a52-6d0e-4d7e-9a52-0e3c0b5f4a11';

const refusal = (doc: ProgramDoc, action: ProgramAction): string => {
  const r = applyAction(doc, action);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
};

const add = (stage: 1 | 2 | 3 | 4, itemId = randomUUID(), index?: number): ProgramAction => ({
  type: 'add-item',
  stage,
  itemId,
  exerciseId: EX,
  index,
});

describe('new programs', () => {
  it('have four stages with default goals, weeks and gates, and the standard pain rule', () => {
    const doc = newProgramDoc('Back', 'lumbar');
    expect(ProgramDocSchema.safeParse(doc).success).toBe(true);
    expect(doc.stages.map((s) => s.stage)).toEqual([1, 2, 3, 4]);
    expect(doc.painRule).toBe(DEFAULT_PAIN_RULE);
    expect(doc.stages[0]?.exit).toEqual(defaultExitGate(1, 'lumbar'));
    expect(doc.stages[0]?.exit.required.map((c) => c.id)).toContain('adim');
    expect(newProgramDoc('Neck', 'cervical').stages[0]?.exit.required.map((c) => c.id)).not.toContain('adim');
  });

  it('use the neck gates only when the neck is the first region', () => {
    expect(gateRegionFor(['cervical'])).toBe('cervical');
    expect(gateRegionFor(['cervical', 'lumbar'])).toBe('cervical');
    expect(gateRegionFor(['lumbar', 'cervical'])).toBe('lumbar');
    expect(gateRegionFor(['thoracic'])).toBe('lumbar');
  });
});

describe('applyAction', () => {
  const blank = newProgramDoc('P', 'lumbar');

  it('adds at the end or at an index, and refuses a duplicate id', () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const doc = run(blank, add(1, a), add(1, b), add(1, c, 0));
    expect(doc.stages[0]?.items.map((i) => i.id)).toEqual([c, a, b]);
    expect(doc.stages[0]?.items[0]).toEqual({
      id: c,
      exerciseId: EX,
      variant: null,
      dosage: {},
      painRule: null,
      patientNote: null,
      clinicianNote: null,
    });
    expect(refusal(doc, add(2, a))).toBe('That item is already in the program.');
  });

  it('refuses a stage past its limit', () => {
    const full = run(blank, ...Array.from({ length: MAX_ITEMS_PER_STAGE }, () => add(2)));
    expect(refusal(full, add(2))).toBe(`Stage 2 already has ${MAX_ITEMS_PER_STAGE} exercises.`);
    const one = run(full, add(1));
    expect(refusal(one, { type: 'move-item', itemId: one.stages[0]!.items[0]!.id, toStage: 2, toIndex: 0 })).toMatch(/already has/);
  });

  it('moves within a stage and between stages', () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const doc = run(blank, add(1, a), add(1, b), add(2, c));
    const reordered = run(doc, { type: 'move-item', itemId: a, toStage: 1, toIndex: 1 });
    expect(reordered.stages[0]?.items.map((i) => i.id)).toEqual([b, a]);
    const across = run(doc, { type: 'move-item', itemId: b, toStage: 2, toIndex: 0 });
    expect(across.stages[0]?.items.map((i) => i.id)).toEqual([a]);
    expect(across.stages[1]?.items.map((i) => i.id)).toEqual([b, c]);
    expect(findItem(across, b)).toMatchObject({ stage: 2, index: 0 });
  });

  it('copies forward with dose and notes under a new id, never past stage 4', () => {
    const [a, copy, last] = [randomUUID(), randomUUID(), randomUUID()];
    const doc = run(
      blank,
      add(1, a),
      { type: 'set-dosage', itemId: a, dosage: { reps: 12 } },
      { type: 'update-item', itemId: a, patch: { patientNote: 'Slowly' } },
    );
    const copied = run(doc, { type: 'copy-forward', itemId: a, newItemId: copy });
    expect(copied.stages[1]?.items[0]).toMatchObject({ id: copy, exerciseId: EX, dosage: { reps: 12 }, patientNote: 'Slowly' });
    expect(copied.stages[0]?.items[0]?.id).toBe(a);
    expect(refusal(copied, { type: 'copy-forward', itemId: a, newItemId: copy })).toBe('That item is already in the program.');
    const four = run(blank, add(4, last));
    expect(refusal(four, { type: 'copy-forward', itemId: last, newItemId: randomUUID() })).toMatch(/last stage/);
  });

  it('replaces dose overrides and checks them against the dose schema', () => {
    const a = randomUUID();
    const doc = run(blank, add(1, a), { type: 'set-dosage', itemId: a, dosage: { sets: 2, reps: 8, repsMax: 12 } });
    expect(doc.stages[0]?.items[0]?.dosage).toEqual({ sets: 2, reps: 8, repsMax: 12 });
    expect(run(doc, { type: 'set-dosage', itemId: a, dosage: {} }).stages[0]?.items[0]?.dosage).toEqual({});
    expect(refusal(doc, { type: 'set-dosage', itemId: a, dosage: { sets: 0 } })).toMatch(/sets/);
  });

  it('removes an item with its acknowledgements, and refuses items that are gone', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const doc = run(
      blank,
      add(1, a),
      add(1, b),
      { type: 'acknowledge', flagId: `${a}/time-lock/post-fusion`, note: 'Cleared', date: '2026-11-29' },
      { type: 'acknowledge', flagId: `${b}/rating/disc`, note: 'Small range', date: '2026-11-29' },
      { type: 'acknowledge', flagId: 'program/red-flag-unscreened/screen', note: 'Screened by phone', date: '2026-11-29' },
    );
    const removed = run(doc, { type: 'remove-item', itemId: a });
    expect(removed.acknowledgements.map((x) => x.flagId)).toEqual([`${b}/rating/disc`, 'program/red-flag-unscreened/screen']);
    for (const action of [
      { type: 'remove-item', itemId: a },
      { type: 'move-item', itemId: a, toStage: 2, toIndex: 0 },
      { type: 'copy-forward', itemId: a, newItemId: randomUUID() },
      { type: 'set-dosage', itemId: a, dosage: {} },
      { type: 'update-item', itemId: a, patch: { patientNote: 'x' } },
    ] as ProgramAction[]) {
      expect(refusal(removed, action)).toBe('That exercise is no longer in the program.');
    }
  });

  it('swaps an exercise in place for an easier or harder one: place and notes kept, dose and its acknowledgements reset', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const other = '7a1c5a52-6d0e-4d7e-9a52-0e3c0b5f4a22';
    const doc = run(
      blank,
      add(2, a),
      add(2, b),
      { type: 'set-dosage', itemId: a, dosage: { reps: 5 } },
      { type: 'update-item', itemId: a, patch: { patientNote: 'Slowly' } },
      { type: 'acknowledge', flagId: `${a}/rating/disc`, note: 'Small range', date: '2026-11-29' },
    );
    const swapped = run(doc, { type: 'swap-exercise', itemId: a, exerciseId: other });
    expect(swapped.stages[1]?.items.map((i) => i.id)).toEqual([a, b]);
    expect(swapped.stages[1]?.items[0]).toMatchObject({ exerciseId: other, dosage: {}, patientNote: 'Slowly' });
    expect(swapped.acknowledgements).toEqual([]);
    expect(refusal(swapped, { type: 'swap-exercise', itemId: a, exerciseId: other })).toBe('That exercise is already in this place.');
    expect(refusal(swapped, { type: 'swap-exercise', itemId: randomUUID(), exerciseId: other })).toBe(
      'That exercise is no longer in the program.',
    );
  });

  it('acknowledges once per flag, replacing the note, and withdraws', () => {
    const doc = run(
      blank,
      { type: 'acknowledge', flagId: 'f', note: 'first', date: '2026-11-28' },
      { type: 'acknowledge', flagId: 'f', note: 'second', date: '2026-11-29' },
    );
    expect(doc.acknowledgements).toEqual([{ flagId: 'f', note: 'second', date: '2026-11-29' }]);
    expect(run(doc, { type: 'withdraw-acknowledgement', flagId: 'f' }).acknowledgements).toEqual([]);
  });

  it('changes stage with a logged reason, and refuses the current stage', () => {
    const doc = run(
      blank,
      { type: 'change-stage', to: 2, date: '2026-11-29', reason: 'Gate met' },
      { type: 'change-stage', to: 1, date: '2026-11-30', reason: 'Flare' },
    );
    expect(doc.currentStage).toBe(1);
    expect(doc.stageLog).toEqual([
      { from: 1, to: 2, date: '2026-11-29', reason: 'Gate met' },
      { from: 2, to: 1, date: '2026-11-30', reason: 'Flare' },
    ]);
    expect(refusal(doc, { type: 'change-stage', to: 1, date: '2026-11-30', reason: 'x' })).toBe('The program is already in stage 1.');
  });

  it('edits stage details and program details, validated', () => {
    const doc = run(
      blank,
      { type: 'update-stage', stage: 3, patch: { goals: 'Lift 20 lb', plannedWeeks: 8 } },
      { type: 'update-program', patch: { title: 'New title' } },
    );
    expect(doc.stages[2]).toMatchObject({ goals: 'Lift 20 lb', plannedWeeks: 8 });
    expect(doc.title).toBe('New title');
    const gate = defaultExitGate(1, 'lumbar');
    expect(
      refusal(doc, { type: 'update-stage', stage: 1, patch: { exit: { ...gate, minSupporting: gate.supporting.length + 1 } } }),
    ).toMatch(/supporting/);
    expect(refusal(doc, { type: 'update-program', patch: { title: '' } })).toMatch(/title/);
  });

  it('never changes the document it is given', () => {
    const a = randomUUID();
    const doc = run(blank, add(1, a));
    const frozen = JSON.stringify(doc);
    run(doc, { type: 'move-item', itemId: a, toStage: 3, toIndex: 0 }, { type: 'set-dosage', itemId: a, dosage: { reps: 3 } });
    expect(JSON.stringify(doc)).toBe(frozen);
  });
});
