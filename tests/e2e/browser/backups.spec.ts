// The Backups screen in browser mode, against a real data folder: "Back up now" lists the backup,
// "Restore…" asks first (saying the library will be replaced and backed up first), restoring
// brings the library back to that moment, and the safety backup undoes it. What the library
// holds is read from the real database file.
import type { Result } from '../../../common/contract/result';
import { expect, test, type AppUnderTest } from './fixtures';

const clinicCount = (app: AppUnderTest): number =>
  (app.db().prepare("SELECT count(*) AS n FROM exercises WHERE origin = 'clinic'").get() as { n: number }).n;

/** Duplicates the first built-in through the bridge, as another window of the app would. */
async function duplicateABuiltIn(page: import('@playwright/test').Page): Promise<void> {
  const result = await page.evaluate(async () => {
    const token = sessionStorage.getItem('loadwise.token');
    const call = async (channel: string, args: unknown): Promise<Result<unknown>> => {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args),
      });
      return (await res.json()) as Result<unknown>;
    };
    const found = (await call('library.search', { query: '', limit: 1 })) as Result<{ items: { id: string }[] }>;
    if (!found.ok) return found;
    return call('library.duplicate', { id: found.value.items[0].id });
  });
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

test('backs up by hand, restores after confirming, and undoes the restore with the safety backup', async ({ page, app }) => {
  await app.open();
  await duplicateABuiltIn(page);
  expect(clinicCount(app)).toBe(1);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  await expect(page.getByText('No backups yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2); // header and one backup
  await expect(rows.nth(1)).toContainText('Backed up by hand');

  await duplicateABuiltIn(page);
  expect(clinicCount(app)).toBe(2);

  await rows
    .nth(1)
    .getByRole('button', { name: /^Restore the backup from / })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Your library will be replaced by this backup');
  await expect(dialog).toContainText('First, Loadwise backs up your library as it is now.');
  // Cancel first: nothing happens.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(clinicCount(app)).toBe(2);

  await rows
    .nth(1)
    .getByRole('button', { name: /^Restore the backup from / })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Restored the backup from');
  await expect.poll(() => clinicCount(app)).toBe(1);
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Before a restore');

  // The library screen shows the restored library.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Exercise library' }).click();
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('status')).toHaveText(/exercises?$/);

  // Undo: restore the safety backup.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Backups' }).click();
  await rows
    .nth(1)
    .getByRole('button', { name: /^Restore the backup from / })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore this backup' }).click();
  await expect.poll(() => clinicCount(app)).toBe(2);
});
