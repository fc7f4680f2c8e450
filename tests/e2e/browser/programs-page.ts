// The program builder in a clinician's terms, found by role and accessible name. Patients are
// created through the bridge's API (their form has its own tests); programs through the screens.
import { expect, type Locator, type Page } from '@playwright/test';
import { postCall } from '../../support/cli-process';
import { samplePatient, sampleSurgery, screenedNoFlags } from '../../support/patients';
import type { PatientInput } from '../../../common/contract/patients';
import type { AppUnderTest } from './fixtures';
import { daysAgo } from './patients-page';

export interface PatientSpec {
  displayName: string;
  fusionDaysAgo?: number;
  emergency?: keyof PatientInput['clinical']['redFlags']['emergency'];
}

/** A screened patient: Type 1 with disc loading, or Type 2 after a lumbar fusion `fusionDaysAgo` days ago. */
export async function createPatient(app: AppUnderTest, spec: PatientSpec): Promise<string> {
  const redFlags = screenedNoFlags(daysAgo(0));
  if (spec.emergency) redFlags.emergency[spec.emergency] = 'yes';
  const fused = spec.fusionDaysAgo !== undefined;
  const patient = samplePatient(
    { displayName: spec.displayName },
    {
      pspsType: fused ? 2 : 1,
      generators: fused ? ['instability'] : ['disc'],
      surgeries: fused
        ? [sampleSurgery({ date: daysAgo(spec.fusionDaysAgo as number), clearance: { status: 'not-cleared', date: null, note: null } })]
        : [],
      redFlags,
    },
  );
  const r = await postCall(app.bridge.port, app.bridge.token, 'patients.create', { patient });
  const body = JSON.parse(r.body) as { ok: boolean; value: { id: string } };
  expect(body.ok, r.body).toBe(true);
  return body.value.id;
}

export class ProgramBuilderPage {
  readonly main: Locator;
  readonly picker: Locator;
  readonly details: Locator;
  readonly summaryButton: Locator;
  readonly saveStatus: Locator;
  /** What the New program dialog said of the red-flag screen, last time. */
  screenNote = '';

  constructor(readonly page: Page) {
    this.main = page.locator('main.builder');
    this.picker = page.getByRole('region', { name: 'Add exercises' });
    this.details = page.getByRole('complementary', { name: 'Details' });
    this.summaryButton = page.getByRole('button', { name: /^Safety summary:/ });
    this.saveStatus = this.main.getByRole('status').filter({ hasText: /saved|Saving|Not saved/ });
  }

  /** Opens the Patients section, the patient, and creates a program (from a template, or blank). */
  async createProgram(displayName: string, title: string, template?: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Patients' }).click();
    await this.page.getByRole('listbox', { name: 'Patients' }).getByText(displayName, { exact: true }).click();
    await this.page.getByRole('button', { name: 'New program…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New program' });
    this.screenNote = (await dialog.getByRole('note').textContent()) ?? '';
    if (template) await dialog.getByLabel('Start from').selectOption({ label: template });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByRole('button', { name: 'Create program' }).click();
    await expect(this.main.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  stage(n: 1 | 2 | 3 | 4): Locator {
    return this.main.getByRole('list', { name: `Stage ${n} exercises` });
  }

  /** The item cards of a stage, by the clinical names they show. */
  async itemNames(n: 1 | 2 | 3 | 4): Promise<string[]> {
    return (await this.stage(n).locator('.stage-item-title').allTextContents()).map((t) => t.trim());
  }

  async saved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('All changes saved');
  }

  /** Shows every library exercise in the picker (no stage or generator filter) and searches. */
  async searchPicker(text: string): Promise<void> {
    for (const box of await this.picker.getByRole('checkbox').all()) await box.uncheck();
    await this.picker.getByRole('searchbox', { name: 'Search the library' }).fill(text);
  }

  pickerCard(code: string): Locator {
    return this.picker.getByRole('listitem').filter({ hasText: code });
  }
}

/** Records one objective-test value for a patient through the bridge (as an earlier visit did). */
export async function recordMeasure(app: AppUnderTest, patientId: string, measureId: string, value: number): Promise<void> {
  const r = await postCall(app.bridge.port, app.bridge.token, 'assessments.record', { patientId, measureId, date: daysAgo(0), value });
  expect(JSON.parse(r.body).ok, `${measureId}: ${r.body}`).toBe(true);
}
