// A clinician's shortlists: favourite exercises, and the ones opened most recently.
import type { Shortlists } from '../../common/contract';
import { ServiceError } from '../../common/contract/result';
import type { LinkedExercise } from '../../common/domain/exercise';
import { findSeq } from '../../db/queries/exercises';
import { listFavourites, listRecent, noteOpened, setFavourite, type ShortlistRow } from '../../db/queries/shortlists';
import type { ServiceContext } from '../context';

const linked = (r: ShortlistRow): LinkedExercise => ({
  id: r.id,
  name: r.name,
  stage: r.stage as LinkedExercise['stage'],
  archived: r.archived,
});

export function shortlists(ctx: ServiceContext): Shortlists {
  return { favourites: listFavourites(ctx.db).map(linked), recent: listRecent(ctx.db).map(linked) };
}

function seqOf(ctx: ServiceContext, id: string): number {
  const seq = findSeq(ctx.db, id);
  if (seq === null) throw new ServiceError('not_found', 'That exercise is not in the library.');
  return seq;
}

export function setExerciseFavourite(ctx: ServiceContext, id: string, favourite: boolean): Shortlists {
  setFavourite(ctx.db, seqOf(ctx, id), favourite, ctx.now().toISOString());
  return shortlists(ctx);
}

export function noteExerciseOpened(ctx: ServiceContext, id: string): Shortlists {
  ctx.db.transaction(() => noteOpened(ctx.db, seqOf(ctx, id), ctx.now().toISOString())).immediate();
  return shortlists(ctx);
}
