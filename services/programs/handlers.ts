// The programs' calls and the templates' calls, registered as two groups.
import type { HandlerGroup } from '../handlers';
import { listTemplates, saveTemplateFromProgram, setTemplateArchived } from './templates';
import {
  applyProgramAction,
  createProgram,
  getProgram,
  issueVersion,
  listPatientPrograms,
  readIssuedVersion,
  setProgramArchivedState,
  stepProgram,
} from './use-cases';

type ProgramCall =
  | 'programs.list'
  | 'programs.create'
  | 'programs.get'
  | 'programs.apply'
  | 'programs.undo'
  | 'programs.redo'
  | 'programs.issue'
  | 'programs.version'
  | 'programs.setArchived';
type TemplateCall = 'templates.list' | 'templates.saveFromProgram' | 'templates.setArchived';

export const programHandlers: HandlerGroup<ProgramCall> = {
  'programs.list': (ctx, args) => listPatientPrograms(ctx, args),
  'programs.create': (ctx, args) => createProgram(ctx, args),
  'programs.get': (ctx, args) => getProgram(ctx, args.id),
  'programs.apply': (ctx, args) => applyProgramAction(ctx, args),
  'programs.undo': (ctx, args) => stepProgram(ctx, args, 'undo'),
  'programs.redo': (ctx, args) => stepProgram(ctx, args, 'redo'),
  'programs.issue': (ctx, args) => issueVersion(ctx, args),
  'programs.version': (ctx, args) => readIssuedVersion(ctx, args),
  'programs.setArchived': (ctx, args) => setProgramArchivedState(ctx, args.id, args.archived),
};

export const templateHandlers: HandlerGroup<TemplateCall> = {
  'templates.list': (ctx) => listTemplates(ctx),
  'templates.saveFromProgram': (ctx, args) => saveTemplateFromProgram(ctx, args),
  'templates.setArchived': (ctx, args) => setTemplateArchived(ctx, args.id, args.archived),
};
