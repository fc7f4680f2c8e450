// Calls for programs, their undo history, issued versions, and templates. The builder changes a
// program only through `programs.apply` with one reducer action (common/program/reducer.ts): the
// renderer has already applied it; the service applies it again to the stored document, checks
// the revision, saves, and records the step for undo.
import { z } from 'zod';
import type { Exercise } from '../domain/exercise';
import { ProgramActionSchema, type ProgramDoc } from '../domain/program';
import type { ProgramChange } from '../program/diff';
import type { Flag, ProgramFlags } from '../safety/rules';
import { call, Id } from './define';

/** What the builder needs of each exercise in a program: names, dose and what the safety rules read. */
export type ProgramExercise = Pick<
  Exercise,
  | 'id'
  | 'code'
  | 'clinicalName'
  | 'aliases'
  | 'stage'
  | 'region'
  | 'position'
  | 'equipment'
  | 'tags'
  | 'suitability'
  | 'dosage'
  | 'archived'
  | 'origin'
> & { name: string; summary: string };

export interface VersionSummary {
  number: number;
  issuedAt: string;
  clinician: string;
  /** Items across the four stages. */
  itemCount: number;
  stage: 1 | 2 | 3 | 4;
}

/** The undo and redo available, with the words of the step each would reverse or repeat. */
export interface ProgramHistory {
  undo: string | null;
  redo: string | null;
}

export interface ProgramState {
  id: string;
  patientId: string;
  doc: ProgramDoc;
  revision: number;
  history: ProgramHistory;
  /** The exercises the items use, by id. */
  exercises: Record<string, ProgramExercise>;
  versions: VersionSummary[];
  /** The draft differs from the last issued version (or nothing is issued yet). */
  changedSinceIssue: boolean;
  templateId: string | null;
  archived: boolean;
  updatedAt: string;
}

export interface ProgramSummary {
  id: string;
  title: string;
  currentStage: 1 | 2 | 3 | 4;
  itemCount: number;
  latestVersion: number | null;
  changedSinceIssue: boolean;
  archived: boolean;
  updatedAt: string;
}

export interface AppliedStep {
  revision: number;
  history: ProgramHistory;
  /** Present when the action brought an exercise the renderer did not have (add-item, swap-exercise). */
  exercise: ProgramExercise | null;
  changedSinceIssue: boolean;
}

export interface IssuedVersion {
  number: number;
  issuedAt: string;
  clinician: string;
  doc: ProgramDoc;
  exercises: Record<string, Exercise>;
  flags: ProgramFlags;
  /** What changed since the version before it, in words; empty for version 1. */
  changes: ProgramChange[];
}

export type IssueOutcome = { issued: true; version: VersionSummary } | { issued: false; blocks: Flag[]; unacknowledged: Flag[] };

export interface TemplateSummary {
  id: string;
  /** `builtin` templates ship with the app (audit §10); `clinic` ones are saved from a program. */
  origin: 'builtin' | 'clinic';
  name: string;
  description: string;
  region: 'lumbar' | 'cervical';
  itemCount: number;
  /** Built-in exercise codes a built-in template names but this library lacks (a newer template). */
  missingCodes: string[];
}

const revision = z.number().int().min(1);
/** A built-in template's id ("t5-post-lumbar-fusion") or a clinic's ("clinic-<uuid>"). */
const TemplateId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected a template id');

export const programCalls = {
  'programs.list': call<ProgramSummary[]>()(z.object({ patientId: Id, includeArchived: z.boolean().default(false) }).strict()),
  'programs.create': call<ProgramState>()(
    z
      .object({
        patientId: Id,
        title: z.string().trim().min(1, 'Give the program a title').max(120),
        templateId: TemplateId.nullable().default(null),
      })
      .strict(),
  ),
  'programs.get': call<ProgramState>()(z.object({ id: Id }).strict()),
  'programs.apply': call<AppliedStep>()(z.object({ id: Id, revision, action: ProgramActionSchema }).strict()),
  'programs.undo': call<ProgramState>()(z.object({ id: Id, revision }).strict()),
  'programs.redo': call<ProgramState>()(z.object({ id: Id, revision }).strict()),
  'programs.issue': call<IssueOutcome>()(
    z.object({ id: Id, revision, clinician: z.string().trim().min(1, 'Name the clinician issuing the program').max(120) }).strict(),
  ),
  'programs.version': call<IssuedVersion>()(z.object({ id: Id, number: z.number().int().min(1) }).strict()),
  'programs.setArchived': call<ProgramSummary>()(z.object({ id: Id, archived: z.boolean() }).strict()),
};

/** Templates: the built-in starters and the clinic's own (a feature of their own, with its prefix). */
export const templateCalls = {
  'templates.list': call<TemplateSummary[]>()(z.object({}).strict()),
  'templates.saveFromProgram': call<TemplateSummary>()(
    z
      .object({
        programId: Id,
        name: z.string().trim().min(1, 'Name the template').max(120),
        description: z.string().trim().max(1000).default(''),
      })
      .strict(),
  ),
  'templates.setArchived': call<{ archived: boolean }>()(z.object({ id: TemplateId, archived: z.boolean() }).strict()),
};
