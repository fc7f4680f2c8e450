// The program builder in Chromium through browser mode, on a real database: a Type 2 post-fusion
// patient at week 8 from the post-fusion template with a locked item flagged and acknowledged; an
// exercise added from the keyboard, another dragged in, and a keyboard-only move between stages;
// version 1 issued, edited, version 2 issued and its differences read; a re-test that meets stage
// 1's exit criteria and the advance it proposes; an emergency red flag that
// blocks issuing; the server killed mid-edit with every saved change (and its undo) still there;
// axe on each screen.
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { createPatient, ProgramBuilderPage, recordMeasure } from './programs-page';

interface ProgramRow {
  doc: string;
  revision: number;
}

test('a post-fusion patient at week 8 from the template: a locked item is flagged, acknowledged and saved', async ({ page, app }) => {
  await createPatient(app, { displayName: 'TF', fusionDaysAgo: 56 });
  await app.open();
  const b = new ProgramBuilderPage(page);
  await b.createProgram('TF', 'After fusion', 'PSPS-2: after lumbar fusion');
  expect((await b.itemNames(1)).length).toBeGreaterThan(5);
  expect(await b.itemNames(2)).toContain('L2-06 Glute bridge (supine bridging)');

  // Moving on to stage 2 makes its items prescribed: their locks now need an acknowledgement.
  await b.main.getByRole('button', { name: 'Stage 2: Controlled loading' }).click();
  await b.details.getByRole('button', { name: 'Make this the current stage…' }).click();
  const change = page.getByRole('dialog', { name: 'Move on to stage 2' });
  await change.getByLabel('Reason').fill('Walks 30 minutes; surgeon reviewed at week 8.');
  await change.getByRole('button', { name: 'Move on' }).click();
  await expect(b.summaryButton).toHaveText(/to acknowledge/);
  await expect(
    b.main.getByRole('group', { name: 'Program stages' }).getByRole('region', { name: 'Stage 2: Controlled loading' }),
  ).toContainText(/to acknowledge/);

  await b.summaryButton.click();
  const first = b.details.getByRole('list').last().getByRole('button').first();
  const name = await first.textContent();
  await first.click();
  await expect(b.details.getByRole('heading', { level: 2, name: name ?? '' })).toBeVisible();
  const flag = b.details.locator('.flag').filter({ hasText: 'Needs acknowledgement' }).first();
  const reason = (await flag.locator('.flag-reason').textContent()) ?? '';
  expect(reason.length).toBeGreaterThan(10);
  await flag.getByLabel('Acknowledge with a note').fill('Small range only; discussed with the surgeon.');
  await flag.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(b.details.locator('.flag-acknowledged').filter({ hasText: 'Small range only' })).toBeVisible();
  await b.saved();

  const row = app.db().prepare('SELECT doc FROM programs').get() as ProgramRow;
  const doc = JSON.parse(row.doc) as { currentStage: number; acknowledgements: { note: string }[]; stageLog: { reason: string }[] };
  expect(doc.currentStage).toBe(2);
  expect(doc.stageLog.map((s) => s.reason)).toEqual(['Walks 30 minutes; surgeon reviewed at week 8.']);
  expect(doc.acknowledgements.map((a) => a.note)).toContain('Small range only; discussed with the surgeon.');
  expect(await seriousViolations(page)).toEqual([]);
});

