// Importing exercises from another tool in Chromium on a real data folder: a CSV file with a
// byte-order mark, quoted fields and a pictures column; the columns are matched by their names,
// the first rows are shown, the file's stage is used only once agreed, pictures come from a chosen
// folder through the photo pipeline, and the report lists the rows imported and the row skipped
// with its reason. The matching is saved and offered again. Axe-clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { writePhoto } from './library-page';

test('imports a CSV through the matching step, with pictures from a folder and a report', async ({ page, app }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-tool-import-'));
  const csv = path.join(dir, 'Our exercises.csv');
  fs.writeFileSync(
    csv,
    '\uFEFFName,Summary,Starting position,Steps,Stage,Pictures,Page\r\n' +
      '"Chin nod, supported",Eases the neck,Lying on your back,"Nod gently; Hold 5 s",2,nod.png,p. 12\r\n' +
      'Wall slide,Shoulder control,Standing at a wall,Slide up;Slide down,3,,p. 14\r\n' +
      'No steps,Something,Somewhere,,1,,\r\n',
  );
  const pictures = path.join(dir, 'Pictures');
  await writePhoto(pictures, 'nod.png', 'png');

  await app.open();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Share' }).click();
  const panel = page.getByRole('region', { name: 'Import exercises from another tool' });
  await panel.getByLabel('Choose a CSV or JSON file').setInputFiles(csv);
  await expect(panel).toContainText('3 rows, 7 columns, separated by “,”.');
  await expect(panel.getByLabel('Steps (list)')).toHaveValue('Steps'); // matched by name
  const preview = panel.getByRole('table', { name: 'The first rows as they would be imported' });
  await expect(preview.getByRole('row').nth(1)).toContainText('Chin nod, supported');
  // The stage is the clinician's choice unless the file's is agreed to.
  await panel.getByLabel('Use the file’s stage').check();
  await panel.getByLabel('Folder with the pictures (optional)').setInputFiles(pictures);
  await panel.getByLabel('Save this matching as').fill('Our spreadsheet');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Saved the matching “Our spreadsheet”.');
  expect(await seriousViolations(page)).toEqual([]);

  await panel.getByRole('button', { name: 'Import 3 rows' }).click();
  const report = panel.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('2 exercises imported. 1 picture added.');
  await expect(report).toContainText('Row 3: the steps are missing.');
  const rows = app
    .db()
    .prepare(
      `SELECT t.name, e.stage, e.clinician_notes AS notes, (SELECT count(*) FROM exercise_media m WHERE m.exercise_seq = e.seq) AS photos
       FROM exercises e JOIN exercise_text t ON t.exercise_seq = e.seq AND t.locale = 'en' WHERE e.origin = 'clinic' ORDER BY t.name`,
    )
    .all();
  expect(rows).toEqual([
    { name: 'Chin nod, supported', stage: 2, notes: 'Page: p. 12', photos: 1 },
    { name: 'Wall slide', stage: 3, notes: 'Page: p. 14', photos: 0 },
  ]);
  await expect(panel.getByLabel('Use a saved matching')).toContainText('Our spreadsheet');
});
