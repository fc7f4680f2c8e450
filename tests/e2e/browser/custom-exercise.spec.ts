// A clinician's own exercises: create with checks, edit, photos, duplicate a built-in, archive,
// a save that meets a change made elsewhere, and everything still there after the app restarts.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Result } from '../../../common/contract/result';
import type { Exercise } from '../../../common/domain/exercise';
import { expect, test, type AppUnderTest } from './fixtures';
import { LibraryPage, writePhoto } from './library-page';

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
  await form.getByLabel('Clinical name').fill('Standing abdominal bracing against a wall');
  await form.getByLabel('Also known as').fill('wall brace, TrA wall press');
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
  // A new exercise starts "not rated" for every generator; rating it is the clinician's call.
  for (const g of ['Disc loading', 'Instability / weakness', 'Nerve irritation']) {
    await expect(form.getByLabel(`${g} rating`)).toHaveValue('not-rated');
  }
  await form.getByLabel('After lumbar fusion rating').selectOption('caution');
  await form.getByLabel('After lumbar fusion lock').selectOption('week');
  await form.getByLabel('After lumbar fusion earliest week after surgery').fill('6');
  await form.getByLabel('Tags').fill('transversus abdominis, breathing');
  await form.getByLabel('Regressions (easier)').fill('draw');
  await form.getByRole('list', { name: 'Regressions (easier) suggestions' }).getByRole('button').first().click();
  await form.getByRole('button', { name: 'Create exercise' }).click();

  await expect(lib.detailTitle).toHaveText('Wall press with breath');
  const article = page.getByRole('article');
  await expect(article).toContainText('Clinic');
  await expect(article.getByRole('row', { name: /After lumbar fusion/ })).toContainText('Week 6');
  await expect(article.getByRole('row', { name: /After lumbar fusion/ })).toContainText('Caution');
  await expect(article.getByRole('row', { name: /Disc loading/ })).toContainText('Not rated');
  await expect(article.getByRole('heading', { level: 2 })).toHaveText('Standing abdominal bracing against a wall');
  // Not rated is never suitable: a filter on disc loading leaves it out; the card says "Not rated".
  await lib.searchFor('wall press');
  await expect(lib.results.filter({ hasText: 'Wall press with breath' })).toContainText('Not rated');
  await page.getByRole('checkbox', { name: 'Disc loading' }).check();
  await lib.settled('"generators":["disc"]');
  expect(await lib.resultNames()).not.toContain('Wall press with breath');
  await page.getByRole('checkbox', { name: 'Disc loading' }).uncheck();
  await lib.settled();
  // Found by its clinical name and its aliases too.
  for (const q of ['abdominal bracing wall', 'tra wall press']) {
    await lib.searchFor(q);
    expect(await lib.resultNames(), q).toContain('Wall press with breath');
  }
  await lib.open('Wall press with breath');

  // A photo with camera metadata: stored once, cleaned, shown.
  const photo = await writePhoto(app.dataDir, 'wall-press.jpg', 'jpeg');
  await lib.addPhoto(photo);
  await expect(lib.toasts).toContainText('Photo added');
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
  // A copy is unsaved until saved, and photos go on saved exercises: save it, then edit it.
  await lib.duplicateFirst('bird dog');
  await page.getByRole('article').getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(/\(copy\)$/);
  const fake = path.join(app.dataDir, 'notes.png');
  fs.writeFileSync(fake, 'this is not an image');
  await lib.addPhoto(fake);
  await expect(lib.toasts).toContainText('This file is not a PNG or JPEG photo.');
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
  await form.getByRole('button', { name: 'Save copy' }).click();
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
  await page.getByRole('form').getByRole('button', { name: 'Save copy' }).click();
  const copy = `${original} (copy)`;
  await expect(lib.detailTitle).toHaveText(copy);
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('article').getByText('Archived', { exact: true })).toBeVisible();
  await lib.settled();
  // The list refreshes after the change: wait for the archived copy to leave it.
  await expect(lib.result(copy)).toHaveCount(0);
  await expect(lib.result(original)).toHaveCount(1);
  await lib.filters().getByRole('checkbox', { name: 'Show archived' }).check();
  await lib.settled('"includeArchived":true');
  expect(await lib.resultNames()).toContain(copy);
  await lib.open(copy);
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
  await expect(page.getByRole('article').getByText('Archived', { exact: true })).toHaveCount(0);
});

/** The exercise's photos as stored: their kind, in the order the exercise shows them. */
function storedPhotoMimes(app: AppUnderTest, name: string): string[] {
  return (
    app
      .db()
      .prepare(
        `SELECT m.mime FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq
           JOIN exercise_media em ON em.exercise_seq = e.seq JOIN media m ON m.sha256 = em.sha256
          WHERE t.name = ? ORDER BY em.position`,
      )
      .all(name) as { mime: string }[]
  ).map((r) => r.mime);
}

