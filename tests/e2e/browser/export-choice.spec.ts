// Choosing what a library file holds, in Chromium on a real data folder: checklists of the clinic's
// own exercises, the built-ins it changed and its templates, with one search; the licence and
// signing. The downloaded file holds exactly the one exercise chosen, with the licence chosen and
// no signature; with nothing chosen, Export is disabled and says why. Axe-clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Exercise } from '../../../common/domain/exercise';
import { toDraft } from '../../../db/queries/exercises';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { inPage } from './sharing-page';

test('exports only what the checklists choose, with the licence and without a signature', async ({ page, app }) => {
  await app.open();
  const found = await inPage<{ items: { id: string }[] }>(page, 'library.search', { query: 'bird dog', limit: 1 });
  const builtin = await inPage<Exercise>(page, 'library.get', { id: found.items[0].id });
  for (const name of ['Wall angel hold', 'Seated row pause']) {
    const draft = toDraft(builtin);
    await inPage(page, 'library.create', { draft: { ...draft, text: { ...draft.text, name }, progressionIds: [], regressionIds: [] } });
  }
  await inPage(page, 'library.duplicate', { id: builtin.id });

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Share' }).click();
  const own = page.getByRole('group', { name: /^Our own exercises/ });
  const changed = page.getByRole('group', { name: /^Built-in exercises we duplicated and changed/ });
  await expect(own).toContainText('(2 of 2 chosen)');
  await expect(changed).toContainText('(1 of 1 chosen)');
  expect(await seriousViolations(page)).toEqual([]);

  // Take everything out, then find one by name and choose it.
  await own.getByRole('checkbox', { name: 'All 2 shown' }).uncheck();
  await changed.getByRole('checkbox', { name: 'The one shown' }).uncheck();
  const exportButton = page.getByRole('button', { name: 'Export library file…' });
  await expect(exportButton).toBeDisabled();
  await expect(page.getByText('Choose at least one exercise or template to export.')).toBeVisible();
  await page.getByLabel('Find by name').fill('wall');
  await expect(own.getByRole('checkbox')).toHaveCount(2); // "the one shown" and Wall angel hold
  await expect(changed).toContainText('Nothing here matches the search.');
  await own.getByRole('checkbox', { name: 'Wall angel hold' }).check();
  await expect(own).toContainText('(1 of 2 chosen)');

  await page.getByLabel('Licence').selectOption({ label: 'CC0 1.0 (no conditions)' });
  await page.getByLabel('Sign with our clinic key').uncheck();
  const downloading = page.waitForEvent('download');
  await exportButton.click();
  const download = await downloading;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-choice-')), download.suggestedFilename());
  await download.saveAs(file);
  const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as { licence: string; counts: { exercises: number; templates: number } };
  expect(manifest.licence).toBe('cc0-1.0');
  expect(manifest.counts).toMatchObject({ exercises: 1, templates: 0 });
  const exercises = JSON.parse(strFromU8(entries['records/exercises.json'])) as { draft: { text: { name: string } } }[];
  expect(exercises.map((e) => e.draft.text.name)).toEqual(['Wall angel hold']);
  expect(Object.keys(entries)).not.toContain('signature.json');
});
