// The Spanish patient text for the built-in library (resources/translations/es/exercises.json):
// valid, complete, in step with the English it was translated from, and written the same way
// throughout (usted form, the one pain-response sentence, no English left behind).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ExerciseTextSchema, type ExerciseText } from '../../../../common/domain/exercise';
import { listIssues } from '../../../../common/contract/issues';
import { loadSeedLibrary } from '../../../../services/seed/load-seed';
import { repoRoot } from '../../../support/repo';

const seedDir = path.join(repoRoot, 'resources/seed');
const translationsFile = path.join(repoRoot, 'resources/translations/es/exercises.json');

const TranslationFileSchema = z
  .object({
    locale: z.literal('es'),
    translationsVersion: z.number().int().min(1),
    exercises: z.record(
      z.string().regex(/^[LCT][1-4]-\d{2}$/, 'A built-in code looks like L1-01'),
      z.object({ sourceContentVersion: z.number().int().min(1), text: ExerciseTextSchema }).strict(),
    ),
  })
  .strict();

/** The English pain-response sentence (audit D44), as tests/unit/resources/seed/seed-files.test.ts holds it. */
const PAIN_RESPONSE_EN =
  'Some extra soreness is okay if it settles by the next morning and is no worse than 2 points out of 10 above your usual.';
/** Its one Spanish wording; see resources/translations/es/GLOSSARY.md. */
const PAIN_RESPONSE_ES =
  'Un poco más de molestia está bien si se calma para la mañana siguiente y no supera su nivel habitual en más de 2 puntos de 10.';

/** Common English words that should never survive a translation (matched case-insensitively). */
const ENGLISH_WORDS = [' the ', ' and ', 'your', ' you ', ' with ', ' until ', ' hold ', ' keep ', ' stop ', ' then ', ' slowly', ' back '];

/**
 * Tú forms where the text speaks to the patient as usted. Anywhere in a line: the tú pronouns and
 * imperatives that usted text never contains ("acuéstate", "mantén"); "respira" and "levanta" are
 * also usted statements ("mientras respira"), but the glossary words those "sin dejar de respirar"
 * and "al levantar", so they count anywhere too. At the start of a sentence: tú imperatives that are
 * usted statements elsewhere ("mientras camina", "la parte baja"). Names and summaries describe the
 * exercise ("Dobla suavemente la espalda..." is the exercise bending it), so only the lines that
 * instruct are held to that second rule.
 */
const TU_ANYWHERE =
  /(?:^|[^\p{L}])(tu|tus|te|ti|contigo|acuéstate|siéntate|párate|ponte|levántate|apóyate|relájate|colócate|detente|inclínate|deslízate|agárrate|sujétate|mantén|sostén|haz|respira|levanta)(?=$|[^\p{L}])/iu;
const TU_SENTENCE_START =
  /(?:^|[.:;!?¿¡]\s+)(dobla|estira|empuja|aprieta|gira|camina|repite|descansa|mira|baja|sube|lleva|vuelve|sujeta|usa|elige|piensa|siente|agrega|anota|deja|avisa|llama|pon|coloca|apoya|relaja|mete|suelta|toma|busca)(?=$|[^\p{L}])/iu;

function readTranslations(): z.infer<typeof TranslationFileSchema> {
  const parsed = TranslationFileSchema.safeParse(JSON.parse(fs.readFileSync(translationsFile, 'utf8')));
  if (!parsed.success) throw new Error(listIssues('es/exercises.json', parsed.error).join('\n'));
  return parsed.data;
}

const FIELDS = ['name', 'summary', 'startingPosition', 'steps', 'cues', 'mistakes', 'precautions'] as const;

/** Each patient line with where it sits ("steps[2]"), so the English and Spanish lines pair up. */
function lines(text: ExerciseText): [string, string][] {
  return FIELDS.flatMap((f) => {
    const v = text[f];
    return Array.isArray(v) ? v.map((line, i): [string, string] => [`${f}[${i}]`, line]) : [[f, v]];
  });
}

