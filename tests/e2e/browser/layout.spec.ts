// The layout adapts to the window: at 1024 px, at 683 px (a 1366 px screen at 200% zoom) and in a
// 320 px reflow, nothing is clipped sideways, every pane lies within the window, every control can
// be reached (filters through their drawer, results and details through their tabs), and axe finds
// no serious or critical violation in each state.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { LibraryPage } from './library-page';

/** Nothing wider than the window: the page cannot be scrolled sideways, and no element pokes out. */
async function expectNoHorizontalClipping(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollWidth,
    scrollTop: document.scrollingElement!.scrollTop,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, 'page width').toBeLessThanOrEqual(widths.inner);
  expect(widths.scrollTop, 'the page itself never scrolls').toBe(0);
}

/** A visible pane lies wholly within the viewport, and has room to show something. */
async function expectWithinViewport(page: Page, pane: Locator, name: string): Promise<void> {
  const box = await pane.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, `${name} is shown`).not.toBeNull();
  expect(box!.x, `${name} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(vp.height + 0.5);
  expect(box!.width, `${name} width`).toBeGreaterThan(100);
  // Nothing inside pokes out sideways (the pane would scroll, and the overflow be cut at its edge).
  const over = await pane.evaluate((el) => {
    const right = el.getBoundingClientRect().right;
    const poking = [...el.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > right + 1 || (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} “${(e.textContent ?? '').slice(0, 30)}”`);
    return { by: el.scrollWidth - el.clientWidth, poking: poking.slice(0, 5) };
  });
  expect(over.by, `${name} content wider than the pane: ${over.poking.join('; ')}`).toBeLessThanOrEqual(1);
}

/** Every button, field and link in `scope` that is displayed can be reached: inside the window once scrolled into view. */
async function expectControlsReachable(page: Page, scope: Locator): Promise<void> {
  const controls = scope.locator('button, input:not([type=file]), select, textarea, a[href], [role=option]');
  const n = await controls.count();
  const vp = page.viewportSize()!;
  for (let i = 0; i < n; i++) {
    const c = controls.nth(i);
    if (!(await c.isVisible())) continue;
    await c.scrollIntoViewIfNeeded();
    const box = await c.boundingBox();
    const label = (await c.getAttribute('aria-label')) ?? (await c.textContent()) ?? `control ${i}`;
    expect(box, label).not.toBeNull();
    expect(box!.x, `${label}: left`).toBeGreaterThanOrEqual(-0.5);
    expect(box!.x + box!.width, `${label}: right`).toBeLessThanOrEqual(vp.width + 0.5);
    // Not hidden under something else (a pane, the top bar): the control itself is hit at its centre.
    const hit = await c.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 8));
      return !!at && (el === at || el.contains(at) || at.contains(el) || (el as HTMLInputElement).labels?.[0]?.contains(at) === true);
    });
    expect(hit, `${label}: not covered`).toBe(true);
  }
}

test('1024 px: three panes side by side, nothing clipped', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open();
  const lib = new LibraryPage(page);
  await expectNoHorizontalClipping(page);
  await expectWithinViewport(page, lib.filters(), 'filters');
  await expectWithinViewport(page, lib.resultsPane, 'results');
  await expectWithinViewport(page, page.getByRole('region', { name: 'Exercise details' }), 'details');
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeHidden();
  await expectControlsReachable(page, page.locator('header.topbar'));
  await expectControlsReachable(page, lib.filters());
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'New exercise' }).click();
  await expectNoHorizontalClipping(page);
  await expectWithinViewport(page, page.getByRole('region', { name: 'Exercise details' }), 'editor');
  await expectControlsReachable(page, page.getByRole('form'));
  expect(await seriousViolations(page)).toEqual([]);
});

