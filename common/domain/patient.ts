// A patient's clinical picture as the program builder needs it: PSPS type, regions, pain generators,
// surgeries and implants with the surgeon's structured restrictions, and the red-flag screen of
// reference clinical.md §5. Pure: zod and the kernel only. Dates are ISO calendar days (YYYY-MM-DD),
// compared in whole days so time zones and daylight saving never move a week boundary.
import { z } from 'zod';
import type { Generator } from './vocabulary';

const isoDate = z.iso.date();
const note = z.string().trim().max(500).nullable();

/** Spinal regions of a patient (wider than exercise regions: thoracic patients exist, audit §3.3). */
export const PATIENT_REGIONS = ['lumbar', 'cervical', 'thoracic'] as const;
export type PatientRegion = (typeof PATIENT_REGIONS)[number];

/** The clinician-identified (non-surgical) pain generators. Surgical ones follow from surgeries. */
export const CLINICAL_GENERATORS = ['disc', 'instability', 'nerve'] as const satisfies readonly Generator[];
export type ClinicalGenerator = (typeof CLINICAL_GENERATORS)[number];

export const PROCEDURES = [
  'microdiscectomy',
  'laminectomy-decompression',
  'lumbar-fusion',
  'acdf',
  'posterior-cervical',
  'disc-replacement',
  'spinal-cord-stimulator',
  'other',
] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const APPROACHES = ['open', 'minimally-invasive', 'anterior', 'posterior', 'lateral', 'percutaneous', 'unknown'] as const;
export type Approach = (typeof APPROACHES)[number];

/** Where a stimulator's leads sit (audit D01): cervical leads are at risk from neck movement. */
export const LEAD_LEVELS = ['cervical', 'thoracic', 'drg'] as const;
export type LeadLevel = (typeof LEAD_LEVELS)[number];

/** Where the implanted pulse generator (battery) sits; pressure over it is a permanent caution. */
export const GENERATOR_SITES = ['buttock', 'flank', 'abdomen', 'chest', 'other'] as const;
export type GeneratorSite = (typeof GENERATOR_SITES)[number];

/**
 * A spinal level or segment: "L4-L5", "L5-S1", "C5-C6", "T10", "T8-T10". The letter gives the
 * region, which decides which generator a disc replacement or decompression drives.
 */
export const SpinalLevelSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[CTLS]\d{1,2}(-[CTLS]\d{1,2})?$/, 'A level looks like L4-L5, C5-C6 or T10');

export const levelRegion = (level: string): PatientRegion => {
  const letter = level.trim().toUpperCase()[0];
  return letter === 'C' ? 'cervical' : letter === 'T' ? 'thoracic' : 'lumbar';
};

/** Until when a surgeon's restriction holds: a week since that surgery, a date, or clearance. */
export const RestrictionUntilSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('week'), week: z.number().int().min(0).max(104) }).strict(),
  z.object({ kind: z.literal('date'), date: isoDate }).strict(),
  z.object({ kind: z.literal('cleared'), clearedOn: isoDate.nullable() }).strict(),
]);
export type RestrictionUntil = z.infer<typeof RestrictionUntilSchema>;

export const RESTRICTION_KINDS = ['no-loaded-flexion', 'no-rotation', 'no-overhead-resistance', 'lifting-limit'] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

export const LiftingLimitSchema = z.object({ value: z.number().positive().max(500), unit: z.enum(['lb', 'kg']) }).strict();
export type LiftingLimit = z.infer<typeof LiftingLimitSchema>;

export const SurgeonRestrictionSchema = z
  .object({
    kind: z.enum(RESTRICTION_KINDS),
    /** Only for `lifting-limit`, and required there. */
    limit: LiftingLimitSchema.nullable(),
    until: RestrictionUntilSchema,
    note,
  })
  .strict()
  .refine((r) => (r.kind === 'lifting-limit') === (r.limit !== null), {
    message: 'A lifting limit needs its weight, and only a lifting limit has one',
    path: ['limit'],
  });
export type SurgeonRestriction = z.infer<typeof SurgeonRestrictionSchema>;

export const ClearanceSchema = z
  .object({
    status: z.enum(['cleared', 'not-cleared', 'unknown']),
    date: isoDate.nullable(),
    note,
  })
  .strict();
export type Clearance = z.infer<typeof ClearanceSchema>;

export const StimulatorSchema = z
  .object({
    leadLevel: z.enum(LEAD_LEVELS).nullable(),
    generatorSite: z.enum(GENERATOR_SITES).nullable(),
  })
  .strict();
