// The Share screen in browser mode, on a real data folder: export a signed library file (a real
// download), change an exercise it holds, open the file again: the preview names the signer as
// an unknown key and the changed exercise as changed on both sides; "Keep both" adds a read-only
// copy, read back from the database. A file that is not a bundle is refused in words. Axe-clean.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { Page } from '@playwright/test';
import type { Exercise } from '../../../common/domain/exercise';
import { toDraft } from '../../../db/queries/exercises';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { importedCount, inPage, keepBothAndImport } from './sharing-page';

test('exports a signed library file, then imports it back keeping both versions of a changed exercise', async ({ page, app }) => {
  await app.open();
  const found = await inPage<{ items: { id: string }[] }>(page, 'library.search', { query: '', limit: 1 });
  const copy = await inPage<{ id: string }>(page, 'library.duplicate', { id: found.items[0].id });

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Share' }).click();
  await expect(page.getByRole('heading', { name: 'Share', level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export library file…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.loadwise-library$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-share-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

  // Changed here after it was shared: the file's version now conflicts with ours.
  const ex = await inPage<Exercise>(page, 'library.get', { id: copy.id });
  await inPage(page, 'library.update', {
    id: copy.id,
    contentVersion: ex.contentVersion,
    draft: { ...toDraft(ex), clinicianNotes: 'Changed after sharing' },
  });

  await page.getByLabel('Choose a .loadwise-library file').setInputFiles(file);
  const preview = page.getByRole('region', { name: /^Library from / });
  await expect(preview).toContainText('Signed by an unknown key (fingerprint');
  await keepBothAndImport(page, app);

  const other = path.join(path.dirname(file), 'notes.loadwise-library');
  fs.writeFileSync(other, 'not a zip');
  await page.getByLabel('Choose a .loadwise-library file').setInputFiles(other);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    '“notes.loadwise-library” was not imported: the file is not a zip archive',
  );
  expect(importedCount(app)).toBe(1);
});
