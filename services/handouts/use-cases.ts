// Printed handouts: render one issued version as a PDF off the main thread, keep the file a while
// for the preview, a save or a print (the hosts hand its bytes to the page), and record on the
// version which handout was given. The issued version, patient and settings are read through the
// contract (dispatch), as any caller would; no other feature's use cases are imported.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { GivenHandout, HandoutOptions, RenderedHandout } from '../../common/contract/handouts';
import type { ArgsOf, Channel, ValueOf } from '../../common/contract';
import type { Measurement } from '../../common/contract/assessments';
import type { SavedFigure } from '../../common/contract/figures';
import type { Patient } from '../../common/contract/patients';
import type { IssuedVersion, ProgramState } from '../../common/contract/programs';
import type { PaperSize, SavedSettings } from '../../common/contract/settings';
import type { Exercise } from '../../common/domain/exercise';
import type { SearchFilters, SearchResult, SearchSort } from '../../common/domain/search';
import { ServiceError } from '../../common/contract/result';
import type { CustomFigure } from '../../common/domain/figure';
import { localDay } from '../../common/domain/patient';
import type { HandoutInput } from '../../common/handout/model';
import type { SummaryInput } from '../../common/handout/summary-model';
import { programFlags } from '../../common/program/program-flags';
import { insertGivenHandout, listGivenHandouts } from '../../db/queries/handouts';
import { readProgram } from '../../db/queries/programs';
import type { ServiceContext } from '../context';
import { mediaPath } from '../media/store';
import { stagingDir } from '../staging';
import { defaultResourcesDir } from './fonts';
import type { HandoutJob } from './handout-worker';
import { renderOffThread } from './render-off-thread';
import { loadSpanishTranslations } from './translations';

/** How many rendered handouts stay on disk at once (older ones are removed). */
export const KEPT_HANDOUTS = 12;

interface Kept {
  file: string;
  programId: string;
  versionNumber: number;
  handout: RenderedHandout;
}

const kept = new WeakMap<ServiceContext, Map<string, Kept>>();
const keptOf = (ctx: ServiceContext): Map<string, Kept> => {
  let map = kept.get(ctx);
  if (!map) kept.set(ctx, (map = new Map()));
  return map;
};

/** The file of a rendered handout, for the host to send (null: unknown or lapsed). */
export function handoutFile(ctx: ServiceContext, id: string): { file: string; fileName: string } | null {
  const k = keptOf(ctx).get(id);
  return k && fs.existsSync(k.file) ? { file: k.file, fileName: k.handout.fileName } : null;
}

async function read<C extends Channel>(ctx: ServiceContext, channel: C, args: ArgsOf<C>): Promise<ValueOf<C>> {
  // Imported here: dispatch imports this feature's handlers.
  const { dispatch } = await import('../dispatch');
  const r = await dispatch(ctx, channel, args);
  if (r.ok) return r.value as ValueOf<C>;
  // The inner call's refusal, passed on (each code named, so every construction stays greppable).
  const { code, message } = r.error;
  if (code === 'not_found') throw new ServiceError('not_found', message);
  if (code === 'database_busy') throw new ServiceError('database_busy', message);
  if (code === 'disk_problem') throw new ServiceError('disk_problem', message);
  throw new ServiceError('internal', message);
}

/** The exercises' photo files, and the pose-editor figures of a clinic's own exercises without photos. */
async function picturesOf(
  ctx: ServiceContext,
  exercises: Exercise[],
): Promise<{ photos: Record<string, string[]>; figures: Record<string, CustomFigure> }> {
  const photos: Record<string, string[]> = {};
  for (const ex of exercises) {
    const files = (ex.photos ?? []).map((p) => mediaPath(ctx.dataDir, p.sha256, 'full', p.mime));
    if (files.length > 0) photos[ex.id] = files;
  }
  // A clinic's own exercises may have figures drawn with the pose editor (built-ins use their code).
  const figures: Record<string, CustomFigure> = {};
  for (const ex of exercises) {
    if (ex.origin === 'builtin' || (ex.photos ?? []).length > 0) continue;
    const saved = (await read(ctx, 'figures.get', { exerciseId: ex.id })) as SavedFigure | null;
    if (saved) figures[ex.id] = saved.figure;
  }
  return { photos, figures };
}

