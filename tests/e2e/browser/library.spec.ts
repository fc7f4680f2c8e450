// Finding exercises: the built-in library, search as you type, typo tolerance, filters, keyboard.
import { expect, test } from './fixtures';
import { LibraryPage } from './library-page';

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('opens on the built-in library with the first exercise shown in full', async ({ page, app }) => {
  const lib = new LibraryPage(page);
  const shown = Number((await lib.count.textContent())!.match(/\d+/)![0]);
  const inDb = (app.db().prepare("SELECT count(*) AS n FROM exercises WHERE origin = 'builtin'").get() as { n: number }).n;
  expect(inDb).toBeGreaterThanOrEqual(96);
  expect(shown).toBe(inDb);
  await expect(lib.results).toHaveCount(50);
  await expect(lib.results.first()).toHaveAttribute('aria-selected', 'true');
  const first = (await lib.resultNames())[0];
  await expect(lib.detailTitle).toHaveText(first);
  for (const heading of ['Starting position', 'Dosage', 'Steps', 'Suitability by pain generator', 'Progress and regress', 'Sources']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
});

test('searches as you type and ranks a name match first', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.searchFor('bird d');
  const names = await lib.resultNames();
  expect(names[0]).toMatch(/bird dog/i);
  // Every result shows its stage, region and dose at a glance.
  const first = lib.results.first();
  await expect(first.locator('.badge-stage-2, .badge-stage-1, .badge-stage-3, .badge-stage-4')).toHaveCount(1);
  await expect(first).toContainText(/Low back|Neck/);
  await expect(first.locator('.result-dose')).toHaveText(/\d+ × /);
});

test('finds multifidus exercises from a misspelling and says what it searched for', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.searchFor('mutlifidus');
  await expect(page.locator('.results-note')).toContainText('multifidus');
  expect((await lib.resultNames()).length).toBeGreaterThan(0);
  await lib.results.first().click();
  await expect(page.getByRole('article')).toContainText(/multifidus/i);
});

test('shows a clear empty state when nothing matches', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.searchFor('zzqxv');
  await expect(lib.count).toHaveText('No exercises match');
  await expect(page.getByText('Try fewer words or clear some filters.')).toBeVisible();
});

