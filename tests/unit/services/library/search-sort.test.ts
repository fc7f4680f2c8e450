// library.search with a chosen sort, through dispatch on real SQLite: A–Z by clinical name (not the
// patient name), stage then clinical name, relevance as before; the order holds across "Show more"
// pages (no gaps, no repeats, ties broken the same way every time), with words and with filters.
import { describe, expect, it } from 'vitest';
import type { ArgsOf, SearchFiltersInput, SearchResult, SearchSort } from '../../../../common/contract';
import type { Stage } from '../../../../common/domain/vocabulary';
import type { ServiceContext } from '../../../../services/context';
import { bootTestServices, sampleDraft } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';

/** A clinic exercise whose clinical and patient names differ, so a test can tell which one sorts. */
async function add(ctx: ServiceContext, clinicalName: string, patientName: string, stage: Stage): Promise<void> {
  const draft = sampleDraft({ stage, tags: [] });
  await call(ctx, 'library.create', {
    draft: { ...draft, clinicalName, text: { ...draft.text, name: patientName, summary: 'Steady squeeze work.' } },
  });
}

async function emptyLibrary(): Promise<ServiceContext> {
  const { ctx } = await bootTestServices();
  return ctx;
}

type SearchArgs = Omit<ArgsOf<'library.search'>, 'filters'> & { filters?: SearchFiltersInput };

/** Searches the clinic's own exercises only (the tiny built-in library stays out of the way). */
const search = (ctx: ServiceContext, args: SearchArgs): Promise<SearchResult> =>
  call(ctx, 'library.search', { ...args, filters: { origins: ['clinic'], ...args.filters } });

const clinical = (r: SearchResult): string[] => r.items.map((i) => i.clinicalName);

async function allPages(ctx: ServiceContext, query: string, sort: SearchSort, limit: number): Promise<string[]> {
  const seen: string[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await search(ctx, { query, sort, limit, offset });
    seen.push(...clinical(page));
    if (page.items.length < limit) return seen;
  }
}

describe('library.search sort', () => {
  it('name: A–Z by clinical name, whatever the patient name or stage', async () => {
    const ctx = await emptyLibrary();
    await add(ctx, 'Side plank', 'Aardvark hold', 2);
    await add(ctx, 'bird dog', 'Zebra reach', 3);
    await add(ctx, 'Abdominal bracing', 'Tummy squeeze', 1);
    await add(ctx, 'Curl-up', 'Head lift', 4);
    const r = await search(ctx, { query: '', sort: 'name' });
    expect(clinical(r)).toEqual(['Abdominal bracing', 'bird dog', 'Curl-up', 'Side plank']);
    expect(r.ordering).toBe('clinical-name');
    expect(r.total).toBe(4);
  });

  it('stage: stage first, then clinical name within each stage', async () => {
    const ctx = await emptyLibrary();
    await add(ctx, 'Zed squeeze', 'Alpha', 1);
    await add(ctx, 'Bridge', 'Zulu', 2);
    await add(ctx, 'Abdominal bracing', 'Yankee', 2);
    await add(ctx, 'Anchor press', 'Xray', 1);
    const r = await search(ctx, { query: '', sort: 'stage' });
    expect(r.items.map((i) => `${i.stage} ${i.clinicalName}`)).toEqual([
      '1 Anchor press',
      '1 Zed squeeze',
      '2 Abdominal bracing',
      '2 Bridge',
    ]);
    expect(r.ordering).toBe('stage');
  });

  it('relevance (the default) keeps the best match first; name sorts the same matches A–Z', async () => {
    const ctx = await emptyLibrary();
    await add(ctx, 'Alpha squeeze drill', 'Alpha', 1);
    await add(ctx, 'Squeeze', 'Beta', 2);
    await add(ctx, 'Zulu squeeze', 'Gamma', 1);
    const relevance = await search(ctx, { query: 'squeeze' });
    expect(relevance.ordering).toBe('relevance');
    expect(clinical(relevance)[0]).toBe('Squeeze');
    const byName = await search(ctx, { query: 'squeeze', sort: 'name' });
    expect(clinical(byName)).toEqual(['Alpha squeeze drill', 'Squeeze', 'Zulu squeeze']);
    const byStage = await search(ctx, { query: 'squeeze', sort: 'stage' });
    expect(clinical(byStage)).toEqual(['Alpha squeeze drill', 'Zulu squeeze', 'Squeeze']);
  });

  it('pages of "Show more" continue the order: no gaps, no repeats, ties in a fixed order', async () => {
    const ctx = await emptyLibrary();
    // Names repeat (ties) and stages interleave, in an order that is neither sorted nor reversed.
    const made: { name: string; stage: Stage }[] = [];
    for (let i = 0; i < 23; i++) {
      const name = `Drill ${String.fromCharCode(97 + ((i * 7) % 11))} squeeze`;
      const stage = ((i * 5) % 4) + 1;
      made.push({ name, stage: stage as Stage });
      await add(ctx, name, `Patient ${i}`, stage as Stage);
    }
    const byName = [...made].sort((a, b) => a.name.localeCompare(b.name)).map((m) => m.name);
    const byStage = [...made].sort((a, b) => a.stage - b.stage || a.name.localeCompare(b.name)).map((m) => m.name);
    for (const query of ['', 'squeeze']) {
      const whole = clinical(await search(ctx, { query, sort: 'name', limit: 50 }));
      expect(whole, query).toEqual(byName);
      expect(await allPages(ctx, query, 'name', 5), query).toEqual(whole);
      const wholeByStage = clinical(await search(ctx, { query, sort: 'stage', limit: 50 }));
      expect(wholeByStage, query).toEqual(byStage);
      expect(await allPages(ctx, query, 'stage', 4), query).toEqual(wholeByStage);
      // Ties (the same clinical name) come in the same order on every page: the ids line up.
      const ids = (await search(ctx, { query, sort: 'name', limit: 50 })).items.map((i) => i.id);
      const pagedIds: string[] = [];
      for (let offset = 0; offset < 23; offset += 3) {
        pagedIds.push(...(await search(ctx, { query, sort: 'name', limit: 3, offset })).items.map((i) => i.id));
      }
      expect(pagedIds, query).toEqual(ids);
    }
  });

  it('sorts only what the filters keep, and counts it', async () => {
    const ctx = await emptyLibrary();
    await add(ctx, 'Zed squeeze', 'Alpha', 1);
    await add(ctx, 'Bridge', 'Zulu', 2);
    await add(ctx, 'Anchor press', 'Xray', 1);
    const r = await search(ctx, { query: '', sort: 'name', filters: { stages: [1], origins: ['clinic'] }, limit: 1 });
    expect(clinical(r)).toEqual(['Anchor press']);
    expect(r.total).toBe(2);
  });

  it('refuses a sort it does not know, naming the choices', async () => {
    const ctx = await emptyLibrary();
    const err = await failure(ctx, 'library.search', { query: '', sort: 'popularity' });
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toMatch(/sort/);
    expect(err.message).toMatch(/relevance/);
  });
});
