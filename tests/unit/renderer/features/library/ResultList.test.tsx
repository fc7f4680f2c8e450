// @vitest-environment happy-dom
// The result list as a clinician uses it, in the whole window with only the services faked:
// "Show more" brings the next page, and focus lands on the first exercise it added rather than
// being lost with the button.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../../renderer/src/app/App';
import { answer, callsOf, exercise, exerciseOption, idOf, ok, resetFakeApi, searchResult, summary } from '../../fake-api';

vi.mock('../../../../../renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: (await import('../../fake-api')).fakeApi,
}));

/** A library of `total` exercises named "Exercise 1" … "Exercise n", served a page at a time. */
function library(total: number): void {
  const all = Array.from({ length: total }, (_, i) => summary(i + 1));
  answer('library.search', ({ offset = 0, limit = 50 }) => ok(searchResult(all.slice(offset, offset + limit), total)));
  answer('library.get', ({ id }) => {
    const found = all.find((s) => s.id === id);
    return found ? ok(exercise({ id, origin: 'builtin', text: { ...exercise().text, name: found.name } })) : ok(exercise());
  });
}

const option = (name: string) => exerciseOption(screen.getByRole('listbox', { name: 'Exercises' }), name);
const options = () => within(screen.getByRole('listbox', { name: 'Exercises' })).getAllByRole('option');
const count = () => within(screen.getByRole('region', { name: 'Search results' })).getByRole('status');
const detailTitle = () => within(screen.getByRole('article')).getByRole('heading', { level: 2 });

beforeEach(resetFakeApi);
afterEach(cleanup);

describe('Show more', () => {
  it('adds the next page below the first and moves focus to the first exercise it added', async () => {
    library(120);
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(options()).toHaveLength(50));
    expect(count().textContent).toBe('120 exercises');
    await waitFor(() => expect(detailTitle().textContent).toBe('Exercise 1'));

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(options()).toHaveLength(100));
    expect(callsOf('library.search')).toHaveBeenLastCalledWith(expect.objectContaining({ query: '', offset: 50, limit: 50 }));
    // The first page stays, the second follows it in order.
    expect(options().map((o) => o.getAttribute('id'))).toEqual(Array.from({ length: 100 }, (_, i) => `result-${idOf(i + 1)}`));
    const first = option('Exercise 51');
    await waitFor(() => expect(document.activeElement).toBe(first));
    // Focus selects, as arrow keys do: the exercise opens beside the list.
    expect(first.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(detailTitle().textContent).toBe('Exercise 51'));
    expect(screen.getByRole('button', { name: 'Show more' })).toBeTruthy();
  });

  it('works from the keyboard, and when the last page arrives the button goes and focus is not lost with it', async () => {
    library(60);
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(options()).toHaveLength(50));

    screen.getByRole('button', { name: 'Show more' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(options()).toHaveLength(60));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(option('Exercise 51')));

    // Arrow keys carry on from there through the new page.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(option('Exercise 52'));
    await waitFor(() => expect(detailTitle().textContent).toBe('Exercise 52'));
  });

  it('is not offered when every match is already shown', async () => {
    library(50);
    render(<App />);
    await waitFor(() => expect(options()).toHaveLength(50));
    expect(count().textContent).toBe('50 exercises');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});
