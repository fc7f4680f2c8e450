// The library catalogue in Chromium through browser mode: the library screen's "Print catalogue…"
// (and the same command from the command palette) opens the print preview for the current search;
// pdf.js draws the real pages; Save as PDF downloads a sound PDF holding every exercise the search
// finds by clinical name; nothing is recorded as given; axe finds nothing serious.
import { execFileSync } from 'node:child_process';
import { postCall } from '../../support/cli-process';
import { seriousViolations } from './axe';
import { darkPixels } from './pdf-canvas';
import { expect, test } from './fixtures';

const QUERY = 'bridge';

test('print the catalogue of the current search: drawn, saved, every exercise in it, nothing recorded', async ({ page, app }) => {
  const r = await postCall(app.bridge.port, app.bridge.token, 'library.search', { query: QUERY, limit: 200 });
  const found = (JSON.parse(r.body) as { value: { items: { clinicalName: string }[] } }).value.items;
  expect(found.length).toBeGreaterThan(0);

  await app.open();
  await page.getByRole('searchbox', { name: 'Search exercises' }).fill(QUERY);
  await page.getByRole('button', { name: 'Print catalogue…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print the library catalogue' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText(/Catalogue ready: \d+ pages?\./, { timeout: 30_000 });
  await expect(dialog.getByLabel('Paper')).toBeFocused();
  const pages = dialog.getByRole('img', { name: /^Page \d+ of \d+$/ });
  await expect.poll(() => darkPixels(pages.first())).toBeGreaterThan(500);
  expect(await seriousViolations(page, ['color-contrast', 'select-name', 'button-name'])).toEqual([]);

  await dialog.getByLabel('Paper').selectOption('a4');
  await expect(dialog.getByRole('status')).toHaveText(/Catalogue ready/, { timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save as PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Library catalogue ${new Date().toLocaleDateString('en-CA')}.pdf`);
  const file = await download.path();
  execFileSync('qpdf', ['--check', file]);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
  const loose = (t: string): string => t.replace(/[\s-]+/g, '');
  const text = loose(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  for (const e of found) expect(text).toContain(loose(e.clinicalName));
  expect(text).toContain(loose(`Search “${QUERY}”`));
  await expect(dialog.getByText('Catalogue saved.')).toBeVisible();
  expect(app.db().prepare('SELECT COUNT(*) AS n FROM handouts_given').get()).toEqual({ n: 0 });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The same command from the command palette.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('Print catalogue');
  await expect(palette.getByRole('option').first()).toContainText('Print catalogue of the current filter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Print the library catalogue' })).toBeVisible();
});
