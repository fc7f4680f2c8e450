// Handouts through dispatch on a real SQLite file, laid out by the built worker thread
// (out/workers/handout-worker.cjs, the esbuild bundle the app runs): an issued version renders to a
// sound, tagged PDF; the service's event loop keeps turning meanwhile; recording it as given
// stores its options, pages and SHA-256 on the version; an emergency red flag stops printing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handoutFile } from '../../../../services/handouts/use-cases';
import { call, failure } from '../../../support/call';
import { bootTestServices, tinySeedDir } from '../../../support/fixtures';
import { samplePatient, screenedNoFlags } from '../../../support/patients';
import { issuedProgram } from '../../../support/handouts';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck } from '../../../support/pdf-tools';

const NOW = new Date('2026-11-29T10:00:00');

describe('handouts', () => {
  it('renders an issued version off the main thread into a sound, tagged PDF and records it as given', async () => {
    const { ctx } = await bootTestServices({ seedDir: tinySeedDir(), now: () => NOW });
    const { program } = await issuedProgram(ctx);

    // The event loop keeps turning while the worker lays out the PDF.
    let ticks = 0;
    const timer = setInterval(() => void ticks++, 5);
    const handout = await call(ctx, 'handouts.render', { programId: program.id, version: 1, options: { largePrint: true } });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);

    expect(handout.fileName).toBe('Handout José Núñez v1 2026-11-29 (large print).pdf');
    expect(handout.options).toEqual({ largePrint: true, language: 'en', paper: 'a4' });
    const kept = handoutFile(ctx, handout.id)!;
    const bytes = fs.readFileSync(kept.file);
    expect(bytes.length).toBe(handout.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(handout.sha256);
    expect(qpdfCheck(kept.file).ok).toBe(true);
    expect(pdfFonts(kept.file).every((f) => f.embedded)).toBe(true);
    const info = pdfInfo(kept.file);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe('Your exercise plan: José Núñez');
    expect(Number(info['Pages'])).toBe(handout.pageCount);
    expect(info['Page size']).toMatch(/^595/);
    const text = pdfText(kept.file).replace(/\s+/g, ' ');
    expect(text).toContain('José Núñez');
    expect(text).toContain('Clínica Río');
    expect(text).toContain('Ana García, physical therapist');

    expect(await call(ctx, 'handouts.listGiven', { programId: program.id })).toEqual([]);
    const given = await call(ctx, 'handouts.recordGiven', { id: handout.id, how: 'printed' });
    expect(given).toMatchObject({ versionNumber: 1, how: 'printed', pageCount: handout.pageCount, sha256: handout.sha256 });
    expect(await call(ctx, 'handouts.listGiven', { programId: program.id })).toEqual([given]);
    const row = ctx.db.prepare('SELECT version_number, page_count, sha256, options FROM handouts_given').get() as Record<string, unknown>;
    expect(row).toEqual({
      version_number: 1,
      page_count: handout.pageCount,
      sha256: handout.sha256,
      options: JSON.stringify(handout.options),
    });
    expect((await failure(ctx, 'handouts.recordGiven', { id: 'x'.repeat(43), how: 'saved' })).code).toBe('not_found');
  });

  it('refuses a version that was never issued, and prints nothing while an emergency red flag is open', async () => {
    const { ctx } = await bootTestServices({ seedDir: tinySeedDir(), now: () => NOW });
    const { patient, program } = await issuedProgram(ctx);
    expect((await failure(ctx, 'handouts.render', { programId: program.id, version: 2 })).code).toBe('not_found');
    const screen = screenedNoFlags();
    screen.emergency['cauda-equina'] = 'yes';
    const current = await call(ctx, 'patients.get', { id: patient.id });
    await call(ctx, 'patients.update', {
      id: patient.id,
      revision: current.revision,
      patient: samplePatient({ displayName: 'José Núñez' }, { redFlags: screen }),
    });
    const refused = await failure(ctx, 'handouts.render', { programId: program.id, version: 1 });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/emergency red flag/);
  });
});
