// Clinic settings in Chromium through browser mode: saved with Save, in the database file, shown
// again after browser mode restarts; a bad email or an empty custom role is refused beside its field
// and nothing is written; leaving with unsaved changes asks (keep, discard, save); the page sets
// onbeforeunload only while something is unsaved (the editor too); the chosen role noun reads in the
// library's patient text; axe finds nothing serious on the screen, with or without errors shown.
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { seriousViolations } from './axe';
import { LibraryPage } from './library-page';

const unsavedDialog = (page: Page) => page.getByRole('dialog', { name: 'Unsaved changes' });
const settingsForm = (page: Page) => page.getByRole('main').getByRole('form', { name: 'Settings' });

async function openSettings(page: Page): Promise<ReturnType<typeof settingsForm>> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const form = settingsForm(page);
  await expect(form.getByLabel('Clinic name')).toBeVisible();
  return form;
}

function savedRow(app: AppUnderTest): Record<string, unknown> | undefined {
  return app.db().prepare('SELECT * FROM clinic_settings').get() as Record<string, unknown> | undefined;
}

const hasBeforeUnload = (page: Page) => page.evaluate(() => typeof window.onbeforeunload === 'function');

test('settings are saved, kept in the database and shown again after a restart', async ({ page, app }) => {
  await app.open();
  const form = await openSettings(page);
  // A fresh clinic: US Letter and pounds, no role chosen yet.
  await expect(form.getByRole('radio', { name: 'Letter (8.5 × 11 in)' })).toBeChecked();
  await expect(form.getByRole('radio', { name: 'Pounds (lb)' })).toBeChecked();
  await expect(form.getByText('Patient text says “your physical therapist or chiropractor”')).toBeVisible();

  await form.getByLabel('Clinic name').fill('Riverside Spine & Rehab');
  await form.getByLabel('Address').fill('12 Mill Street\nSuite 4\nPortland, OR 97201');
  await form.getByLabel('Phone').fill('(503) 555-0142');
  await form.getByLabel('Email').fill('front.desk@riverside-rehab.com');
  await form.getByLabel('Website').fill('www.riverside-rehab.com');
  await form.getByLabel('Default clinician name').fill('Dana Whitfield, DPT');
  await form.getByRole('radio', { name: 'Chiropractor' }).check();
  await form.getByRole('radio', { name: 'A4 (210 × 297 mm)' }).check();
  // Keyboard: arrow keys move within a radio group.
  await form.getByRole('radio', { name: 'Pounds (lb)' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(form.getByRole('radio', { name: 'Kilograms (kg)' })).toBeChecked();
  await expect(form.getByText('Patient text says “your chiropractor”')).toBeVisible();
  await expect(form.getByRole('status')).toHaveText('Unsaved changes');
  expect(savedRow(app)).toBeUndefined();

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Settings saved');
  await expect(form.getByRole('status')).toHaveText('All changes saved');
  expect(savedRow(app)).toMatchObject({
    clinic_name: 'Riverside Spine & Rehab',
    address: '12 Mill Street\nSuite 4\nPortland, OR 97201',
    phone: '(503) 555-0142',
    email: 'front.desk@riverside-rehab.com',
    website: 'www.riverside-rehab.com',
    clinician_name: 'Dana Whitfield, DPT',
    role_noun: 'chiropractor',
    paper_size: 'a4',
    units: 'kg',
  });

  await app.restart();
  await app.open();
  const again = await openSettings(page);
  await expect(again.getByLabel('Clinic name')).toHaveValue('Riverside Spine & Rehab');
  await expect(again.getByLabel('Address')).toHaveValue('12 Mill Street\nSuite 4\nPortland, OR 97201');
  await expect(again.getByLabel('Email')).toHaveValue('front.desk@riverside-rehab.com');
  await expect(again.getByLabel('Default clinician name')).toHaveValue('Dana Whitfield, DPT');
  await expect(again.getByRole('radio', { name: 'Chiropractor' })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'A4 (210 × 297 mm)' })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'Kilograms (kg)' })).toBeChecked();
});

