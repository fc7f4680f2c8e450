// The patient form's model: strings as typed become the record the services store (and back), and
// every problem the services' schema finds comes back in plain words under the field it belongs to.
// (.tsx: it imports renderer modules, which tsconfig.web.json type-checks.)
import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../../../common/contract/patients';
import { emptyRedFlagScreen } from '../../../../../common/domain/patient';
import {
  emptyPatientForm,
  emptyRestriction,
  emptySurgery,
  fieldLabel,
  formFromPatient,
  formsDiffer,
  inputFromForm,
  latestSurgeryWeeks,
  parseLevels,
  surgeryWeeks,
  todayIso,
  toggleIn,
  type PatientForm,
} from '../../../../../renderer/src/features/patients/patient-form';
import { errorKey, validatePatientForm } from '../../../../../renderer/src/features/patients/patient-validation';
import { redFlagForm, screenFromForm, summarizeRedFlags } from '../../../../../renderer/src/features/patients/red-flag-form';

/** A Type 2 patient after a lumbar fusion, with a 10 kg lifting limit until week 12. */
function postFusion(): PatientForm {
  const surgery = {
    ...emptySurgery(),
    procedure: 'lumbar-fusion' as const,
    levels: 'l4–l5; L5-S1',
    multilevel: true,
    approach: 'posterior' as const,
    date: '2025-01-06',
    clearanceStatus: 'not-cleared' as const,
    restrictions: [
      { ...emptyRestriction('lifting-limit'), limitValue: '10', limitUnit: 'kg' as const, untilKind: 'week' as const, untilWeek: '12' },
      { ...emptyRestriction('no-rotation'), note: '  Surgeon letter  ' },
    ],
    otherRestrictions: 'No running',
  };
  return {
    ...emptyPatientForm(),
    displayName: ' JD ',
    fullName: '',
    pspsType: 2,
    regions: ['lumbar'],
    generators: ['instability'],
    surgeries: [surgery],
  };
}

describe('converting the form', () => {
  it('makes the record the services store: trimmed, blanks as null, levels read as typed, numbers as numbers', () => {
    const form = postFusion();
    const { input, errors } = validatePatientForm(form);
    expect(errors).toEqual({});
    expect(input).not.toBeNull();
    expect(input!.displayName).toBe('JD');
    expect(input!.fullName).toBeNull();
    expect(input!.dateOfBirth).toBeNull();
    const s = input!.clinical.surgeries[0];
    expect(s.levels).toEqual(['L4-L5', 'L5-S1']);
    expect(s.date).toBe('2025-01-06');
    expect(s.stimulator).toBeNull();
    expect(s.clearance).toEqual({ status: 'not-cleared', date: null, note: null });
    expect(s.restrictions).toEqual([
      { kind: 'lifting-limit', limit: { value: 10, unit: 'kg' }, until: { kind: 'week', week: 12 }, note: null },
      { kind: 'no-rotation', limit: null, until: { kind: 'cleared', clearedOn: null }, note: 'Surgeon letter' },
    ]);
    expect(s.otherRestrictions).toBe('No running');
  });

  it('reads a saved record back into the same form', () => {
    const { input } = validatePatientForm(postFusion());
    const patient: Patient = { ...input!, id: 'x', archived: false, revision: 3, createdAt: '', updatedAt: '' };
    const again = formFromPatient(patient);
    expect(again.surgeries[0].levels).toBe('L4-L5, L5-S1');
    expect(again.surgeries[0].restrictions[0]).toMatchObject({ limitValue: '10', limitUnit: 'kg', untilKind: 'week', untilWeek: '12' });
    expect(validatePatientForm(again).input).toEqual(input);
  });

  it('gives a stimulator its lead level and battery site, and no other surgery either', () => {
    const form: PatientForm = {
      ...emptyPatientForm(),
      displayName: 'SC',
      regions: ['thoracic'],
      surgeries: [{ ...emptySurgery(), procedure: 'spinal-cord-stimulator', leadLevel: 'cervical', generatorSite: 'buttock' }],
    };
    const { input } = validatePatientForm(form);
    expect(input!.clinical.surgeries[0].stimulator).toEqual({ leadLevel: 'cervical', generatorSite: 'buttock' });
    const unknown = { ...form, surgeries: [{ ...form.surgeries[0], leadLevel: '' as const, generatorSite: '' as const }] };
    expect(validatePatientForm(unknown).input!.clinical.surgeries[0].stimulator).toEqual({ leadLevel: null, generatorSite: null });
    const fusion = { ...postFusion(), surgeries: [{ ...postFusion().surgeries[0], leadLevel: 'drg' as const }] };
    expect(validatePatientForm(fusion).input!.clinical.surgeries[0].stimulator).toBeNull();
  });

  it('reads levels with spaces, semicolons, en dashes and lower case', () => {
    expect(parseLevels(' c5–c6,C6-C7 ;t10 ')).toEqual(['C5-C6', 'C6-C7', 'T10']);
    expect(parseLevels('')).toEqual([]);
  });

  it('counts as changed only what saving would keep', () => {
    const opened = postFusion();
    expect(formsDiffer(opened, { ...opened, displayName: ' JD  ' })).toBe(false);
    expect(formsDiffer(opened, { ...opened, displayName: 'JX' })).toBe(true);
    const surgeries = [{ ...opened.surgeries[0], restrictions: [] }];
    expect(formsDiffer(opened, { ...opened, surgeries })).toBe(true);
  });

  it('keeps multiple choices in the vocabulary order', () => {
    expect(toggleIn(['thoracic'], 'lumbar', ['lumbar', 'cervical', 'thoracic'])).toEqual(['lumbar', 'thoracic']);
    expect(toggleIn(['lumbar', 'thoracic'], 'lumbar', ['lumbar', 'cervical', 'thoracic'])).toEqual(['thoracic']);
  });
});

