// The handout's layout, in-process (the worker runs the same function): every built-in exercise,
// stage by stage, in normal and large print, lands whole on one page between the margins; large
// print holds at most two a page at 16 pt or more; the PDF is sound, tagged, titled, with every
// font embedded; the text a patient reads (name with accents, each dosage line) is really there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EN_HANDOUT } from '../../../../common/copy/en-handout';
import { buildHandoutModel, type HandoutInput } from '../../../../common/handout/model';
import { effectiveDosage } from '../../../../common/program/diff';
import { dosageSentence } from '../../../../common/text/dosage-sentence';
import { loadFonts } from '../../../../services/handouts/fonts';
import { renderHandoutPdf, type LayoutReport } from '../../../../services/handouts/layout';
import { handoutInput, seedExercises } from '../../../support/handouts';
import { sampleSurgery } from '../../../support/patients';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck } from '../../../support/pdf-tools';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-handout-layout-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function render(input: HandoutInput, name: string): Promise<{ file: string; report: LayoutReport }> {
  const file = path.join(dir, `${name}.pdf`);
  const report = await renderHandoutPdf(buildHandoutModel(input), loadFonts(), fs.createWriteStream(file));
  return { file, report };
}

function expectSoundPdf(file: string, title: string): void {
  const check = qpdfCheck(file);
  expect(check.ok, check.output).toBe(true);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  const info = pdfInfo(file);
  expect(info['Tagged']).toBe('yes');
  expect(info['Title']).toBe(title);
}

const codesOfStage = (stage: 1 | 2 | 3 | 4): string[] =>
  seedExercises()
    .filter((e) => e.stage === stage)
    .map((e) => e.code as string);

