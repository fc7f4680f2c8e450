// Printing a handout in Chromium through browser mode, on a real database: the builder's Print
// button (and Ctrl+P) opens the preview; pdf.js draws the real pages the service laid out; large
// print and Spanish make it again; Save as PDF downloads a sound PDF with the patient's accented
// name; Print opens the PDF in a tab for the browser's print; each is recorded on the version;
// axe finds nothing serious in the preview.
import { execFileSync } from 'node:child_process';
import { postCall } from '../../support/cli-process';
import { seriousViolations } from './axe';
import { darkPixels } from './pdf-canvas';
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { createPatient } from './programs-page';

async function callOk<T>(app: { bridge: { port: number; token: string } }, name: string, args: unknown): Promise<T> {
  const r = await postCall(app.bridge.port, app.bridge.token, name, args);
  const body = JSON.parse(r.body) as { ok: boolean; value: T };
  expect(body.ok, r.body).toBe(true);
  return body.value;
}

/** José Núñez with a one-exercise program, version 1 issued, open in the builder. */
async function openIssuedProgram(page: Page, app: AppUnderTest): Promise<{ id: string }> {
  const patientId = await createPatient(app, { displayName: 'José Núñez' });
  const program = await callOk<{ id: string }>(app, 'programs.create', { patientId, title: 'Back plan' });
  const found = await callOk<{ items: { id: string; code: string }[] }>(app, 'library.search', { query: 'L1-01', limit: 5 });
  const exerciseId = found.items.find((i) => i.code === 'L1-01')!.id;
  const step = await callOk<{ revision: number }>(app, 'programs.apply', {
    id: program.id,
    revision: 1,
    action: { type: 'add-item', stage: 1, itemId: '5a0f7a52-8d2c-4b1e-9f57-0c3d1e2a4b61', exerciseId },
  });
  await callOk(app, 'programs.issue', { id: program.id, revision: step.revision, clinician: 'Ana García' });

  await app.open();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('listbox', { name: 'Patients' }).getByText('José Núñez', { exact: true }).click();
  await page.getByRole('button', { name: 'Back plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Back plan' })).toBeVisible();

  return program;
}

test('preview, options, save as PDF and print a handout; each recorded on the version', async ({ page, app }) => {
  const program = await openIssuedProgram(page, app);
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Print the handout' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText(/Handout ready: \d+ pages?\./, { timeout: 20_000 });
  const pages = dialog.getByRole('img', { name: /^Page \d+ of \d+$/ });
  const count = await pages.count();
  expect(count).toBeGreaterThan(1);
  // pdf.js drew the first page: it has dark (text) pixels, not a blank canvas.
  await expect.poll(() => darkPixels(pages.first())).toBeGreaterThan(500);
  expect(await seriousViolations(page, ['color-contrast', 'label', 'button-name', 'aria-allowed-attr'])).toEqual([]);

  await dialog.getByLabel(/Large print/).check();
  await expect(dialog.getByRole('status')).toHaveText(/Handout ready/, { timeout: 20_000 });
  await dialog.getByLabel('Language').selectOption('es');
  await expect(dialog.getByRole('status')).toHaveText(/Handout ready/, { timeout: 20_000 });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save as PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Handout José Núñez v1 ${new Date().toLocaleDateString('en-CA')} (large print, Spanish).pdf`);
  const file = await download.path();
  execFileSync('qpdf', ['--check', file]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('José Núñez');
  expect(text).toContain('Su plan de ejercicios');
  await expect(dialog.getByText('Saved, and noted on the version as given.')).toBeVisible();

  const opening = page.context().waitForEvent('page');
  await dialog.getByRole('button', { name: 'Print' }).click();
  const tab = await opening;
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(/\/handouts\/[A-Za-z0-9_-]{43}\.pdf$/);
  await tab.close();
  await expect(dialog.getByText('Opened for printing, and noted on the version as given.')).toBeVisible();

  const given = app.db().prepare('SELECT how, options, page_count FROM handouts_given ORDER BY seq').all() as {
    how: string;
    options: string;
    page_count: number;
  }[];
  expect(given.map((g) => g.how)).toEqual(['saved', 'printed']);
  expect(JSON.parse(given[0]!.options)).toEqual({ largePrint: true, language: 'es', paper: 'letter' });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('the clinician summary in the preview: drawn, saved with its own name, never noted as given', async ({ page, app }) => {
  const program = await openIssuedProgram(page, app);
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Print the handout' });
  await expect(dialog.getByRole('status')).toHaveText(/Handout ready/, { timeout: 20_000 });
  await dialog.getByLabel('What to print').selectOption('summary');
  await expect(dialog.getByLabel('Language')).toBeDisabled();
  await expect(dialog.getByRole('status')).toHaveText(/ready: 1 page\./, { timeout: 20_000 });
  expect(await seriousViolations(page, ['color-contrast', 'label', 'button-name', 'aria-allowed-attr'])).toEqual([]);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save as PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Clinician summary José Núñez v1 ${new Date().toLocaleDateString('en-CA')}.pdf`);
  const file = await download.path();
  execFileSync('qpdf', ['--check', file]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Clinician summary: José Núñez');
  expect(text).toContain('Leaving stage 1 for stage 2');
  await expect(dialog.getByText('Clinician summary saved.')).toBeVisible();
  expect(await callOk(app, 'handouts.listGiven', { programId: program.id })).toEqual([]);
});
