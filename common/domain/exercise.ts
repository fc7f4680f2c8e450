// The exercise as the contract carries it. A draft is what a clinician edits; an Exercise adds
// identity, provenance and versions, which only the services assign.
import { z } from 'zod';
import { GENERATORS, type Generator, type Origin, type Locale, type Region } from './vocabulary';
import {
  EquipmentSchema,
  BandLevelSchema,
  EvidenceLevelSchema,
  IntensityKindSchema,
  GeneratorSchema,
  LockTypeSchema,
  PositionSchema,
  RatingSchema,
  RegionSchema,
  SideSchema,
  StageSchema,
} from './vocab-schemas';

const line = (max: number) => z.string().trim().min(1).max(max);
const lines = (maxItems: number, maxLen = 400) => z.array(line(maxLen)).max(maxItems);

/** Whole numbers and the range each kind allows: RM and RIR count repetitions, RPE is 0-10. */
const INTENSITY_RANGES = {
  rm: { min: 1, max: 30, whole: true, what: 'RM is a whole number of repetitions from 1 to 30' },
  rir: { min: 0, max: 10, whole: true, what: 'RIR is a whole number of repetitions from 0 to 10' },
  rpe: { min: 0, max: 10, whole: false, what: 'RPE is a number from 0 to 10' },
  'percent-bw': { min: 1, max: 200, whole: false, what: '% body weight is a number from 1 to 200' },
} as const;

/**
 * How hard a dose is (audit D35). `value` (and `valueMax` for a range: "8-12 RM", "RPE 6-7") for
 * every kind but `band`, which names a band level and, optionally, its color.
 */
export const IntensitySchema = z
  .object({
    kind: IntensityKindSchema,
    value: z.number().nullable(),
    valueMax: z.number().nullable(),
    band: BandLevelSchema.nullable(),
    bandColor: z.string().trim().min(1).max(30).nullable(),
  })
  .strict()
  .superRefine((i, ctx) => {
    if (i.kind === 'band') {
      if (i.band === null) ctx.addIssue({ code: 'custom', path: ['band'], message: 'A band intensity names the band level' });
      if (i.value !== null || i.valueMax !== null)
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'A band intensity has a level, not a number' });
      return;
    }
    if (i.band !== null || i.bandColor !== null)
      ctx.addIssue({ code: 'custom', path: ['band'], message: 'Only a band intensity has a band level or color' });
    const range = INTENSITY_RANGES[i.kind];
    if (i.value === null) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Give the number for this intensity' });
      return;
    }
    for (const [key, v] of [
      ['value', i.value],
      ['valueMax', i.valueMax],
    ] as const) {
      if (v !== null && (v < range.min || v > range.max || (range.whole && !Number.isInteger(v))))
        ctx.addIssue({ code: 'custom', path: [key], message: range.what });
    }
    if (i.valueMax !== null && i.valueMax <= i.value)
      ctx.addIssue({ code: 'custom', path: ['valueMax'], message: 'The top of the range must be above its bottom' });
  });
export type Intensity = z.infer<typeof IntensitySchema>;

export const DosageSchema = z
  .object({
    sets: z.number().int().min(1).max(20),
    reps: z.number().int().min(1).max(200).nullable(),
    /** Upper end of a rep range ("8 to 12"); null when the dose is a single number. */
    repsMax: z.number().int().min(1).max(200).nullable(),
    holdSeconds: z.number().int().min(1).max(3600).nullable(),
    /** For timed work without reps: walks, carries, sustained postures. */
    durationSeconds: z.number().int().min(1).max(14_400).nullable(),
    restSeconds: z.number().int().min(0).max(900).nullable(),
    sessionsPerDay: z.number().int().min(1).max(12),
    daysPerWeek: z.number().int().min(1).max(7),
    load: z.string().trim().max(80).nullable(),
    side: SideSchema,
    tempo: z.string().trim().max(80).nullable(),
    /** For carries and walks set by distance (audit D34), in meters; shown in feet with meters beside. Absent in doses saved before it existed. */
    distanceMeters: z.number().int().min(1).max(50_000).nullable().optional(),
    /** How hard (audit D35); absent or null when the load says it all. */
    intensity: IntensitySchema.nullable().optional(),
  })
  .strict()
  .refine((d) => d.repsMax === null || (d.reps !== null && d.repsMax > d.reps), {
    message: 'The top of a rep range must be above its bottom',
    path: ['repsMax'],
  });
export type Dosage = z.infer<typeof DosageSchema>;

/**
 * One generator's judgement. `rating` is the rating once any lock has passed; `lock` says what holds
 * the exercise back until then: `week` with `earliestWeek` (weeks since the relevant surgery or
 * implant), `criterion` (the note says which), or `surgeon-clearance`. Before the lock has passed
 * the app says "locked until week N" or "until cleared", whatever the rating.
 */
export const SuitabilitySchema = z
  .object({
    rating: RatingSchema,
    lock: LockTypeSchema,
    /** The week the lock lifts; set exactly when `lock` is `week`. */
    earliestWeek: z.number().int().min(0).max(104).nullable(),
    note: z.string().trim().max(300).nullable(),
  })
  .strict()
  .refine((s) => (s.lock === 'week') === (s.earliestWeek !== null), {
    message: 'A week lock needs its week, and only a week lock has one',
    path: ['earliestWeek'],
  })
  .refine((s) => s.lock === 'none' || s.rating !== 'not-rated', {
    message: 'Rate the exercise before locking it',
    path: ['rating'],
  });
