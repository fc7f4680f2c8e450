// Shared test fixtures: private temp folders, a tiny built-in library, and real services on a
// real SQLite file. Every test gets its own folder, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import { bootServices, type Services } from '../../services/boot';
import { GENERATORS } from '../../common/domain/vocabulary';
import type { ExerciseDraft } from '../../common/domain/exercise';
import { createLogger } from '../../services/log';
import { repoRoot } from './repo';

const made: string[] = [];
const booted: Services[] = [];

afterEach(() => {
  for (const s of booted.splice(0)) s.close();
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'loadwise-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A complete, valid draft; override any part. */
export function sampleDraft(overrides: Partial<ExerciseDraft> = {}): ExerciseDraft {
  return {
    // The clinical name follows the patient name unless a test sets it, so searches find only
    // the words a test chose.
    clinicalName: overrides.text?.name ?? 'Test bird dog',
    aliases: [],
    stage: 2,
    region: 'lumbar',
    position: 'quadruped',
    equipment: ['mat'],
    text: {
      name: 'Test bird dog',
      summary: 'Trains your back to stay steady while your arms and legs move.',
      startingPosition: 'On hands and knees, back in its natural curve.',
      steps: ['Reach one arm forward.', 'Reach the opposite leg back.', 'Hold, then return.'],
      cues: ['Keep your back still like a table top.'],
      mistakes: ['Arching the lower back.'],
      precautions: ['Stop if pain spreads into your leg.'],
    },
    dosage: {
      sets: 3,
      reps: 8,
      repsMax: 12,
      holdSeconds: 8,
      durationSeconds: null,
      restSeconds: 30,
      sessionsPerDay: 1,
      daysPerWeek: 5,
      load: null,
      side: 'alternating',
      tempo: null,
    },
    suitability: Object.fromEntries(
      GENERATORS.map((g) => [g, { rating: 'suits', lock: 'none', earliestWeek: null, note: null }]),
    ) as ExerciseDraft['suitability'],
    tags: ['multifidus', 'neutral spine'],
    sources: [{ citation: 'McGill & Karpowicz 2009 (S17b).', url: null }],
    progressionIds: [],
    regressionIds: [],
    clinicianNotes: null,
    ...overrides,
  };
}

export interface SeedEntryOptions {
  code: string;
  id?: string;
  contentVersion?: number;
  name?: string;
  progressions?: string[];
  regressions?: string[];
}

/** Writes a small built-in library (manifest + one file per region/stage used) into a folder. */
export function writeSeed(dir: string, seedVersion: number, entries: SeedEntryOptions[]): string {
  fs.mkdirSync(path.join(dir, 'exercises'), { recursive: true });
  const files = new Map<string, { region: string; stage: number; exercises: unknown[] }>();
  for (const e of entries) {
    const region = e.code.startsWith('L') ? 'lumbar' : 'cervical';
    const stage = Number(e.code[1]);
    const file = `${region}-${stage}.json`;
    if (!files.has(file)) files.set(file, { region, stage, exercises: [] });
    const { progressionIds: _p, regressionIds: _r, ...draft } = sampleDraft({ stage: stage as 1, region: region as 'lumbar' });
    files.get(file)!.exercises.push({
      ...draft,
      text: { ...draft.text, name: e.name ?? `Built-in ${e.code}` },
      clinicalName: e.name ?? `Built-in ${e.code}`,
      code: e.code,
      id: e.id ?? randomUUID(),
      contentVersion: e.contentVersion ?? 1,
      progressions: e.progressions ?? [],
      regressions: e.regressions ?? [],
    });
  }
  for (const [name, body] of files) fs.writeFileSync(path.join(dir, 'exercises', name), JSON.stringify(body, null, 2));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ seedVersion, files: [...files.keys()] }));
  return dir;
}

export function tinySeedDir(): string {
  return writeSeed(tempDir('loadwise-seed-'), 1, [
    { code: 'L1-01', name: 'Deep tummy draw-in', progressions: ['L2-01'] },
    { code: 'L2-01', name: 'Bird dog', regressions: ['L1-01'] },
    { code: 'C1-01', name: 'Chin nod' },
  ]);
}

export const quietLogger = createLogger('test', () => undefined);

export async function bootTestServices(options: { dataDir?: string; seedDir?: string; now?: () => Date } = {}): Promise<Services> {
  const services = await bootServices({
    dataDir: options.dataDir ?? tempDir(),
    seedDir: options.seedDir ?? tinySeedDir(),
    appVersion: '0.0.0-test',
    transport: 'browser',
    log: quietLogger,
    now: options.now,
    workersDir: path.join(repoRoot, 'out', 'workers'),
  });
  booted.push(services);
  return services;
}
