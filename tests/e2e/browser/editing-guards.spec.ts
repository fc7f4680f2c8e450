// Editing that never loses work: Esc in a control closes only the control; Esc, Cancel, choosing
// another exercise, a new exercise or closing the window with unsaved changes asks first (keep,
// discard or save); drafts survive browser mode being killed mid-edit and are offered back; an
// unsaved copy leaves nothing behind; the detail pane says when the results leave its exercise out.
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { seriousViolations } from './axe';
import { LibraryPage, writePhoto } from './library-page';

const unsavedDialog = (page: Page) => page.getByRole('dialog', { name: 'Unsaved changes' });

function count(app: AppUnderTest, sql: string): number {
  return (app.db().prepare(sql).get() as { n: number }).n;
}
const drafts = (app: AppUnderTest) => count(app, 'SELECT count(*) AS n FROM drafts');
const clinicExercises = (app: AppUnderTest) => count(app, "SELECT count(*) AS n FROM exercises WHERE origin = 'clinic'");

test('Esc in a field or a picker closes only that control; Esc elsewhere with changes asks, and Esc again keeps editing', async ({
  page,
  app,
}) => {
  await app.open();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form');
  const name = form.getByLabel('Name', { exact: true });
  await name.fill('Guarded press');
  await name.press('Escape');
  await expect(form).toBeVisible();
  await expect(unsavedDialog(page)).toHaveCount(0);

  const picker = form.getByRole('searchbox', { name: 'Regressions (easier)' });
  await picker.fill('bird');
  const suggestions = form.getByRole('list', { name: 'Regressions (easier) suggestions' });
  await expect(suggestions).toBeVisible();
  await picker.press('Escape');
  await expect(suggestions).toHaveCount(0);
  await expect(picker).toHaveValue('bird');
  await form.getByLabel('Stage', { exact: true }).press('Escape');
  await expect(form).toBeVisible();
  await expect(unsavedDialog(page)).toHaveCount(0);

  // Outside a control (here on the Cancel button), Esc asks.
  await form.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Escape');
  const dialog = unsavedDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  // Only the modal dialog is live: what axe must have checked is its buttons and colours.
  expect(await seriousViolations(page, ['color-contrast', 'button-name']), 'with the dialog open').toEqual([]);
  // Focus stays in the dialog.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(name).toHaveValue('Guarded press');
});

test('Cancel and choosing another exercise ask; Discard drops the changes and Save keeps them', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form');
  await form.getByLabel('Name', { exact: true }).fill('Never kept');
  await expect.poll(() => drafts(app)).toBe(1);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await unsavedDialog(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(form).toHaveCount(0);
  // Focus returns to the button that opened the editor.
  await expect(page.getByRole('button', { name: 'New exercise' })).toBeFocused();
  await expect.poll(() => drafts(app)).toBe(0);
  expect(clinicExercises(app)).toBe(0);

  const copy = await lib.duplicateFirst('bird dog');
  // After saving, focus is on the saved exercise's heading.
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toBeFocused();
  await page.getByRole('article').getByRole('button', { name: 'Edit', exact: true }).click();
  await form.getByLabel('Sets', { exact: true }).fill('7');
  const other = (await lib.resultNames()).find((n) => n !== copy)!;
  await lib.result(other).click();
  const dialog = unsavedDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(lib.detailTitle).toHaveText(other);
  const sets = app.db().prepare("SELECT json_extract(dosage, '$.sets') AS s FROM exercises WHERE origin = 'clinic'").get() as { s: number };
  expect(sets.s).toBe(7);
  await expect.poll(() => drafts(app)).toBe(0);

  // Unchanged, Cancel just closes, back to the Edit button.
  await lib.open(copy);
  await page.getByRole('article').getByRole('button', { name: 'Edit', exact: true }).click();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(unsavedDialog(page)).toHaveCount(0);
  await expect(page.getByRole('article').getByRole('button', { name: 'Edit', exact: true })).toBeFocused();

  // New exercise while editing asks too.
  await page.getByRole('article').getByRole('button', { name: 'Edit', exact: true }).click();
  await form.getByLabel('Sets', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'New exercise' }).click();
  await expect(unsavedDialog(page)).toBeVisible();
  await unsavedDialog(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(form.getByLabel('Sets', { exact: true })).toHaveValue('9');
});

