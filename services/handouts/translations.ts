// Spanish patient text for built-in exercises (resources/translations/es/exercises.json), checked
// against ExerciseTextSchema. A missing file means no exercise has Spanish yet; a damaged one is
// logged and treated the same, so handouts still print (each such exercise in English, with a note).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ExerciseTextSchema } from '../../common/domain/exercise';
import type { ExerciseTranslation } from '../../common/handout/model';

export const TranslationFileSchema = z
  .object({
    locale: z.literal('es'),
    translationsVersion: z.number().int().min(1),
    exercises: z.record(
      z.string().regex(/^[LCT][1-4]-\d{2}$/),
      z.object({ sourceContentVersion: z.number().int().min(1), text: ExerciseTextSchema }).strict(),
    ),
  })
  .strict();

export const translationFile = (resourcesDir: string): string => path.join(resourcesDir, 'translations', 'es', 'exercises.json');

const cache = new Map<string, { mtimeMs: number; value: Record<string, ExerciseTranslation> }>();

export function loadSpanishTranslations(resourcesDir: string, warn: (message: string) => void): Record<string, ExerciseTranslation> {
  const file = translationFile(resourcesDir);
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return {};
  }
  const held = cache.get(file);
  if (held && held.mtimeMs === mtimeMs) return held.value;
  let value: Record<string, ExerciseTranslation> = {};
  try {
    const parsed = TranslationFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) value = parsed.data.exercises;
    else warn(`${file} does not match the translation format; Spanish handouts print exercises in English`);
  } catch {
    warn(`${file} could not be read; Spanish handouts print exercises in English`);
  }
  cache.set(file, { mtimeMs, value });
  return value;
}
