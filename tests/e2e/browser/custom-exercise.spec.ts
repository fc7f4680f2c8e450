// A clinician's own exercises: create with checks, edit, photos, duplicate a built-in, archive,
// and everything still there after the app restarts.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { LibraryPage } from './library-page';

async function writePhoto(dir: string, name: string, format: 'png' | 'jpeg'): Promise<string> {
  const file = path.join(dir, name);
  const img = sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 110, b: 120 } } });
  const withMeta = img.withExif({ IFD0: { Make: 'CanonFake', Model: 'Loadwise Test Cam', Artist: 'Dr Example' } });
  await (format === 'png' ? withMeta.png() : withMeta.jpeg()).toFile(file);
  return file;
}

test('creates an exercise after fixing what the form points out, adds a photo, and finds it after a restart', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form');
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();

  // Saving an empty form names what is missing and saves nothing.
  await form.getByRole('button', { name: 'Create exercise' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Name');
  await expect(alert).toContainText('Steps');
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect((app.db().prepare("SELECT count(*) AS n FROM exercises WHERE origin = 'clinic'").get() as { n: number }).n).toBe(0);

  await form.getByLabel('Name', { exact: true }).fill('Wall press with breath');
  await form.getByLabel('Purpose, in a sentence for the patient').fill('Builds steady deep tummy control while you stand.');
  await form.getByLabel('Stage', { exact: true }).selectOption('2');
  await form.getByLabel('Position', { exact: true }).selectOption('standing');
  await form.getByRole('checkbox', { name: 'No equipment' }).uncheck();
  await form.getByRole('checkbox', { name: 'Wall' }).check();
  await form.getByLabel('Starting position').fill('Stand facing a wall, hands on it at shoulder height.');
  await form
    .getByLabel('Steps', { exact: true })
    .fill('Breathe in.\nAs you breathe out, press gently into the wall.\nHold for 5 seconds, keep breathing.');
  await form.getByLabel('Coaching cues').fill('Ribs stay down.');
  await form.getByLabel('Hold (seconds)').fill('5');
  await form.getByLabel('After lumbar fusion rating').selectOption('caution');
  await form.getByLabel('After lumbar fusion earliest week after surgery').fill('6');
  await form.getByLabel('Tags').fill('transversus abdominis, breathing');
  await form.getByLabel('Regressions (easier)').fill('draw');
  await form.getByRole('list', { name: 'Regressions (easier) suggestions' }).getByRole('button').first().click();
  await form.getByRole('button', { name: 'Create exercise' }).click();

  await expect(lib.detailTitle).toHaveText('Wall press with breath');
  const article = page.getByRole('article');
  await expect(article).toContainText('Clinic');
  await expect(article.getByRole('row', { name: /After lumbar fusion/ })).toContainText('Week 6');

  // A photo with camera metadata: stored once, cleaned, shown.
  const photo = await writePhoto(app.dataDir, 'wall-press.jpg', 'jpeg');
  await article.locator('input[type=file]').setInputFiles(photo);
  await expect(page.getByRole('status')).toContainText('Photo added');
  await expect(article.getByRole('img', { name: 'Wall press with breath, photo 1' })).toHaveJSProperty('complete', true);

  const db = app.db();
  const row = db
    .prepare(
      "SELECT e.seq, e.content_version FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq WHERE t.name = 'Wall press with breath'",
    )
    .get() as { seq: number; content_version: number };
  expect(row.content_version).toBe(2);
  const media = db
    .prepare('SELECT m.sha256, m.mime FROM media m JOIN exercise_media em ON em.sha256 = m.sha256 WHERE em.exercise_seq = ?')
    .all(row.seq) as { sha256: string; mime: string }[];
  expect(media).toHaveLength(1);
  const stored = path.join(app.dataDir, 'media', media[0].sha256.slice(0, 2), `${media[0].sha256}.jpg`);
  expect((await sharp(stored).metadata()).exif).toBeUndefined();
  expect(fs.readFileSync(stored).includes(Buffer.from('CanonFake'))).toBe(false);

  // Edit: the change is saved and the version rises again.
  await article.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('form').getByLabel('Name', { exact: true }).fill('Wall press with slow breath');
  await page.getByRole('form').getByRole('button', { name: 'Save changes' }).click();
  await expect(lib.detailTitle).toHaveText('Wall press with slow breath');

  await app.restart();
  await app.open();
  await lib.searchFor('wall press');
  expect(await lib.resultNames()).toContain('Wall press with slow breath');
  await lib.open('Wall press with slow breath');
  await expect(page.getByRole('article').getByRole('img', { name: /photo 1/ })).toHaveJSProperty('complete', true);
  await expect(page.getByRole('article')).toContainText('Version 3');
});

test('refuses a file that is not a photo with a message naming it, and keeps the exercise as it was', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('bird dog');
  await lib.open((await lib.resultNames())[0]);
  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  const form = page.getByRole('form');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(/\(copy\)$/);
  const fake = path.join(app.dataDir, 'notes.png');
  fs.writeFileSync(fake, 'this is not an image');
  await form.locator('input[type=file]').setInputFiles(fake);
  await expect(page.getByRole('status')).toContainText('"notes.png" is not a PNG or JPEG photo.');
  expect((app.db().prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n).toBe(0);
  await form.getByRole('button', { name: 'Cancel' }).click();
});

test('duplicating a built-in makes an editable clinic copy and leaves the built-in untouched', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('bird dog');
  const original = (await lib.resultNames())[0];
  await lib.open(original);
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  const form = page.getByRole('form');
  await form.getByLabel('Sets', { exact: true }).fill('4');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(lib.detailTitle).toHaveText(`${original} (copy)`);
  await expect(page.getByRole('article').getByRole('definition').first()).toHaveText('4');

  const rows = app
    .db()
    .prepare(
      "SELECT e.origin, e.based_on_id, json_extract(e.dosage, '$.sets') AS sets, e.id FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq WHERE t.name IN (?, ?) ORDER BY e.origin",
    )
    .all(original, `${original} (copy)`) as { origin: string; based_on_id: string | null; sets: number; id: string }[];
  expect(rows.map((r) => r.origin)).toEqual(['builtin', 'clinic']);
  expect(rows[1].based_on_id).toBe(rows[0].id);
  expect(rows[0].sets).not.toBe(4);
  expect(rows[1].sets).toBe(4);
});

test('archiving hides an exercise until "Show archived" is ticked, and it can be restored', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('chin nod');
  const original = (await lib.resultNames())[0];
  await lib.open(original);
  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  await page.getByRole('form').getByRole('button', { name: 'Save changes' }).click();
  const copy = `${original} (copy)`;
  await expect(lib.detailTitle).toHaveText(copy);
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('article').locator('.badge-archived')).toBeVisible();
  await lib.settled();
  expect(await lib.resultNames()).not.toContain(copy);
  await lib.filters().getByRole('checkbox', { name: 'Show archived' }).check();
  await lib.settled('"includeArchived":true');
  expect(await lib.resultNames()).toContain(copy);
  await lib.open(copy);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('article').locator('.badge-archived')).toHaveCount(0);
});