const safeName = (displayName: string): string => displayName.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').slice(0, 60);

/** "Handout J.D. v2 2026-11-29.pdf" (large print and language noted). */
export function handoutFileName(displayName: string, version: number, today: string, options: HandoutOptions): string {
  if (options.document === 'summary') return `Clinician summary ${safeName(displayName)} v${version} ${today}.pdf`;
  const extras = [
    options.largePrint ? 'large print' : '',
    options.language === 'es' ? 'Spanish' : options.language === 'en+es' ? 'English-Spanish' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `Handout ${safeName(displayName)} v${version} ${today}${extras ? ` (${extras})` : ''}.pdf`;
}

export async function renderHandout(
  ctx: ServiceContext,
  args: { programId: string; version: number; options: HandoutOptions },
): Promise<RenderedHandout> {
  const program = (await read(ctx, 'programs.get', { id: args.programId })) as ProgramState;
  const version = (await read(ctx, 'programs.version', { id: args.programId, number: args.version })) as IssuedVersion;
  const patient = (await read(ctx, 'patients.get', { id: program.patientId })) as Patient;
  const { settings } = (await read(ctx, 'settings.get', {})) as SavedSettings;
  const today = localDay(ctx.now());

  // An emergency red flag on the patient's screen today stops the program: nothing prints.
  const flags = programFlags(patient.clinical, version.doc, version.exercises, today);
  // The clinician summary still prints: it is the clinic's record of that screen.
  if (
    args.options.document !== 'summary' &&
    [...flags.program, ...flags.items.flatMap((i) => i.flags)].some((f) => f.kind === 'red-flag-emergency')
  ) {
    throw new ServiceError(
      'conflict',
      'This patient has an emergency red flag on their screen. Send them for emergency care; no handout prints until the screen is updated.',
    );
  }

  const resourcesDir = ctx.resourcesDir ?? defaultResourcesDir();
  const { photos, figures } = await picturesOf(ctx, Object.values(version.exercises));
  const input: HandoutInput = {
    doc: version.doc,
    versionNumber: version.number,
    exercises: version.exercises,
    patient: { displayName: patient.displayName, clinical: patient.clinical },
    settings,
    options: args.options,
    translations: args.options.language === 'en' ? {} : loadSpanishTranslations(resourcesDir, (m) => ctx.log.warn(m)),
    photos,
    figures,
    today,
  };

  const dir = path.join(stagingDir(ctx.dataDir), 'handouts');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const id = randomBytes(32).toString('base64url');
  const file = path.join(dir, `${id}.pdf`);
  const summary: SummaryInput | undefined =
    args.options.document === 'summary'
      ? {
          doc: version.doc,
          versionNumber: version.number,
          issuedAt: version.issuedAt,
          clinician: version.clinician,
          exercises: version.exercises,
          flags: version.flags,
          patient: { displayName: patient.displayName, clinical: patient.clinical },
          measurements: (await read(ctx, 'assessments.list', { patientId: patient.id })) as Measurement[],
          settings,
          paper: args.options.paper,
          today,
        }
      : undefined;
  return keepRendered(
    ctx,
    { input, summary, resourcesDir, outFile: file },
    id,
    { programId: args.programId, versionNumber: version.number },
    {
      fileName: handoutFileName(patient.displayName, version.number, today, args.options),
      options: { ...args.options, paper: args.options.paper ?? settings.paperSize },
    },
    'The handout could not be made. Nothing was changed. Try again, or try without large print.',
  );
}

/** Lays out the job in the worker and keeps its file (the oldest beyond KEPT_HANDOUTS removed). */
async function keepRendered(
  ctx: ServiceContext,
  job: HandoutJob,
  id: string,
  of: { programId: string; versionNumber: number },
  named: Pick<RenderedHandout, 'fileName' | 'options'>,
  failed: string,
): Promise<RenderedHandout> {
  const workersDir = ctx.workersDir ?? path.resolve(__dirname, '..', 'workers');
  const answer = await renderOffThread(workersDir, job);
  if (!answer.ok) {
    fs.rmSync(job.outFile, { force: true });
    ctx.log.error('a handout could not be laid out', new Error(answer.message));
    throw new ServiceError('internal', failed);
  }
  const handout: RenderedHandout = {
    id,
    ...named,
    pageCount: answer.report.pageCount,
    sha256: answer.sha256,
    bytes: answer.bytes,
    untranslated: answer.untranslated,
  };
  const map = keptOf(ctx);
  map.set(id, { file: job.outFile, ...of, handout });
  for (const [oldId, old] of map) {
    if (map.size <= KEPT_HANDOUTS) break;
    map.delete(oldId);
    fs.rmSync(old.file, { force: true });
  }
  return handout;
}

/** The most exercises one catalogue prints (the search's pages are read until they end or reach it). */
export const CATALOGUE_MAX = 1000;
const SEARCH_PAGE = 200;

/** The library catalogue: every exercise the library screen's search and filters find, in its order. */
export async function renderCatalogue(
  ctx: ServiceContext,
  args: { query: string; filters: SearchFilters; sort: SearchSort; paper: PaperSize | null },
): Promise<RenderedHandout> {
  const ids: string[] = [];
  for (let offset = 0; ids.length < CATALOGUE_MAX; offset += SEARCH_PAGE) {
    const page = (await read(ctx, 'library.search', {
      query: args.query,
      filters: args.filters,
      sort: args.sort,
      limit: SEARCH_PAGE,
      offset,
    })) as SearchResult;
    ids.push(...page.items.map((i) => i.id));
    if (page.items.length < SEARCH_PAGE) break;
  }
  const exercises: Exercise[] = [];
  for (const exerciseId of ids.slice(0, CATALOGUE_MAX)) exercises.push((await read(ctx, 'library.get', { id: exerciseId })) as Exercise);
  const { settings } = (await read(ctx, 'settings.get', {})) as SavedSettings;
  const today = localDay(ctx.now());
  const { photos, figures } = await picturesOf(ctx, exercises);
  const dir = path.join(stagingDir(ctx.dataDir), 'handouts');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const id = randomBytes(32).toString('base64url');
  const paper = args.paper ?? settings.paperSize;
  return keepRendered(
    ctx,
    {
      input: null,
      catalogue: { exercises, query: args.query, filters: args.filters, photos, figures, settings, paper, today },
      resourcesDir: ctx.resourcesDir ?? defaultResourcesDir(),
      outFile: path.join(dir, `${id}.pdf`),
    },
    id,
    { programId: '', versionNumber: 0 },
    {
      fileName: `Library catalogue ${today}.pdf`,
      options: { largePrint: false, language: 'en', paper, document: 'catalogue' },
    },
    'The catalogue could not be made. Nothing was changed. Try again, or narrow the filter.',
  );
}

export function recordGiven(ctx: ServiceContext, args: { id: string; how: 'saved' | 'printed' }): GivenHandout {
  const k = keptOf(ctx).get(args.id);
  if (!k) throw new ServiceError('not_found', 'This handout is no longer ready. Make the preview again, then save or print it.');
  if (k.handout.options.document === 'catalogue')
    throw new ServiceError('conflict', 'A library catalogue belongs to no patient and is not recorded as given.');
  if (k.handout.options.document === 'summary')
    throw new ServiceError('conflict', 'A clinician summary is for the clinic’s file and is not recorded as given to the patient.');
  const row = readProgram(ctx.db, k.programId);
  if (!row) throw new ServiceError('not_found', 'This program no longer exists.');
  const given: GivenHandout = {
    versionNumber: k.versionNumber,
    givenAt: ctx.now().toISOString(),
    how: args.how,
    options: k.handout.options,
    pageCount: k.handout.pageCount,
    sha256: k.handout.sha256,
  };
  insertGivenHandout(ctx.db, row.seq, { ...given, options: JSON.stringify(given.options) });
  return given;
}

export function listGiven(ctx: ServiceContext, programId: string): GivenHandout[] {
  const row = readProgram(ctx.db, programId);
  if (!row) throw new ServiceError('not_found', 'This program no longer exists.');
  return listGivenHandouts(ctx.db, row.seq).map((r) => ({ ...r, options: JSON.parse(r.options) as GivenHandout['options'] }));
}
