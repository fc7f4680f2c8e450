// Handout figures for `npm run bench` (issue 12), on the real built-in library:
//   pdf_handout_ms  a 40-exercise handout, two photos each, Letter, English: laid out by the
//                   handout worker thread (the built out/workers/handout-worker.cjs the app runs)
//                   into a file, tagged, measured and paginated (median of 3)
//   pdf_raw_ms      the same text and photos written by bare pdfkit calls in this process: no
//                   measuring, no structure tree, no page numbers (median of 3), the floor
//                   pdf_handout_ms is held to (within 2x)
//   pdf_pages_per_s a 300-exercise library catalogue (the built-in exercises over again, each with
//                   its start and end figures as vectors, all seven ratings, Letter) laid out by the
//                   same worker: pages made per second (median of 3)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { DEFAULT_SETTINGS } from '../../common/contract/settings';
import type { Exercise } from '../../common/domain/exercise';
import { emptyRedFlagScreen } from '../../common/domain/patient';
import { SearchFiltersSchema } from '../../common/domain/search';
import type { CatalogueInput } from '../../common/handout/catalogue-model';
import { buildHandoutModel, type HandoutInput } from '../../common/handout/model';
import { newProgramDoc } from '../../common/program/new-program';
import { loadFonts } from '../../services/handouts/fonts';
import { renderOffThread } from '../../services/handouts/render-off-thread';
import { loadSeedLibrary } from '../../services/seed/load-seed';

const EXERCISES = 40;
const CATALOGUE_EXERCISES = 300;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function photos(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const [i, colour] of ['#7a8fa6', '#a68f7a'].entries()) {
    const file = path.join(dir, `photo-${i}.jpg`);
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } })
      .jpeg({ quality: 85 })
      .toFile(file);
    files.push(file);
  }
  return files;
}

/** `count` built-in exercises (the library over again when it holds fewer), each with an id of its own. */
function benchExercises(seedDir: string, count: number): Exercise[] {
  const all = loadSeedLibrary(seedDir).exercises as unknown as Exercise[];
  return Array.from({ length: count }, (_, i) => ({ ...all[i % all.length]!, id: randomUUID(), contentVersion: 1 }) as Exercise);
}

export function benchCatalogueInput(seedDir: string, count = CATALOGUE_EXERCISES): CatalogueInput {
  return {
    exercises: benchExercises(seedDir, count).map((e) => ({ ...e, photos: [] })),
    query: '',
    filters: SearchFiltersSchema.parse({}),
    photos: {},
    settings: { clinicName: 'Bench Clinic', paperSize: 'letter' },
    paper: 'letter',
    today: '2026-11-29',
  };
}

export function benchHandoutInput(seedDir: string, pictures: string[]): HandoutInput {
  const exercises = benchExercises(seedDir, EXERCISES);
  const doc = newProgramDoc('Bench program', 'lumbar');
  doc.stages[0]!.items = exercises.map((e) => ({
    id: randomUUID(),
    exerciseId: e.id,
    variant: null,
    dosage: {},
    painRule: null,
    patientNote: null,
    clinicianNote: null,
  }));
  return {
    doc,
    versionNumber: 1,
    exercises: Object.fromEntries(exercises.map((e) => [e.id, e])),
    patient: {
      displayName: 'José Núñez',
      clinical: { pspsType: 1, regions: ['lumbar'], generators: ['disc'], surgeries: [], redFlags: emptyRedFlagScreen() },
    },
    settings: { ...DEFAULT_SETTINGS, clinicName: 'Bench Clinic', paperSize: 'letter' },
    options: { largePrint: false, language: 'en', paper: 'letter' },
    translations: {},
    photos: Object.fromEntries(exercises.map((e) => [e.id, pictures])),
    today: '2026-11-29',
  };
}

/** The same words and photos, written by pdfkit alone. */
function raw(job: HandoutInput, resourcesDir: string, file: string): Promise<void> {
  const model = buildHandoutModel(job);
  const fonts = loadFonts(resourcesDir);
  const doc = new PDFDocument({ size: 'LETTER', margin: 54, font: fonts.regular as unknown as string });
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);
  const out = fs.createWriteStream(file);
  const finished = new Promise<void>((resolve) => out.on('finish', resolve));
  doc.pipe(out);
  for (const e of model.exercises) {
    const w = e.words[0]!;
    doc.font('bold').fontSize(13.5).text(`${e.number}. ${w.name}`);
    const y = doc.y;
    e.pictures.forEach((p, i) => p.file && doc.image(p.file, 54 + i * 170, y, { fit: [150, 100] }));
    doc.y = y + 106;
    doc.font('regular').fontSize(11.5).text(`${w.labels.dose} ${w.dose}`).text(`${w.labels.side} ${w.side}`).text(w.effort.join(' '));
    doc.text(w.start);
    doc.list(w.steps, { listType: 'numbered' });
    doc.list(w.cues);
    doc.text(w.cautions.join(' '));
    doc.moveDown();
  }
  doc.end();
  return finished;
}

export async function measureHandouts(
  seedDir: string,
  resourcesDir: string,
  workersDir: string,
  catalogueExercises = CATALOGUE_EXERCISES,
): Promise<{ handout: number; raw: number; pagesPerS: number; cataloguePages: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-bench-handout-'));
  try {
    const job = benchHandoutInput(seedDir, await photos(dir));
    const handout: number[] = [];
    const bare: number[] = [];
    const pagesPerS: number[] = [];
    let cataloguePages = 0;
    const catalogue = benchCatalogueInput(seedDir, catalogueExercises);
    for (let round = 0; round < 3; round++) {
      let t = performance.now();
      const answer = await renderOffThread(workersDir, { input: job, resourcesDir, outFile: path.join(dir, `h${round}.pdf`) });
      if (!answer.ok) throw new Error(answer.message);
      handout.push(performance.now() - t);
      t = performance.now();
      await raw(job, resourcesDir, path.join(dir, `r${round}.pdf`));
      bare.push(performance.now() - t);
      t = performance.now();
      const made = await renderOffThread(workersDir, { input: null, catalogue, resourcesDir, outFile: path.join(dir, `c${round}.pdf`) });
      if (!made.ok) throw new Error(made.message);
      cataloguePages = made.report.pageCount;
      pagesPerS.push(made.report.pageCount / ((performance.now() - t) / 1000));
    }
    return { handout: median(handout), raw: median(bare), pagesPerS: median(pagesPerS), cataloguePages };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
