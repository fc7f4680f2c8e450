// Test helper (tests/unit/db/crash.test.ts): boots the real services on a data folder and makes
// the real calls through dispatch, as a window would, until it is killed: library.create,
// library.update and media.attach (a small real PNG). After each call returns, it prints one JSON
// line on stdout saying what was acknowledged, so the test can check that every acknowledged write
// survived the kill whole.
//
// Usage: crash-writer <dataDir> <seedDir> <round>
import fs from 'node:fs';
import sharp from 'sharp';
import { bootServices } from '../../services/boot';
import { dispatch } from '../../services/dispatch';
import { stageBytes, type StagedFile } from '../../services/staging';
import { MAX_PHOTO_BYTES } from '../../common/contract/media';
import { GENERATORS } from '../../common/domain/vocabulary';
import type { Exercise, ExerciseDraft } from '../../common/domain/exercise';

const [dataDir, seedDir, roundArg] = process.argv.slice(2);
const round = Number(roundArg);

type Ack =
  | { op: 'create'; id: string; contentVersion: number; name: string; regressionId: string | null }
  | { op: 'update'; id: string; contentVersion: number; name: string }
  | { op: 'attach'; id: string; contentVersion: number; sha256: string };

/** The draft every written exercise has; only the name and the link change. */
function crashDraft(name: string, regressionId: string | null): ExerciseDraft {
  return {
    clinicalName: `Crash writer exercise ${name}`,
    aliases: [],
    stage: 2,
    region: 'lumbar',
    position: 'standing',
    equipment: ['mat', 'resistance-band', 'wall'],
    text: {
      name,
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
      GENERATORS.map((g) => [g, { rating: 'suits', lock: 'none', earliestWeek: null, note: null }]),
    ) as ExerciseDraft['suitability'],
    tags: ['crash', 'loop'],
    sources: [{ citation: 'Test.', url: null }],
    progressionIds: [],
    regressionIds: regressionId ? [regressionId] : [],
    clinicianNotes: null,
  };
}

/** One line, written straight to fd 1 before the next call starts: a kill cannot lose it once written. */
function ack(entry: Ack): void {
  const line = Buffer.from(`${JSON.stringify(entry)}\n`);
  for (let at = 0; at < line.length;) {
    try {
      at += fs.writeSync(1, line, at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

async function must(channel: string, args: unknown, file?: StagedFile): Promise<Exercise> {
  const result = await dispatch(services.ctx, channel, args, file);
  if (!result.ok) {
    process.stderr.write(`${channel} failed: ${result.error.code}: ${result.error.message}\n`);
    process.exit(1);
  }
  return result.value as Exercise;
}

/** A small real PNG, a different colour for every call so each is stored as a new photo. */
function png(n: number): Promise<Buffer> {
  const background = { r: (n * 37) % 256, g: (n * 91 + round * 53) % 256, b: (round * 17 + Math.floor(n / 256)) % 256 };
  return sharp({ create: { width: 24, height: 16, channels: 3, background } })
    .png()
    .toBuffer();
}

let services: Awaited<ReturnType<typeof bootServices>>;

async function main(): Promise<void> {
  // Bundled into a temp folder by the test, so the image worker is found in the checkout's out/.
  services = await bootServices({
    dataDir,
    seedDir,
    appVersion: '0.0.0-crash',
    transport: 'browser',
    workersDir: process.env.LOADWISE_WORKERS_DIR,
    resourcesDir: process.env.LOADWISE_RESOURCES_DIR,
  });
  // Start the image worker before the first acknowledged write, so a photo takes its cleaning time
  // only, not the worker's start-up, and every kill window can catch attaches as well as writes.
  const warm = stageBytes(dataDir, await png(9999), { maxBytes: MAX_PHOTO_BYTES, fileNoun: 'Photos' });
  await services.ctx.images.clean({ input: warm.path, fileName: 'warm.png', outFull: `${warm.path}.full`, outThumb: `${warm.path}.thumb` });
  for (const f of [warm.path, `${warm.path}.full`, `${warm.path}.thumb`]) fs.rmSync(f, { force: true });
  let previous: Exercise | null = null;
  for (let i = 0; ; i++) {
    const name = `Crash ${round}-${i}`;
    const regressionId = previous?.id ?? null;
    const created = await must('library.create', { draft: crashDraft(name, regressionId) });
    ack({ op: 'create', id: created.id, contentVersion: created.contentVersion, name, regressionId });

    if (previous && i % 3 === 2) {
      const renamed = `${previous.text.name} (changed)`;
      const regression = previous.regressions[0]?.id ?? null;
      const updated = await must('library.update', {
        id: previous.id,
        contentVersion: previous.contentVersion,
        draft: crashDraft(renamed, regression),
      });
      ack({ op: 'update', id: updated.id, contentVersion: updated.contentVersion, name: renamed });
    }

    let latest = created;
    if (i % 4 === 1) {
      const bytes = await png(i);
      // Staged as a host stages a file it receives, then attached on the byte lane.
      const file = stageBytes(dataDir, bytes, { maxBytes: MAX_PHOTO_BYTES, fileNoun: 'Photos' });
      latest = await must('media.attach', { exerciseId: created.id, fileName: `photo-${i}.png` }, file);
      ack({ op: 'attach', id: latest.id, contentVersion: latest.contentVersion, sha256: latest.photos.at(-1)!.sha256 });
    }
    previous = latest;
  }
}

void main();