export type Stimulator = z.infer<typeof StimulatorSchema>;

export const SurgerySchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    procedure: z.enum(PROCEDURES),
    /** Free text naming an `other` procedure, or detail of any. */
    description: z.string().trim().max(200).nullable(),
    levels: z.array(SpinalLevelSchema).max(12),
    multilevel: z.boolean(),
    approach: z.enum(APPROACHES),
    /** Null when not known: every time lock then counts as not yet passed. */
    date: isoDate.nullable(),
    /** Set exactly for a spinal-cord stimulator. */
    stimulator: StimulatorSchema.nullable(),
    clearance: ClearanceSchema,
    restrictions: z.array(SurgeonRestrictionSchema).max(20),
    /** The surgeon's restrictions that have no structure: shown to the clinician, checked by hand. */
    otherRestrictions: z.string().trim().max(1000).nullable(),
  })
  .strict()
  .refine((s) => (s.procedure === 'spinal-cord-stimulator') === (s.stimulator !== null), {
    message: 'A stimulator needs its lead level and generator site, and only a stimulator has them',
    path: ['stimulator'],
  });
export type Surgery = z.infer<typeof SurgerySchema>;

// --- Red flags (clinical.md §5.1 emergency, §5.2 urgent). Labels in common/copy/en-safety.ts. ---

export const EMERGENCY_FLAGS = [
  'cauda-equina',
  'progressive-motor-deficit',
  'acdf-airway',
  'pulmonary-embolism',
  'arterial-dissection',
  'fever-with-neuro-signs',
] as const;
export type EmergencyFlag = (typeof EMERGENCY_FLAGS)[number];

export const URGENT_FLAGS = [
  'post-op-infection',
  'worsening-radicular',
  'unexpected-high-pain',
  'calf-pain-swelling',
  'cervical-myelopathy',
  'spinal-malignancy',
  'spinal-fracture',
  'acdf-swallowing-voice',
  'scs-problem',
] as const;
export type UrgentFlag = (typeof URGENT_FLAGS)[number];

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

export const UrgentAnswerSchema = z
  .object({
    answer: z.enum(ANSWERS),
    /** A "yes" the clinician has dealt with (reviewed, referred, cleared): what was done and when. */
    resolution: z
      .object({ note: z.string().trim().min(1).max(500), date: isoDate })
      .strict()
      .nullable(),
  })
  .strict()
  .refine((a) => a.resolution === null || a.answer === 'yes', {
    message: 'Only a "yes" can be resolved',
    path: ['resolution'],
  });
export type UrgentAnswer = z.infer<typeof UrgentAnswerSchema>;

export const RedFlagScreenSchema = z
  .object({
    date: isoDate.nullable(),
    emergency: z
      .object(
        Object.fromEntries(EMERGENCY_FLAGS.map((f) => [f, z.enum(ANSWERS)])) as Record<
          EmergencyFlag,
          z.ZodEnum<{ yes: 'yes'; no: 'no'; unknown: 'unknown' }>
        >,
      )
      .strict(),
    urgent: z
      .object(Object.fromEntries(URGENT_FLAGS.map((f) => [f, UrgentAnswerSchema])) as Record<UrgentFlag, typeof UrgentAnswerSchema>)
      .strict(),
  })
  .strict();
export type RedFlagScreen = z.infer<typeof RedFlagScreenSchema>;

/** A screen with nothing asked yet: every answer unknown. */
export const emptyRedFlagScreen = (): RedFlagScreen => ({
  date: null,
  emergency: Object.fromEntries(EMERGENCY_FLAGS.map((f) => [f, 'unknown'])) as RedFlagScreen['emergency'],
  urgent: Object.fromEntries(URGENT_FLAGS.map((f) => [f, { answer: 'unknown', resolution: null }])) as RedFlagScreen['urgent'],
});

