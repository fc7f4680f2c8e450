// A clinician's shortlists: a star on the detail marks a favourite (shown on its card and listed
// beside the filters, kept across a restart), exercises opened are listed as recently opened, and
// the result list has a compact option.
import { expect, test } from './fixtures';
import { LibraryPage } from './library-page';

test('favourites and recently opened exercises are listed beside the filters and kept across a restart', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('bird dog');
  const name = (await lib.resultNames())[0];
  await lib.open(name);
  const star = page.getByRole('article').getByRole('button', { name: 'Favourite' });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect(lib.result(name)).toContainText('Favourite');
  const favourites = lib.filters().getByRole('region', { name: 'Favourites' });
  await expect(favourites.getByRole('button')).toHaveText([new RegExp(name)]);
  const recent = lib.filters().getByRole('region', { name: 'Recently opened' });
  await expect(recent.getByRole('button').first()).toContainText(name);
  expect((app.db().prepare('SELECT count(*) AS n FROM favourites').get() as { n: number }).n).toBe(1);

  await app.restart();
  await app.open();
  await lib.searchFor('chin nod');
  await expect(lib.filters().getByRole('region', { name: 'Favourites' }).getByRole('button')).toHaveText([new RegExp(name)]);
  await lib.filters().getByRole('region', { name: 'Favourites' }).getByRole('button').click();
  await expect(lib.detailTitle).toHaveText(name);
  await page.getByRole('article').getByRole('button', { name: 'Favourite' }).click();
  await expect(lib.filters().getByRole('region', { name: 'Favourites' })).toHaveCount(0);
});

test('the compact list shows the same exercises in less room', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  const before = await lib.results.nth(3).boundingBox();
  const toggle = lib.resultsPane.getByRole('button', { name: 'Compact list' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const after = await lib.results.nth(3).boundingBox();
  expect(after!.y).toBeLessThan(before!.y);
});
