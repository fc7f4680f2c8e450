// Shape of the built-in library files in resources/seed/exercises/*.json. Links between built-ins
// are written as codes ("L2-03") so authors can read them; the loader resolves them to ids.
import { z } from 'zod';
import { ExerciseDraftSchema } from '../../common/domain/exercise';
import { RegionSchema, StageSchema } from '../../common/domain/vocab-schemas';

export const SeedCodeSchema = z.string().regex(/^[LCT][1-4]-\d{2}$/, 'Codes look like L1-01, C3-12 or T2-01');

export const SeedExerciseSchema = ExerciseDraftSchema.omit({ progressionIds: true, regressionIds: true })
  .extend({
    code: SeedCodeSchema,
    id: z.uuid(),
    contentVersion: z.number().int().min(1),
    progressions: z.array(SeedCodeSchema).max(8),
    regressions: z.array(SeedCodeSchema).max(8),
  })
  .strict();
export type SeedExercise = z.infer<typeof SeedExerciseSchema>;

export const SeedFileSchema = z
  .object({
    region: RegionSchema,
    stage: StageSchema,
    exercises: z.array(SeedExerciseSchema).min(1).max(60),
  })
  .strict();
export type SeedFile = z.infer<typeof SeedFileSchema>;