test('"Show more" lists the next exercises after the first 50 and moves focus to the first of them', async ({ page, app }) => {
  const lib = new LibraryPage(page);
  const db = app.db();
  const total = (db.prepare("SELECT count(*) AS n FROM exercises WHERE origin = 'builtin' AND archived_at IS NULL").get() as { n: number })
    .n;
  expect(total).toBeGreaterThan(50);
  const showMore = lib.resultsPane.getByRole('button', { name: 'Show more' });
  await expect(lib.results).toHaveCount(50);
  let shown = 50;
  while (shown < total) {
    const before = await lib.resultNames();
    await showMore.click();
    const now = Math.min(total, shown + 50);
    await expect(lib.results).toHaveCount(now);
    const names = await lib.resultNames();
    // What was listed stays, in order; the next page follows it.
    expect(names.slice(0, shown)).toEqual(before);
    // Focus goes to the first exercise added, which opens beside the list (as arrow keys do).
    const firstAdded = lib.results.nth(shown);
    await expect(firstAdded).toBeFocused();
    await expect(firstAdded).toHaveAttribute('aria-selected', 'true');
    await expect(lib.detailTitle).toHaveText(names[shown]);
    shown = now;
  }
  await expect(showMore).toHaveCount(0);
  // Every built-in exercise is now listed once: no page was skipped or repeated.
  const all = await lib.resultNames();
  const inDb = (
    db
      .prepare(
        "SELECT t.name FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq WHERE e.origin = 'builtin' AND e.archived_at IS NULL",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  expect(all).toHaveLength(total);
  expect([...all].sort()).toEqual([...inDb].sort());
  await expect(lib.count).toHaveText(`${total} exercises`);
});

test('filters by region and stage, combined with a search', async ({ page }) => {
  const lib = new LibraryPage(page);
  const filters = lib.filters();
  await filters.getByRole('button', { name: 'Neck' }).click();
  await lib.settled('"regions":["cervical"]');
  await filters.getByRole('checkbox', { name: '3. Progressive resistance' }).check();
  await lib.settled('"stages":[3]');
  const rows = await lib.results.all();
  expect(rows.length).toBeGreaterThan(0);
  let alsoInStage3 = 0;
  for (const row of rows) {
    await expect(row).toContainText('Neck');
    // Filed under stage 3, or stage 3 is one of the other stages it belongs to (audit D14).
    if ((await row.locator('.badge-stage-3').count()) === 0) {
      await expect(row).toContainText(/also (\d, )*3(?!\d)/);
      alsoInStage3 += 1;
    }
  }
  expect(alsoInStage3).toBeGreaterThan(0);
  await lib.searchFor('row');
  const names = await lib.resultNames();
  expect(names.length).toBeGreaterThan(0);
  expect(names.length).toBeLessThan(12);
  await filters.getByRole('button', { name: 'Clear all' }).click();
  await lib.settled('"regions":[]');
});

test('filters by pain-generator suitability and shows the rating on each result', async ({ page, app }) => {
  const lib = new LibraryPage(page);
  const filters = lib.filters();
  await filters.getByRole('checkbox', { name: 'After lumbar fusion' }).check();
  await filters.getByLabel('At least').selectOption('suits');
  await lib.settled('"minRating":"suits"');
  const expected = (
    app
      .db()
      .prepare(
        "SELECT count(*) AS n FROM exercise_suitability s JOIN exercises e ON e.seq = s.exercise_seq WHERE s.generator = 'post-fusion' AND s.rating = 'suits' AND e.archived_at IS NULL",
      )
      .get() as { n: number }
  ).n;
  await expect(lib.count).toHaveText(`${expected} exercises`);
  // The rating, and the lock that holds it back first where there is one.
  await expect(lib.results.first().locator('.badge.rating-suits')).toHaveText(/^After lumbar fusion: Suits(, locked until week \d+)?$/);
});

test('filters by position and equipment', async ({ page }) => {
  const lib = new LibraryPage(page);
  const filters = lib.filters();
  await filters.getByRole('checkbox', { name: 'Standing' }).check();
  await filters.getByRole('checkbox', { name: 'Resistance band' }).check();
  await lib.settled('"equipment":["resistance-band"]');
  const rows = await lib.results.all();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    await expect(row).toContainText('Standing');
    await expect(row.locator('.result-dose')).toContainText('Resistance band');
  }
});

test('is usable from the keyboard: Ctrl+F, then arrows, Home and End through results', async ({ page }) => {
  const lib = new LibraryPage(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+f');
  await expect(lib.search).toBeFocused();
  await page.keyboard.type('side');
  await lib.settled();
  await page.keyboard.press('ArrowDown');
  const names = await lib.resultNames();
  expect(names.length).toBeGreaterThan(2);
  await expect(lib.results.first()).toBeFocused();
  await expect(lib.detailTitle).toHaveText(names[0]);
  await page.keyboard.press('ArrowDown');
  await expect(lib.results.nth(1)).toBeFocused();
  await expect(lib.detailTitle).toHaveText(names[1]);
  await page.keyboard.press('ArrowUp');
  await expect(lib.detailTitle).toHaveText(names[0]);
  await page.keyboard.press('End');
  await expect(lib.detailTitle).toHaveText(names[names.length - 1]);
});

test('follows a progression link to the harder exercise', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.searchFor('bird dog');
  await lib.open((await lib.resultNames())[0]);
  const links = page.getByRole('article').locator('.links button');
  const target = (await links.first().textContent())!.replace(/^Stage \d/, '').trim();
  await links.first().click();
  await expect(lib.detailTitle).toHaveText(target);
});

test('shows each source with its evidence level, its DOI, and a legend for the levels shown (audit D38)', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.searchFor('L1-11');
  await lib.open((await lib.resultNames())[0]);
  const article = page.getByRole('region', { name: 'Exercise details' }).getByRole('article');
  const walkBack = article.getByRole('listitem').filter({ hasText: 'WalkBack' });
  await expect(walkBack).toContainText('doi:10.1016/S0140-6736(24)00755-4');
  await expect(walkBack.locator('abbr', { hasText: /^P$/ })).toHaveAttribute('title', 'Peer-reviewed study or review');
  await article.getByText('What the tags mean').click();
  const legend = article.getByRole('definition').filter({ hasText: 'Peer-reviewed study or review' });
  await expect(legend).toBeVisible();
});

test('filters the thoracic region ("Upper back") and opens a thoracic exercise with its clinical name', async ({ page }) => {
  const lib = new LibraryPage(page);
  const filters = lib.filters();
  await filters.getByRole('button', { name: 'Upper back' }).click();
  await lib.settled('"regions":["thoracic"]');
  const rows = await lib.results.all();
  expect(rows.length).toBeGreaterThanOrEqual(7);
  for (const row of rows) await expect(row).toContainText('Upper back');
  await lib.searchFor('open book');
  await lib.open('Upper-back opener');
  await expect(page.getByRole('region', { name: 'Exercise details' }).getByRole('article')).toContainText(
    'Side-lying thoracic rotation (open book)',
  );
});
