// The faces parsed once per thread (services/handouts/layout.ts useParsedFaces): a document laid
// out with the faces and shaped words another document left behind is the same PDF, object for
// object, as one laid out from freshly read font bytes (only the creation dates differ), for the
// handout in normal and large print, Spanish, the summary and the catalogue alike.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../common/contract/settings';
import { SearchFiltersSchema } from '../../../../common/domain/search';
import { buildCatalogueModel } from '../../../../common/handout/catalogue-model';
import { buildHandoutModel } from '../../../../common/handout/model';
import { buildSummaryModel } from '../../../../common/handout/summary-model';
import { renderCataloguePdf } from '../../../../services/handouts/catalogue-layout';
import { loadFonts, type FontSet } from '../../../../services/handouts/fonts';
import { renderHandoutPdf } from '../../../../services/handouts/layout';
import { renderSummaryPdf } from '../../../../services/handouts/summary-layout';
import { handoutInput, seedExercises } from '../../../support/handouts';
import { summaryInput, twoRecordings } from '../../../support/summaries';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-parsed-faces-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The PDF's objects uncompressed, without its creation dates and the file ID made from them (the only parts that may differ). */
function objects(file: string): string {
  const qdf = `${file}.qdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--deterministic-id', file, qdf]);
  return fs
    .readFileSync(qdf, 'latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:date)')
    .replace(/<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</g, '<xmp:$1>date<')
    .replace(/\/ID \[<[0-9a-f]+><[0-9a-f]+>\]/, '/ID [id]');
}

/** Bytes no face was parsed from yet (the WeakMap holds faces by their bytes). */
const freshFonts = (): FontSet => {
  const f = loadFonts();
  return { regular: new Uint8Array(f.regular), bold: new Uint8Array(f.bold) };
};

type Render = (fonts: FontSet, out: fs.WriteStream) => Promise<unknown>;

async function expectSameBothWays(name: string, render: Render): Promise<void> {
  const files = ['fresh', 'warm', 'again'].map((k) => path.join(dir, `${name}-${k}.pdf`));
  await render(freshFonts(), fs.createWriteStream(files[0]!));
  await render(loadFonts(), fs.createWriteStream(files[1]!));
  await render(loadFonts(), fs.createWriteStream(files[2]!));
  const [fresh, warm, again] = files.map(objects);
  expect(fresh!.length).toBeGreaterThan(10_000);
  expect(warm === fresh, `${name}: the warm document differs from the fresh one`).toBe(true);
  expect(again === fresh, `${name}: the third document differs from the fresh one`).toBe(true);
}

const lumbar1 = seedExercises()
  .filter((e) => e.stage === 1 && e.region === 'lumbar')
  .map((e) => e.code as string);

describe('faces parsed once per thread', () => {
  it('make the same handout, normal and large print, English and Spanish', async () => {
    for (const [name, options] of [
      ['normal', {}],
      ['large', { largePrint: true }],
      ['spanish', { language: 'es' as const }],
    ] as const) {
      const model = buildHandoutModel(handoutInput({ codes: lumbar1, options }));
      await expectSameBothWays(name, (fonts, out) => renderHandoutPdf(model, fonts, out));
    }
  });

  it('make the same clinician summary and catalogue', async () => {
    const summary = buildSummaryModel(summaryInput(lumbar1.slice(0, 5), twoRecordings('odi', 40, 30)));
    await expectSameBothWays('summary', (fonts, out) => renderSummaryPdf(summary, fonts, out));
    const catalogue = buildCatalogueModel({
      exercises: seedExercises().filter((e) => e.stage === 2),
      query: '',
      filters: SearchFiltersSchema.parse({}),
      photos: {},
      settings: { ...DEFAULT_SETTINGS, clinicName: 'Riverside Spine Clinic' },
      paper: null,
      today: '2026-11-29',
    });
    await expectSameBothWays('catalogue', (fonts, out) => renderCataloguePdf(catalogue, fonts, out));
  });
});
