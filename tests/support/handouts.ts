// Handout inputs for tests, made from the real built-in library: a program whose current stage
// holds the chosen exercises, a patient, the clinic's settings and the options.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import path from 'node:path';
import type { HandoutOptions } from '../../common/contract/handouts';
import { DEFAULT_SETTINGS, type ClinicSettings } from '../../common/contract/settings';
import type { Exercise } from '../../common/domain/exercise';
import type { PatientClinical } from '../../common/domain/patient';
import type { Stage } from '../../common/domain/vocabulary';
import type { HandoutInput } from '../../common/handout/model';
import { newProgramDoc } from '../../common/program/new-program';
import { loadSeedLibrary } from '../../services/seed/load-seed';
import type { ServiceContext } from '../../services/context';
import { call } from './call';
import { samplePatient } from './patients';
import { repoRoot } from './repo';

let seed: Exercise[] | null = null;

/** The built-in exercises as Exercises (ids and codes from the seed). */
export function seedExercises(): Exercise[] {
  seed ??= loadSeedLibrary(path.join(repoRoot, 'resources', 'seed')).exercises.map(
    (e) =>
      ({
        ...e,
        origin: 'builtin',
        originBundleName: null,
        basedOnId: null,
        locale: 'en',
        archived: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        progressions: [],
        regressions: [],
        photos: [],
      }) as unknown as Exercise,
  );
  return seed;
}

export const CLINIC: ClinicSettings = {
  ...DEFAULT_SETTINGS,
  clinicName: 'Riverside Spine & Rehab',
  address: '120 Main Street, Suite 4\nSpringfield, OR 97477',
  phone: '(541) 555-0182',
  clinicianName: 'Ana García, PT',
  roleNoun: 'physical therapist',
};

export interface HandoutInputOptions {
  codes: string[];
  stage?: Stage;
  options?: Partial<HandoutOptions>;
  clinical?: Partial<PatientClinical>;
  displayName?: string;
  photos?: Record<string, string[]>;
  translations?: HandoutInput['translations'];
  patientNote?: string;
  /** Exercises to print instead of built-ins by code (a clinic's own, made up for a test). */
  exercises?: Exercise[];
  figures?: HandoutInput['figures'];
}

export function handoutInput(o: HandoutInputOptions): HandoutInput {
  const all = seedExercises();
  const chosen =
    o.exercises ??
    o.codes.map((code) => {
      const ex = all.find((e) => e.code === code);
      if (!ex) throw new Error(`No built-in exercise ${code}`);
      return ex;
    });
  const stage = o.stage ?? 1;
  const doc = newProgramDoc('Back program', 'lumbar');
  doc.currentStage = stage;
  doc.stages[stage - 1]!.items = chosen.map((ex, i) => ({
    id: randomUUID(),
    exerciseId: ex.id,
    variant: null,
    dosage: {},
    painRule: null,
    patientNote: i === 0 && o.patientNote ? o.patientNote : null,
    clinicianNote: null,
  }));
  const patient = samplePatient({ displayName: o.displayName ?? 'José Núñez' }, o.clinical ?? {});
  return {
    doc,
    versionNumber: 2,
    exercises: Object.fromEntries(chosen.map((e) => [e.id, e])),
    patient: { displayName: patient.displayName, clinical: patient.clinical },
    settings: CLINIC,
    options: { largePrint: false, language: 'en', paper: null, ...o.options },
    translations: o.translations ?? {},
    photos: o.photos ?? {},
    figures: o.figures,
    today: '2026-11-29',
  };
}

/** Clinic settings saved, José Núñez with a program of one exercise (L1-01), version 1 issued. */
export async function issuedProgram(ctx: ServiceContext) {
  await call(ctx, 'settings.save', {
    settings: {
      clinicName: 'Clínica Río',
      address: '1 Main St',
      phone: '555-0100',
      email: '',
      website: '',
      clinicianName: 'Ana García',
      roleNoun: 'physical therapist',
      paperSize: 'a4',
      units: 'lb',
    },
  });
  const patient = await call(ctx, 'patients.create', { patient: samplePatient({ displayName: 'José Núñez' }) });
  const program = await call(ctx, 'programs.create', { patientId: patient.id, title: 'Back program' });
  const found = await call(ctx, 'library.search', { query: 'L1-01', limit: 5 });
  const exerciseId = found.items.find((i) => i.code === 'L1-01')!.id;
  const applied = await call(ctx, 'programs.apply', {
    id: program.id,
    revision: 1,
    action: { type: 'add-item', stage: 1, itemId: randomUUID(), exerciseId },
  });
  const issued = await call(ctx, 'programs.issue', { id: program.id, revision: applied.revision, clinician: 'Ana García' });
  expect(issued.issued).toBe(true);
  return { patient, program };
}
