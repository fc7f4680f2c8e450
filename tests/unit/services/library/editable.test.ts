// Who may change an exercise, for the origin no other test reaches yet: an imported exercise
// (from a colleague's bundle) is read-only like a built-in, with its own words, for every call
// that changes it; it can still be duplicated into a clinic copy that is editable. Import is not
// built yet, so the test turns a clinic exercise into an imported one in the database, as an
// import would leave it.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../../services/context';
import type { Exercise } from '../../../../common/domain/exercise';
import { bootTestServices, sampleDraft } from '../../../support/fixtures';
import { call, failure, tableCounts } from '../../../support/call';

const IMPORTED_MESSAGE = 'Imported exercises cannot be changed. Duplicate it to make your own version.';

async function importedExercise(ctx: ServiceContext): Promise<Exercise> {
  const created = await call(ctx, 'library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name: 'Shared wall slide' } }) });
  const png = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#48c' } })
    .png()
    .toBuffer();
  await call(ctx, 'media.attach', { exerciseId: created.id, fileName: 'slide.png', dataBase64: png.toString('base64') });
  ctx.db
    .prepare("UPDATE exercises SET origin = 'imported', origin_bundle_id = 'bundle-1', origin_bundle_name = 'Partner clinic' WHERE id = ?")
    .run(created.id);
  const ex = await call(ctx, 'library.get', { id: created.id });
  expect(ex).toMatchObject({ origin: 'imported', originBundleName: 'Partner clinic' });
  expect(ex.photos).toHaveLength(1);
  return ex;
}

describe('imported exercises', () => {
  it('refuses every change to its content and photos as read_only, saying to duplicate it, and changes nothing', async () => {
    const { ctx } = await bootTestServices();
    const ex = await importedExercise(ctx);
    const counts = tableCounts(ctx);
    const png = await sharp({ create: { width: 6, height: 6, channels: 3, background: '#000' } })
      .png()
      .toBuffer();

    const refusals = [
      await failure(ctx, 'library.update', {
        id: ex.id,
        contentVersion: ex.contentVersion,
        draft: sampleDraft({ clinicianNotes: 'mine now' }),
      }),
      await failure(ctx, 'media.attach', { exerciseId: ex.id, fileName: 'more.png', dataBase64: png.toString('base64') }),
      await failure(ctx, 'media.remove', { exerciseId: ex.id, sha256: ex.photos[0].sha256 }),
    ];
    for (const err of refusals) expect(err).toEqual({ code: 'read_only', message: IMPORTED_MESSAGE });

    expect(await call(ctx, 'library.get', { id: ex.id })).toEqual(ex);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('can be duplicated into a clinic copy, with its photo, that can be changed', async () => {
    const { ctx } = await bootTestServices();
    const ex = await importedExercise(ctx);
    const copy = await call(ctx, 'library.duplicate', { id: ex.id });
    expect(copy).toMatchObject({ origin: 'clinic', basedOnId: ex.id, originBundleName: null, text: { name: 'Shared wall slide (copy)' } });
    expect(copy.photos.map((p) => p.sha256)).toEqual(ex.photos.map((p) => p.sha256));

    const changed = await call(ctx, 'library.update', {
      id: copy.id,
      contentVersion: copy.contentVersion,
      draft: sampleDraft({ clinicianNotes: 'adapted for Mrs B' }),
    });
    expect(changed).toMatchObject({ contentVersion: copy.contentVersion + 1, clinicianNotes: 'adapted for Mrs B' });
    expect(await call(ctx, 'library.get', { id: ex.id })).toEqual(ex);
  });
});
