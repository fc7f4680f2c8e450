// @vitest-environment happy-dom
// Search as you type, seen from the window: answers can come back in any order, and only the one
// for what the search box holds now may be shown. Only the services are faked; their answers are
// held back and released in the order each test chooses.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../../../../common/contract';
import type { Result } from '../../../../../common/contract/result';
import { App } from '../../../../../renderer/src/app/App';
import { answer, callsOf, deferred, exercise, ok, exerciseNames, resetFakeApi, searchResult, summary } from '../../fake-api';

vi.mock('../../../../../renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: (await import('../../fake-api')).fakeApi,
}));

type Pending = ReturnType<typeof deferred<Result<SearchResult>>>;

/** Every library.search call waits here, by query and offset, until the test answers it. */
function holdSearches(): Map<string, Pending> {
  const held = new Map<string, Pending>();
  answer('library.search', ({ query = '', offset = 0 }) => {
    const pending = deferred<Result<SearchResult>>();
    held.set(`${query}@${offset}`, pending);
    return pending.promise;
  });
  answer('library.get', ({ id }) => ok(exercise({ id, origin: 'builtin' })));
  return held;
}

async function asked(held: Map<string, Pending>, key: string): Promise<Pending> {
  await waitFor(() => expect(held.has(key)).toBe(true));
  return held.get(key)!;
}

/** Lets an answer released outside React reach the screen before looking. */
async function release(pending: Pending, value: Result<SearchResult>): Promise<void> {
  await act(async () => {
    pending.resolve(value);
    await new Promise((r) => setTimeout(r, 0));
  });
}

const names = () => exerciseNames(screen.getByRole('listbox', { name: 'Exercises' }));
const count = () => within(screen.getByRole('region', { name: 'Search results' })).getByRole('status').textContent;

beforeEach(resetFakeApi);
afterEach(cleanup);

it('drops an answer to an older search that arrives after the answer to the newer one', async () => {
  const held = holdSearches();
  const user = userEvent.setup();
  render(<App />);
  await release(await asked(held, '@0'), ok(searchResult([summary(1, 'Chin nod')])));
  await waitFor(() => expect(names()).toEqual(['Chin nod']));

  const search = screen.getByRole('searchbox', { name: 'Search exercises' });
  await user.click(search);
  await user.paste('bird');
  const older = await asked(held, 'bird@0');
  await user.paste(' dog');
  const newer = await asked(held, 'bird dog@0');

  await release(newer, ok(searchResult([summary(2, 'Bird dog')])));
  await waitFor(() => expect(names()).toEqual(['Bird dog']));
  expect(count()).toBe('1 exercise');

  await release(older, ok(searchResult([summary(3, 'Bird wing'), summary(4, 'Bird perch'), summary(5, 'Bird song')])));
  expect(names()).toEqual(['Bird dog']);
  expect(count()).toBe('1 exercise');
  expect(screen.getByRole('region', { name: 'Search results' }).getAttribute('aria-busy')).toBe('false');
});

it('while the newer answer is still on its way, the older one is not shown either', async () => {
  const held = holdSearches();
  const user = userEvent.setup();
  render(<App />);
  await release(await asked(held, '@0'), ok(searchResult([summary(1, 'Chin nod')])));
  await waitFor(() => expect(names()).toEqual(['Chin nod']));

  await user.click(screen.getByRole('searchbox', { name: 'Search exercises' }));
  await user.paste('bird');
  const older = await asked(held, 'bird@0');
  await user.paste(' dog');
  const newer = await asked(held, 'bird dog@0');

  await release(older, ok(searchResult([summary(3, 'Bird wing')])));
  expect(names()).toEqual(['Chin nod']);
  expect(screen.getByRole('region', { name: 'Search results' }).getAttribute('aria-busy')).toBe('true');

  await release(newer, ok(searchResult([summary(2, 'Bird dog')])));
  await waitFor(() => expect(names()).toEqual(['Bird dog']));
});

it('drops a "Show more" page that arrives after a new search was typed', async () => {
  const held = holdSearches();
  const user = userEvent.setup();
  render(<App />);
  const firstPage = Array.from({ length: 50 }, (_, i) => summary(i + 1));
  await release(await asked(held, '@0'), ok(searchResult(firstPage, 80)));
  await waitFor(() => expect(names()).toHaveLength(50));

  await user.click(screen.getByRole('button', { name: 'Show more' }));
  const nextPage = await asked(held, '@50');
  await user.click(screen.getByRole('searchbox', { name: 'Search exercises' }));
  await user.paste('bird dog');
  await release(await asked(held, 'bird dog@0'), ok(searchResult([summary(200, 'Bird dog')])));
  await waitFor(() => expect(names()).toEqual(['Bird dog']));

  await release(
    nextPage,
    ok(
      searchResult(
        Array.from({ length: 30 }, (_, i) => summary(51 + i)),
        80,
      ),
    ),
  );
  expect(names()).toEqual(['Bird dog']);
  expect(count()).toBe('1 exercise');
  expect(callsOf('library.search')).toHaveBeenCalledTimes(3);
});
