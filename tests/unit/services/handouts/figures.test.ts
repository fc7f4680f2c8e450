// Exercise pictures in the handout: the clinician's photo wins, else the exercise's start and end
// figures drawn as vectors (no bitmaps) with alt text from the pose data in the tagged PDF, larger in
// large print, a clinic's own figure from the pose editor, else the placeholder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Exercise } from '../../../../common/domain/exercise';
import { customFromBuiltin } from '../../../../common/figures/custom';
import { buildHandoutModel, type HandoutInput } from '../../../../common/handout/model';
import { loadFonts } from '../../../../services/handouts/fonts';
import { renderHandoutPdf, type LayoutReport } from '../../../../services/handouts/layout';
import { handoutInput, seedExercises } from '../../../support/handouts';
import { pdfAltTexts, pdfFonts, pdfImageCount, pdfInfo, pdfText, qpdfCheck } from '../../../support/pdf-tools';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-handout-figures-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function render(input: HandoutInput, name: string): Promise<{ file: string; report: LayoutReport }> {
  const file = path.join(dir, `${name}.pdf`);
  const report = await renderHandoutPdf(buildHandoutModel(input), loadFonts(), fs.createWriteStream(file));
  const check = qpdfCheck(file);
  expect(check.ok, check.output).toBe(true);
  expect(pdfFonts(file).filter((f) => !f.embedded)).toEqual([]);
  expect(pdfInfo(file)['Tagged']).toBe('yes');
  return { file, report };
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAO0lEQVRIie3VwQkAMAwDse50+2/goTpG+xDkHwiOdVZP5licU0+48k4pkKnMIBEWw2JYHBbDYljcVyxeriCarMUVqpQAAAAASUVORK5CYII=',
  'base64',
);

describe('exercise figures in the handout', () => {
  it('draws each exercise’s start and end figure as vectors, with alt text describing the position', async () => {
    const { file, report } = await render(handoutInput({ codes: ['L1-01', 'L1-02'] }), 'figures');
    expect(pdfImageCount(file)).toBe(0);
    expect(report.pictures.map((p) => p.kind)).toEqual(['figure', 'figure', 'figure', 'figure']);
    const alts = pdfAltTexts(file);
    expect(alts).toContain(
      'Starting position. Deep stomach muscle draw-in: lying on your back, knees bent, with a pressure cuff, gently drawing your lower belly in',
    );
    expect(alts.filter((a) => a.startsWith('End of the movement. Gentle belly brace:'))).toHaveLength(1);
    const text = pdfText(file);
    expect(text).toContain('Start');
    expect(text).toContain('End');
  });

  it('draws the figures larger in large print', async () => {
    const normal = await render(handoutInput({ codes: ['L3-05', 'L1-01'], stage: 3 }), 'normal');
    const large = await render(handoutInput({ codes: ['L3-05', 'L1-01'], stage: 3, options: { largePrint: true } }), 'large');
    const heights = (r: LayoutReport) => r.pictures.filter((p) => p.kind === 'figure').map((p) => p.height);
    expect(heights(normal.report)).toHaveLength(4);
    heights(large.report).forEach((h, i) => expect(h).toBeGreaterThan(heights(normal.report)[i]! * 1.1));
  });

  it('prints the clinician’s photo instead of the figure, and the figure when no photo can be read', async () => {
    const ex = seedExercises().find((e) => e.code === 'L1-01')!;
    const png = path.join(dir, 'photo.png');
    fs.writeFileSync(png, PNG);
    const photo = await render(handoutInput({ codes: ['L1-01'], photos: { [ex.id]: [png] } }), 'photo');
    expect(photo.report.pictures.map((p) => p.kind)).toEqual(['photo']);
    expect(pdfImageCount(photo.file)).toBe(1);
    expect(pdfAltTexts(photo.file)).toContain('Photo: Deep stomach muscle draw-in');

    const broken = path.join(dir, 'broken.jpg');
    fs.writeFileSync(broken, 'not a jpeg');
    const fallback = await render(handoutInput({ codes: ['L1-01'], photos: { [ex.id]: [broken] } }), 'broken');
    expect(fallback.report.pictures.map((p) => p.kind)).toEqual(['figure', 'figure']);
    expect(pdfImageCount(fallback.file)).toBe(0);
  });

  it('draws a clinic’s own figure from the pose editor, and the placeholder for an exercise with no figure', async () => {
    const base = seedExercises().find((e) => e.code === 'L1-02')!;
    const own = (id: string, name: string): Exercise =>
      ({ ...base, id, code: null, origin: 'clinic', text: { ...base.text, name } }) as unknown as Exercise;
    const withFigure = own('own-1', 'Łukasz’s wall lean');
    const without = own('own-2', 'Clinic stretch');
    const figure = customFromBuiltin('L1-02');
    const input = handoutInput({
      codes: [],
      exercises: [withFigure, without],
      figures: { [withFigure.id]: { ...figure, end: { ...figure.end, hipFlexR: 80, hipFlexL: 80 } } },
    });
    const { file, report } = await render(input, 'own');
    expect(report.pictures.map((p) => p.kind)).toEqual(['figure', 'figure', 'placeholder']);
    const alts = pdfAltTexts(file);
    expect(alts.some((a) => a.startsWith('Starting position. Łukasz’s wall lean:'))).toBe(true);
    expect(alts).toContain('No picture yet for Clinic stretch; ask us to show you.');
  });

  it('names the figures in Spanish in a Spanish handout', async () => {
    const { file } = await render(handoutInput({ codes: ['L1-01'], options: { language: 'es' } }), 'es');
    expect(pdfText(file)).toContain('Inicio');
    expect(pdfAltTexts(file).some((a) => a.startsWith('Dibujo de la posición inicial:'))).toBe(true);
  });
});
