// The exercise library's use cases. Built-in and imported exercises are read-only: a clinician
// duplicates one to make their own version, so shared content is never silently altered.
import { randomUUID } from 'node:crypto';
import {
  findSeq,
  ftsColumns,
  readRow,
  setArchived,
  toDraft,
  writeExercise,
  writeLinks,
  type ExerciseRow,
} from '../../db/queries/exercises';
import { copyPhotos } from '../../db/queries/media';
import type { ParsedArgsOf, SearchResult } from '../../common/contract';
import type { Exercise, ExerciseDraft } from '../../common/domain/exercise';
import { ServiceError } from '../../common/contract/result';
import type { ServiceContext } from '../context';
import { editableRow, exerciseOrNotFound } from './editable';

const NAME_MAX = 120;

export function searchLibrary(ctx: ServiceContext, args: ParsedArgsOf<'library.search'>): SearchResult {
  return ctx.search.search(args);
}

export const getExercise = exerciseOrNotFound;

function saveDraft(
  ctx: ServiceContext,
  target: { id: string; row: ExerciseRow | null },
  draft: ExerciseDraft,
  extra: {
    basedOnId: string | null;
    contentVersion: number;
  },
): void {
  const stamp = ctx.now().toISOString();
  const { progressionIds, regressionIds, ...rest } = draft;
  const seq = writeExercise(
    ctx.db,
    {
      id: target.id,
      code: null,
      origin: 'clinic',
      originBundleId: null,
      originBundleName: null,
      basedOnId: extra.basedOnId,
      contentVersion: extra.contentVersion,
      createdAt: target.row?.created_at ?? stamp,
      updatedAt: stamp,
      archivedAt: target.row?.archived_at ?? null,
    },
    rest,
  );
  const missing = writeLinks(ctx.db, seq, progressionIds, regressionIds);
  if (missing.length > 0) {
    throw new ServiceError(
      'not_found',
      `${missing.length} linked exercise(s) are no longer in the library. Remove the link and save again.`,
    );
  }
  const fts = ftsColumns(draft);
  ctx.search.learn(`${fts.name} ${fts.body} ${fts.tags}`);
}

/** A new clinic exercise; with `basedOnId`, a saved copy of that exercise, showing its photos too. */
export function createExercise(ctx: ServiceContext, draft: ExerciseDraft, basedOnId: string | null = null): Exercise {
  const id = randomUUID();
  ctx.db
    .transaction(() => {
      const sourceSeq = basedOnId === null ? null : findSeq(ctx.db, basedOnId);
      if (basedOnId !== null && sourceSeq == null) {
        throw new ServiceError('not_found', 'The exercise this copy was made from is no longer in the library. Nothing was saved.');
      }
      saveDraft(ctx, { id, row: null }, draft, { basedOnId, contentVersion: 1 });
      if (sourceSeq != null) copyPhotos(ctx.db, sourceSeq, findSeq(ctx.db, id)!);
    })
    .immediate();
  return getExercise(ctx, id);
}

export function updateExercise(ctx: ServiceContext, args: ParsedArgsOf<'library.update'>): Exercise {
  ctx.db
    .transaction(() => {
      const row = editableRow(ctx, args.id);
      if (row.content_version !== args.contentVersion) {
        throw new ServiceError(
          'conflict',
          'This exercise was changed somewhere else after you opened it. Reopen it to see the latest version, then make your change again.',
        );
      }
      saveDraft(ctx, { id: args.id, row }, args.draft, { basedOnId: row.based_on_id, contentVersion: row.content_version + 1 });
    })
    .immediate();
  return getExercise(ctx, args.id);
}

export function copyName(name: string): string {
  const suffix = ' (copy)';
  return name.length + suffix.length <= NAME_MAX ? name + suffix : name.slice(0, NAME_MAX - suffix.length).trimEnd() + suffix;
}

export function duplicateExercise(ctx: ServiceContext, sourceId: string): Exercise {
  const source = getExercise(ctx, sourceId);
  const id = randomUUID();
  const draft = toDraft(source);
  draft.text = { ...draft.text, name: copyName(source.text.name) };
  ctx.db
    .transaction(() => {
      saveDraft(ctx, { id, row: null }, draft, { basedOnId: source.id, contentVersion: 1 });
      copyPhotos(ctx.db, findSeq(ctx.db, source.id)!, findSeq(ctx.db, id)!);
    })
    .immediate();
  return getExercise(ctx, id);
}

export function setExerciseArchived(ctx: ServiceContext, id: string, archived: boolean): Exercise {
  ctx.db
    .transaction(() => {
      const row = readRow(ctx.db, id);
      if (!row) throw new ServiceError('not_found', 'That exercise is not in the library.');
      if (row.origin === 'builtin') {
        throw new ServiceError('read_only', 'Built-in exercises stay in the library. Use the filters to hide what you do not need.');
      }
      const stamp = ctx.now().toISOString();
      setArchived(ctx.db, row.seq, archived ? (row.archived_at ?? stamp) : null, stamp);
    })
    .immediate();
  return getExercise(ctx, id);
}
