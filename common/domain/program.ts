// A patient's staged program as one JSON document: four stages, each with its goals, planned
// weeks, exit gate (audit §9, editable per program) and items (an exercise with the clinician's
// dose overrides). The builder edits it only through the actions below (common/program/reducer.ts),
// which the renderer applies at once and the service applies again, authoritatively, before saving.
// Pure: zod and the kernel only.
import { z } from 'zod';
import { DosageSchema } from './exercise';
import { STAGES, type Stage } from './vocabulary';
import { StageSchema } from './vocab-schemas';
import type { Criterion, GateDefinition, Rule } from '../safety/gates';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

/** Ids the renderer makes (crypto.randomUUID) so an action replays identically in the service. */
export const ItemIdSchema = z.uuid();

/** Every dose field, each optional: what the clinician changed from the exercise's own dose. */
export const DosageOverrideSchema = z.object(DosageSchema.shape).partial().strict();
export type DosageOverride = z.infer<typeof DosageOverrideSchema>;
export type DosageField = keyof DosageOverride;

export const ProgramItemSchema = z
  .object({
    id: ItemIdSchema,
    exerciseId: z.uuid(),
    /** The exercise's variant chosen for this patient, by name; null for the exercise as written. */
    variant: text(80).min(1).nullable(),
    dosage: DosageOverrideSchema,
    /** The pain-response rule for this item; null uses the program's. */
    painRule: text(400).min(1).nullable(),
    /** A note printed for the patient under the exercise. */
    patientNote: text(500).min(1).nullable(),
    /** A reminder for the clinician ("only if repeated extension centralizes"); never printed for the patient. */
    clinicianNote: text(500).min(1).nullable(),
  })
  .strict();
export type ProgramItem = z.infer<typeof ProgramItemSchema>;

const OperatorSchema = z.enum(['>=', '<=', '>', '<', 'between']);
const measureKey = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9:-]*$/, 'A measure id uses lower-case letters, digits and hyphens');

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z
      .object({ kind: z.literal('threshold'), measure: measureKey, op: OperatorSchema, value: z.number(), max: z.number().optional() })
      .strict(),
    z
      .object({ kind: z.literal('change'), measure: measureKey, op: OperatorSchema, value: z.number(), percent: z.boolean().optional() })
      .strict(),
    z.object({ kind: z.literal('any'), of: z.array(RuleSchema).min(1).max(10) }).strict(),
    z.object({ kind: z.literal('all'), of: z.array(RuleSchema).min(1).max(10) }).strict(),
  ]),
) as z.ZodType<Rule>;

export const CriterionSchema: z.ZodType<Criterion> = z
  .object({ id: z.string().min(1).max(80), label: text(200).min(1), rule: RuleSchema, source: text(120) })
  .strict();

export const ExitGateSchema = z
  .object({
    required: z.array(CriterionSchema).max(20),
    supporting: z.array(CriterionSchema).max(20),
    minSupporting: z.number().int().min(0).max(20),
  })
  .strict()
  .refine((g) => g.minSupporting <= g.supporting.length, {
    message: 'The number of supporting criteria needed cannot be more than there are',
    path: ['minSupporting'],
  });
export type ExitGate = Pick<GateDefinition, 'minSupporting'> & { required: Criterion[]; supporting: Criterion[] };

export const MAX_ITEMS_PER_STAGE = 60;

export const ProgramStageSchema = z
  .object({
    stage: StageSchema,
    goals: text(1000),
    plannedWeeks: z.number().int().min(1).max(52).nullable(),
    /** What the clinician adds to the previous stage's exit gate before this stage starts. */
    entryNote: text(1000),
    exit: ExitGateSchema,
    items: z.array(ProgramItemSchema).max(MAX_ITEMS_PER_STAGE),
  })
  .strict();
export type ProgramStage = z.infer<typeof ProgramStageSchema>;

export const StageChangeSchema = z
  .object({ from: StageSchema, to: StageSchema, date: isoDate, reason: text(500).min(1, 'Say why the stage changes') })
  .strict();
export type StageChange = z.infer<typeof StageChangeSchema>;

export const AcknowledgementSchema = z
  .object({
    flagId: z.string().min(1).max(300),
    note: text(500).min(1, 'Say why it is safe to go ahead'),
    date: isoDate,
  })
  .strict();
export type ProgramAcknowledgement = z.infer<typeof AcknowledgementSchema>;

export const GATE_REGIONS = ['lumbar', 'cervical'] as const;
export type GateRegion = (typeof GATE_REGIONS)[number];

