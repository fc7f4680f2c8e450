// axe-core over each library screen in Chromium: no serious or critical violations.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { LibraryPage, writePhoto } from './library-page';

test('library with filters, results and an exercise in detail', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.filters().getByRole('checkbox', { name: 'Disc loading' }).check();
  await lib.settled('"generators":["disc"]');
  await lib.open((await lib.resultNames())[0]);
  expect(await seriousViolations(page)).toEqual([]);
});

test('search with a correction and an empty result', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('mutlifidus');
  expect(await seriousViolations(page)).toEqual([]);
  await lib.searchFor('zzqxv');
  expect(await seriousViolations(page)).toEqual([]);
});

test('new-exercise form, including its error summary', async ({ page, app }) => {
  await app.open();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form');
  await expect(form).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Create exercise' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a clinic exercise with photos: in detail, in the editor, and archived', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  const copy = await lib.duplicateFirst('bird dog');
  await lib.addPhoto(await writePhoto(app.dataDir, 'photo.jpg', 'jpeg'));
  await expect(lib.photos().getByRole('img', { name: `${copy}, photo 1` })).toHaveJSProperty('complete', true);
  await expect(lib.photos().getByRole('button', { name: 'Add photo' })).toBeVisible();
  expect(await seriousViolations(page), 'detail view').toEqual([]);

  await page.getByRole('article').getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form');
  await expect(form.getByRole('region', { name: 'Photos' }).getByRole('img', { name: `${copy}, photo 1` })).toBeVisible();
  expect(await seriousViolations(page), 'editor').toEqual([]);
  await form.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('article').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('article').getByText('Archived', { exact: true })).toBeVisible();
  await expect(lib.photos().getByRole('img', { name: `${copy}, photo 1` })).toBeVisible();
  expect(await seriousViolations(page), 'archived').toEqual([]);
});