test('build from the keyboard and by dragging, move between stages from the keyboard, issue two versions and read the differences', async ({
  page,
  app,
}) => {
  await createPatient(app, { displayName: 'JD' });
  await app.open();
  const b = new ProgramBuilderPage(page);
  await b.createProgram('JD', 'Low back program');
  expect(b.screenNote).toBe('Red-flag screen done today: no red flags.');
  await expect(b.summaryButton).toHaveText('Safety summary: nothing open');

  // Keyboard: Enter on a picker card adds it to the stage in focus (stage 1).
  await b.searchPicker('L1-01');
  const card = b.pickerCard('L1-01').getByRole('button', { name: /^L1-01 Abdominal drawing-in/ });
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(b.stage(1).getByText('Abdominal drawing-in maneuver (ADIM), supine')).toBeVisible();

  // Pointer: drag a card onto stage 2.
  await b.searchPicker('L2-01');
  const drag = b.pickerCard('L2-01').getByRole('button', { name: /^L2-01 Bird dog/ });
  const target = b.stage(2);
  const from = await drag.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('not laid out');
  await page.mouse.move(from.x + 20, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 30, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(b.stage(2).getByText(/Bird dog/)).toBeVisible();
  await b.saved();

  // Keyboard only: pick up the stage 1 item by its handle, move it right onto stage 2, drop.
  const handle = b.stage(1).getByRole('button', { name: /^Move Abdominal drawing-in.*Position 1 of 1/ });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: /^Abdominal drawing-in.* is over stage 1/ })).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: /is over stage 2/ })).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(b.stage(2).getByText('Abdominal drawing-in maneuver (ADIM), supine')).toBeVisible();
  await expect(b.stage(1).locator('.stage-item')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /dropped in stage 2/ })).toHaveCount(1);
  await b.saved();

  // The program's own details, in the summary.
  await b.summaryButton.click();
  const title = b.details.getByLabel('Program title');
  await title.fill('Low back program, phase 1');
  await title.blur();
  await expect(b.main.getByRole('heading', { level: 1 })).toHaveText('Low back program, phase 1');
  await b.saved();

  // Version 1.
  await b.main.getByRole('button', { name: 'Issue version 1…' }).click();
  let issue = page.getByRole('dialog', { name: 'Issue this program' });
  await issue.getByLabel('Issued by').fill('Dr. Ana Ruiz, DPT');
  // A modal dialog makes the page behind it inert, landmarks included.
  expect(await seriousViolations(page, ['color-contrast', 'label', 'button-name'])).toEqual([]);
  await issue.getByRole('button', { name: 'Issue version' }).click();
  await expect(b.main.getByText('Version 1 issued.')).toBeVisible();
  await expect(b.main.getByRole('button', { name: 'Version 1 issued' })).toBeDisabled();

  // Edit a dose, then version 2.
  await b
    .stage(2)
    .getByRole('button', { name: /^L2-01 Bird dog/ })
    .click();
  const reps = b.details.getByLabel('Reps', { exact: true });
  await reps.fill('12');
  await reps.press('Enter');
  await b.saved();
  await expect(b.main.getByRole('button', { name: 'Issue version 2…' })).toBeEnabled();
  await b.main.getByRole('button', { name: 'Issue version 2…' }).click();
  issue = page.getByRole('dialog', { name: 'Issue this program' });
  await expect(issue.getByLabel('Issued by')).toHaveValue('');
  await issue.getByLabel('Issued by').fill('Dr. Ana Ruiz, DPT');
  await issue.getByRole('button', { name: 'Issue version' }).click();
  await expect(b.main.getByText('Version 2 issued.')).toBeVisible();

  await b.main.getByRole('button', { name: /^Versions/ }).click();
  await expect(b.details.getByRole('heading', { name: 'What changed in version 2' })).toBeVisible();
  await expect(b.details.getByText(/^Changed how to do Bird dog.*: now 2 × 12/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await b.details.getByRole('button', { name: 'Version 1' }).click();
  await expect(b.details.getByText('The first issued version.')).toBeVisible();

  // Regress in place: an easier version of the bird dog takes its place, with its own dose.
  await b
    .stage(2)
    .getByRole('button', { name: /^L2-01 Bird dog/ })
    .click();
  const easier = b.details.locator('.swap-choices').filter({ hasText: 'Easier (regress)' }).getByRole('button').first();
  const easierName = (await easier.textContent()) ?? '';
  await easier.click();
  await expect(b.stage(2).getByRole('button', { name: /^L2-01 Bird dog/ })).toHaveCount(0);
  await expect(b.details.getByText(`Patient name: ${easierName}`)).toBeVisible();
  await b.saved();

  const versions = app.db().prepare('SELECT number, clinician FROM program_versions ORDER BY number').all();
  expect(versions).toEqual([
    { number: 1, clinician: 'Dr. Ana Ruiz, DPT' },
    { number: 2, clinician: 'Dr. Ana Ruiz, DPT' },
  ]);
});

test('an emergency red flag blocks issuing and says to refer', async ({ page, app }) => {
  await createPatient(app, { displayName: 'CE', emergency: 'cauda-equina' });
  await app.open();
  const b = new ProgramBuilderPage(page);
  await b.createProgram('CE', 'Program');
  expect(b.screenNote).toMatch(/^The red-flag screen shows a red flag/);
  await expect(b.main.getByRole('alert')).toContainText('Emergency red flag: refer now, do not exercise.');
  await expect(b.main.getByRole('button', { name: 'Issue version 1…' })).toBeDisabled();
  await expect(b.summaryButton).toHaveText(/1 block/);
  await b.summaryButton.click();
  await expect(b.details.locator('.flag-block')).toContainText('Blocks issuing');
  expect(await seriousViolations(page)).toEqual([]);
});

