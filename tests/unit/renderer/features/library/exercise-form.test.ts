// The editor's form model, without a browser: a saved exercise round-trips through the form, and
// problems come back in plain words keyed to the field that holds them.
import { describe, expect, it } from 'vitest';
import { draftFromForm, emptyForm, fieldLabel, formFromExercise } from '../../../../../renderer/src/features/library/exercise-form';
import { validateForm } from '../../../../../renderer/src/features/library/form-validation';
import type { Exercise } from '../../../../../common/domain/exercise';
import { sampleDraft } from '../../../../support/fixtures';

function asExercise(): Exercise {
  const {
    progressionIds: _p,
    regressionIds: _r,
    ...draft
  } = sampleDraft({
    sources: [
      { citation: 'McGill & Karpowicz 2009 (S17b).', url: null },
      { citation: 'Guideline | with a bar', url: 'https://www.jospt.org/doi/10.2519/jospt.2021.0304' },
      { citation: 'George 2021 CPG (S9).', url: null, evidenceLevel: 'G', doi: '10.2519/jospt.2021.0304' },
      {
        citation: 'McGill 1999 | endurance norms.',
        url: 'https://pubmed.ncbi.nlm.nih.gov/10453772/',
        evidenceLevel: 'P',
        pmid: '10453772',
      },
    ],
  });
  return {
    ...draft,
    id: '00000000-0000-4000-8000-000000000001',
    code: null,
    origin: 'clinic',
    originBundleName: null,
    basedOnId: null,
    contentVersion: 3,
    locale: 'en',
    archived: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    progressions: [{ id: '00000000-0000-4000-8000-000000000002', name: 'Harder', stage: 3, archived: false }],
    regressions: [],
    photos: [],
  };
}

