// Programs: create (blank or from a template), read, change through the reducer with undo and
// redo kept in the database, issue numbered versions after the authoritative safety check, and
// read a version with what changed since the one before. Program documents hold patient data:
// nothing here is logged, and refusals never echo typed text.
import { randomUUID } from 'node:crypto';
import type {
  AppliedStep,
  IssueOutcome,
  IssuedVersion,
  ParsedArgsOf,
  ProgramExercise,
  ProgramHistory,
  ProgramState,
  ProgramSummary,
  VersionSummary,
} from '../../common/contract';
import { ServiceError } from '../../common/contract/result';
import { ACTION_LABELS } from '../../common/copy/en-program';
import type { Exercise } from '../../common/domain/exercise';
import { localDay, type PatientClinical } from '../../common/domain/patient';
import { ProgramDocSchema, type ProgramDoc } from '../../common/domain/program';
import { describeChanges, type ExerciseLookup } from '../../common/program/diff';
import { programFromTemplate } from '../../common/program/from-template';
import { gateRegionFor, newProgramDoc } from '../../common/program/new-program';
import { applyAction } from '../../common/program/reducer';
import { programFlags } from '../../common/program/program-flags';
import { checkIssue, type ProgramFlags } from '../../common/safety/rules';
import { readExercise } from '../../db/queries/exercises';
import {
  clearSteps,
  dropStep,
  insertProgram,
  insertVersion,
  listPrograms,
  listVersions,
  pushStep,
  readProgram,
  readVersion,
  setProgramArchived,
  topStep,
  writeProgramDoc,
  type ProgramRow,
} from '../../db/queries/programs';
import { builtinIdsByCode } from '../../db/queries/templates';
import type { ServiceContext } from '../context';
import { patientRowOrNotFound } from '../patients/use-cases';
import { findTemplate } from './templates';

/** Undo steps kept per program (each is a whole document, a few kilobytes). */
export const UNDO_DEPTH = 200;

const NOT_FOUND = 'That program is not in this clinic’s records (it may have been removed in another window).';
const STALE = 'This program was changed in another window. It has been reloaded: make your change again.';

const parseDoc = (text: string): ProgramDoc => JSON.parse(text) as ProgramDoc;

export function programRowOrNotFound(ctx: ServiceContext, id: string): ProgramRow {
  const row = readProgram(ctx.db, id);
  if (!row) throw new ServiceError('not_found', NOT_FOUND);
  return row;
}

export const toProgramExercise = (ex: Exercise): ProgramExercise => ({
  id: ex.id,
  code: ex.code,
  clinicalName: ex.clinicalName,
  aliases: ex.aliases,
  stage: ex.stage,
  region: ex.region,
  position: ex.position,
  equipment: ex.equipment,
  tags: ex.tags,
  suitability: ex.suitability,
  dosage: ex.dosage,
  archived: ex.archived,
  origin: ex.origin,
  name: ex.text.name,
  summary: ex.text.summary,
});

const exerciseIds = (doc: ProgramDoc): string[] => [...new Set(doc.stages.flatMap((s) => s.items.map((i) => i.exerciseId)))];

function fullExercises(ctx: ServiceContext, doc: ProgramDoc): Record<string, Exercise> {
  const out: Record<string, Exercise> = {};
  for (const id of exerciseIds(doc)) {
    const ex = readExercise(ctx.db, id);
    if (ex) out[id] = ex;
  }
  return out;
}

const programExercises = (ctx: ServiceContext, doc: ProgramDoc): Record<string, ProgramExercise> =>
  Object.fromEntries(Object.entries(fullExercises(ctx, doc)).map(([id, ex]) => [id, toProgramExercise(ex)]));

const history = (ctx: ServiceContext, seq: number): ProgramHistory => ({
  undo: topStep(ctx.db, seq, 'undo')?.label ?? null,
  redo: topStep(ctx.db, seq, 'redo')?.label ?? null,
});