test('every saved change survives the server being killed mid-edit, and so does its undo', async ({ page, app }) => {
  await createPatient(app, { displayName: 'KR' });
  await app.open();
  const b = new ProgramBuilderPage(page);
  await b.createProgram('KR', 'Kill test');
  await b.searchPicker('L1-03');
  await b.pickerCard('L1-03').getByRole('button', { name: /^Add / }).click();
  await b
    .stage(1)
    .getByRole('button', { name: /^L1-03 Lumbar multifidus/ })
    .click();
  const sets = b.details.getByLabel('Sets', { exact: true });
  await sets.fill('2');
  await sets.press('Enter');
  const note = b.details.getByLabel('Note for the patient (printed)');
  await note.fill('Do these before work.');
  await note.blur();
  await b.saved();

  app.bridge.child.kill('SIGKILL');
  await app.restart();
  await page.goto(app.bridge.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('listbox', { name: 'Patients' }).getByText('KR', { exact: true }).click();
  await page.getByRole('button', { name: 'Kill test' }).click();
  await b
    .stage(1)
    .getByRole('button', { name: /^L1-03 Lumbar multifidus/ })
    .click();
  await expect(b.details.getByLabel('Sets', { exact: true })).toHaveValue('2');
  await expect(b.details.getByLabel('Note for the patient (printed)')).toHaveValue('Do these before work.');

  // The undo history was kept in the database: the last step (the note) comes undone, by Ctrl+Z
  // once focus has left the text fields (in a field, Ctrl+Z undoes typing).
  await b.main.getByRole('heading', { level: 1 }).click();
  await expect(b.main.getByRole('button', { name: 'Undo note change' })).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(b.details.getByLabel('Note for the patient (printed)')).toHaveValue('');
  await expect(b.details.getByLabel('Sets', { exact: true })).toHaveValue('2');
  await b.saved();
  const row = app.db().prepare('SELECT doc FROM programs').get() as ProgramRow;
  expect(JSON.parse(row.doc).stages[0].items[0]).toMatchObject({ dosage: { sets: 2 }, patientNote: null });
});

test('a re-test that meets the exit criteria proposes the next stage, and the clinician moves on', async ({ page, app }) => {
  const patientId = await createPatient(app, { displayName: 'RT' });
  // Earlier visits: everything but one required criterion of the stage 1 gate (lumbar, audit §9).
  for (const [measure, value] of [
    ['red-flags-clear', 1],
    ['pain-response-weeks', 2],
    ['form-clean-sessions', 2],
    ['adim-clean-holds', 10],
    ['activation-positions', 2],
    ['walk-continuous-min', 20],
    ['log-roll-independent', 1],
  ] as const) {
    await recordMeasure(app, patientId, measure, value);
  }
  await app.open();
  const b = new ProgramBuilderPage(page);
  await b.createProgram('RT', 'Re-test program');
  await b.main.getByRole('button', { name: 'Stage 1: Stabilizer activation' }).click();
  await expect(b.details.getByText(/Ready for/)).toHaveCount(0);

  // Today's re-test, entered on screen: the last required criterion.
  await b.details.getByRole('button', { name: /^Record Multifidus/ }).click();
  const form = b.details.getByRole('form', { name: 'Record a test' });
  await form.getByRole('spinbutton').first().fill('10');
  await form.getByRole('button', { name: 'Save result' }).click();
  await expect(b.details.getByText('Ready for stage 2.', { exact: false })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await b.details.getByRole('button', { name: 'Propose stage 2' }).click();
  const change = page.getByRole('dialog', { name: 'Move on to stage 2' });
  await expect(change.getByLabel('Reason')).toHaveValue('Exit criteria met.');
  await change.getByRole('button', { name: 'Move on' }).click();
  await expect(b.main.getByText(/now in stage 2 \(controlled loading\)/)).toBeVisible();
  await b.saved();
  const doc = JSON.parse((app.db().prepare('SELECT doc FROM programs').get() as ProgramRow).doc) as { currentStage: number };
  expect(doc.currentStage).toBe(2);
  const recorded = app.db().prepare("SELECT count(*) AS n FROM measurements WHERE measure_id = 'multifidus-clean-holds'").get() as {
    n: number;
  };
  expect(recorded.n).toBe(1);
});

test('the builder fits a 1024 px laptop and 200% zoom: nothing is clipped and every control is reachable', async ({ page, app }) => {
  await createPatient(app, { displayName: 'LW', fusionDaysAgo: 70 });
  await app.open();
  const b = new ProgramBuilderPage(page);
  await b.createProgram('LW', 'Layout', 'PSPS-2: after lumbar fusion');
  for (const width of [1024, 683]) {
    await page.setViewportSize({ width, height: width === 1024 ? 768 : 400 });
    // No sideways scrolling of the page, and the builder's own panes keep within the window.
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      builder: (document.querySelector('main.builder') as HTMLElement).scrollWidth - window.innerWidth,
    }));
    expect(overflow, `at ${width} px`).toEqual({ page: 0, builder: 0 });
    for (const control of [
      b.main.getByRole('button', { name: 'Issue version 1…' }),
      b.picker.getByRole('searchbox', { name: 'Search the library' }),
      b.stage(4).getByRole('button').last(),
      b.details.getByRole('heading', { name: 'Safety summary' }),
    ]) {
      await control.scrollIntoViewIfNeeded();
      await expect(control, `at ${width} px`).toBeInViewport();
    }
    expect(await seriousViolations(page), `at ${width} px`).toEqual([]);
  }
});