test('removes the photo chosen, keeps the other, and it stays removed after a restart', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  const copy = await lib.duplicateFirst('bird dog');
  await lib.addPhoto(await writePhoto(app.dataDir, 'first.jpg', 'jpeg'));
  await expect(lib.photos().getByRole('img', { name: `${copy}, photo 1` })).toHaveJSProperty('complete', true);
  await lib.addPhoto(await writePhoto(app.dataDir, 'second.png', 'png'));
  await expect(lib.photos().getByRole('img', { name: `${copy}, photo 2` })).toHaveJSProperty('complete', true);
  expect(storedPhotoMimes(app, copy)).toEqual(['image/jpeg', 'image/png']);

  await lib.photos().getByRole('button', { name: 'Remove photo 1' }).click();
  await expect(lib.toasts).toContainText('Photo removed');
  await expect(lib.photos().getByRole('img')).toHaveCount(1);
  await expect(lib.photos().getByRole('button', { name: 'Remove photo 2' })).toHaveCount(0);
  expect(storedPhotoMimes(app, copy)).toEqual(['image/png']);

  await app.restart();
  await app.open();
  await lib.searchFor(copy);
  await lib.open(copy);
  await expect(lib.photos().getByRole('img')).toHaveCount(1);
  await expect(lib.photos().getByRole('img', { name: `${copy}, photo 1` })).toHaveJSProperty('complete', true);
});

test('saving over a change made elsewhere says so, and neither change overwrites the other', async ({ page, app }) => {
  await app.open();
  const lib = new LibraryPage(page);
  const copy = await lib.duplicateFirst('chin nod');
  const { id } = app
    .db()
    .prepare('SELECT e.id FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq WHERE t.name = ?')
    .get(copy) as {
    id: string;
  };
  await page.getByRole('article').getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form');
  await form.getByLabel('Sets', { exact: true }).fill('5');

  // Behind the editor's back, the same exercise is changed through the bridge, as another window
  // of the app would: read it, rename it, save it with the version it had.
  const elsewhere = `${copy} (edited elsewhere)`;
  const saved = await page.evaluate(
    async ({ id, name }) => {
      const token = sessionStorage.getItem('loadwise.token');
      const call = async (channel: string, args: unknown): Promise<Result<Exercise>> => {
        const res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(args),
        });
        return (await res.json()) as Result<Exercise>;
      };
      const got = await call('library.get', { id });
      if (!got.ok) return got;
      const ex = got.value;
      const draft = {
        clinicalName: ex.clinicalName,
        aliases: ex.aliases,
        stage: ex.stage,
        region: ex.region,
        position: ex.position,
        equipment: ex.equipment,
        text: { ...ex.text, name },
        dosage: ex.dosage,
        suitability: ex.suitability,
        tags: ex.tags,
        sources: ex.sources,
        progressionIds: ex.progressions.map((l) => l.id),
        regressionIds: ex.regressions.map((l) => l.id),
        clinicianNotes: ex.clinicianNotes,
      };
      return call('library.update', { id, contentVersion: ex.contentVersion, draft });
    },
    { id, name: elsewhere },
  );
  if (!saved.ok) throw new Error(`the change made elsewhere was refused: ${saved.error.message}`);
  const versionElsewhere = saved.value.contentVersion;
  expect(versionElsewhere).toBeGreaterThan(1);

  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'This exercise was changed somewhere else after you opened it. Reopen it to see the latest version, then make your change again.',
  );
  // The editor stays open with what the clinician typed, so nothing is lost by the refusal.
  await expect(form.getByLabel('Sets', { exact: true })).toHaveValue('5');
  await expect(form.getByRole('button', { name: 'Save changes' })).toBeEnabled();
  const row = app
    .db()
    .prepare(
      "SELECT t.name, e.content_version, json_extract(e.dosage, '$.sets') AS sets FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq WHERE e.id = ?",
    )
    .get(id) as { name: string; content_version: number; sets: number };
  expect(row).toEqual({ name: elsewhere, content_version: versionElsewhere, sets: expect.any(Number) });
  expect(row.sets).not.toBe(5);
});

test('a copy of a carry keeps its distance, takes a band intensity from the editor, and shows what the patient reads (audit D34, D35)', async ({
  page,
  app,
}) => {
  await app.open();
  const lib = new LibraryPage(page);
  await lib.searchFor('L3-14');
  await lib.open((await lib.resultNames())[0]);
  const article = page.getByRole('article');
  await expect(article).toContainText('65 feet (20 m)');
  await expect(article).toContainText('Use a weight of 10 to 20% of your body weight.');

  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  const form = page.getByRole('form');
  await expect(form.getByLabel('Distance (meters)')).toHaveValue('20');
  await form.getByLabel('Distance (meters)').fill('30');
  await form.getByLabel('Intensity', { exact: true }).selectOption('band');
  await form.getByLabel('Band level').selectOption('medium');
  await form.getByLabel('Band color (optional)').fill('red');
  await form.getByRole('button', { name: 'Save copy' }).click();

  await expect(lib.detailTitle).toHaveText(/\(copy\)$/);
  await expect(page.getByRole('article')).toContainText('Walk 100 feet (30 m) each time. Use a medium band (red).');
  const stored = app.db().prepare("SELECT dosage FROM exercises WHERE origin = 'clinic'").pluck().get() as string;
  expect(JSON.parse(stored)).toMatchObject({ distanceMeters: 30, intensity: { kind: 'band', band: 'medium', bandColor: 'red' } });
});
