// The library catalogue: in-process (the worker runs the same function) a sound, tagged, titled
// PDF with every font embedded, every exercise of the filter by clinical name with its dose line
// and ratings, a figure per built-in, and no entry split across pages; through the worker with the
// library screen's search arguments (the same exercises the search finds), never recorded as given.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../common/contract/settings';
import { buildCatalogueModel, filterWords, type CatalogueInput } from '../../../../common/handout/catalogue-model';
import { SearchFiltersSchema, type SearchFiltersInput } from '../../../../common/domain/search';
import { dosageHeadline } from '../../../../common/text/dosage';
import { renderCataloguePdf } from '../../../../services/handouts/catalogue-layout';
import { loadFonts } from '../../../../services/handouts/fonts';
import type { LayoutReport } from '../../../../services/handouts/layout';
import { handoutFile } from '../../../../services/handouts/use-cases';
import { call, failure } from '../../../support/call';
import { bootTestServices } from '../../../support/fixtures';
import { repoRoot } from '../../../support/repo';
import { seedExercises } from '../../../support/handouts';
import { pdfAltTexts, pdfFonts, pdfInfo, pdfText, qpdfCheck } from '../../../support/pdf-tools';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-catalogue-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const flat = (t: string): string => t.replace(/\s+/g, ' ');
/** Without spaces and hyphens: pdftotext joins a word hyphenated at a line's end. */
const loose = (t: string): string => t.replace(/[\s-]+/g, '');

function catalogueInput(filters: SearchFiltersInput, paper: 'letter' | 'a4' | null = null): CatalogueInput {
  const f = SearchFiltersSchema.parse(filters);
  const exercises = seedExercises().filter(
    (e) => (f.stages.length === 0 || f.stages.includes(e.stage)) && (f.regions.length === 0 || f.regions.includes(e.region)),
  );
  return {
    exercises,
    query: '',
    filters: f,
    photos: {},
    settings: { ...DEFAULT_SETTINGS, clinicName: 'Riverside Spine Clinic', paperSize: 'letter' },
    paper,
    today: '2026-11-29',
  };
}

async function render(input: CatalogueInput, name: string): Promise<{ file: string; report: LayoutReport; text: string }> {
  const file = path.join(dir, `${name}.pdf`);
  const report = await renderCataloguePdf(buildCatalogueModel(input), loadFonts(), fs.createWriteStream(file));
  const check = qpdfCheck(file);
  expect(check.ok, check.output).toBe(true);
  expect(pdfFonts(file).filter((f) => !f.embedded)).toEqual([]);
  const info = pdfInfo(file);
  expect(info['Tagged']).toBe('yes');
  expect(info['Title']).toBe('Exercise library catalogue');
  return { file, report, text: flat(pdfText(file)) };
}

function expectWhole(report: LayoutReport, count: number): void {
  const entries = report.blocks.filter((b) => b.kind === 'exercise');
  expect(entries).toHaveLength(count);
  for (const b of entries) {
    expect(b.firstPage, b.key).toBe(b.lastPage);
    expect(b.top, b.key).toBeGreaterThanOrEqual(report.marginTop - 0.01);
    expect(b.bottom, b.key).toBeLessThanOrEqual(report.pageHeight - report.marginBottom + 0.01);
  }
}

describe('library catalogue', () => {
  it('prints every exercise of a filter with its names, stage, dose, ratings and figure; none split', async () => {
    const input = catalogueInput({ stages: [1], regions: ['lumbar'], generators: ['disc', 'scs'] });
    expect(input.exercises.length).toBeGreaterThan(10);
    const { file, report, text } = await render(input, 'lumbar-1');
    expect(text).toContain('Riverside Spine Clinic');
    expect(text).toContain(
      `Stages 1 · Low back · Modify or better for Disc loading, Spinal cord stimulator: ${input.exercises.length} exercises`,
    );
    for (const e of input.exercises) {
      expect(loose(text), e.code!).toContain(loose(e.clinicalName));
      expect(loose(text), e.code!).toContain(loose(e.text.name));
      expect(text, e.code!).toContain(dosageHeadline(e.dosage));
    }
    // The filter's two generators only.
    expect(text).toContain('Disc loading: ');
    expect(text).toContain('Spinal cord stimulator: ');
    expect(text).not.toContain('After ACDF: ');
    expect(text).toContain('Page 1 of');
    // Start and end figures, vectors with alt text.
    const figures = report.pictures.filter((p) => p.kind === 'figure');
    expect(figures.length).toBe(2 * input.exercises.length);
    expect(pdfAltTexts(file).filter((a) => a.startsWith('Starting position'))).toHaveLength(input.exercises.length);
    expectWhole(report, input.exercises.length);
    expect(report.pageCount).toBeGreaterThan(1);
  });

  it('keeps every entry whole on A4 over the whole library, with all seven ratings when no generator is chosen', async () => {
    const input = catalogueInput({}, 'a4');
    const { report, text } = await render(input, 'all-a4');
    expectWhole(report, input.exercises.length);
    expect(report.pageHeight).toBeCloseTo(841.89, 1);
    for (const g of ['Disc loading', 'Nerve irritation', 'After lumbar fusion', 'After ACDF', 'Spinal cord stimulator'])
      expect(text).toContain(`${g}: `);
  });

  it('says so when the filter finds nothing, and names the filter in words', async () => {
    const { text, report } = await render({ ...catalogueInput({}), exercises: [] }, 'empty');
    expect(text).toContain('No exercises match this filter.');
    expect(report.pageCount).toBe(1);
    expect(filterWords('', SearchFiltersSchema.parse({}))).toBe('All exercises');
    expect(filterWords(' bridge ', SearchFiltersSchema.parse({ positions: ['supine'], includeArchived: true }))).toBe(
      'Search “bridge” · Lying on back · Archived included',
    );
  });

  it('renders through handouts.renderCatalogue in the worker with the library search’s exercises, never recorded as given', async () => {
    const { ctx } = await bootTestServices({
      seedDir: path.join(repoRoot, 'resources', 'seed'),
      now: () => new Date('2026-11-29T10:00:00'),
    });
    const args = { query: '', filters: { stages: [2 as const], regions: ['cervical' as const] }, sort: 'name' as const };
    const found = await call(ctx, 'library.search', { ...args, limit: 200 });
    expect(found.items.length).toBeGreaterThan(3);
    const catalogue = await call(ctx, 'handouts.renderCatalogue', args);
    expect(catalogue.fileName).toBe('Library catalogue 2026-11-29.pdf');
    expect(catalogue.options).toMatchObject({ document: 'catalogue', paper: 'letter' });
    const kept = handoutFile(ctx, catalogue.id)!;
    expect(qpdfCheck(kept.file).ok).toBe(true);
    expect(pdfInfo(kept.file)['Tagged']).toBe('yes');
    const text = flat(pdfText(kept.file));
    for (const item of found.items) expect(loose(text)).toContain(loose(item.clinicalName));
    // In the search's order (by clinical name here).
    const at = found.items.map((i) => loose(text).indexOf(loose(i.clinicalName)));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const refused = await failure(ctx, 'handouts.recordGiven', { id: catalogue.id, how: 'printed' });
    expect(refused.code).toBe('conflict');
  });
});
