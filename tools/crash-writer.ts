// Test helper (tests/unit/db/crash.test.ts): writes complete exercises in a tight loop of
// transactions until it is killed, to show a kill never leaves a half-written exercise.
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { writeExercise, writeLinks } from '../db/queries/exercises';
import { GENERATORS } from '../common/domain/vocabulary';
import type { ExerciseDraft } from '../common/domain/exercise';

const file = process.argv[2];

function draft(i: number): Omit<ExerciseDraft, 'progressionIds' | 'regressionIds'> {
  return {
    stage: ((i % 4) + 1) as 1,
    region: i % 2 ? 'lumbar' : 'cervical',
    position: 'standing',
    equipment: ['mat', 'resistance-band', 'wall'],
    text: {
      name: `Crash test exercise ${i}`,
      summary: 'Written in a loop until the process is killed.',
      startingPosition: 'Standing.',
      steps: ['One.', 'Two.', 'Three.'],
      cues: ['Steady.'],
      mistakes: ['Rushing.'],
      precautions: ['None.'],
    },
    dosage: {
      sets: 2,
      reps: 10,
      repsMax: null,
      holdSeconds: null,
      durationSeconds: null,
      restSeconds: 30,
      sessionsPerDay: 1,
      daysPerWeek: 3,
      load: null,
      side: 'both',
      tempo: null,
    },
    suitability: Object.fromEntries(
      GENERATORS.map((g) => [g, { rating: 'suits', earliestWeek: null, note: null }]),
    ) as ExerciseDraft['suitability'],
    tags: ['crash', 'loop'],
    sources: [{ citation: 'Test.', url: null }],
    clinicianNotes: null,
  };
}

async function main(): Promise<void> {
  const db = openDatabase(file);
  await migrate(db, null);
  const stamp = new Date().toISOString();
  let previous: string | null = null;
  const writeOne = db.transaction((i: number) => {
    const id = randomUUID();
    const seq = writeExercise(
      db,
      {
        id,
        code: null,
        origin: 'clinic',
        originBundleId: null,
        originBundleName: null,
        basedOnId: null,
        contentVersion: 1,
        createdAt: stamp,
        updatedAt: stamp,
        archivedAt: null,
      },
      draft(i),
    );
    writeLinks(db, seq, previous ? [previous] : [], []);
    previous = id;
  });
  // "ready" must reach the parent before the synchronous loop starts, or it is never flushed.
  await new Promise<void>((resolve) => process.send!('ready', () => resolve()));
  for (let i = 0; ; i++) writeOne.immediate(i);
}

void main();
