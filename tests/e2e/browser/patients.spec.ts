// Patients in Chromium through browser mode: a Type 2 patient after a lumbar fusion 8 weeks ago with
// a lifting limit, created after fixing what the form points out, edited, found by search (and from
// the keyboard) and archived; a save over a change made elsewhere; an emergency red flag and its
// referral advice; axe on the list, the form and the red-flag screen.
import { seriousViolations } from './axe';
import { expect, test, type AppUnderTest } from './fixtures';
import { daysAgo, PatientsPage } from './patients-page';

interface PatientRow {
  display_name: string;
  full_name: string | null;
  archived: number;
  revision: number;
  clinical: string;
}

const rowsOf = (app: AppUnderTest): PatientRow[] =>
  app.db().prepare('SELECT display_name, full_name, archived, revision, clinical FROM patients ORDER BY seq').all() as PatientRow[];

/** Creates "TF", Type 2, after a lumbar fusion at L4-L5 and L5-S1 eight weeks ago, lifting limit 10 lb until week 12. */
async function createPostFusion(p: PatientsPage): Promise<void> {
  await p.page.getByRole('button', { name: 'New patient' }).click();
  await expect(p.form.getByRole('textbox', { name: 'Display name' })).toBeFocused();
  await p.form.getByRole('textbox', { name: 'Display name' }).fill('TF');
  await p.form.getByRole('textbox', { name: 'Full name (optional)' }).fill('Taylor Fenwick');
  await p.form.getByRole('checkbox', { name: 'Low back (lumbar)' }).check();
  await p.form.getByRole('checkbox', { name: 'Instability / weakness' }).check();
  await p.form.getByRole('radio', { name: /PSPS Type 2/ }).check();
  const surgery = p.surgery(1);
  await surgery.getByLabel('Procedure').selectOption('lumbar-fusion');
  await surgery.getByLabel('Date', { exact: true }).fill(daysAgo(56));
  await expect(surgery.getByText('Week 8 since surgery')).toBeVisible();
  await surgery.getByLabel('Approach').selectOption('posterior');
  await surgery.getByRole('textbox', { name: 'Levels' }).fill('L4-L5, L5-S1');
  await surgery.getByRole('checkbox', { name: 'Multilevel' }).check();
  await surgery.getByLabel("Surgeon's clearance").selectOption('not-cleared');
  await surgery.getByRole('button', { name: 'Add restriction' }).click();
  const restriction = surgery.getByRole('group', { name: 'Restriction 1' });
  await expect(restriction.getByLabel('Kind')).toBeFocused();
  await restriction.getByLabel('Kind').selectOption('lifting-limit');
  await restriction.getByLabel('Most weight').fill('10');
  await restriction.getByLabel('Holds').selectOption('week');
  await restriction.getByLabel('Until week').fill('12');
  await p.form.getByRole('button', { name: 'Add patient' }).click();
  await expect(p.record.getByRole('heading', { name: 'TF', level: 2 })).toBeFocused();
}

