// Patients for tests: valid inputs with sensible defaults, one call away from a variant.
import { emptyRedFlagScreen, type PatientClinical, type Surgery } from '../../common/domain/patient';
import type { PatientInput } from '../../common/contract/patients';

export function sampleSurgery(overrides: Partial<Surgery> = {}): Surgery {
  return {
    id: 's1',
    procedure: 'lumbar-fusion',
    description: null,
    levels: ['L4-L5'],
    multilevel: false,
    approach: 'posterior',
    date: '2026-10-04',
    stimulator: null,
    clearance: { status: 'unknown', date: null, note: null },
    restrictions: [],
    otherRestrictions: null,
    ...overrides,
  };
}

/** A screened patient with nothing answered yes. */
export function screenedNoFlags(date = '2026-11-29'): PatientClinical['redFlags'] {
  const screen = emptyRedFlagScreen();
  screen.date = date;
  for (const key of Object.keys(screen.emergency) as (keyof typeof screen.emergency)[]) screen.emergency[key] = 'no';
  for (const key of Object.keys(screen.urgent) as (keyof typeof screen.urgent)[]) screen.urgent[key] = { answer: 'no', resolution: null };
  return screen;
}

export function samplePatient(overrides: Partial<PatientInput> = {}, clinical: Partial<PatientClinical> = {}): PatientInput {
  return {
    displayName: 'J.D.',
    fullName: null,
    dateOfBirth: null,
    notes: null,
    clinical: { pspsType: 1, regions: ['lumbar'], generators: ['disc'], surgeries: [], redFlags: screenedNoFlags(), ...clinical },
    ...overrides,
  };
}
