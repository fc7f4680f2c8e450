// Templates: the built-in starters (resources/templates) and the clinic's own, saved from a
// program without anything of its patient. Both become a Template for programFromTemplate.
import { randomUUID } from 'node:crypto';
import type { ParsedArgsOf, TemplateSummary } from '../../common/contract';
import { ServiceError } from '../../common/contract/result';
import { TemplateSchema, type Template } from '../../common/domain/template';
import { templateStagesFromProgram } from '../../common/program/from-template';
import type { ProgramDoc } from '../../common/domain/program';
import {
  builtinIdsByCode,
  insertClinicTemplate,
  listClinicTemplates,
  readClinicTemplate,
  setClinicTemplateArchived,
} from '../../db/queries/templates';
import type { ServiceContext } from '../context';
import { builtinTemplates } from './builtin-templates';
import { programRowOrNotFound } from './use-cases';

const NOT_FOUND = 'That template is not available (it may have been archived in another window).';

const itemCount = (t: Template): number => t.stages.reduce((n, s) => n + s.items.length, 0);

export function findTemplate(ctx: ServiceContext, id: string): Template {
  const builtin = builtinTemplates(ctx).find((t) => t.id === id);
  if (builtin) return builtin;
  const row = readClinicTemplate(ctx.db, id);
  if (!row || row.archived) throw new ServiceError('not_found', NOT_FOUND);
  return TemplateSchema.parse(JSON.parse(row.doc));
}

export function listTemplates(ctx: ServiceContext): TemplateSummary[] {
  const builtins = builtinTemplates(ctx);
  const codes = builtins.flatMap((t) => t.stages.flatMap((s) => s.items.flatMap((i) => (i.code === null ? [] : [i.code]))));
  const known = builtinIdsByCode(ctx.db, codes);
  const fromBuiltin = builtins.map((t): TemplateSummary => ({
    id: t.id,
    origin: 'builtin',
    name: t.name,
    description: t.description,
    region: t.region,
    itemCount: itemCount(t),
    missingCodes: [...new Set(t.stages.flatMap((s) => s.items.flatMap((i) => (i.code !== null && !known.has(i.code) ? [i.code] : []))))],
  }));
  const fromClinic = listClinicTemplates(ctx.db).map((row): TemplateSummary => {
    const t = TemplateSchema.parse(JSON.parse(row.doc));
    return {
      id: row.id,
      origin: 'clinic',
      name: row.name,
      description: row.description,
      region: t.region,
      itemCount: itemCount(t),
      missingCodes: [],
    };
  });
  return [...fromBuiltin, ...fromClinic];
}

export function saveTemplateFromProgram(ctx: ServiceContext, args: ParsedArgsOf<'templates.saveFromProgram'>): TemplateSummary {
  const row = programRowOrNotFound(ctx, args.programId);
  const doc = JSON.parse(row.doc) as ProgramDoc;
  const id = `clinic-${randomUUID()}`;
  const template = TemplateSchema.parse({
    id,
    version: 1,
    name: args.name,
    description: args.description,
    region: doc.gateRegion,
    suitedTo: '',
    clinicianNotes: '',
    painRule: doc.painRule,
    stages: templateStagesFromProgram(doc),
  });
  insertClinicTemplate(ctx.db, {
    id,
    name: args.name,
    description: args.description,
    doc: JSON.stringify(template),
    createdAt: ctx.now().toISOString(),
  });
  return {
    id,
    origin: 'clinic',
    name: args.name,
    description: args.description,
    region: template.region,
    itemCount: itemCount(template),
    missingCodes: [],
  };
}

export function setTemplateArchived(ctx: ServiceContext, id: string, archived: boolean): { archived: boolean } {
  if (builtinTemplates(ctx).some((t) => t.id === id)) {
    throw new ServiceError('read_only', 'Built-in templates cannot be archived. Save a copy as a clinic template to change it.');
  }
  if (!setClinicTemplateArchived(ctx.db, id, archived, ctx.now().toISOString())) throw new ServiceError('not_found', NOT_FOUND);
  return { archived };
}