/** Documents compared as data: the same program in a different key order is the same program. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

function changedSinceIssue(ctx: ServiceContext, row: Pick<ProgramRow, 'seq'>, doc: ProgramDoc): boolean {
  const versions = listVersions(ctx.db, row.seq);
  const last = versions.at(-1);
  return last === undefined || canonical(parseDoc(last.doc)) !== canonical(doc);
}

const versionSummaries = (ctx: ServiceContext, seq: number): VersionSummary[] =>
  listVersions(ctx.db, seq).map((v) => {
    const doc = parseDoc(v.doc);
    return {
      number: v.number,
      issuedAt: v.issuedAt,
      clinician: v.clinician,
      itemCount: doc.stages.reduce((n, s) => n + s.items.length, 0),
      stage: doc.currentStage,
    };
  });

export function programState(ctx: ServiceContext, row: ProgramRow): ProgramState {
  const doc = parseDoc(row.doc);
  return {
    id: row.id,
    patientId: row.patientId,
    doc,
    revision: row.revision,
    history: history(ctx, row.seq),
    exercises: programExercises(ctx, doc),
    versions: versionSummaries(ctx, row.seq),
    changedSinceIssue: changedSinceIssue(ctx, row, doc),
    templateId: row.templateId,
    archived: row.archived,
    updatedAt: row.updatedAt,
  };
}

export const getProgram = (ctx: ServiceContext, id: string): ProgramState => programState(ctx, programRowOrNotFound(ctx, id));

export function createProgram(ctx: ServiceContext, args: ParsedArgsOf<'programs.create'>): ProgramState {
  const patient = patientRowOrNotFound(ctx, args.patientId);
  const clinical = JSON.parse(patient.clinical) as PatientClinical;
  let doc: ProgramDoc;
  if (args.templateId === null) {
    doc = newProgramDoc(args.title, gateRegionFor(clinical.regions));
  } else {
    const template = findTemplate(ctx, args.templateId);
    const codes = template.stages.flatMap((s) => s.items.flatMap((i) => (i.code === null ? [] : [i.code])));
    const ids = builtinIdsByCode(ctx.db, codes);
    doc = programFromTemplate(template, args.title, (code) => ids.get(code), randomUUID).doc;
  }
  const checked = ProgramDocSchema.parse(doc);
  const id = randomUUID();
  insertProgram(ctx.db, {
    id,
    patientSeq: patient.seq,
    doc: JSON.stringify(checked),
    templateId: args.templateId,
    createdAt: ctx.now().toISOString(),
  });
  return getProgram(ctx, id);
}

const summary = (ctx: ServiceContext, row: ProgramRow): ProgramSummary => {
  const doc = parseDoc(row.doc);
  const versions = listVersions(ctx.db, row.seq);
  return {
    id: row.id,
    title: doc.title,
    currentStage: doc.currentStage,
    itemCount: doc.stages.reduce((n, s) => n + s.items.length, 0),
    latestVersion: versions.at(-1)?.number ?? null,
    changedSinceIssue: changedSinceIssue(ctx, row, doc),
    archived: row.archived,
    updatedAt: row.updatedAt,
  };
};

export function listPatientPrograms(ctx: ServiceContext, args: ParsedArgsOf<'programs.list'>): ProgramSummary[] {
  const patient = patientRowOrNotFound(ctx, args.patientId);
  return listPrograms(ctx.db, patient.seq, args.includeArchived).map((r) => summary(ctx, r));
}

export function setProgramArchivedState(ctx: ServiceContext, id: string, archived: boolean): ProgramSummary {
  const row = programRowOrNotFound(ctx, id);
  setProgramArchived(ctx.db, row.seq, archived, ctx.now().toISOString());
  return summary(ctx, programRowOrNotFound(ctx, id));
}

/** The row at `revision`, or a conflict: edits never merge over a change made elsewhere. */
function current(ctx: ServiceContext, id: string, revision: number): ProgramRow {
  const row = programRowOrNotFound(ctx, id);
  if (row.revision !== revision) throw new ServiceError('conflict', STALE);
  return row;
}

export function applyProgramAction(ctx: ServiceContext, args: ParsedArgsOf<'programs.apply'>): AppliedStep {
  return ctx.db.transaction(() => {
    const row = current(ctx, args.id, args.revision);
    const applied = applyAction(parseDoc(row.doc), args.action);
    if (!applied.ok) throw new ServiceError('invalid_argument', applied.message);
    let exercise: ProgramExercise | null = null;
    if (args.action.type === 'add-item' || args.action.type === 'swap-exercise') {
      const ex = readExercise(ctx.db, args.action.exerciseId);
      if (!ex) throw new ServiceError('not_found', 'That exercise is not in the library (it may have been removed in another window).');
      exercise = toProgramExercise(ex);
    }
    pushStep(ctx.db, row.seq, 'undo', row.doc, ACTION_LABELS[args.action.type], UNDO_DEPTH);
    clearSteps(ctx.db, row.seq, 'redo');
    writeProgramDoc(ctx.db, row.seq, row.revision, JSON.stringify(applied.doc), ctx.now().toISOString());
    return {
      revision: row.revision + 1,
      history: history(ctx, row.seq),
      exercise,
      changedSinceIssue: changedSinceIssue(ctx, row, applied.doc),
    };
  })();
}

