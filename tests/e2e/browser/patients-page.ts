// What a clinician does on the Patients screen, in their terms. Everything is found by role and
// accessible name, as assistive technology finds it, never by CSS class.
import { expect, type Locator, type Page } from '@playwright/test';

export class PatientsPage {
  readonly search: Locator;
  readonly listPane: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  /** "3 patients", "No patients match". */
  readonly count: Locator;
  readonly recordPane: Locator;
  readonly record: Locator;
  readonly form: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search patients' });
    this.listPane = page.getByRole('region', { name: 'Patient list' });
    this.list = this.listPane.getByRole('listbox', { name: 'Patients' });
    this.rows = this.list.getByRole('option');
    this.count = this.listPane.getByRole('status');
    this.recordPane = page.getByRole('region', { name: 'Patient record' });
    this.record = this.recordPane.getByRole('article');
    this.form = this.recordPane.getByRole('form');
    this.toasts = page.getByRole('status', { name: 'Notifications' });
  }

  /** Opens the Patients section from the top bar and waits for its list. */
  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Patients' }).click();
    await this.settled();
  }

  /** Waits until the list answers the search box as it is now. */
  async settled(): Promise<void> {
    await expect(this.listPane).toHaveAttribute('aria-busy', 'false');
    await expect(this.listPane).toHaveAttribute('data-query', await this.search.inputValue());
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.settled();
  }

  /** The listed patient with this display name. */
  row(displayName: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('patient-name').getByText(displayName, { exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.rows.getByTestId('patient-name').allTextContents();
  }

  /** The surgery's part of the open form ("Surgery 1"). */
  surgery(n: number): Locator {
    return this.form.getByRole('group', { name: `Surgery ${n}`, exact: true });
  }

  /** One question of the red-flag screen, found by the words it starts with. */
  question(startsWith: string): Locator {
    return this.form.getByRole('group', { name: new RegExp(`^\\d+\\. ${startsWith}`) });
  }
}

/** A calendar day `days` before today on this computer, as a date input holds it. */
export function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