describe('weeks since surgery', () => {
  it('are whole weeks from the date typed to today, none without a readable date', () => {
    expect(surgeryWeeks('2025-01-06', '2025-03-03')).toBe(8);
    expect(surgeryWeeks('2025-01-06', '2025-03-02')).toBe(7);
    expect(surgeryWeeks('', '2025-03-03')).toBeNull();
    expect(surgeryWeeks('2025-1-6', '2025-03-03')).toBeNull();
  });

  it('run from the most recent dated surgery', () => {
    expect(latestSurgeryWeeks([{ date: '2024-01-01' }, { date: '2025-01-06' }, { date: null }], '2025-03-03')).toBe(8);
    expect(latestSurgeryWeeks([{ date: null }], '2025-03-03')).toBeNull();
  });

  it('count today on this computer’s calendar', () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});

describe('problems, in plain words beside their field', () => {
  it('asks for a display name and a region on an empty form', () => {
    const { input, errors } = validatePatientForm(emptyPatientForm());
    expect(input).toBeNull();
    expect(errors).toEqual({
      displayName: 'Give the patient a display name (initials are enough)',
      regions: 'Choose at least one region',
    });
  });

  it('names the level that is not one', () => {
    const form = postFusion();
    form.surgeries[0].levels = 'L4-L5, L4L5';
    expect(validatePatientForm(form).errors).toEqual({
      'surgeries.0.levels': '“L4L5” is not a level: a level looks like L4-L5, C5-C6 or T10',
    });
  });

  it('asks for a lifting limit’s weight and a week that exists', () => {
    const form = postFusion();
    form.surgeries[0].restrictions[0] = { ...form.surgeries[0].restrictions[0], limitValue: '', untilWeek: '200' };
    expect(validatePatientForm(form).errors).toEqual({
      'surgeries.0.restrictions.0.limit': 'Enter the weight limit as a number, up to 500',
      'surgeries.0.restrictions.0.until': 'Enter a week from 0 to 104',
    });
    form.surgeries[0].restrictions[0] = { ...form.surgeries[0].restrictions[0], limitValue: 'ten', untilWeek: '12' };
    expect(Object.keys(validatePatientForm(form).errors)).toEqual(['surgeries.0.restrictions.0.limit']);
  });

  it('asks for the date of a restriction that holds until a date', () => {
    const form = postFusion();
    form.surgeries[0].restrictions[1] = { ...form.surgeries[0].restrictions[1], untilKind: 'date', untilDate: '' };
    expect(validatePatientForm(form).errors).toEqual({ 'surgeries.0.restrictions.1.until': 'Choose the date' });
  });

  it('holds the PSPS type to the surgeries recorded', () => {
    const type1 = { ...postFusion(), pspsType: 1 as const };
    expect(validatePatientForm(type1).errors).toEqual({
      surgeries: 'PSPS type 1 means no spinal surgery: record the surgery and choose type 2',
    });
    const type2 = { ...postFusion(), surgeries: [] };
    expect(validatePatientForm(type2).errors).toEqual({ surgeries: 'PSPS type 2 follows spinal surgery: record at least one surgery' });
  });

  it('says which date is wrong in words a clinician reads', () => {
    const form = { ...postFusion(), dateOfBirth: '1961-02-30' };
    expect(validatePatientForm(form).errors).toEqual({ dateOfBirth: 'Use a date like 1961-04-23' });
  });

  it('keys each problem to its form field', () => {
    expect(errorKey(['displayName'])).toBe('displayName');
    expect(errorKey(['clinical', 'regions', 0])).toBe('regions');
    expect(errorKey(['clinical', 'surgeries'])).toBe('surgeries');
    expect(errorKey(['clinical', 'surgeries', 1, 'levels', 2])).toBe('surgeries.1.levels');
    expect(errorKey(['clinical', 'surgeries', 0, 'clearance', 'date'])).toBe('surgeries.0.clearance.date');
    expect(errorKey(['clinical', 'surgeries', 0, 'restrictions', 3, 'limit', 'value'])).toBe('surgeries.0.restrictions.3.limit');
    expect(errorKey(['clinical', 'redFlags', 'urgent', 'scs-problem', 'resolution', 'note'])).toBe('redFlags.urgent.scs-problem.note');
    expect(errorKey(['clinical', 'redFlags', 'date'])).toBe('redFlags.date');
  });

  it('names fields in the summary above the form', () => {
    expect(fieldLabel('displayName')).toBe('Display name');
    expect(fieldLabel('surgeries.0.levels')).toBe('Surgery 1 levels');
    expect(fieldLabel('surgeries.1.restrictions.0.limit')).toBe('Surgery 2, restriction 1');
  });
});

describe('the red-flag screen', () => {
  it('starts a never-dated screen today, with every question not asked', () => {
    const form = redFlagForm(emptyRedFlagScreen(), '2025-03-03');
    expect(form.date).toBe('2025-03-03');
    expect(summarizeRedFlags(screenFromForm(form))).toEqual({
      emergency: [],
      urgentOpen: [],
      urgentResolved: [],
      unanswered: 15,
      screened: true,
    });
  });

  it('keeps a resolution only for a "yes" marked dealt with', () => {
    const form = redFlagForm(emptyRedFlagScreen(), '2025-03-03');
    form.emergency['cauda-equina'] = 'yes';
    form.urgent['post-op-infection'] = { answer: 'yes', resolved: true, note: ' Seen by surgeon ', date: '2025-03-01' };
    form.urgent['calf-pain-swelling'] = { answer: 'no', resolved: true, note: 'stale', date: '2025-03-01' };
    form.urgent['scs-problem'] = { answer: 'yes', resolved: false, note: '', date: '' };
    const screen = screenFromForm(form);
    expect(screen.urgent['post-op-infection'].resolution).toEqual({ note: 'Seen by surgeon', date: '2025-03-01' });
    expect(screen.urgent['calf-pain-swelling'].resolution).toBeNull();
    const summary = summarizeRedFlags(screen);
    expect(summary.emergency).toEqual(['cauda-equina']);
    expect(summary.urgentOpen).toEqual(['scs-problem']);
    expect(summary.urgentResolved).toEqual(['post-op-infection']);
  });

  it('asks what was done, and when, for an urgent flag marked dealt with', () => {
    const form = redFlagForm(emptyRedFlagScreen(), '2025-03-03');
    form.urgent['scs-problem'] = { answer: 'yes', resolved: true, note: '  ', date: '' };
    const { errors } = validatePatientForm({ ...postFusion(), redFlags: screenFromForm(form) });
    expect(errors).toEqual({
      'redFlags.urgent.scs-problem.note': 'Say what was done',
      'redFlags.urgent.scs-problem.date': 'Give the date it was dealt with',
    });
  });

  it('carries the record’s screen through the patient form unchanged', () => {
    const form = { ...postFusion(), redFlags: { ...emptyRedFlagScreen(), date: '2025-02-01' } };
    expect((inputFromForm(form) as { clinical: { redFlags: unknown } }).clinical.redFlags).toEqual(form.redFlags);
  });
});