test('bad input is refused beside its field, nothing is written, and a fixed field clears', async ({ page, app }) => {
  await app.open();
  const form = await openSettings(page);
  await form.getByLabel('Email').fill('frontdesk.clinic.com');
  await form.getByRole('radio', { name: 'Other', exact: true }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  const email = form.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Enter an email address like front\.desk@clinic\.com/);
  await expect(form.getByText('Type the word patients should read, or choose one of the roles')).toBeVisible();
  await expect(email).toBeFocused();
  expect(savedRow(app)).toBeUndefined();
  expect(await seriousViolations(page)).toEqual([]);

  await email.fill('front.desk@clinic.com');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Other role, as patients read it').fill('athletic trainer');
  await expect(form.getByText('Patient text says “your athletic trainer”')).toBeVisible();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('All changes saved');
  expect(savedRow(app)).toMatchObject({ email: 'front.desk@clinic.com', role_noun: 'athletic trainer' });
});

test('leaving the settings with unsaved changes asks: keep editing, discard, or save', async ({ page, app }) => {
  await app.open();
  const form = await openSettings(page);
  const library = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Exercise library' });
  await form.getByLabel('Clinic name').fill('Northside');
  await library.click();
  await expect(unsavedDialog(page)).toBeVisible();
  expect(await seriousViolations(page, ['button-name', 'aria-allowed-attr'])).toEqual([]);
  await unsavedDialog(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(form.getByLabel('Clinic name')).toHaveValue('Northside');

  await library.click();
  await unsavedDialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
  expect(savedRow(app)).toMatchObject({ clinic_name: 'Northside' });

  const again = await openSettings(page);
  await again.getByLabel('Clinic name').fill('Not kept');
  await library.click();
  await unsavedDialog(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
  expect(savedRow(app)).toMatchObject({ clinic_name: 'Northside' });
  await expect((await openSettings(page)).getByLabel('Clinic name')).toHaveValue('Northside');
});

test('onbeforeunload is set only while there are unsaved changes, in the settings and in the editor', async ({ page, app }) => {
  await app.open();
  expect(await hasBeforeUnload(page)).toBe(false);
  const form = await openSettings(page);
  expect(await hasBeforeUnload(page)).toBe(false);
  await form.getByLabel('Phone').fill('555 0100');
  await expect.poll(() => hasBeforeUnload(page)).toBe(true);
  await form.getByLabel('Phone').fill('');
  await expect.poll(() => hasBeforeUnload(page)).toBe(false);
  await form.getByLabel('Phone').fill('555 0100');
  await expect.poll(() => hasBeforeUnload(page)).toBe(true);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('All changes saved');
  await expect.poll(() => hasBeforeUnload(page)).toBe(false);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Exercise library' }).click();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const editor = page.getByRole('form');
  await expect(editor).toBeVisible();
  expect(await hasBeforeUnload(page)).toBe(false);
  await editor.getByLabel('Name', { exact: true }).fill('Unsaved press');
  await expect.poll(() => hasBeforeUnload(page)).toBe(true);
  await editor.getByLabel('Name', { exact: true }).fill('');
  await expect.poll(() => hasBeforeUnload(page)).toBe(false);
  await editor.getByLabel('Name', { exact: true }).fill('Unsaved press');
  await expect.poll(() => hasBeforeUnload(page)).toBe(true);
  // The browser's own question appears while it is set.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
});

test('the chosen role noun reads in the library’s patient text', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('Chin tuck in sitting');
  await lib.open('Chin tuck in sitting');
  const detail = page.getByRole('region', { name: 'Exercise details' });
  await expect(detail.getByText('Stop and tell your physical therapist or chiropractor if pain')).toBeVisible();

  const form = await openSettings(page);
  await form.getByRole('radio', { name: 'Physiotherapist' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('All changes saved');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Exercise library' }).click();
  await lib.searchFor('Chin tuck in sitting');
  await lib.open('Chin tuck in sitting');
  await expect(
    detail.getByText('Stop and tell your physiotherapist if pain, tingling or numbness spreads further down your arm.'),
  ).toBeVisible();
  await expect(detail.getByText(/physical therapist or chiropractor/)).toHaveCount(0);
  // The stored text is unchanged: editing a copy starts from the shared wording.
  const stored = app
    .db()
    .prepare("SELECT precautions FROM exercise_text t JOIN exercises e ON e.seq = t.exercise_seq WHERE e.code = 'C1-02'")
    .pluck()
    .get();
  expect(String(stored)).toContain('your physical therapist or chiropractor');
});

test('axe: the settings screen', async ({ page, app }) => {
  await app.open();
  const form = await openSettings(page);
  await form.getByRole('radio', { name: 'Other', exact: true }).check();
  expect(await seriousViolations(page)).toEqual([]);
});
