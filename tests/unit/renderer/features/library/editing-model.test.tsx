// @vitest-environment happy-dom
// The pure parts of "editing that never loses work": what counts as an unsaved change, "No
// equipment" excluding the rest, the form an unsaved copy starts from, a draft read back over the
// form it was made from, and errors that clear as soon as the field is fixed.
import { describe, expect, it } from 'vitest';
import {
  copyForm,
  copyName,
  emptyForm,
  formFromDraft,
  formFromExercise,
  formsDiffer,
  toggleEquipment,
} from '../../../../../renderer/src/features/library/exercise-form';
import { validateForm } from '../../../../../renderer/src/features/library/form-validation';
import { draftKeyOf, openedForm } from '../../../../../renderer/src/features/library/ExerciseEditor';
import { exercise } from '../../fake-api';

describe('unsaved changes', () => {
  it('are none when the form is as it opened, or differs only in what saving would drop', () => {
    const opened = formFromExercise(exercise({ text: { ...exercise().text, steps: ['One', 'Two'] } }));
    expect(formsDiffer(opened, { ...opened })).toBe(false);
    expect(formsDiffer(opened, { ...opened, steps: 'One\n\n  Two  \n' })).toBe(false);
    expect(formsDiffer(opened, { ...opened, name: `${opened.name} ` })).toBe(false);
    expect(formsDiffer(emptyForm(), emptyForm())).toBe(false);
  });

  it('are any change that saving would keep, anywhere in the form', () => {
    const opened = formFromExercise(exercise());
    expect(formsDiffer(opened, { ...opened, name: 'Other' })).toBe(true);
    expect(formsDiffer(opened, { ...opened, dosage: { ...opened.dosage, sets: '9' } })).toBe(true);
    expect(formsDiffer(opened, { ...opened, equipment: ['wall'] })).toBe(true);
    const suitability = { ...opened.suitability, disc: { ...opened.suitability.disc, note: 'Careful' } };
    expect(formsDiffer(opened, { ...opened, suitability })).toBe(true);
    expect(formsDiffer(opened, { ...opened, regressions: [{ id: 'x', name: 'Easier', stage: 1, archived: false }] })).toBe(true);
  });
});

describe('equipment choices', () => {
  it('"No equipment" unchecks the rest, and any other kind unchecks "No equipment"', () => {
    expect(toggleEquipment(['mat', 'wall'], 'none')).toEqual(['none']);
    expect(toggleEquipment(['none'], 'wall')).toEqual(['wall']);
    expect(toggleEquipment(['mat'], 'wall')).toEqual(['mat', 'wall']);
    expect(toggleEquipment(['mat', 'wall'], 'mat')).toEqual(['wall']);
    expect(toggleEquipment(['none'], 'none')).toEqual([]);
  });
});

describe('an unsaved copy', () => {
  it('starts from the source with " (copy)" added, within the name limit', () => {
    const source = exercise({ text: { ...exercise().text, name: 'Wall press' } });
    const form = copyForm(source);
    expect(form).toEqual({ ...formFromExercise(source), name: 'Wall press (copy)' });
    expect(copyName('x'.repeat(120))).toBe(`${'x'.repeat(113)} (copy)`);
    expect(copyName('x'.repeat(120)).length).toBe(120);
  });

  it('is unchanged (nothing to ask about) until the clinician changes it', () => {
    const target = { kind: 'copy' as const, source: exercise() };
    expect(formsDiffer(openedForm(target), copyForm(exercise()))).toBe(false);
    expect(draftKeyOf(target)).toBe(`copy:${exercise().id}`);
    expect(draftKeyOf({ kind: 'edit', exercise: exercise() })).toBe(`edit:${exercise().id}`);
    expect(draftKeyOf({ kind: 'create' })).toBe('new');
  });
});

describe('a draft read back', () => {
  it('is the form as it was saved', () => {
    const form = { ...emptyForm(), name: 'Half typed', steps: 'One', equipment: ['wall' as const] };
    expect(formFromDraft(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it('keeps the base form where the draft lacks a part or holds the wrong kind of value', () => {
    const base = formFromExercise(exercise());
    const restored = formFromDraft({ name: 'Renamed', steps: 42, dosage: { sets: '4' }, unknown: 'dropped' }, base)!;
    expect(restored.name).toBe('Renamed');
    expect(restored.steps).toBe(base.steps);
    expect(restored.dosage).toEqual({ ...base.dosage, sets: '4' });
    expect('unknown' in restored).toBe(false);
    expect(formFromDraft('not a form')).toBeNull();
    expect(formFromDraft(null)).toBeNull();
    expect(formFromDraft([1, 2])).toBeNull();
  });
});

describe('errors after a save attempt', () => {
  it('clear for a field as soon as it is fixed, and stay for the rest', () => {
    const form = emptyForm();
    expect(Object.keys(validateForm(form).errors)).toEqual(expect.arrayContaining(['text.name', 'text.steps']));
    const fixed = validateForm({ ...form, name: 'Named' }).errors;
    expect(fixed['text.name']).toBeUndefined();
    expect(fixed['text.steps']).toBeDefined();
  });
});
