// Helpers for the Share screen's end-to-end tests: a contract call made from the page with its
// token, and deciding a previewed library file's one conflict as "Keep both".
import type { Page } from '@playwright/test';
import type { Result } from '../../../common/contract/result';
import { seriousViolations } from './axe';
import { expect, type AppUnderTest } from './fixtures';

export async function inPage<T>(page: Page, channel: string, args: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, a]) => {
      const token = sessionStorage.getItem('loadwise.token');
      const res = await fetch(`/api/${c as string}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(a),
      });
      return (await res.json()) as Result<unknown>;
    },
    [channel, args] as const,
  );
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { ok: true; value: T }).value;
}

/** Exercises imported from library files, read from the real database. */
export const importedCount = (app: AppUnderTest): number =>
  (app.db().prepare("SELECT count(*) AS n FROM exercises WHERE origin = 'imported'").get() as { n: number }).n;

/** In the preview on screen: the one exercise changed on both sides is kept both ways; axe-clean first. */
export async function keepBothAndImport(page: Page, app: AppUnderTest): Promise<void> {
  const preview = page.getByRole('region', { name: /^Library from / });
  const row = preview.getByRole('row', { name: /Changed on both sides/ });
  await expect(row).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await row.getByRole('combobox').selectOption({ label: 'Keep both' });
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Imported: 1 added, 0 updated.');
  await expect.poll(() => importedCount(app)).toBe(1);
  await expect(preview).toBeHidden();
}