test('closing the window with unsaved changes asks the browser to confirm', async ({ page, app }) => {
  await app.open();
  await page.getByRole('button', { name: 'New exercise' }).click();
  await page.getByRole('form').getByLabel('Name', { exact: true }).fill('Unsaved at close');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
});

test('a draft survives browser mode being killed mid-edit and is offered back', async ({ page, app }) => {
  page.on('dialog', (d) => void d.accept());
  await app.open();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form');
  await form.getByLabel('Name', { exact: true }).fill('Crash survivor');
  await form.getByLabel('Steps', { exact: true }).fill('Stand tall.\nBreathe.');
  await expect.poll(() => count(app, "SELECT count(*) AS n FROM drafts WHERE form LIKE '%Breathe.%'")).toBe(1);

  await app.restart();
  await app.open();
  const offer = page.getByRole('group', { name: 'Unsaved changes found' });
  await expect(offer).toContainText('You have unsaved changes to “Crash survivor” from');
  expect(await seriousViolations(page), 'with a draft offered back').toEqual([]);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Crash survivor');
  await expect(form.getByLabel('Steps', { exact: true })).toHaveValue('Stand tall.\nBreathe.');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await unsavedDialog(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect.poll(() => drafts(app)).toBe(0);

  await app.restart();
  await app.open();
  await expect(page.getByRole('group', { name: 'Unsaved changes found' })).toHaveCount(0);
});

test('"Duplicate to edit" opens an unsaved copy: Cancel leaves nothing in the library', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('bird dog');
  const original = (await lib.resultNames())[0];
  await lib.open(original);
  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  const form = page.getByRole('form');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(`${original} (copy)`);
  expect(clinicExercises(app)).toBe(0);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(lib.detailTitle).toHaveText(original);

  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  await form.getByLabel('Sets', { exact: true }).fill('6');
  await expect.poll(() => drafts(app)).toBe(1);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await unsavedDialog(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(lib.detailTitle).toHaveText(original);
  await expect.poll(() => drafts(app)).toBe(0);
  expect(clinicExercises(app)).toBe(0);
});

test('"No equipment" excludes the rest, and a fixed field loses its error at once', async ({ page, app }) => {
  await app.open();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form');
  await form.getByRole('button', { name: 'Create exercise' }).click();
  const name = form.getByLabel('Name', { exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Fixed');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).not.toContainText('Name (');

  const none = form.getByRole('checkbox', { name: 'No equipment' });
  const wall = form.getByRole('checkbox', { name: 'Wall' });
  await expect(none).toBeChecked();
  await wall.check();
  await expect(none).not.toBeChecked();
  await none.check();
  await expect(wall).not.toBeChecked();
});

test('when a search leaves out the exercise on show, the pane says so, but an open editor stays', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('bird dog');
  const shown = (await lib.resultNames())[0];
  await lib.open(shown);
  await lib.searchFor('chin nod');
  const pane = page.getByRole('region', { name: 'Exercise details' });
  await expect(pane.getByRole('heading', { name: 'This exercise is not in the current results' })).toBeVisible();
  const first = (await lib.resultNames())[0];
  await pane.getByRole('button', { name: 'Show the first result' }).click();
  await expect(lib.detailTitle).toHaveText(first);

  await page.getByRole('button', { name: 'New exercise' }).click();
  await page.getByRole('form').getByLabel('Name', { exact: true }).fill('Half done');
  await lib.searchFor('bird dog');
  await expect(page.getByRole('form').getByLabel('Name', { exact: true })).toHaveValue('Half done');
});

test('focus stays in a sensible place after archiving and adding a photo', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.duplicateFirst('bird dog');
  await lib.addPhoto(await writePhoto(app.dataDir, 'photo.jpg', 'jpeg'));
  await expect(lib.toasts).toContainText('Photo added');
  await expect(lib.photos().getByRole('button', { name: 'Add photo' })).toBeFocused();
  await page.getByRole('article').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('article').getByRole('button', { name: 'Restore' })).toBeFocused();
});