describe('exercise form', () => {
  it('round-trips every field of a saved exercise', () => {
    const ex = asExercise();
    const { draft, errors } = validateForm(formFromExercise(ex));
    expect(errors).toEqual({});
    const {
      progressions,
      regressions,
      id: _i,
      code: _c,
      origin: _o,
      originBundleName: _b,
      basedOnId: _x,
      contentVersion: _v,
      locale: _l,
      archived: _a,
      createdAt: _cr,
      updatedAt: _u,
      photos: _ph,
      ...rest
    } = ex;
    expect(draft).toEqual({ ...rest, progressionIds: progressions.map((p) => p.id), regressionIds: regressions.map((r) => r.id) });
  });

  it('reads one item per line and drops blank lines', () => {
    const form = { ...formFromExercise(asExercise()), steps: 'First\n\n  Second  \n', tags: ' glutes , , hip hinge ' };
    const draft = draftFromForm(form) as { text: { steps: string[] }; tags: string[] };
    expect(draft.text.steps).toEqual(['First', 'Second']);
    expect(draft.tags).toEqual(['glutes', 'hip hinge']);
  });

  it('names each missing field in plain words', () => {
    const { draft, errors } = validateForm(emptyForm());
    expect(draft).toBeNull();
    expect(errors['text.name']).toBe('Required');
    expect(errors['text.steps']).toBe('Add at least one');
    expect(fieldLabel('text.steps')).toBe('Steps');
  });

  it('explains numbers and ranges', () => {
    const base = formFromExercise(asExercise());
    const { errors } = validateForm({ ...base, dosage: { ...base.dosage, sets: 'many', daysPerWeek: '9' } });
    expect(errors['dosage.sets']).toBe('Enter a whole number');
    expect(errors['dosage.daysPerWeek']).toBe('At most 7');
    const range = validateForm({ ...base, dosage: { ...base.dosage, reps: '12', repsMax: '8' } });
    expect(range.errors['dosage.repsMax']).toBe('The top of a rep range must be above its bottom');
    expect(fieldLabel('dosage.repsMax')).toBe('Reps, top of range');
    expect(fieldLabel('suitability.post-fusion')).toBe('After lumbar fusion suitability');
  });

  it('writes a graded source as one line and reads it back, in any order of its parts', () => {
    const graded = { citation: 'George 2021 CPG (S9).', url: null, evidenceLevel: 'G' as const, doi: '10.2519/jospt.2021.0304' };
    const line = 'George 2021 CPG (S9). | level G | doi:10.2519/jospt.2021.0304';
    expect(formFromExercise({ ...asExercise(), sources: [graded] }).sources).toBe(line);
    const base = formFromExercise(asExercise());
    const reordered = validateForm({ ...base, sources: 'Snook 1998 | pmid:9854759 | https://example.org/snook | level P' });
    expect(reordered.draft?.sources).toEqual([
      { citation: 'Snook 1998', url: 'https://example.org/snook', evidenceLevel: 'P', pmid: '9854759' },
    ]);
  });

  it('says what is wrong with an evidence level, a DOI or a PMID', () => {
    const base = formFromExercise(asExercise());
    expect(validateForm({ ...base, sources: 'A citation | level A' }).errors.sources).toBe('Evidence level must be P, G, Pr, Sec or C');
    expect(validateForm({ ...base, sources: 'A citation | doi:https://doi.org/10.1/x' }).errors.sources).toBe(
      'A DOI looks like 10.1234/abc (no "doi:" or address in front)',
    );
    expect(validateForm({ ...base, sources: 'A citation | pmid:PMC42' }).errors.sources).toBe('A PMID is digits only, like 10453772');
  });

  it('round-trips a distance and each kind of intensity, and leaves both out of a dose that had neither', () => {
    const base = asExercise();
    for (const intensity of [
      { kind: 'rm' as const, value: 8, valueMax: 12, band: null, bandColor: null },
      { kind: 'rpe' as const, value: 6.5, valueMax: null, band: null, bandColor: null },
      { kind: 'band' as const, value: null, valueMax: null, band: 'light' as const, bandColor: 'yellow' },
    ]) {
      const ex = { ...base, dosage: { ...base.dosage, distanceMeters: 20, intensity } };
      const { draft, errors } = validateForm(formFromExercise(ex));
      expect(errors).toEqual({});
      expect(draft!.dosage).toEqual(ex.dosage);
    }
    const plain = validateForm(formFromExercise(base)).draft!.dosage;
    expect('distanceMeters' in plain || 'intensity' in plain).toBe(false);
  });

  it('ignores the inputs a kind hides, and names what an intensity lacks', () => {
    const form = formFromExercise(asExercise());
    const toBand = {
      ...form,
      dosage: { ...form.dosage, intensity: { kind: 'band' as const, value: '8', valueMax: '12', band: 'heavy' as const, bandColor: '' } },
    };
    expect(validateForm(toBand).draft!.dosage.intensity).toEqual({
      kind: 'band',
      value: null,
      valueMax: null,
      band: 'heavy',
      bandColor: null,
    });
    const noNumber = {
      ...form,
      dosage: { ...form.dosage, intensity: { kind: 'rm' as const, value: '', valueMax: '', band: '' as const, bandColor: '' } },
    };
    expect(validateForm(noNumber).errors['dosage.intensity']).toBe('Give the number for this intensity');
    expect(fieldLabel('dosage.intensity')).toBe('Intensity');
    expect(fieldLabel('dosage.distanceMeters')).toBe('Distance (meters)');
    // A draft kept from before these inputs existed still makes a draft.
    const { intensity: _i, distanceMeters: _d, ...older } = form.dosage;
    expect(validateForm({ ...form, dosage: older as typeof form.dosage }).errors).toEqual({});
  });

  it('keeps the other stages in order without the primary one, and leaves the list out when empty (audit D14)', () => {
    const ex = { ...asExercise(), stage: 2 as const, alsoStages: [3, 1] as (1 | 2 | 3 | 4)[] };
    const form = formFromExercise(ex);
    expect(form.alsoStages).toEqual([3, 1]);
    expect(validateForm({ ...form, alsoStages: [3, 2, 1, 3] }).draft!.alsoStages).toEqual([1, 3]);
    expect('alsoStages' in validateForm({ ...form, alsoStages: [2] }).draft!).toBe(false);
  });

  it('asks for a web address where a source link is not one', () => {
    const base = formFromExercise(asExercise());
    const { errors } = validateForm({ ...base, sources: 'A citation | ftp://example.org/file' });
    expect(errors.sources).toBe('Use a web address starting with https://');
  });
});
