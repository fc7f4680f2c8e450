// The clinician summary, in-process (the worker runs the same function): a sound, tagged, titled
// PDF with every font embedded; the patient, surgery with weeks since, red-flag screen, each
// safety flag with its acknowledgement note, the objective-test table with change and MCID and a
// chart per test, the exit criteria and every item's full dose; rows and items never split.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSummaryModel, type SummaryInput } from '../../../../common/handout/summary-model';
import { dosageHeadline } from '../../../../common/text/dosage';
import { effectiveDosage } from '../../../../common/program/diff';
import { loadFonts } from '../../../../services/handouts/fonts';
import type { LayoutReport } from '../../../../services/handouts/layout';
import { renderSummaryPdf } from '../../../../services/handouts/summary-layout';
import { seedExercises } from '../../../support/handouts';
import { pdfAltTexts, pdfFonts, pdfInfo, pdfText, qpdfCheck } from '../../../support/pdf-tools';
import { handoutFile } from '../../../../services/handouts/use-cases';
import { call, failure } from '../../../support/call';
import { bootTestServices, tinySeedDir } from '../../../support/fixtures';
import { issuedProgram } from '../../../support/handouts';
import { ACK_NOTE, summaryInput, twoRecordings } from '../../../support/summaries';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-summary-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function render(input: SummaryInput, name: string): Promise<{ file: string; report: LayoutReport; text: string }> {
  const file = path.join(dir, `${name}.pdf`);
  const report = await renderSummaryPdf(buildSummaryModel(input), loadFonts(), fs.createWriteStream(file));
  const check = qpdfCheck(file);
  expect(check.ok, check.output).toBe(true);
  expect(pdfFonts(file).filter((f) => !f.embedded)).toEqual([]);
  const info = pdfInfo(file);
  expect(info['Tagged']).toBe('yes');
  expect(info['Title']).toBe('Clinician summary: José Núñez');
  return { file, report, text: pdfText(file).replace(/\s+/g, ' ') };
}

const stage1 = (): string[] =>
  seedExercises()
    .filter((e) => e.stage === 1 && e.code?.startsWith('L'))
    .map((e) => e.code as string);

describe('clinician summary', () => {
  it('prints the patient, surgery, screen, flags with acknowledgements, tests, criteria and full doses', async () => {
    const input = summaryInput(['L1-01', 'L1-02', 'L1-05'], [...twoRecordings('odi', 42, 30), ...twoRecordings('nprs', 7, 4)]);
    const { file, report, text } = await render(input, 'summary');
    expect(text).toContain('José Núñez');
    expect(text).toContain('PSPS Type 2');
    expect(text).toMatch(/L4-L5 \(2026-10-04, 8 weeks ago\)/);
    expect(text).toContain('Emergency signs: all answered no.');
    expect(input.doc.acknowledgements).toHaveLength(1);
    expect(text).toContain(`Acknowledged 2026-11-21: ${ACK_NOTE}`);
    expect(text).toContain('Improved by 12 percent');
    expect(text).toContain('Leaving stage 1 for stage 2');
    expect(text).toMatch(/Not yet measured|Not met|Met/);
    for (const item of input.doc.stages[0]!.items) {
      const ex = input.exercises[item.exerciseId]!;
      expect(text).toContain(ex.text.name);
      expect(text).toContain(dosageHeadline(effectiveDosage(ex.dosage, item)));
    }
    expect(pdfAltTexts(file).filter((a) => a.startsWith('Chart of '))).toHaveLength(2);
    expect(report.pageCount).toBeLessThanOrEqual(3);
  });

  it('never splits a table row or a program item across pages, with a long program', async () => {
    const { report } = await render(summaryInput(stage1(), twoRecordings('odi', 40, 36)), 'long');
    const placed = report.blocks.filter((b) => b.kind === 'row' || b.kind === 'exercise');
    expect(placed.length).toBeGreaterThan(stage1().length);
    for (const b of placed) {
      expect(b.firstPage, b.key).toBe(b.lastPage);
      expect(b.bottom, b.key).toBeLessThanOrEqual(report.pageHeight - report.marginBottom + 0.01);
    }
    expect(report.pageCount).toBeGreaterThan(1);
  });

  it('says plainly when there are no tests or flags', async () => {
    const input = summaryInput(['L1-01']);
    const { text } = await render({ ...input, flags: { program: [], items: [] } }, 'empty');
    expect(text).toContain('No objective tests recorded yet.');
    expect(text).toContain('No safety flags on this version.');
  });

  it('renders through handouts.render in the worker with the patient’s recorded tests, and is never recorded as given', async () => {
    const { ctx } = await bootTestServices({ seedDir: tinySeedDir(), now: () => new Date('2026-11-29T10:00:00') });
    const { program, patient } = await issuedProgram(ctx);
    await call(ctx, 'assessments.record', { patientId: patient.id, measureId: 'nprs', date: '2026-11-01', value: 7 });
    await call(ctx, 'assessments.record', { patientId: patient.id, measureId: 'nprs', date: '2026-11-28', value: 3 });
    const summary = await call(ctx, 'handouts.render', { programId: program.id, version: 1, options: { document: 'summary' } });
    expect(summary.fileName).toBe('Clinician summary José Núñez v1 2026-11-29.pdf');
    const kept = handoutFile(ctx, summary.id)!;
    expect(qpdfCheck(kept.file).ok).toBe(true);
    expect(pdfInfo(kept.file)['Title']).toBe('Clinician summary: José Núñez');
    const text = pdfText(kept.file).replace(/\s+/g, ' ');
    expect(text).toContain('Improved by 4 points');
    expect(text).toMatch(/1\. [^(]+ \(L1-01\): \d × /);
    expect(summary.pageCount).toBe(1);
    const refused = await failure(ctx, 'handouts.recordGiven', { id: summary.id, how: 'saved' });
    expect(refused.code).toBe('conflict');
    expect(await call(ctx, 'handouts.listGiven', { programId: program.id })).toEqual([]);
  });
});
