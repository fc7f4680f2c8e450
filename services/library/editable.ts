// Who may change an exercise: a policy other features (photos, later bundles) need too, kept here
// so no feature imports another's use cases.
import { readRow, type ExerciseRow } from '../../db/queries/exercises';
import { readExercise } from '../../db/queries/exercises';
import type { Exercise } from '../../common/domain/exercise';
import { ServiceError } from '../../common/contract/result';
import type { ServiceContext } from '../context';

export function exerciseOrNotFound(ctx: ServiceContext, id: string): Exercise {
  const ex = readExercise(ctx.db, id);
  if (!ex) throw new ServiceError('not_found', 'That exercise is not in the library.');
  return ex;
}

/** The row behind a change, refused when it is not the clinic's to change. */
export function editableRow(ctx: ServiceContext, id: string): ExerciseRow {
  const row = readRow(ctx.db, id);
  if (!row) throw new ServiceError('not_found', 'That exercise is not in the library.');
  if (row.origin === 'builtin') {
    throw new ServiceError('read_only', 'Built-in exercises cannot be changed. Duplicate it to make your own version.');
  }
  if (row.origin === 'imported') {
    throw new ServiceError('read_only', 'Imported exercises cannot be changed. Duplicate it to make your own version.');
  }
  return row;
}