describe('Spanish patient text for the built-in library', () => {
  const library = loadSeedLibrary(seedDir);
  const english = new Map(library.exercises.map((e) => [e.code, e]));
  const spanish = readTranslations();
  const entries = Object.entries(spanish.exercises);

  it('is a valid translations file for locale es', () => {
    expect(spanish.locale).toBe('es');
    expect(entries.length).toBeGreaterThan(100);
  });

  it('translates every built-in exercise, and nothing that is not one', () => {
    const missing = [...english.keys()].filter((code) => !(code in spanish.exercises));
    const unknown = entries.map(([code]) => code).filter((code) => !english.has(code));
    expect(missing, 'built-in codes without Spanish text').toEqual([]);
    expect(unknown, 'Spanish text for codes the library does not have').toEqual([]);
  });

  it('was translated from the current English: sourceContentVersion equals the exercise contentVersion', () => {
    const stale = entries
      .filter(([code, t]) => english.has(code) && english.get(code)!.contentVersion !== t.sourceContentVersion)
      .map(
        ([code, t]) =>
          `${code}: translated from English version ${t.sourceContentVersion}, the English is now version ${english.get(code)!.contentVersion}; translate it again`,
      );
    expect(stale).toEqual([]);
  });

  it('has as many steps, cues, mistakes and precautions as the English', () => {
    const mismatched: string[] = [];
    for (const [code, t] of entries) {
      const en = english.get(code);
      if (!en) continue;
      for (const f of ['steps', 'cues', 'mistakes', 'precautions'] as const) {
        if (t.text[f].length !== en.text[f].length)
          mismatched.push(`${code} ${f}: ${t.text[f].length} in Spanish, ${en.text[f].length} in English`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('leaves no common English words in the Spanish', () => {
    const found = entries.flatMap(([code, t]) =>
      lines(t.text).flatMap(([where, line]) =>
        ENGLISH_WORDS.filter((w) => ` ${line.toLowerCase()} `.includes(w)).map((w) => `${code} ${where}: "${w.trim()}" in "${line}"`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('uses the one Spanish pain-response sentence wherever the English uses the standard one (audit D44)', () => {
    const missing: string[] = [];
    const variants: string[] = [];
    let standard = 0;
    for (const [code, t] of entries) {
      const en = english.get(code);
      if (!en) continue;
      const enLines = new Map(lines(en.text));
      for (const [where, line] of lines(t.text)) {
        const enLine = enLines.get(where) ?? '';
        if (enLine.includes(PAIN_RESPONSE_EN)) {
          standard += 1;
          if (!line.includes(PAIN_RESPONSE_ES)) missing.push(`${code} ${where}: "${line}"`);
        } else if (/puntos de 10|molestia.*\b10\b/i.test(line) && !line.includes(PAIN_RESPONSE_ES)) {
          variants.push(`${code} ${where}: "${line}"`);
        }
      }
    }
    expect(missing, 'lines whose English states the rule but whose Spanish does not use the standard sentence').toEqual([]);
    expect(variants, 'the rule restated in other words').toEqual([]);
    expect(standard).toBeGreaterThan(0);
  });

  it('speaks to the patient as usted throughout, never in tú forms', () => {
    const found = entries.flatMap(([code, t]) =>
      lines(t.text)
        .map(([where, line]) => {
          const instructs = where !== 'name' && where !== 'summary';
          return [where, line, line.match(TU_ANYWHERE)?.[1] ?? (instructs ? line.match(TU_SENTENCE_START)?.[1] : undefined)] as const;
        })
        .filter(([, , word]) => word)
        .map(([where, line, word]) => `${code} ${where}: "${word}" in "${line}"`),
    );
    expect(found).toEqual([]);
  });

  it('names the practitioner as "su fisioterapeuta o quiropráctico" wherever the English says "your physical therapist or chiropractor"', () => {
    const missing: string[] = [];
    for (const [code, t] of entries) {
      const en = english.get(code);
      if (!en) continue;
      const enLines = new Map(lines(en.text));
      for (const [where, line] of lines(t.text)) {
        if (/physical therapist or chiropractor/i.test(enLines.get(where) ?? '') && !/\bsu fisioterapeuta o quiropráctico\b/i.test(line))
          missing.push(`${code} ${where}: "${line}"`);
      }
    }
    expect(missing).toEqual([]);
  });
});