describe('handout layout', () => {
  for (const largePrint of [false, true]) {
    for (const stage of [1, 2, 3, 4] as const) {
      it(`keeps every stage ${stage} built-in exercise whole on one page (${largePrint ? 'large' : 'normal'} print)`, async () => {
        const codes = codesOfStage(stage);
        const input = handoutInput({ codes, stage, options: { largePrint }, patientNote: 'Do these before work, not after.' });
        const { file, report } = await render(input, `stage${stage}-${largePrint ? 'large' : 'normal'}`);
        const exercises = report.blocks.filter((b) => b.kind === 'exercise');
        expect(exercises).toHaveLength(codes.length);
        // The log is a table that continues on the next page, with its header row again. In large
        // print, an exercise longer than a whole page at 16 pt starts a page and ends on the next,
        // under its name and "(continued)"; nothing that fits a page is ever split.
        const room = report.pageHeight - report.marginBottom - report.marginTop;
        for (const b of report.blocks.filter((x) => x.kind !== 'log')) {
          expect(b.top).toBeGreaterThanOrEqual(report.marginTop);
          expect(b.bottom).toBeLessThanOrEqual(report.pageHeight - report.marginBottom + 0.01);
          if (b.lastPage === b.firstPage) continue;
          expect(largePrint, `${b.kind} ${b.key} split in normal print`).toBe(true);
          expect(b.height, `${b.kind} ${b.key} fits a page but was split`).toBeGreaterThan(room);
          expect(b.top).toBe(report.marginTop);
          expect(b.lastPage).toBe(b.firstPage + 1);
          expect(pdfText(file, b.lastPage)).toContain('(continued)');
        }
        const split = exercises.filter((b) => b.lastPage > b.firstPage).length;
        expect(split).toBeLessThanOrEqual(largePrint ? Math.ceil(codes.length / 3) : 0);
        if (largePrint) {
          const perPage = new Map<number, number>();
          for (const b of exercises) perPage.set(b.firstPage, (perPage.get(b.firstPage) ?? 0) + 1);
          expect(Math.max(...perPage.values())).toBeLessThanOrEqual(2);
        }
        expectSoundPdf(file, 'Your exercise plan: José Núñez');
        expect(pdfInfo(file)['Pages']).toBe(String(report.pageCount));
        // Each exercise's name and its dosage line are on the page the layout says.
        const model = buildHandoutModel(input);
        for (const [i, e] of model.exercises.entries()) {
          const b = exercises[i] as { firstPage: number; lastPage: number };
          const page = [b.firstPage, b.lastPage]
            .map((n) => pdfText(file, n))
            .join(' ')
            .replace(/\s+/g, ' ');
          expect(page).toContain(e.words[0]!.dose);
          expect(page).toContain(`${e.number}. ${e.words[0]!.name}`.slice(0, 30));
        }
      });
    }
  }

  it('prints the patient, the dosage lines in words, the boxes chosen for the patient, the log and page numbers', async () => {
    const input = handoutInput({
      codes: ['L1-01', 'L1-02', 'L1-03'],
      clinical: {
        pspsType: 2,
        regions: ['lumbar'],
        generators: [],
        surgeries: [sampleSurgery({ date: '2026-09-01' })],
      },
    });
    const { file, report } = await render(input, 'surgical');
    expectSoundPdf(file, 'Your exercise plan: José Núñez');
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('For: José Núñez');
    expect(text).toContain('Riverside Spine & Rehab');
    expect(text).toContain('Plan version 2');
    expect(text).toContain('November 29, 2026');
    expect(text).toContain('You are in stage 1 of 4');
    for (const ex of Object.values(input.exercises))
      expect(text).toContain(dosageSentence(effectiveDosage(ex.dosage, { dosage: {} }), EN_HANDOUT));
    expect(text).toContain('1 set of 10, hold each for 10 seconds, twice a day');
    expect(text).toContain('Get emergency help now if you have new numbness between your legs');
    expect(text).toContain('Call your surgeon the same day');
    expect(text).toContain('After your surgery');
    expect(text).not.toContain('Call 911 if the front of your neck swells');
    expect(text).toContain('Exercise log');
    expect(text).toContain(`Page 1 of ${report.pageCount}`);
    expect(text).toContain(`Page ${report.pageCount} of ${report.pageCount}`);
    expect(text).toContain('your physical therapist');
    expect(text).not.toContain('physical therapist or chiropractor');
  });

  it('lays out A4 as A4 and Letter as Letter', async () => {
    const a4 = await render(handoutInput({ codes: ['C1-01'], options: { paper: 'a4' } }), 'a4');
    expect(pdfInfo(a4.file)['Page size']).toMatch(/595\.\d* x 841\.\d*/);
    const letter = await render(handoutInput({ codes: ['C1-01'] }), 'letter');
    expect(pdfInfo(letter.file)['Page size']).toMatch(/612 x 792/);
    // A neck patient reads the neck warning, not the lumbar one.
    const neck = await render(handoutInput({ codes: ['C1-01'], clinical: { regions: ['cervical'], generators: ['disc'] } }), 'neck');
    const text = pdfText(neck.file).replace(/\s+/g, ' ');
    expect(text).toContain('dizziness with double vision');
    expect(text).not.toContain('numbness between your legs');
  });

  it('prints a placeholder when a photo is missing or damaged, and the photo when it is readable', async () => {
    const ex = seedExercises().find((e) => e.code === 'L1-01')!;
    const broken = path.join(dir, 'broken.jpg');
    fs.writeFileSync(broken, 'not a jpeg');
    const png = path.join(dir, 'photo.png');
    // A 40 x 30 PNG, red.
    fs.writeFileSync(
      png,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAO0lEQVRIie3VwQkAMAwDse50+2/goTpG+xDkHwiOdVZP5licU0+48k4pkKnMIBEWw2JYHBbDYljcVyxeriCarMUVqpQAAAAASUVORK5CYII=',
        'base64',
      ),
    );
    const withBroken = await render(
      handoutInput({ codes: ['L1-01'], photos: { [ex.id]: [broken, path.join(dir, 'gone.jpg')] } }),
      'broken',
    );
    expectSoundPdf(withBroken.file, 'Your exercise plan: José Núñez');
    const withPhoto = await render(handoutInput({ codes: ['L1-01'], photos: { [ex.id]: [png] } }), 'photo');
    expectSoundPdf(withPhoto.file, 'Your exercise plan: José Núñez');
    expect(fs.readFileSync(withPhoto.file).includes('/Subtype /Image')).toBe(true);
    expect(fs.readFileSync(withBroken.file).includes('/Subtype /Image')).toBe(false);
  });
});
