// The result list's sort and the evidence-tag legend, in Chromium through browser mode: Name (A–Z)
// lists by clinical name and "Show more" continues that order (the database's own order, page after
// page), Stage lists stage by stage, relevance returns with words, the choice is worked from the
// keyboard and kept for the session; the legend under an exercise's sources opens and explains its tags.
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { seriousViolations } from './axe';
import { LibraryPage } from './library-page';

const sortControl = (page: Page) => page.getByRole('region', { name: 'Search results' }).getByRole('combobox', { name: 'Sort by' });

/** The clinical names listed, in order (the first line of each result). */
function listedClinicalNames(lib: LibraryPage): Promise<string[]> {
  return lib.results.locator('.result-title > span:first-child').allTextContents();
}

function databaseOrder(app: AppUnderTest, orderBy: string): string[] {
  return app.db().prepare(`SELECT clinical_name FROM exercises WHERE archived_at IS NULL ORDER BY ${orderBy}`).pluck().all() as string[];
}

test('Name (A–Z) and Stage sort in the service, and Show more continues the same order', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  const sort = sortControl(page);
  // No words yet: listed by stage; relevance needs words.
  await expect(sort).toHaveValue('stage');
  await expect(sort.getByRole('option', { name: /Relevance/ })).toBeDisabled();

  // Keyboard: focus the control and choose with the arrow keys.
  await sort.focus();
  await page.keyboard.press('ArrowDown');
  await expect(sort).toHaveValue(/name|stage/);
  await sort.selectOption('name');
  await expect(lib.resultsPane).toHaveAttribute('data-sort', 'name');
  await lib.settled();
  const byName = databaseOrder(app, 'lower(clinical_name), seq');
  const firstPage = await listedClinicalNames(lib);
  expect(firstPage).toEqual(byName.slice(0, firstPage.length));
  expect(firstPage.length).toBeLessThan(byName.length);
  await lib.resultsPane.getByRole('button', { name: 'Show more' }).click();
  await expect.poll(async () => (await listedClinicalNames(lib)).length).toBeGreaterThan(firstPage.length);
  const twoPages = await listedClinicalNames(lib);
  expect(twoPages).toEqual(byName.slice(0, twoPages.length));
  expect(new Set(twoPages).size).toBe(new Set(byName.slice(0, twoPages.length)).size);

  await sort.selectOption('stage');
  await expect(lib.resultsPane).toHaveAttribute('data-sort', 'stage');
  await lib.settled();
  const byStage = databaseOrder(app, 'stage, lower(clinical_name), seq');
  const stagePage = await listedClinicalNames(lib);
  expect(stagePage).toEqual(byStage.slice(0, stagePage.length));
  expect(await seriousViolations(page)).toEqual([]);
});

test('relevance returns with words; the choice is kept for the session', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  const sort = sortControl(page);
  await lib.searchFor('bird dog');
  await expect(sort).toHaveValue('relevance');
  await sort.selectOption('name');
  await expect(lib.resultsPane).toHaveAttribute('data-sort', 'name');
  const names = await listedClinicalNames(lib);
  expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

  await page.reload();
  await expect(lib.resultsPane).toHaveAttribute('data-sort', 'name');
  await expect(sortControl(page)).toHaveValue('name');
});

test('the evidence-tag legend opens under the sources and explains the tags shown', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('Chin tuck in sitting');
  await lib.open('Chin tuck in sitting');
  const detail = page.getByRole('region', { name: 'Exercise details' });
  const summary = detail.getByText('What the tags mean');
  await expect(summary).toBeVisible();
  const tags = detail.getByRole('definition');
  await expect(detail.getByText('Peer-reviewed study or review')).toBeHidden();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(detail.getByText('Peer-reviewed study or review')).toBeVisible();
  await expect(detail.getByText('Clinic or hospital protocol (common practice, not evidence)')).toBeVisible();
  await expect(detail.getByText(/numbered source in the clinical reference/)).toBeVisible();
  await expect(detail.getByText(/clinical convention with no specific source/)).toBeVisible();
  expect(await tags.count()).toBeGreaterThanOrEqual(4);
  expect(await seriousViolations(page)).toEqual([]);
});
