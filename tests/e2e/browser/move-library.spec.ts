// Moving a library, in browser mode against a real data folder: "Export everything" downloads one
// file streamed by the bridge; after a change, "Import everything" with that file asks first
// (saying the library is backed up, then replaced), brings the library back to the exported state
// and lists the before-import backup; a file that is not an export is refused with a message and
// nothing changes. Keyboard only, focus back on the button, axe-clean in each new state.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type AppUnderTest } from './fixtures';
import { seriousViolations } from './axe';

/** What axe must have checked on the Backups screen (it has no form fields). */
const SCREEN_RULES = ['color-contrast', 'button-name', 'aria-allowed-attr', 'landmark-one-main'];

/** The clinic's exercises as "id name", read from the real database file. */
const clinicNames = (app: AppUnderTest): string[] =>
  (
    app
      .db()
      .prepare(
        "SELECT e.id || ' ' || t.name AS row FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq WHERE e.origin = 'clinic'",
      )
      .all() as { row: string }[]
  )
    .map((r) => r.row)
    .sort();

async function duplicateABuiltIn(page: import('@playwright/test').Page): Promise<void> {
  const ok = await page.evaluate(async () => {
    const token = sessionStorage.getItem('loadwise.token');
    const call = async (channel: string, args: unknown) =>
      (await (
        await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(args),
        })
      ).json()) as { ok: boolean; value: { items: { id: string }[] } };
    const found = await call('library.search', { query: '', limit: 1 });
    return (await call('library.duplicate', { id: found.value.items[0].id })).ok;
  });
  expect(ok).toBe(true);
}

test('exports everything, and importing the export after a change brings the library back', async ({ page, app }, info) => {
  await app.open();
  await duplicateABuiltIn(page);
  const exported = clinicNames(app);
  expect(exported).toHaveLength(1);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backups' }).click();
  const section = page.getByRole('region', { name: 'Move to another computer' });
  await expect(section).toBeVisible();
  expect(await seriousViolations(page, SCREEN_RULES), 'the Backups screen with its transfer buttons').toEqual([]);

  // Export, from the keyboard.
  const exportButton = section.getByRole('button', { name: 'Export everything…' });
  await exportButton.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Loadwise everything \d{4}-\d{2}-\d{2}\.loadwise-backup$/);
  const file = path.join(info.outputDir, download.suggestedFilename());
  await download.saveAs(file);
  expect(await download.failure()).toBeNull();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(/Your browser is saving “Loadwise everything/);
  await expect(exportButton).toBeFocused();
  // A gzip file with the manifest first.
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

  // Something changes after the export.
  await duplicateABuiltIn(page);
  expect(clinicNames(app)).toHaveLength(2);

  // A file that is not an export is refused, naming the problem, and changes nothing.
  const notAnExport = path.join(info.outputDir, 'notes.loadwise-backup');
  fs.writeFileSync(notAnExport, 'clinic notes, not a library');
  const importButton = section.getByRole('button', { name: 'Import everything…' });
  let chooser = page.waitForEvent('filechooser');
  await importButton.click();
  await (await chooser).setFiles(notAnExport);
  let dialog = page.getByRole('dialog', { name: 'Replace your library with “notes.loadwise-backup”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up and import' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'This file is not a Loadwise library export. Nothing was changed.',
  );
  expect(clinicNames(app)).toHaveLength(2);

  // The export itself: asked first, Cancel keeps everything.
  chooser = page.waitForEvent('filechooser');
  await importButton.click();
  await (await chooser).setFiles(file);
  dialog = page.getByRole('dialog', { name: /^Replace your library with “Loadwise everything/ });
  await expect(dialog).toContainText('will be replaced by what this file holds');
  await expect(dialog).toContainText('First, Loadwise backs up your library as it is now.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await seriousViolations(page, ['color-contrast', 'button-name']), 'with the import confirmation open').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(clinicNames(app)).toHaveLength(2);

  chooser = page.waitForEvent('filechooser');
  await importButton.click();
  await (await chooser).setFiles(file);
  await page.getByRole('dialog').getByRole('button', { name: 'Back up and import' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(/Imported \d+ exercises, 0 photos\./);
  await expect.poll(() => clinicNames(app)).toEqual(exported);
  await expect(importButton).toBeFocused();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Before an import');
  expect(await seriousViolations(page, SCREEN_RULES), 'after the import').toEqual([]);

  // The library screen reads the imported library.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Exercise library' }).click();
  const name = exported[0].slice(exported[0].indexOf(' ') + 1);
  await page.getByRole('searchbox').fill(name);
  await expect(page.getByRole('region', { name: 'Search results' })).toContainText(name);
});
