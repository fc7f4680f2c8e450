// Files dropped on the window go where the screen can take them: photos onto the clinic exercise
// on screen. Anything else is refused by name, and a drop with nowhere to go says what to do.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage, writePhoto } from './library-page';

/** Drops files on the middle of the window the way a browser delivers a drag from the desktop. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, data: [...f.bytes] }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const f of items) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
    return dt;
  }, payload);
  const target = page.getByRole('region', { name: 'Search results' });
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a photo dropped on the window is added to the clinic exercise on screen', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  const copy = await lib.duplicateFirst('bird dog');
  await expect(lib.detailTitle).toHaveText(copy);
  const article = page.getByRole('article');

  const photo = fs.readFileSync(await writePhoto(app.dataDir, 'dropped.png', 'png'));
  await dropFiles(page, [
    { name: 'dropped.png', type: 'image/png', bytes: photo },
    { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('not a photo') },
  ]);
  await expect(lib.toasts).toContainText('“notes.txt” is not a PNG or JPEG photo.');
  await expect(lib.toasts).toContainText('Photo added');
  await expect(article.getByRole('img', { name: `${copy}, photo 1` })).toHaveJSProperty('complete', true);
  const rows = app.db().prepare('SELECT count(*) AS n FROM exercise_media').get() as { n: number };
  expect(rows.n).toBe(1);
});

test('a drop on a built-in exercise adds nothing and says what to do', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('bird dog');
  await lib.open((await lib.resultNames())[0]);
  const photo = fs.readFileSync(await writePhoto(app.dataDir, 'dropped.png', 'png'));
  await dropFiles(page, [{ name: 'dropped.png', type: 'image/png', bytes: photo }]);
  await expect(lib.toasts).toContainText('Open one of your clinic exercises to add photos by dropping them on the window.');
  expect((app.db().prepare('SELECT count(*) AS n FROM exercise_media').get() as { n: number }).n).toBe(0);
});
