// A program template: the four stages of a program without a patient, its items naming built-in
// exercises by code (stable across installations) or, in a clinic's own template, by id. The
// eight starter templates of audit §10 ship as data in resources/templates, versioned like the
// library; starting a program copies a template into a new ProgramDoc (common/program/from-template.ts).
import { z } from 'zod';
import { CriterionSchema, DosageOverrideSchema, GATE_REGIONS, ProgramItemSchema, ProgramStageSchema } from './program';
import { StageSchema } from './vocab-schemas';
import { STAGES } from './vocabulary';

const text = (max: number) => z.string().trim().max(max);

export const BuiltinCodeSchema = z.string().regex(/^[LCT]\d-\d{2}$/, 'A built-in code looks like L2-03');

export const TemplateItemSchema = z
  .object({
    /** A built-in exercise's code; exactly one of `code` and `exerciseId` is set. */
    code: BuiltinCodeSchema.nullable(),
    exerciseId: z.uuid().nullable(),
    dosage: DosageOverrideSchema,
    variant: ProgramItemSchema.shape.variant,
    patientNote: ProgramItemSchema.shape.patientNote,
    clinicianNote: ProgramItemSchema.shape.clinicianNote,
  })
  .strict()
  .refine((i) => (i.code === null) !== (i.exerciseId === null), {
    message: 'An item names its exercise by code or by id, not both',
    path: ['code'],
  });
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

export const TemplateStageSchema = z
  .object({
    stage: StageSchema,
    goals: ProgramStageSchema.shape.goals,
    plannedWeeks: ProgramStageSchema.shape.plannedWeeks,
    entryNote: ProgramStageSchema.shape.entryNote,
    /** Criteria this template adds to the stage's default exit gate (audit §10 "Progress when"). */
    extraExit: z.array(CriterionSchema).max(10),
    items: z.array(TemplateItemSchema).max(60),
  })
  .strict();
export type TemplateStage = z.infer<typeof TemplateStageSchema>;

export const TemplateSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'A template id uses lower-case letters, digits and hyphens'),
    /** Rises whenever a built-in template's content changes. */
    version: z.number().int().min(1),
    name: text(120).min(1),
    description: text(1000),
    region: z.enum(GATE_REGIONS),
    /** For whom the template is written, shown to the clinician when choosing (audit §10 headings). */
    suitedTo: text(300),
    /** The audit's dosage adjustments and cautions, for the clinician. */
    clinicianNotes: text(3000),
    painRule: z.string().trim().min(1).max(400).nullable(),
    stages: z.array(TemplateStageSchema).length(4),
  })
  .strict()
  .refine((t) => t.stages.every((s, i) => s.stage === STAGES[i]), { message: 'The stages must be 1 to 4, in order', path: ['stages'] });
export type Template = z.infer<typeof TemplateSchema>;
