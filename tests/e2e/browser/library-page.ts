// What a clinician does on the library screen, in their terms.
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  readonly search: Locator;
  readonly results: Locator;
  readonly count: Locator;
  readonly detailTitle: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search exercises' });
    this.results = page.getByRole('listbox', { name: 'Exercises' }).getByRole('option');
    this.count = page.locator('.results-count');
    this.detailTitle = page.locator('#detail-title');
  }

  /** Types a query and waits until the list answers exactly it (the app marks which query it shows). */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.settled();
  }

  /** Waits until the list answers the current query, and filters containing `filtersInclude`. */
  async settled(filtersInclude = ''): Promise<void> {
    const pane = this.page.getByRole('region', { name: 'Search results' });
    await expect(pane).toHaveAttribute('aria-busy', 'false');
    await expect(pane).toHaveAttribute('data-query', await this.search.inputValue());
    if (filtersInclude) await expect(pane).toHaveAttribute('data-filters', new RegExp(escape(filtersInclude)));
  }

  resultNames(): Promise<string[]> {
    return this.results.locator('.result-title > span:first-child').allTextContents();
  }

  result(name: string): Locator {
    return this.results.filter({
      has: this.page.locator('.result-title > span:first-child', { hasText: new RegExp(`^${escape(name)}$`) }),
    });
  }

  async open(name: string): Promise<void> {
    await this.result(name).click();
    await expect(this.detailTitle).toHaveText(name);
  }

  filters(): Locator {
    return this.page.getByRole('complementary', { name: 'Filters' });
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