test('a Type 2 patient after a fusion: created after fixing the form, edited, searched for and archived', async ({ page, app }) => {
  await app.open();
  const p = new PatientsPage(page);
  await p.goto();
  await expect(p.count).toHaveText('0 patients');

  // An empty form names what is missing beside each field and saves nothing.
  await page.getByRole('button', { name: 'New patient' }).click();
  await p.form.getByRole('button', { name: 'Add patient' }).click();
  await expect(p.form.getByRole('alert')).toContainText('Display name');
  const name = p.form.getByRole('textbox', { name: 'Display name' });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(p.form.getByText('Give the patient a display name (initials are enough)', { exact: true })).toBeVisible();
  await expect(p.form.getByText('Choose at least one region', { exact: true })).toBeVisible();
  // A level typed wrong is named.
  await p.form.getByRole('radio', { name: /PSPS Type 2/ }).check();
  await p.surgery(1).getByRole('textbox', { name: 'Levels' }).fill('L4L5');
  await expect(p.surgery(1).getByText('“L4L5” is not a level: a level looks like L4-L5, C5-C6 or T10', { exact: true })).toBeVisible();
  expect(rowsOf(app)).toEqual([]);
  await p.form.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Discard changes' }).click();

  await createPostFusion(p);
  await expect(p.record.getByTestId('weeks-since-surgery')).toHaveText('Week 8 since surgery');
  await expect(p.record).toContainText('Lifting limit 10 lb, until week 12');
  await expect(p.row('TF')).toContainText('Week 8 since surgery');
  await expect(p.row('TF')).toContainText('PSPS Type 2');
  const [saved] = rowsOf(app);
  expect(saved).toMatchObject({ display_name: 'TF', full_name: 'Taylor Fenwick', archived: 0, revision: 1 });
  const clinical = JSON.parse(saved.clinical) as { pspsType: number; surgeries: { levels: string[]; restrictions: unknown[] }[] };
  expect(clinical.pspsType).toBe(2);
  expect(clinical.surgeries[0].levels).toEqual(['L4-L5', 'L5-S1']);
  expect(clinical.surgeries[0].restrictions).toEqual([
    { kind: 'lifting-limit', limit: { value: 10, unit: 'lb' }, until: { kind: 'week', week: 12 }, note: null },
  ]);

  // Edit: the lifting limit goes to kg, a generator is added.
  await p.record.getByRole('button', { name: 'Edit', exact: true }).click();
  await p.form.getByRole('checkbox', { name: 'Nerve irritation' }).check();
  await p.surgery(1).getByRole('group', { name: 'Restriction 1' }).getByLabel('Unit').selectOption('kg');
  await p.form.getByRole('button', { name: 'Save changes' }).click();
  await expect(p.record).toContainText('Lifting limit 10 kg, until week 12');
  await expect(p.record).toContainText('Instability / weakness, Nerve irritation');
  expect(rowsOf(app)[0].revision).toBe(2);

  // A second patient, so the search has something to leave out.
  await page.getByRole('button', { name: 'New patient' }).click();
  await p.form.getByRole('textbox', { name: 'Display name' }).fill('MK');
  await p.form.getByRole('checkbox', { name: 'Neck (cervical)' }).check();
  await p.form.getByRole('button', { name: 'Add patient' }).click();
  await expect(p.record.getByRole('heading', { name: 'MK', level: 2 })).toBeVisible();
  await p.settled();
  await expect.poll(() => p.names()).toEqual(['MK', 'TF']);

  // Search by full name, then open from the keyboard: Arrow Down into the list, Enter.
  await p.searchFor('fenwick');
  await expect.poll(() => p.names()).toEqual(['TF']);
  await p.search.press('ArrowDown');
  await expect(p.row('TF')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(p.record.getByRole('heading', { name: 'TF', level: 2 })).toBeVisible();
  await p.searchFor('nobody');
  await expect(p.count).toHaveText('No patients match');
  await p.searchFor('');

  // Archive, after a confirmation; the patient leaves the list and is found with "Show archived".
  await p.row('TF').click();
  await p.record.getByRole('button', { name: 'Archive…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Archive TF?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Archive patient' }).click();
  await expect(p.record.getByText('Archived', { exact: true })).toBeVisible();
  await p.settled();
  await expect.poll(() => p.names()).toEqual(['MK']);
  expect(rowsOf(app)[0].archived).toBe(1);
  await p.listPane.getByRole('checkbox', { name: 'Show archived' }).check();
  await expect(p.row('TF')).toContainText('Archived');
});

test('a save over a change made elsewhere says so and overwrites nothing', async ({ page, app }) => {
  await app.open();
  const p = new PatientsPage(page);
  await p.goto();
  await createPostFusion(p);
  await p.record.getByRole('button', { name: 'Edit', exact: true }).click();
  await p.form.getByRole('textbox', { name: 'Display name' }).fill('TF-2');

  // The same record is changed through the bridge, as another window would.
  const changed = await page.evaluate(async () => {
    const token = sessionStorage.getItem('loadwise.token');
    const call = async (channel: string, args: unknown) =>
      (await (
        await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(args),
        })
      ).json()) as { ok: boolean; value: { id: string; revision: number } & Record<string, unknown> };
    const [first] = (await call('patients.list', {})).value as unknown as { id: string }[];
    const got = (await call('patients.get', { id: first.id })).value;
    const { displayName, fullName, dateOfBirth, clinical, notes } = got;
    return call('patients.update', {
      id: got.id,
      revision: got.revision,
      patient: { displayName, fullName: 'Changed elsewhere', dateOfBirth, clinical, notes },
    });
  });
  expect(changed.ok).toBe(true);

  await p.form.getByRole('button', { name: 'Save changes' }).click();
  const alert = p.form.getByRole('alert');
  await expect(alert).toContainText('This patient was changed elsewhere');
  expect(rowsOf(app)[0]).toMatchObject({ display_name: 'TF', full_name: 'Changed elsewhere', revision: 2 });
  await alert.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(p.form.getByRole('textbox', { name: 'Full name (optional)' })).toHaveValue('Changed elsewhere');
  await expect(p.form.getByRole('textbox', { name: 'Display name' })).toHaveValue('TF');
});