test('683 px (200% zoom): filters in a drawer opened by "Filters", results and details side by side', async ({ page, app }) => {
  await page.setViewportSize({ width: 683, height: 400 });
  await app.open();
  const lib = new LibraryPage(page);
  await expectNoHorizontalClipping(page);
  await expect(lib.filters()).toBeHidden();
  await expectWithinViewport(page, lib.resultsPane, 'results');
  await expectWithinViewport(page, page.getByRole('region', { name: 'Exercise details' }), 'details');
  await expectControlsReachable(page, page.locator('header.topbar'));
  await expectControlsReachable(page, page.getByRole('region', { name: 'Exercise details' }));
  expect(await seriousViolations(page)).toEqual([]);

  const toggle = page.getByRole('button', { name: 'Filters', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(lib.filters()).toBeFocused();
  await expectWithinViewport(page, lib.filters(), 'filter drawer');
  await lib.filters().getByRole('checkbox', { name: 'Disc loading' }).check();
  await lib.settled('"generators":["disc"]');
  await expectControlsReachable(page, lib.filters());
  expect(await seriousViolations(page)).toEqual([]);
  await lib.filters().getByRole('button', { name: 'Close filters' }).click();
  await expect(lib.filters()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeFocused();
  // Esc closes the drawer too, and Tab out of it folds it away.
  await page.getByRole('button', { name: 'Filters (1)' }).click();
  await lib.filters().getByRole('checkbox', { name: 'Disc loading' }).press('Escape');
  await expect(lib.filters()).toBeHidden();
  await page.getByRole('button', { name: 'Filters (1)' }).click();
  await lib.filters().getByRole('checkbox', { name: 'Show archived' }).focus();
  await page.keyboard.press('Tab');
  await expect(lib.filters()).toBeHidden();

  await page.getByRole('button', { name: 'New exercise' }).click();
  await expectNoHorizontalClipping(page);
  await expectWithinViewport(page, page.getByRole('region', { name: 'Exercise details' }), 'editor');
  await expectControlsReachable(page, page.getByRole('form'));
  expect(await seriousViolations(page)).toEqual([]);
});

test('320 px reflow: results and details take turns, every control reachable', async ({ page, app }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await app.open();
  const lib = new LibraryPage(page);
  const details = page.getByRole('region', { name: 'Exercise details' });
  await expectNoHorizontalClipping(page);
  await expectWithinViewport(page, lib.resultsPane, 'results');
  await expect(details).toBeHidden();
  await expectControlsReachable(page, page.locator('header.topbar'));
  expect(await seriousViolations(page)).toEqual([]);

  const name = (await lib.resultNames())[1];
  await lib.result(name).click();
  await expect(details).toBeVisible();
  await expect(lib.resultsPane).toBeHidden();
  await expect(lib.detailTitle).toHaveText(name);
  await expectWithinViewport(page, details, 'details');
  await expectNoHorizontalClipping(page);
  await expectControlsReachable(page, details);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Results', exact: true }).click();
  await expect(lib.resultsPane).toBeVisible();
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await expectWithinViewport(page, lib.filters(), 'filter drawer');
  await expectControlsReachable(page, lib.filters());
  await lib.filters().getByRole('button', { name: 'Close filters' }).click();

  await page.getByRole('button', { name: 'New exercise' }).click();
  await expectNoHorizontalClipping(page);
  await expectWithinViewport(page, page.getByRole('region', { name: 'Exercise details' }), 'editor');
  await expectControlsReachable(page, page.getByRole('form'));
  expect(await seriousViolations(page)).toEqual([]);
});

test('skip links are the first Tab stops, show when focused, and lead to the search, filters, results and details', async ({
  page,
  app,
}) => {
  await app.open();
  await page.keyboard.press('Tab');
  const skipSearch = page.getByRole('link', { name: 'Skip to search' });
  await expect(skipSearch).toBeFocused();
  const box = await skipSearch.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('searchbox', { name: 'Search exercises' })).toBeFocused();
  for (const [link, target] of [
    ['Skip to filters', page.getByRole('complementary', { name: 'Filters' })],
    ['Skip to results', page.getByRole('region', { name: 'Search results' })],
    ['Skip to exercise details', page.getByRole('region', { name: 'Exercise details' })],
  ] as const) {
    await page.getByRole('link', { name: link }).focus();
    await page.keyboard.press('Enter');
    await expect(target).toBeFocused();
  }
});

test('the hidden photo file input is no Tab stop and never scrolls the window', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.duplicateFirst('bird dog');
  const input = page.getByLabel('Photo file to add');
  await expect(input).toHaveAttribute('tabindex', '-1');
  await lib.photos().getByRole('button', { name: 'Add photo' }).focus();
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
  const scrolls = await page.evaluate(() => {
    const els = [document.scrollingElement!, document.body, document.getElementById('root')!];
    return els.map((e) => ({ top: e.scrollTop, room: e.scrollHeight - e.clientHeight, overflow: getComputedStyle(e).overflow }));
  });
  for (const s of scrolls) {
    expect(s.top).toBe(0);
    expect(s.overflow).toBe('hidden');
  }
});
