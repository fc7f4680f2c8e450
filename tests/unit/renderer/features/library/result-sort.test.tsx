// @vitest-environment happy-dom
// The result list's sort control, seen from the window: the choice travels with every search and
// every "Show more" page (the service sorts, so pages continue one order), relevance is offered
// only with words to rank by, and the choice is remembered for the session.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { App } from '../../../../../renderer/src/app/App';
import { effectiveSort, SORT_KEY } from '../../../../../renderer/src/features/library/result-sort';
import { answer, callsOf, exercise, ok, resetFakeApi, searchResult, summary } from '../../fake-api';

vi.mock('../../../../../renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: (await import('../../fake-api')).fakeApi,
}));

type SearchCall = { query?: string; offset?: number; sort?: string };
const searches = (): SearchCall[] => callsOf('library.search').mock.calls.map((c) => c[0] as SearchCall);

beforeEach(() => {
  resetFakeApi();
  sessionStorage.clear();
  answer('library.search', ({ offset = 0 }) =>
    ok(
      searchResult(
        Array.from({ length: offset === 0 ? 50 : 10 }, (_, i) => summary(offset + i + 1)),
        60,
      ),
    ),
  );
  answer('library.get', ({ id }) => ok(exercise({ id, origin: 'builtin' })));
});
afterEach(cleanup);

it('uses relevance only when there are words to rank by', () => {
  expect(effectiveSort('relevance', '')).toBe('stage');
  expect(effectiveSort('relevance', '   ')).toBe('stage');
  expect(effectiveSort('relevance', 'bird')).toBe('relevance');
  expect(effectiveSort('name', '')).toBe('name');
  expect(effectiveSort('stage', 'bird')).toBe('stage');
});

it('sends the chosen sort with the search and with "Show more", and remembers it for the session', async () => {
  const user = userEvent.setup();
  render(<App />);
  const select = await screen.findByRole('combobox', { name: 'Sort by' });
  // No words yet: listed by stage; relevance is there but cannot be chosen.
  await waitFor(() => expect(searches().at(-1)?.sort).toBe('stage'));
  expect((select as HTMLSelectElement).value).toBe('stage');
  expect(screen.getByRole('option', { name: /Relevance/ })).toHaveProperty('disabled', true);

  await user.selectOptions(select, 'name');
  await waitFor(() => expect(searches().at(-1)).toMatchObject({ sort: 'name', offset: 0 }));
  expect(sessionStorage.getItem(SORT_KEY)).toBe('name');
  await user.click(await screen.findByRole('button', { name: 'Show more' }));
  await waitFor(() => expect(searches().at(-1)).toMatchObject({ sort: 'name', offset: 50 }));

  // Words keep the chosen sort; back to relevance, they are ranked.
  await user.type(screen.getByRole('searchbox', { name: 'Search exercises' }), 'bird');
  await waitFor(() => expect(searches().at(-1)).toMatchObject({ query: 'bird', sort: 'name' }));
  expect(screen.getByRole('option', { name: 'Relevance' })).toHaveProperty('disabled', false);
  await user.selectOptions(select, 'relevance');
  await waitFor(() => expect(searches().at(-1)).toMatchObject({ query: 'bird', sort: 'relevance' }));
});

it('opens with the sort chosen earlier in the session', async () => {
  sessionStorage.setItem(SORT_KEY, 'name');
  render(<App />);
  const select = await screen.findByRole('combobox', { name: 'Sort by' });
  expect((select as HTMLSelectElement).value).toBe('name');
  await waitFor(() => expect(searches()[0]?.sort).toBe('name'));
});

it('ignores a stored value that is not a sort', async () => {
  sessionStorage.setItem(SORT_KEY, 'popularity');
  render(<App />);
  await waitFor(() => expect(searches()[0]?.sort).toBe('stage'));
});
