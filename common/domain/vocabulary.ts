// Closed vocabularies of the clinical domain: the values and their types, imported by every
// process, so a value means the same thing everywhere. Their zod schemas are in vocab-schemas.ts,
// apart, so code that needs only the values (the renderer's first screen) loads no zod.

export const STAGES = [1, 2, 3, 4] as const;
export type Stage = (typeof STAGES)[number];

/** Spinal regions an exercise is filed under; thoracic since the audit's §3.3. */
export const REGIONS = ['lumbar', 'cervical', 'thoracic'] as const;
export type Region = (typeof REGIONS)[number];

/** The letter a built-in's code starts with, by region ("L2-03", "C1-01", "T1-01"). */
export const REGION_CODE_LETTERS: Record<Region, string> = { lumbar: 'L', cervical: 'C', thoracic: 'T' };

export const POSITIONS = ['supine', 'prone', 'side-lying', 'quadruped', 'kneeling', 'sitting', 'standing'] as const;
export type Position = (typeof POSITIONS)[number];

export const EQUIPMENT = [
  'none',
  'mat',
  'pressure-biofeedback',
  'towel',
  'pillow',
  'foam-roller',
  'exercise-ball',
  'resistance-band',
  'dumbbell',
  'kettlebell',
  'barbell',
  'trap-bar',
  'cable-machine',
  'weight-machine',
  'bench',
  'step',
  'chair',
  'wall',
  'table',
  'dowel',
  'box-or-bag',
  'sled',
  'treadmill',
  'exercise-bike',
  'arm-bike',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** Pain generators the clinician identifies; post-surgical ones carry time-bound restrictions. */
export const GENERATORS = ['disc', 'instability', 'nerve', 'post-decompression', 'post-fusion', 'post-acdf', 'scs'] as const;
export type Generator = (typeof GENERATORS)[number];

/**
 * How well an exercise suits a pain generator once any lock has passed (the lock is separate:
 * see LOCK_TYPES). Ordered from most to least suitable: filters accept "this rating or better".
 * `not-rated` is nobody's judgement yet: it never counts as suitable and sits outside the order.
 */
export const RATINGS = ['suits', 'modify', 'caution', 'avoid', 'not-rated'] as const;
export type Rating = (typeof RATINGS)[number];
/** The ratings a judgement can give, best first (everything but `not-rated`). */
export const JUDGED_RATINGS = ['suits', 'modify', 'caution', 'avoid'] as const satisfies readonly Rating[];
export type JudgedRating = (typeof JUDGED_RATINGS)[number];

/**
 * What holds an exercise back after surgery or an implant, before its rating applies: nothing, a
 * number of weeks since the relevant surgery, a criterion the clinician checks (e.g. the wound has
 * healed), or the surgeon's clearance.
 */
export const LOCK_TYPES = ['none', 'week', 'criterion', 'surgeon-clearance'] as const;
export type LockType = (typeof LOCK_TYPES)[number];

/**
 * How strong a cited source is (the clinical reference's evidence tags): peer-reviewed study or
 * review, guideline, clinic protocol, secondary web summary, clinical convention.
 */
export const EVIDENCE_LEVELS = ['P', 'G', 'Pr', 'Sec', 'C'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/**
 * How hard a dose is (audit D35): repetition maximum, repetitions in reserve, rating of perceived
 * exertion (0-10), a share of body weight, or a resistance band's level.
 */
export const INTENSITY_KINDS = ['rm', 'rir', 'rpe', 'percent-bw', 'band'] as const;
export type IntensityKind = (typeof INTENSITY_KINDS)[number];

/** Resistance-band levels, lightest first; makers' colors differ, so the color is free text. */
export const BAND_LEVELS = ['extra-light', 'light', 'medium', 'heavy', 'extra-heavy'] as const;
export type BandLevel = (typeof BAND_LEVELS)[number];

export const SIDES = ['both', 'each-side', 'alternating'] as const;
export type Side = (typeof SIDES)[number];

export const ORIGINS = ['builtin', 'clinic', 'imported'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Locales patient-facing text can be written in. Spanish rows arrive later as additions. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
