// The command palette and the library's shortcuts in browser mode (no native menu: the page
// handles every shortcut). Ctrl+K (⌘K on macOS) and the Commands button open the palette; Enter
// runs the chosen command; Esc closes it and gives focus back; Ctrl+F goes to the search box.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { LibraryPage } from './library-page';

// "ControlOrMeta" is Playwright's CmdOrCtrl.
const PALETTE = 'ControlOrMeta+k';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const paletteInput = (page: Page) => palette(page).getByRole('combobox', { name: 'Type a command' });

/** Serious and critical axe violations (the helper of accessibility.spec.ts). */

test.beforeEach(async ({ app }) => {
  await app.open();
});

test('Ctrl+K opens the palette; "new" and Enter open the new-exercise editor', async ({ page }) => {
  await expect(palette(page)).toBeHidden();
  await page.keyboard.press(PALETTE);
  await expect(palette(page)).toBeVisible();
  await expect(paletteInput(page)).toBeFocused();

  await page.keyboard.type('new');
  const options = palette(page).getByRole('option');
  await expect(options.first()).toContainText('New exercise');
  await expect(paletteInput(page)).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
  await page.keyboard.press('Enter');

  await expect(palette(page)).toBeHidden();
  const form = page.getByRole('form');
  await expect(form.getByRole('button', { name: 'Create exercise' })).toBeVisible();
  // The command ran once: one editor, with focus in its first field (the palette did not take it back).
  await expect(page.getByRole('form')).toHaveCount(1);
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
});

test('the Commands button opens the palette; Esc closes it, runs nothing, and focus returns to the button', async ({ page }) => {
  const button = page.getByRole('button', { name: /^Commands/ });
  await button.click();
  await expect(palette(page)).toBeVisible();
  await expect(paletteInput(page)).toBeFocused();
  await page.keyboard.type('new');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.getByRole('form')).toHaveCount(0);
});

test('Esc gives focus back to the exercise that had it before Ctrl+K', async ({ page }) => {
  const lib = new LibraryPage(page);
  const second = lib.results.nth(1);
  await second.click();
  await expect(second).toBeFocused();
  await page.keyboard.press(PALETTE);
  await expect(paletteInput(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(second).toBeFocused();
  // And it opens again, empty.
  await page.keyboard.press(PALETTE);
  await expect(paletteInput(page)).toHaveValue('');
  await expect(paletteInput(page)).toBeFocused();
});

test('Ctrl+F focuses the search box, from the list and from the palette', async ({ page }) => {
  const lib = new LibraryPage(page);
  await lib.searchFor('bird');
  await lib.results.first().click();
  await expect(lib.search).not.toBeFocused();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(lib.search).toBeFocused();
  // Its text is selected, so typing replaces the search.
  await page.keyboard.type('plank');
  await expect(lib.search).toHaveValue('plank');

  await lib.results.first().click();
  await page.keyboard.press(PALETTE);
  await page.keyboard.type('find');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(lib.search).toBeFocused();
});

test('with the palette open, axe finds no serious or critical violation', async ({ page }) => {
  const names = ['label', 'aria-allowed-attr', 'aria-required-attr', 'aria-required-children', 'aria-valid-attr-value'];
  await page.keyboard.press(PALETTE);
  await expect(palette(page)).toBeVisible();
  expect(await seriousViolations(page, [...names, 'color-contrast']), 'palette listing commands').toEqual([]);
  await page.keyboard.type('lib');
  await expect(palette(page).getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  expect(await seriousViolations(page, [...names, 'color-contrast']), 'palette filtered').toEqual([]);
  // The one line left is aria-disabled, which axe does not check for contrast.
  await page.keyboard.type(' zzqx');
  await expect(palette(page).getByRole('option')).toHaveText('No command matches');
  expect(await seriousViolations(page, names), 'palette with no match').toEqual([]);
});