test('an emergency red flag shows the referral advice, on the screen and on the record', async ({ page, app }) => {
  await app.open();
  const p = new PatientsPage(page);
  await p.goto();
  await createPostFusion(p);
  await p.record.getByRole('button', { name: 'Red-flag screen…' }).click();
  await expect(p.form.getByRole('heading', { name: 'Red-flag screen: TF' })).toBeVisible();
  expect(await seriousViolations(page), 'red-flag screen').toEqual([]);

  const advice = p.form.getByRole('alert').filter({ hasText: 'Refer for emergency care today' });
  await expect(advice).toHaveCount(0);
  await p.question('Possible cauda equina').getByRole('radio', { name: 'Yes', exact: true }).check();
  await expect(advice).toBeVisible();
  await expect(advice).toContainText('go to an emergency department today');
  for (const q of ['New or quickly worsening weakness', 'Sudden breathlessness'])
    await p.question(q).getByRole('radio', { name: 'No', exact: true }).check();
  await p.question('Calf pain or swelling').getByRole('radio', { name: 'Yes', exact: true }).check();
  expect(await seriousViolations(page), 'red-flag screen with advice').toEqual([]);
  await p.form.getByRole('button', { name: 'Save screen' }).click();

  const banner = p.record.getByRole('region', { name: 'Emergency red flag' });
  await expect(banner).toContainText('Refer for emergency care today');
  await expect(banner).toContainText('Possible cauda equina');
  await expect(p.record).toContainText('Urgent, not yet dealt with');
  await p.settled();
  await expect(p.row('TF')).toContainText('Open red flag');
  const screen = (JSON.parse(rowsOf(app)[0].clinical) as { redFlags: { emergency: Record<string, string>; date: string } }).redFlags;
  expect(screen.emergency['cauda-equina']).toBe('yes');
  expect(screen.date).toBe(daysAgo(0));
});

test('axe: the patient list, the record and the form with its errors', async ({ page, app }) => {
  await app.open();
  const p = new PatientsPage(page);
  await p.goto();
  expect(await seriousViolations(page), 'empty list').toEqual([]);
  await page.getByRole('button', { name: 'New patient' }).click();
  await p.form.getByRole('radio', { name: /PSPS Type 2/ }).check();
  await p.surgery(1).getByLabel('Procedure').selectOption('spinal-cord-stimulator');
  await p.surgery(1).getByRole('button', { name: 'Add restriction' }).click();
  await p.form.getByRole('button', { name: 'Add patient' }).click();
  await expect(p.form.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page), 'form with errors').toEqual([]);
  await p.form.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Discard changes' }).click();
  await createPostFusion(p);
  await p.settled();
  expect(await seriousViolations(page), 'list and record').toEqual([]);
});

test('the list and the form fit a 1024 px laptop and reflow at 200% zoom', async ({ page, app }) => {
  await app.open();
  const p = new PatientsPage(page);
  await p.goto();
  await createPostFusion(p);
  await p.record.getByRole('button', { name: 'Edit', exact: true }).click();
  await p.form.getByRole('button', { name: 'Add surgery or implant' }).click();
  await p.surgery(2).getByLabel('Procedure').selectOption('spinal-cord-stimulator');
  await p.surgery(2).getByRole('button', { name: 'Add restriction' }).click();
  await p.surgery(2).getByRole('group', { name: 'Restriction 1' }).getByLabel('Kind').selectOption('lifting-limit');

  // 1024 px, then a 1366 px screen at 200% zoom (683 px), then a 320 px reflow.
  for (const size of [
    { width: 1024, height: 700 },
    { width: 683, height: 400 },
    { width: 320, height: 480 },
  ]) {
    await page.setViewportSize(size);
    const pageWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(pageWidth, `page width at ${size.width} px`).toBeLessThanOrEqual(size.width);
    for (const pane of [p.listPane, p.recordPane]) {
      if (!(await pane.isVisible())) continue;
      const box = (await pane.boundingBox())!;
      expect(box.x + box.width, `pane right edge at ${size.width} px`).toBeLessThanOrEqual(size.width + 0.5);
      const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow, `content wider than the pane at ${size.width} px`).toBeLessThanOrEqual(1);
    }
    await expect(p.form.getByRole('button', { name: 'Save changes' })).toBeVisible();
  }
  // At 320 px the list and the form take turns.
  await expect(p.listPane).toBeHidden();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Patients' }).click();
  await expect(p.listPane).toBeVisible();
  await expect(p.row('TF')).toBeVisible();
});
