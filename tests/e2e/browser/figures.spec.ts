// Exercise figures in the real app: every result card of a built-in exercise shows its start and end
// picture, the detail view names both pictures from the pose data, reduced motion is respected, and
// the library stays axe-clean with the figures on it.
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { LibraryPage } from './library-page';

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('shows a figure on every built-in result card and start and end pictures in the detail view', async ({ page }) => {
  const lib = new LibraryPage(page);
  await expect(lib.results).toHaveCount(50);
  await expect(page.locator('#library-results li.result svg.result-figure')).toHaveCount(50);
  await lib.searchFor('glute bridge');
  await expect(lib.results.first()).toContainText('Bridge');
  await lib.results.first().click();
  const detail = page.getByRole('article');
  await expect(detail.getByRole('img', { name: /^Start: Bridge: lying on your back, knees bent, lifting your hips$/ })).toBeVisible();
  await expect(detail.getByRole('img', { name: /^End: Bridge: / })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Show the movement' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('with reduced motion the end picture is still and there is no movement to replay', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  const lib = new LibraryPage(page);
  await expect(lib.results).toHaveCount(50);
  await expect(page.getByRole('article').getByRole('img', { name: /^End: / })).toBeVisible();
  await expect(page.getByRole('article').getByRole('button', { name: 'Show the movement' })).toHaveCount(0);
});