export const PatientClinicalSchema = z
  .object({
    pspsType: z.union([z.literal(1), z.literal(2)]),
    regions: z.array(z.enum(PATIENT_REGIONS)).min(1).max(3),
    generators: z.array(z.enum(CLINICAL_GENERATORS)).max(3),
    surgeries: z.array(SurgerySchema).max(20),
    redFlags: RedFlagScreenSchema,
  })
  .strict()
  .refine((p) => new Set(p.regions).size === p.regions.length, { message: 'Each region once', path: ['regions'] })
  .refine((p) => new Set(p.generators).size === p.generators.length, { message: 'Each generator once', path: ['generators'] })
  // PSPS type 1 is pain without spinal surgery; a stimulator may still be implanted (it is not
  // surgery on the spine's structure). Decision for clinical review.
  .refine((p) => p.pspsType === 2 || p.surgeries.every((s) => s.procedure === 'spinal-cord-stimulator'), {
    message: 'PSPS type 1 means no spinal surgery: record the surgery and choose type 2',
    path: ['surgeries'],
  })
  .refine((p) => p.pspsType === 1 || p.surgeries.length > 0, {
    message: 'PSPS type 2 follows spinal surgery: record at least one surgery',
    path: ['surgeries'],
  })
  .refine((p) => new Set(p.surgeries.map((s) => s.id)).size === p.surgeries.length, {
    message: 'Each surgery needs its own id',
    path: ['surgeries'],
  });
export type PatientClinical = z.infer<typeof PatientClinicalSchema>;

// --- Helpers ---------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO calendar day, in UTC (no time zone can shift it). */
export const dayNumber = (isoDay: string): number => {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

/**
 * Whole weeks from `date` to `today`: 0 on the day itself and for the next 6 days, N from exactly
 * 7N days on. Negative when `date` is in the future. A lock "week N" has passed when this is >= N.
 */
export const weeksSince = (date: string, today: string): number => Math.floor((dayNumber(today) - dayNumber(date)) / 7);

/** Which surgical generator a procedure drives (null: none, the surgeon's restrictions only). */
export const generatorForSurgery = (surgery: Pick<Surgery, 'procedure' | 'levels'>): Generator | null => {
  const cervical = surgery.levels.length > 0 && surgery.levels.every((l) => levelRegion(l) === 'cervical');
  switch (surgery.procedure) {
    case 'microdiscectomy':
    case 'laminectomy-decompression':
      // A cervical decompression is posterior neck surgery: the neck's surgical locks apply.
      return cervical ? 'post-acdf' : 'post-decompression';
    case 'lumbar-fusion':
      return 'post-fusion';
    case 'acdf':
    case 'posterior-cervical':
      return 'post-acdf';
    case 'disc-replacement':
      return cervical ? 'post-acdf' : 'post-fusion';
    case 'spinal-cord-stimulator':
      return 'scs';
    case 'other':
      return null;
  }
};

/** The surgery's date as a day number, unknown dates last (they count as most recent: no lock passes). */
const recency = (s: Surgery): number => (s.date === null ? Number.POSITIVE_INFINITY : dayNumber(s.date));

/**
 * The most recent surgery driving each surgical generator: its clock runs the generator's time
 * locks (a revision restarts the clock). A surgery with no date counts as the most recent.
 */
export const latestSurgeryByGenerator = (surgeries: readonly Surgery[]): Partial<Record<Generator, Surgery>> => {
  const out: Partial<Record<Generator, Surgery>> = {};
  for (const s of surgeries) {
    const g = generatorForSurgery(s);
    if (g === null) continue;
    const held = out[g];
    if (held === undefined || recency(s) > recency(held)) out[g] = s;
  }
  return out;
};

/** The generators whose ratings apply: the clinician's, plus one per kind of surgery the patient has had. */
export const activeGenerators = (patient: Pick<PatientClinical, 'generators' | 'surgeries'>): Generator[] => {
  const surgical = Object.keys(latestSurgeryByGenerator(patient.surgeries)) as Generator[];
  return [...patient.generators, ...surgical];
};

/** The calendar day of `now` on this computer's clock, as YYYY-MM-DD (a clinic's "today"). */
export const localDay = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Weeks since the most recent dated surgery or implant; null when none has a date. */
export const weeksSinceLatestSurgery = (surgeries: readonly Surgery[], today: string): number | null => {
  const dated = surgeries.map((s) => s.date).filter((d): d is string => d !== null);
  if (dated.length === 0) return null;
  const latest = dated.reduce((a, b) => (dayNumber(a) >= dayNumber(b) ? a : b));
  return weeksSince(latest, today);
};

/** An emergency red flag answered yes, or an urgent one answered yes and not resolved. */
export const hasOpenRedFlag = (screen: RedFlagScreen): boolean =>
  EMERGENCY_FLAGS.some((f) => screen.emergency[f] === 'yes') ||
  URGENT_FLAGS.some((f) => screen.urgent[f].answer === 'yes' && screen.urgent[f].resolution === null);