export const ProgramDocSchema = z
  .object({
    title: text(120).min(1, 'Give the program a title'),
    /** Which region's gates the program uses (a thoracic patient uses the lumbar ones, audit §9). */
    gateRegion: z.enum(GATE_REGIONS),
    currentStage: StageSchema,
    stages: z.array(ProgramStageSchema).length(4),
    stageLog: z.array(StageChangeSchema).max(200),
    acknowledgements: z.array(AcknowledgementSchema).max(1000),
    /** The program's pain-response rule, used by every item without its own. */
    painRule: text(400).min(1),
  })
  .strict()
  .refine((d) => d.stages.every((s, i) => s.stage === STAGES[i]), {
    message: 'The stages must be 1 to 4, in order',
    path: ['stages'],
  })
  .refine(
    (d) => {
      const ids = d.stages.flatMap((s) => s.items.map((i) => i.id));
      return new Set(ids).size === ids.length;
    },
    { message: 'Each item needs its own id', path: ['stages'] },
  );
export type ProgramDoc = z.infer<typeof ProgramDocSchema>;

/** Where an item sits: its stage and position in that stage. */
export interface ItemPlace {
  stage: Stage;
  index: number;
  item: ProgramItem;
}

export const findItem = (doc: ProgramDoc, itemId: string): ItemPlace | null => {
  for (const s of doc.stages) {
    const index = s.items.findIndex((i) => i.id === itemId);
    if (index >= 0) return { stage: s.stage, index, item: s.items[index] as ProgramItem };
  }
  return null;
};

export const stageOf = (doc: ProgramDoc, stage: Stage): ProgramStage => doc.stages[stage - 1] as ProgramStage;

// --- Actions: every change the builder makes --------------------------------------------------

const ItemPatchSchema = z
  .object({
    variant: ProgramItemSchema.shape.variant.optional(),
    painRule: ProgramItemSchema.shape.painRule.optional(),
    patientNote: ProgramItemSchema.shape.patientNote.optional(),
    clinicianNote: ProgramItemSchema.shape.clinicianNote.optional(),
  })
  .strict();

export const ProgramActionSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('add-item'),
      stage: StageSchema,
      /** Where in the stage; the end when missing. */
      index: z.number().int().min(0).max(MAX_ITEMS_PER_STAGE).optional(),
      itemId: ItemIdSchema,
      exerciseId: z.uuid(),
      dosage: DosageOverrideSchema.optional(),
    })
    .strict(),
  z.object({ type: z.literal('remove-item'), itemId: ItemIdSchema }).strict(),
  z
    .object({
      type: z.literal('move-item'),
      itemId: ItemIdSchema,
      toStage: StageSchema,
      toIndex: z.number().int().min(0).max(MAX_ITEMS_PER_STAGE),
    })
    .strict(),
  /** Copies an item to the end of the next stage, with its dose and notes, under a new id. */
  z.object({ type: z.literal('copy-forward'), itemId: ItemIdSchema, newItemId: ItemIdSchema }).strict(),
  /**
   * Puts an easier or harder exercise in the item's place (a regression or progression): the
   * item keeps its place and notes; its dose returns to the new exercise's own.
   */
  z.object({ type: z.literal('swap-exercise'), itemId: ItemIdSchema, exerciseId: z.uuid() }).strict(),
  /** Replaces the item's dose overrides (an empty object returns to the exercise's own dose). */
  z.object({ type: z.literal('set-dosage'), itemId: ItemIdSchema, dosage: DosageOverrideSchema }).strict(),
  z.object({ type: z.literal('update-item'), itemId: ItemIdSchema, patch: ItemPatchSchema }).strict(),
  z
    .object({
      type: z.literal('update-stage'),
      stage: StageSchema,
      patch: z
        .object({
          goals: ProgramStageSchema.shape.goals.optional(),
          plannedWeeks: ProgramStageSchema.shape.plannedWeeks.optional(),
          entryNote: ProgramStageSchema.shape.entryNote.optional(),
          exit: ExitGateSchema.optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ type: z.literal('change-stage'), to: StageSchema, date: isoDate, reason: StageChangeSchema.shape.reason }).strict(),
  z
    .object({
      type: z.literal('acknowledge'),
      flagId: AcknowledgementSchema.shape.flagId,
      note: AcknowledgementSchema.shape.note,
      date: isoDate,
    })
    .strict(),
  z.object({ type: z.literal('withdraw-acknowledgement'), flagId: AcknowledgementSchema.shape.flagId }).strict(),
  z
    .object({
      type: z.literal('update-program'),
      patch: z.object({ title: ProgramDocSchema.shape.title.optional(), painRule: ProgramDocSchema.shape.painRule.optional() }).strict(),
    })
    .strict(),
]);
export type ProgramAction = z.infer<typeof ProgramActionSchema>;