/** Undo or redo: the step's document comes back, the current one goes on the other stack. */
export function stepProgram(ctx: ServiceContext, args: ParsedArgsOf<'programs.undo'>, direction: 'undo' | 'redo'): ProgramState {
  return ctx.db.transaction(() => {
    const row = current(ctx, args.id, args.revision);
    const step = topStep(ctx.db, row.seq, direction);
    if (!step) throw new ServiceError('invalid_argument', direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
    dropStep(ctx.db, row.seq, direction, step.position);
    pushStep(ctx.db, row.seq, direction === 'undo' ? 'redo' : 'undo', row.doc, step.label, UNDO_DEPTH);
    writeProgramDoc(ctx.db, row.seq, row.revision, step.doc, ctx.now().toISOString());
    return getProgram(ctx, args.id);
  })();
}

/** The flags of a program as the service computes them: the authority when a version is issued. */
export function computeFlags(ctx: ServiceContext, row: ProgramRow, doc: ProgramDoc, exercises: Record<string, Exercise>): ProgramFlags {
  const patient = patientRowOrNotFound(ctx, row.patientId);
  const clinical = JSON.parse(patient.clinical) as PatientClinical;
  return programFlags(clinical, doc, exercises, localDay(ctx.now()));
}

export function issueVersion(ctx: ServiceContext, args: ParsedArgsOf<'programs.issue'>): IssueOutcome {
  return ctx.db.transaction((): IssueOutcome => {
    const row = current(ctx, args.id, args.revision);
    const doc = parseDoc(row.doc);
    if (doc.stages.every((s) => s.items.length === 0)) {
      throw new ServiceError('invalid_argument', 'Add at least one exercise before issuing the program.');
    }
    const exercises = fullExercises(ctx, doc);
    const flags = computeFlags(ctx, row, doc, exercises);
    const check = checkIssue(flags, doc.acknowledgements);
    if (!check.ok) return { issued: false, blocks: check.blocks, unacknowledged: check.unacknowledged };
    const number = (listVersions(ctx.db, row.seq).at(-1)?.number ?? 0) + 1;
    const issuedAt = ctx.now().toISOString();
    insertVersion(ctx.db, row.seq, {
      number,
      issuedAt,
      clinician: args.clinician,
      doc: row.doc,
      exercises: JSON.stringify(exercises),
      flags: JSON.stringify(flags),
    });
    return {
      issued: true,
      version: {
        number,
        issuedAt,
        clinician: args.clinician,
        itemCount: doc.stages.reduce((n, s) => n + s.items.length, 0),
        stage: doc.currentStage,
      },
    };
  })();
}

export function readIssuedVersion(ctx: ServiceContext, args: ParsedArgsOf<'programs.version'>): IssuedVersion {
  const row = programRowOrNotFound(ctx, args.id);
  const version = readVersion(ctx.db, row.seq, args.number);
  if (!version) throw new ServiceError('not_found', `Version ${args.number} of this program has not been issued.`);
  const doc = parseDoc(version.doc);
  const exercises = JSON.parse(version.exercises) as Record<string, Exercise>;
  const previous = args.number > 1 ? readVersion(ctx.db, row.seq, args.number - 1) : null;
  let changes: IssuedVersion['changes'] = [];
  if (previous) {
    const before = JSON.parse(previous.exercises) as Record<string, Exercise>;
    const lookup: ExerciseLookup = (id) => {
      const ex = exercises[id] ?? before[id];
      return ex ? { name: ex.text.name, dosage: ex.dosage } : undefined;
    };
    changes = describeChanges(parseDoc(previous.doc), doc, lookup);
  }
  return {
    number: version.number,
    issuedAt: version.issuedAt,
    clinician: version.clinician,
    doc,
    exercises,
    flags: JSON.parse(version.flags) as ProgramFlags,
    changes,
  };
}
