// "Duplicate to edit" saves its copy with library.create and basedOnId: the copy records its
// source and shows the source's photos; a source that is gone is refused with nothing written.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootTestServices, sampleDraft } from '../../../support/fixtures';
import { call, failure, tableCounts } from '../../../support/call';

describe('library.create with basedOnId', () => {
  it('records the source of a saved copy', async () => {
    const { ctx } = await bootTestServices();
    const sourceId = ctx.db.prepare("SELECT id FROM exercises WHERE code = 'L2-01'").pluck().get() as string;
    const copy = await call(ctx, 'library.create', {
      draft: sampleDraft({ text: { ...sampleDraft().text, name: 'Bird dog (copy)' } }),
      basedOnId: sourceId,
    });
    expect(copy.basedOnId).toBe(sourceId);
    expect(copy.origin).toBe('clinic');
    expect(copy.text.name).toBe('Bird dog (copy)');
    // Without it, a new exercise has no source.
    expect((await call(ctx, 'library.create', { draft: sampleDraft() })).basedOnId).toBeNull();
  });

  it('refuses a source that is not in the library, writing nothing', async () => {
    const { ctx } = await bootTestServices();
    const before = tableCounts(ctx);
    const err = await failure(ctx, 'library.create', { draft: sampleDraft(), basedOnId: randomUUID() });
    expect(err.code).toBe('not_found');
    expect(tableCounts(ctx)).toEqual(before);
    expect((await failure(ctx, 'library.create', { draft: sampleDraft(), basedOnId: 'nope' })).code).toBe('invalid_argument');
  });
});