export type Suitability = z.infer<typeof SuitabilitySchema>;

export const SuitabilityMapSchema = z
  .object(Object.fromEntries(GENERATORS.map((g) => [g, SuitabilitySchema])) as Record<Generator, typeof SuitabilitySchema>)
  .strict();
export type SuitabilityMap = Record<Generator, Suitability>;

/** Text a patient reads: one set per locale. */
export const ExerciseTextSchema = z
  .object({
    name: line(120),
    summary: line(300),
    startingPosition: line(400),
    steps: lines(12).min(1),
    cues: lines(10),
    mistakes: lines(10),
    precautions: lines(10),
  })
  .strict();
export type ExerciseText = z.infer<typeof ExerciseTextSchema>;

export const SourceSchema = z
  .object({
    citation: line(400),
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable(),
    /** The evidence tag (audit D38); absent or null when nobody has graded the source. */
    evidenceLevel: EvidenceLevelSchema.nullable().optional(),
    /** "10.1016/S0140-6736(24)00755-4": the bare DOI, without "doi:" or the resolver address. */
    doi: z
      .string()
      .trim()
      .regex(/^10\.\d{4,9}\/\S{1,200}$/, 'A DOI looks like 10.1234/abc (no "doi:" or address in front)')
      .nullable()
      .optional(),
    /** PubMed identifier, digits only. */
    pmid: z
      .string()
      .trim()
      .regex(/^\d{1,9}$/, 'A PMID is digits only, like 10453772')
      .nullable()
      .optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const TagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '\-]*$/u, 'Tags use letters, digits, spaces and hyphens');

/** Other names a clinician may search by: abbreviations, eponyms, other spellings. */
export const AliasSchema = z.string().trim().min(2).max(80);

export const ExerciseDraftSchema = z
  .object({
    /** The standard clinical term ("McGill curl-up (modified curl-up)"); not localised. */
    clinicalName: line(160),
    aliases: z.array(AliasSchema).max(20),
    /** The primary stage: the one the exercise is filed and coded under. */
    stage: StageSchema,
    /**
     * Other stages it also belongs to (audit D14: graded exposure from stage 1, sliders and the
     * press-up from stage 1...). Stage filters match the primary stage or any of these; the primary
     * is never repeated here (the writer drops it). Absent on exercises saved before it existed.
     */
    alsoStages: z
      .array(StageSchema)
      .max(3)
      .refine((s) => new Set(s).size === s.length, { message: 'Name each other stage once' })
      .optional(),
    region: RegionSchema,
    position: PositionSchema,
    equipment: z.array(EquipmentSchema).min(1).max(8),
    text: ExerciseTextSchema,
    dosage: DosageSchema,
    suitability: SuitabilityMapSchema,
    tags: z.array(TagSchema).max(20),
    sources: z.array(SourceSchema).max(12),
    progressionIds: z.array(z.uuid()).max(8),
    regressionIds: z.array(z.uuid()).max(8),
    clinicianNotes: z.string().trim().max(2000).nullable(),
  })
  .strict();
export type ExerciseDraft = z.infer<typeof ExerciseDraftSchema>;

export interface LinkedExercise {
  id: string;
  name: string;
  stage: 1 | 2 | 3 | 4;
  archived: boolean;
}

export interface ExercisePhoto {
  sha256: string;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  bytes: number;
  caption: string | null;
}

export interface Exercise extends Omit<ExerciseDraft, 'progressionIds' | 'regressionIds'> {
  id: string;
  /** Human code of a built-in ("L1-01"); null for the clinic's own. */
  code: string | null;
  origin: Origin;
  /** The bundle an imported exercise came from, by name. */
  originBundleName: string | null;
  /** The exercise this one was duplicated from, if any. */
  basedOnId: string | null;
  /** Rises by one on every saved change; edits send it back to detect a stale form. */
  contentVersion: number;
  locale: Locale;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  progressions: LinkedExercise[];
  regressions: LinkedExercise[];
  photos: ExercisePhoto[];
}

/** One row of a search result: enough to choose at a glance. */
export interface ExerciseSummary {
  id: string;
  code: string | null;
  /** The patient-facing name (text.name). */
  name: string;
  clinicalName: string;
  summary: string;
  /** The primary stage. */
  stage: 1 | 2 | 3 | 4;
  /** The other stages it also belongs to (audit D14); empty for most. Optional, so summaries built elsewhere stay valid. */
  alsoStages?: (1 | 2 | 3 | 4)[];
  region: Region;
  position: z.infer<typeof PositionSchema>;
  equipment: z.infer<typeof EquipmentSchema>[];
  dosage: Dosage;
  origin: Origin;
  archived: boolean;
  /** Ratings for the generators the search filtered on, in filter order. */
  ratings: {
    generator: Generator;
    rating: z.infer<typeof RatingSchema>;
    lock: z.infer<typeof LockTypeSchema>;
    earliestWeek: number | null;
  }[];
  photoSha256: string | null;
  /** Some pain generator has no rating yet: the card says so, and no filter counts it as suitable. */
  notRated: boolean;
  /** A clinic exercise's own figure from the pose editor (JSON text of a CustomFigure), or null. */
  figureJson?: string | null;
}
