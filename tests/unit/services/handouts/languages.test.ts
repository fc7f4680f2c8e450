// Spanish and bilingual handouts: the Spanish labels and boxes, each exercise's Spanish text when
// a current translation exists, its English text with a visible note when not, the document and
// column languages in the structure tree, and the same layout rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ES_HANDOUT } from '../../../../common/copy/es-handout';
import type { ExerciseText } from '../../../../common/domain/exercise';
import { dosageSentence } from '../../../../common/text/dosage-sentence';
import { buildHandoutModel, type HandoutInput } from '../../../../common/handout/model';
import { loadFonts } from '../../../../services/handouts/fonts';
import { renderHandoutPdf, type LayoutReport } from '../../../../services/handouts/layout';
import { loadSpanishTranslations } from '../../../../services/handouts/translations';
import { handoutInput, seedExercises } from '../../../support/handouts';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck } from '../../../support/pdf-tools';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-handout-es-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const L1_01_ES: ExerciseText = {
  name: 'Meter el vientre profundo',
  summary: 'Despierta el músculo más profundo del vientre.',
  startingPosition: 'Acuéstese boca arriba con las rodillas dobladas y los pies apoyados.',
  steps: [
    'Tome aire suavemente.',
    'Al soltar el aire, meta despacio la parte baja del vientre.',
    'Sostenga 10 segundos sin dejar de respirar.',
  ],
  cues: ['Piense en algo pequeño: un tercio de su fuerza.', 'La espalda y la cadera no se mueven.'],
  mistakes: ['Aguantar la respiración.'],
  precautions: ['Deténgase y avise a su fisioterapeuta o quiropráctico si el dolor baja por la pierna.'],
};

// Worded by common/copy/es-handout.ts (under review by Spanish-speaking staff): read from there.
const SPANISH_DOSE = dosageSentence(seedExercises().find((e) => e.code === 'L1-01')!.dosage, ES_HANDOUT);

const l101 = (): number => seedExercises().find((e) => e.code === 'L1-01')!.contentVersion;

async function render(input: HandoutInput, name: string): Promise<{ file: string; report: LayoutReport; text: string }> {
  const file = path.join(dir, `${name}.pdf`);
  const report = await renderHandoutPdf(buildHandoutModel(input), loadFonts(), fs.createWriteStream(file));
  expect(qpdfCheck(file).ok).toBe(true);
  expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
  expect(pdfInfo(file)['Tagged']).toBe('yes');
  return { file, report, text: pdfText(file).replace(/\s+/g, ' ') };
}

describe('Spanish and bilingual handouts', () => {
  it('words the Spanish dose with series, seconds and times a day', () => {
    expect(SPANISH_DOSE).toMatch(/^1 serie de 10, \S+ cada una 10 segundos, dos veces al día$/);
  });

  it('prints Spanish labels, boxes and exercise text, and English with a note where no translation exists', async () => {
    const input = handoutInput({
      codes: ['L1-01', 'L1-02'],
      options: { language: 'es' },
      translations: { 'L1-01': { sourceContentVersion: l101(), text: L1_01_ES } },
    });
    const { file, text } = await render(input, 'es');
    expect(pdfInfo(file)['Title']).toBe('Su plan de ejercicios: José Núñez');
    expect(fs.readFileSync(file).includes('/Lang (es-419)')).toBe(true);
    expect(text).toContain('Para: José Núñez');
    expect(text).toContain('29 de noviembre de 2026');
    expect(text).toContain('Usted está en la etapa 1 de 4');
    expect(text).toContain('1. Meter el vientre profundo');
    expect(text).toContain('Al soltar el aire, meta despacio la parte baja del vientre.');
    expect(text).toContain(SPANISH_DOSE);
    // The clinic's role noun replaces the neutral phrase in Spanish text too.
    expect(text).toContain('avise a su fisioterapeuta si el dolor');
    expect(text).toContain('Busque ayuda de emergencia ahora');
    expect(text).toContain('Cuánto dolor está bien');
    expect(text).toContain('Registro de ejercicios');
    expect(text).toMatch(/Página 1 de \d+/);
    // L1-02 has no Spanish: English text, with the note saying so.
    expect(text).toContain('Gentle belly brace');
    expect(text).toContain('Esta parte todavía no está en español y se muestra en inglés.');
    expect(buildHandoutModel(input).untranslated).toEqual(['Gentle belly brace']);
  });

  it('uses English with the note when a translation was made from an older version of the exercise', async () => {
    const input = handoutInput({
      codes: ['L1-01'],
      options: { language: 'es' },
      translations: { 'L1-01': { sourceContentVersion: l101() - 1, text: L1_01_ES } },
    });
    const model = buildHandoutModel(input);
    expect(model.exercises[0]!.words[0]!.name).toBe('Deep stomach muscle draw-in');
    expect(model.exercises[0]!.words[0]!.lang).toBe('en-US');
    expect(model.untranslated).toEqual(['Deep stomach muscle draw-in']);
  });

  it('prints both languages side by side, each column tagged with its language, exercises whole', async () => {
    const codes = seedExercises()
      .filter((e) => e.stage === 1 && e.region === 'lumbar')
      .map((e) => e.code as string)
      .slice(0, 8);
    const input = handoutInput({
      codes,
      options: { language: 'en+es' },
      translations: { 'L1-01': { sourceContentVersion: l101(), text: L1_01_ES } },
    });
    const { file, report, text } = await render(input, 'both');
    const raw = fs.readFileSync(file);
    expect(raw.includes('/Lang (en-US)')).toBe(true);
    expect(raw.includes('/Lang (es-419)')).toBe(true);
    expect(text).toContain('Your exercise plan');
    expect(text).toContain('Su plan de ejercicios');
    expect(text).toContain('1 set of 10, hold each for 10 seconds, twice a day');
    expect(text).toContain(SPANISH_DOSE);
    expect(text).toContain('Meter el vientre profundo');
    for (const b of report.blocks.filter((x) => x.kind === 'exercise')) expect(b.lastPage).toBe(b.firstPage);
  });

  it('reads the translation file, and ignores one that does not match the format', () => {
    const root = fs.mkdtempSync(path.join(dir, 'res-'));
    fs.mkdirSync(path.join(root, 'translations', 'es'), { recursive: true });
    const file = path.join(root, 'translations', 'es', 'exercises.json');
    expect(loadSpanishTranslations(root, () => undefined)).toEqual({});
    fs.writeFileSync(
      file,
      JSON.stringify({ locale: 'es', translationsVersion: 1, exercises: { 'L1-01': { sourceContentVersion: 4, text: L1_01_ES } } }),
    );
    expect(Object.keys(loadSpanishTranslations(root, () => undefined))).toEqual(['L1-01']);
    const warnings: string[] = [];
    fs.writeFileSync(file, JSON.stringify({ locale: 'es', exercises: {} }));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(loadSpanishTranslations(root, (m) => warnings.push(m))).toEqual({});
    expect(warnings[0]).toMatch(/does not match the translation format/);
  });
});
