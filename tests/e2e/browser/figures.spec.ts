// Exercise figures in the real app: every result card of a built-in exercise shows its start and end
// picture once it comes near the window, the detail view names both pictures from the pose data, reduced motion is respected, and
// the library stays axe-clean with the figures on it.
import { seriousViolations } from './axe';
import { bridgeCall } from './bridge-call';
import { expect, test } from './fixtures';
import { LibraryPage } from './library-page';

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('shows a figure on every built-in result card and start and end pictures in the detail view', async ({ page }) => {
  const lib = new LibraryPage(page);
  await expect(lib.results).toHaveCount(50);
  // Cards near the window are drawn at once; the rest as they come near (each keeps its box).
  const drawn = page.locator('#library-results li.result svg.result-figure');
  const pending = page.locator('#library-results li.result .result-figure.figure-pending');
  await expect(drawn.first()).toBeVisible();
  expect((await drawn.count()) + (await pending.count())).toBe(50);
  expect(await pending.count()).toBeGreaterThan(0);
  await lib.results.last().scrollIntoViewIfNeeded();
  await expect(lib.results.last().locator('svg.result-figure')).toBeVisible();
  for (const card of await lib.results.all()) {
    await card.scrollIntoViewIfNeeded();
    await expect(card.locator('svg.result-figure')).toHaveCount(1);
  }
  await lib.results.first().scrollIntoViewIfNeeded();
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

test('a clinic copy gets its own figure from the pose editor, set from the keyboard and saved', async ({ page, app }) => {
  // Duplicate the glute bridge through the bridge, as another window of the app would.
  const found = await bridgeCall<{ items: { id: string }[] }>(page, 'library.search', { query: 'glute bridge', limit: 1 });
  const duplicated = await bridgeCall<{ id: string }>(page, 'library.duplicate', { id: found.ok ? found.value.items[0].id : '' });
  if (!duplicated.ok) throw new Error(duplicated.error.message);
  const copy = duplicated.value.id;
  await page.reload();
  const lib = new LibraryPage(page);
  await lib.searchFor('glute bridge');
  await page.locator(`#result-${copy}`).click();
  const detail = page.getByRole('article');
  await detail.getByRole('button', { name: 'Add a figure' }).click();
  const editor = detail.getByRole('region', { name: /^Figure for / });
  await editor.getByRole('combobox', { name: 'Start from' }).selectOption('L2-06');
  // Each body part's sliders fold away; the summary opens them from the keyboard too.
  await editor.locator('summary', { hasText: 'Right leg' }).focus();
  await page.keyboard.press('Enter');
  const knee = editor.getByRole('slider', { name: 'Knee bend (right)' });
  const before = Number(await knee.inputValue());
  await knee.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(knee).toHaveValue(String(before + 2));
  await page.keyboard.press('End');
  await expect(knee).toHaveValue('150');
  expect(await seriousViolations(page, ['label', 'aria-allowed-attr'])).toEqual([]);
  await editor.getByRole('button', { name: 'Save figure' }).click();
  await expect(detail.getByRole('img', { name: /^Start: / })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Edit figure' })).toBeVisible();
  const row = app.db().prepare('SELECT figure_json FROM exercise_figures WHERE exercise_id = ?').get(copy) as { figure_json: string };
  expect(JSON.parse(row.figure_json)).toMatchObject({ from: 'L2-06', start: { kneeFlexR: 150 } });
  // The copy's result card shows its own figure now (it had none: copies have no code).
  await expect(page.locator(`#result-${copy} svg.result-figure`)).toHaveCount(0);
  await lib.searchFor('glute bridge copy');
  await lib.searchFor('glute bridge');
  await expect(page.locator(`#result-${copy} svg.result-figure`)).toBeVisible();
});
