// Favourites and recently opened exercises through dispatch on real SQLite: starred and unstarred,
// the newest eight opened kept newest first, unknown exercises refused, and both kept across a restart.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../../services/context';
import { bootTestServices, sampleDraft, tempDir } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';

function clock(): { now: () => Date; advance: () => void } {
  let t = new Date('2026-02-01T09:00:00.000Z').getTime();
  return { now: () => new Date(t), advance: () => void (t += 1000) };
}

const idOf = (ctx: ServiceContext, code: string) => ctx.db.prepare('SELECT id FROM exercises WHERE code = ?').pluck().get(code) as string;

describe('shortlists', () => {
  it('stars and unstars favourites, listed by stage and name', async () => {
    const { ctx } = await bootTestServices();
    expect(await call(ctx, 'library.shortlists', {})).toEqual({ favourites: [], recent: [] });
    await call(ctx, 'library.setFavourite', { id: idOf(ctx, 'L2-01'), favourite: true });
    const both = await call(ctx, 'library.setFavourite', { id: idOf(ctx, 'L1-01'), favourite: true });
    expect(both.favourites.map((f) => f.name)).toEqual(['Deep tummy draw-in', 'Bird dog']);
    expect(both.favourites[0]).toEqual({ id: idOf(ctx, 'L1-01'), name: 'Deep tummy draw-in', stage: 1, archived: false });
    // Starring twice is one star; unstarring removes it.
    await call(ctx, 'library.setFavourite', { id: idOf(ctx, 'L1-01'), favourite: true });
    const one = await call(ctx, 'library.setFavourite', { id: idOf(ctx, 'L1-01'), favourite: false });
    expect(one.favourites.map((f) => f.name)).toEqual(['Bird dog']);
  });

  it('keeps the eight exercises opened last, newest first, each once', async () => {
    const time = clock();
    const { ctx } = await bootTestServices({ now: time.now });
    const ids: string[] = [];
    for (let i = 0; i < 9; i++)
      ids.push((await call(ctx, 'library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name: `Ex ${i}` } }) })).id);
    for (const id of ids) {
      time.advance();
      await call(ctx, 'library.noteOpened', { id });
    }
    time.advance();
    const recent = await call(ctx, 'library.noteOpened', { id: ids[3] });
    expect(recent.recent.map((r) => r.name)).toEqual(['Ex 3', 'Ex 8', 'Ex 7', 'Ex 6', 'Ex 5', 'Ex 4', 'Ex 2', 'Ex 1']);
  });

  it('refuses an exercise that is not in the library, and keeps both lists across a restart', async () => {
    const dataDir = tempDir();
    const first = await bootTestServices({ dataDir });
    expect((await failure(first.ctx, 'library.setFavourite', { id: randomUUID(), favourite: true })).code).toBe('not_found');
    expect((await failure(first.ctx, 'library.noteOpened', { id: randomUUID() })).code).toBe('not_found');
    await call(first.ctx, 'library.setFavourite', { id: idOf(first.ctx, 'C1-01'), favourite: true });
    await call(first.ctx, 'library.noteOpened', { id: idOf(first.ctx, 'L2-01') });
    first.close();
    const second = await bootTestServices({ dataDir });
    const lists = await call(second.ctx, 'library.shortlists', {});
    expect(lists.favourites.map((f) => f.name)).toEqual(['Chin nod']);
    expect(lists.recent.map((f) => f.name)).toEqual(['Bird dog']);
  });
});
