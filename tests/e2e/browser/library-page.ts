// What a clinician does on the library screen, in their terms. Everything is found by role and
// accessible name, as assistive technology finds it, never by CSS class.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  readonly search: Locator;
  readonly resultsPane: Locator;
  readonly list: Locator;
  readonly results: Locator;
  /** "96 exercises", "No exercises match", or the error that stopped the search. */
  readonly count: Locator;
  readonly detailTitle: Locator;
  /** Short messages after an action ("Photo added"), announced politely. */
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search exercises' });
    this.resultsPane = page.getByRole('region', { name: 'Search results' });
    this.list = this.resultsPane.getByRole('listbox', { name: 'Exercises' });
    this.results = this.list.getByRole('option');
    this.count = this.resultsPane.getByRole('status');
    // The exercise's patient-facing name (the heading is its clinical name, with this beneath).
    this.detailTitle = page.getByRole('region', { name: 'Exercise details' }).getByRole('article').getByTestId('patient-name');
    this.toasts = page.getByRole('status', { name: 'Notifications' });
  }

  /** Types a query and waits until the list answers exactly it (the app marks which query it shows). */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.settled();
  }

  /** Waits until the list answers the current query, and filters containing `filtersInclude`. */
  async settled(filtersInclude = ''): Promise<void> {
    await expect(this.resultsPane).toHaveAttribute('aria-busy', 'false');
    await expect(this.resultsPane).toHaveAttribute('data-query', await this.search.inputValue());
    if (filtersInclude) await expect(this.resultsPane).toHaveAttribute('data-filters', new RegExp(escape(filtersInclude)));
  }

  /** The exercises listed, by name. An option is named by all it shows, so its name part is marked. */
  resultNames(): Promise<string[]> {
    return this.results.getByTestId('exercise-name').allTextContents();
  }

  /** The listed exercise with exactly this name. */
  result(name: string): Locator {
    return this.results.filter({ has: this.page.getByTestId('exercise-name').getByText(name, { exact: true }) });
  }

  async open(name: string): Promise<void> {
    await this.result(name).click();
    await expect(this.detailTitle).toHaveText(name);
  }

  filters(): Locator {
    return this.page.getByRole('complementary', { name: 'Filters' });
  }

  /** Duplicates the first built-in found for `query` (an unsaved copy in the editor) and saves it unchanged; its name. */
  async duplicateFirst(query: string): Promise<string> {
    await this.searchFor(query);
    const [original] = await this.resultNames();
    expect(original, `a built-in exercise for "${query}"`).toBeTruthy();
    await this.open(original);
    await this.page.getByRole('button', { name: 'Duplicate to edit' }).click();
    await this.page.getByRole('form').getByRole('button', { name: 'Save copy' }).click();
    const copy = `${original} (copy)`;
    await expect(this.detailTitle).toHaveText(copy);
    return copy;
  }

  /** The Photos section of whatever is open: the detail view or the editor. */
  photos(): Locator {
    return this.page.getByRole('region', { name: 'Photos' });
  }

  /** Adds a photo the way a clinician does: "Add photo", then the file in the system's chooser. */
  async addPhoto(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.photos().getByRole('button', { name: 'Add photo' }).click();
    await (await chooser).setFiles(file);
  }
}

/** A real photo with camera metadata (which the app must strip), written to `dir`. */
export async function writePhoto(dir: string, name: string, format: 'png' | 'jpeg'): Promise<string> {
  const file = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  const img = sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 110, b: 120 } } });
  const withMeta = img.withExif({ IFD0: { Make: 'CanonFake', Model: 'Loadwise Test Cam', Artist: 'Dr Example' } });
  await (format === 'png' ? withMeta.png() : withMeta.jpeg()).toFile(file);
  return file;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
