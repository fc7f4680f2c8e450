// Builders for the safety tests: a valid patient record (checked by its schema) and a program item
// whose suitability is "suits, no lock" everywhere unless a test says otherwise.
import { GENERATORS, type Generator } from '../../../../common/domain/vocabulary';
import type { Suitability, SuitabilityMap } from '../../../../common/domain/exercise';
import { PatientClinicalSchema, type PatientClinical, type RedFlagScreen, type Surgery } from '../../../../common/domain/patient';
import type { SafetyItem } from '../../../../common/safety/rules';
import { sampleSurgery, screenedNoFlags } from '../../../support/patients';

export const TODAY = '2026-06-01';

/** An ISO day `days` before TODAY. */
export const daysAgo = (days: number): string => new Date(Date.UTC(2026, 5, 1) - days * 86_400_000).toISOString().slice(0, 10);

export const SUITS: Suitability = { rating: 'suits', lock: 'none', earliestWeek: null, note: null };

export const suitability = (over: Partial<Record<Generator, Partial<Suitability>>> = {}): SuitabilityMap =>
  Object.fromEntries(GENERATORS.map((g) => [g, { ...SUITS, ...(over[g] ?? {}) }])) as SuitabilityMap;

export const item = (over: Partial<SafetyItem> = {}): SafetyItem => ({
  itemId: 'i1',
  code: null,
  clinicalName: 'Plain exercise',
  aliases: [],
  stage: 1,
  region: 'lumbar',
  position: 'supine',
  equipment: ['mat'],
  tags: [],
  suitability: suitability(),
  load: null,
  ...over,
});

/** A screen answered "no" throughout, dated. */
export const clearScreen = (): RedFlagScreen => screenedNoFlags(TODAY);

/** A lumbar fusion today, not yet cleared by the surgeon. */
export const surgery = (over: Partial<Surgery> = {}): Surgery =>
  sampleSurgery({ date: daysAgo(0), clearance: { status: 'not-cleared', date: null, note: null }, ...over });

export const stimulator = (leadLevel: 'cervical' | 'thoracic' | 'drg' | null, over: Partial<Surgery> = {}): Surgery =>
  surgery({
    id: 'scs1',
    procedure: 'spinal-cord-stimulator',
    levels: [],
    approach: 'percutaneous',
    stimulator: { leadLevel, generatorSite: 'buttock' },
    ...over,
  });

export const patient = (over: Partial<PatientClinical> = {}): PatientClinical =>
  PatientClinicalSchema.parse({
    pspsType: over.surgeries !== undefined && over.surgeries.some((s) => s.procedure !== 'spinal-cord-stimulator') ? 2 : 1,
    regions: ['lumbar'],
    generators: [],
    surgeries: [],
    redFlags: clearScreen(),
    ...over,
  });
