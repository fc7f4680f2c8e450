// A shared library file opens the Share screen's import preview from anywhere, in real Chromium on
// a real data folder: dropped on the window while the library or the patients screen is shown, and
// offered to the page by `npm run web -- --import FILE` when it opens. The file is made by this
// library's own export (POST /export-bundle and its one-time download), then an exercise in it is
// changed here, so the preview has a conflict to decide; "Keep both" adds the read-only copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Exercise } from '../../../common/domain/exercise';
import { toDraft } from '../../../db/queries/exercises';
import { expect, test, waitForLibrary } from './fixtures';
import { importedCount, inPage, keepBothAndImport } from './sharing-page';

/** A clinic exercise exported as a bundle (through the same route the Share screen uses), then changed here. */
async function sharedThenChanged(page: Page): Promise<{ file: string; bytes: number[] }> {
  const found = await inPage<{ items: { id: string }[] }>(page, 'library.search', { query: 'bird dog', limit: 1 });
  const copy = await inPage<{ id: string }>(page, 'library.duplicate', { id: found.items[0].id });
  const bytes = await page.evaluate(async () => {
    const token = sessionStorage.getItem('loadwise.token');
    const started = await fetch('/export-bundle', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ exercises: 'all', includeChangedBuiltins: true, templates: 'all', licence: 'cc-by-4.0', sign: true }),
    });
    const ticket = (await started.json()) as { ok: true; value: { url: string } };
    return [...new Uint8Array(await (await fetch(ticket.value.url)).arrayBuffer())];
  });
  const ex = await inPage<Exercise>(page, 'library.get', { id: copy.id });
  await inPage(page, 'library.update', {
    id: copy.id,
    contentVersion: ex.contentVersion,
    draft: { ...toDraft(ex), clinicianNotes: 'Changed here' },
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-open-bundle-')), 'North clinic.loadwise-library');
  fs.writeFileSync(file, Buffer.from(bytes));
  return { file, bytes };
}

async function dropFile(page: Page, name: string, bytes: number[]): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([n, data]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data as number[])], n as string));
      return dt;
    },
    [name, bytes] as const,
  );
  const target = page.locator('main').first();
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a library file dropped on the library or the patients screen opens the Share import preview', async ({ page, app }) => {
  await app.open();
  const { bytes } = await sharedThenChanged(page);

  // On the library screen (where a drop otherwise means photos).
  await dropFile(page, 'North clinic.loadwise-library', bytes);
  await expect(page.getByRole('heading', { name: 'Share', level: 1 })).toBeVisible();
  const preview = page.getByRole('region', { name: /^Library from / });
  await expect(preview).toContainText('Signed by an unknown key (fingerprint');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();
  expect(importedCount(app)).toBe(0); // a preview changes nothing

  // From another screen again; this time imported.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByRole('heading', { name: 'Share', level: 1 })).toBeHidden();
  await dropFile(page, 'North clinic.loadwise-library', bytes);
  await expect(page.getByRole('heading', { name: 'Share', level: 1 })).toBeVisible();
  await keepBothAndImport(page, app);
});

test('`npm run web -- --import FILE` offers the file to the page, which opens its import preview', async ({ page, app }) => {
  await app.open();
  const { file } = await sharedThenChanged(page);
  await app.restart(['--import', file]);
  await page.goto(app.bridge.url);
  await expect(page.getByRole('heading', { name: 'Share', level: 1 })).toBeVisible();
  await keepBothAndImport(page, app);
  expect(fs.existsSync(file)).toBe(true); // the clinician's file is read, never moved

  // Offered once: a reload opens the library as usual.
  await page.reload();
  await waitForLibrary(page);
  await expect(page.getByRole('heading', { name: 'Share', level: 1 })).toBeHidden();
});
