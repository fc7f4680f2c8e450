// Handout pages as a reader sees them: pages rendered with pdftoppm and compared, pixel by pixel,
// with reference images a person reviewed (tests/unit/services/handouts/reference/). A small
// tolerance absorbs anti-aliasing differences between poppler versions; a moved block, a lost
// box or a missing line does not pass. UPDATE_HANDOUT_REFERENCES=1 writes new references (look
// at them before committing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHandoutModel, type HandoutInput } from '../../../../common/handout/model';
import { loadFonts } from '../../../../services/handouts/fonts';
import { renderHandoutPdf } from '../../../../services/handouts/layout';
import { handoutInput } from '../../../support/handouts';
import { renderPage } from '../../../support/pdf-tools';
import { repoRoot } from '../../../support/repo';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-handout-pages-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const REFERENCES = path.join(repoRoot, 'tests', 'unit', 'services', 'handouts', 'reference');
const DPI = 50;

/** Share of pixels whose grey level differs by more than 48 out of 255. */
async function difference(a: string, b: string): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((f) => sharp(f).greyscale().raw().toBuffer({ resolveWithObject: true })));
  if (x!.info.width !== y!.info.width || x!.info.height !== y!.info.height) return 1;
  let differing = 0;
  for (let i = 0; i < x!.data.length; i++) if (Math.abs(x!.data[i]! - y!.data[i]!) > 48) differing++;
  return differing / x!.data.length;
}

async function checkPage(name: string, input: HandoutInput, page: number): Promise<void> {
  const pdf = path.join(dir, `${name}.pdf`);
  await renderHandoutPdf(buildHandoutModel(input), loadFonts(), fs.createWriteStream(pdf));
  const png = renderPage(pdf, page, path.join(dir, name), DPI);
  const reference = path.join(REFERENCES, `${name}.png`);
  if (process.env.UPDATE_HANDOUT_REFERENCES === '1') fs.copyFileSync(png, reference);
  expect(fs.existsSync(reference), `${reference} is missing: run with UPDATE_HANDOUT_REFERENCES=1 and review it`).toBe(true);
  expect(await difference(png, reference)).toBeLessThan(0.0003);
}

describe('handout pages against reviewed references', () => {
  it('page 1: header, where you are, the pain rule and the stop-and-call box', async () => {
    await checkPage('letter-page-1', handoutInput({ codes: ['L1-01', 'L1-02'] }), 1);
  });

  it('large print: an exercise page at 16 pt', async () => {
    await checkPage('large-print-exercise', handoutInput({ codes: ['L1-01', 'L1-02'], options: { largePrint: true } }), 3);
  });

  it('an exercise page with its start and end figures drawn as vectors (a lying-down figure stacked)', async () => {
    await checkPage('letter-exercise-figures', handoutInput({ codes: ['L1-01', 'L1-02'] }), 2);
  });

  it('an upright exercise in large print: start and end figures side by side', async () => {
    await checkPage('large-print-standing-figures', handoutInput({ codes: ['L3-05'], stage: 3, options: { largePrint: true } }), 3);
  });

  it('sees a changed page (the comparison can fail)', async () => {
    const pdf = path.join(dir, 'changed.pdf');
    await renderHandoutPdf(
      buildHandoutModel(handoutInput({ codes: ['C1-01'], displayName: 'Someone Else' })),
      loadFonts(),
      fs.createWriteStream(pdf),
    );
    const png = renderPage(pdf, 1, path.join(dir, 'changed'), DPI);
    expect(await difference(png, path.join(REFERENCES, 'letter-page-1.png'))).toBeGreaterThan(0.0003);
  });
});
