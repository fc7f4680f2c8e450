// Closed vocabularies of the clinical domain. Pure TypeScript + zod: imported by main, services,
// the renderer and the seed checker alike, so a value means the same thing everywhere.
import { z } from 'zod';

export const STAGES = [1, 2, 3, 4] as const;
export type Stage = (typeof STAGES)[number];
export const StageSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'Stage must be 1, 2, 3 or 4',
});
export const STAGE_LABELS: Record<Stage, string> = {
  1: 'Stabilizer activation',
  2: 'Controlled loading',
  3: 'Progressive resistance',
  4: 'Load tolerance',
};

export const REGIONS = ['lumbar', 'cervical'] as const;
export type Region = (typeof REGIONS)[number];
export const RegionSchema = z.enum(REGIONS);
export const REGION_LABELS: Record<Region, string> = { lumbar: 'Low back', cervical: 'Neck' };

export const POSITIONS = ['supine', 'prone', 'side-lying', 'quadruped', 'kneeling', 'sitting', 'standing'] as const;
export type Position = (typeof POSITIONS)[number];
export const PositionSchema = z.enum(POSITIONS);
export const POSITION_LABELS: Record<Position, string> = {
  supine: 'Lying on back',
  prone: 'Lying face down',
  'side-lying': 'Lying on side',
  quadruped: 'Hands and knees',
  kneeling: 'Kneeling',
  sitting: 'Sitting',
  standing: 'Standing',
};

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
] as const;
export type Equipment = (typeof EQUIPMENT)[number];
export const EquipmentSchema = z.enum(EQUIPMENT);
export const EQUIPMENT_LABELS: Record<Equipment, string> = {
  none: 'No equipment',
  mat: 'Mat',
  'pressure-biofeedback': 'Pressure biofeedback unit',
  towel: 'Towel',
  pillow: 'Pillow',
  'foam-roller': 'Foam roller',
  'exercise-ball': 'Exercise ball',
  'resistance-band': 'Resistance band',
  dumbbell: 'Dumbbell',
  kettlebell: 'Kettlebell',
  barbell: 'Barbell',
  'trap-bar': 'Trap bar',
  'cable-machine': 'Cable machine',
  'weight-machine': 'Weight machine',
  bench: 'Bench',
  step: 'Step',
  chair: 'Chair',
  wall: 'Wall',
  table: 'Table or counter',
  dowel: 'Dowel or stick',
  'box-or-bag': 'Box, bag or basket',
  sled: 'Sled',
  treadmill: 'Treadmill',
  'exercise-bike': 'Exercise bike',
};

/** Pain generators the clinician identifies; post-surgical ones carry time-bound restrictions. */
export const GENERATORS = ['disc', 'instability', 'nerve', 'post-decompression', 'post-fusion', 'post-acdf', 'scs'] as const;
export type Generator = (typeof GENERATORS)[number];
export const GeneratorSchema = z.enum(GENERATORS);
export const GENERATOR_LABELS: Record<Generator, string> = {
  disc: 'Disc loading',
  instability: 'Instability / weakness',
  nerve: 'Nerve irritation',
  'post-decompression': 'After decompression',
  'post-fusion': 'After lumbar fusion',
  'post-acdf': 'After ACDF',
  scs: 'Spinal cord stimulator',
};

/** Ordered from most to least suitable: filters accept "this rating or better". */
export const RATINGS = ['suits', 'modify', 'caution', 'avoid-early'] as const;
export type Rating = (typeof RATINGS)[number];
export const RatingSchema = z.enum(RATINGS);
export const RATING_LABELS: Record<Rating, string> = {
  suits: 'Suits',
  modify: 'Modify',
  caution: 'Caution',
  'avoid-early': 'Avoid early',
};

export const SIDES = ['both', 'each-side', 'alternating'] as const;
export type Side = (typeof SIDES)[number];
export const SideSchema = z.enum(SIDES);
export const SIDE_LABELS: Record<Side, string> = {
  both: 'Both sides together',
  'each-side': 'Each side',
  alternating: 'Alternating sides',
};

export const ORIGINS = ['builtin', 'clinic', 'imported'] as const;
export type Origin = (typeof ORIGINS)[number];
export const ORIGIN_LABELS: Record<Origin, string> = {
  builtin: 'Built-in',
  clinic: 'Clinic',
  imported: 'Imported',
};

/** Locales patient-facing text can be written in. Spanish rows arrive later as additions. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = z.enum(LOCALES);
