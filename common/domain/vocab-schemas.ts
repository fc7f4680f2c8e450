// zod schemas for the closed vocabularies (values in vocabulary.ts), used wherever input is checked.
import { z } from 'zod';
import {
  BAND_LEVELS,
  EVIDENCE_LEVELS,
  INTENSITY_KINDS,
  REGIONS,
  POSITIONS,
  EQUIPMENT,
  GENERATORS,
  JUDGED_RATINGS,
  LOCK_TYPES,
  RATINGS,
  SIDES,
  LOCALES,
} from './vocabulary';

export const StageSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'Stage must be 1, 2, 3 or 4',
});
export const RegionSchema = z.enum(REGIONS);
export const PositionSchema = z.enum(POSITIONS);
export const EquipmentSchema = z.enum(EQUIPMENT);
export const GeneratorSchema = z.enum(GENERATORS);
export const RatingSchema = z.enum(RATINGS);
export const JudgedRatingSchema = z.enum(JUDGED_RATINGS);
export const LockTypeSchema = z.enum(LOCK_TYPES);
export const SideSchema = z.enum(SIDES);
export const LocaleSchema = z.enum(LOCALES);
export const EvidenceLevelSchema = z.enum(EVIDENCE_LEVELS, { error: 'Evidence level must be P, G, Pr, Sec or C' });
export const IntensityKindSchema = z.enum(INTENSITY_KINDS, { error: 'Intensity is RM, RIR, RPE, % body weight or band' });
export const BandLevelSchema = z.enum(BAND_LEVELS, { error: 'Band level is extra-light, light, medium, heavy or extra-heavy' });
