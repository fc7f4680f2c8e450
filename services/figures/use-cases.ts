// A clinic's own exercise figures: read, saved and removed. Arguments arrive parsed by dispatch
// against the contract (the figure's shape and every joint's range), so what is stored is valid;
// only the clinic's own exercises take a figure (built-in ones have theirs).
import type { SavedFigure } from '../../common/contract/figures';
import { CustomFigureSchema, type CustomFigure } from '../../common/domain/figure';
import { ServiceError } from '../../common/contract/result';
import { deleteFigure, readFigure, writeFigure } from '../../db/queries/figures';
import { readRow } from '../../db/queries/exercises';
import type { ServiceContext } from '../context';
import { editableRow } from '../library/editable';

export function getFigure(ctx: ServiceContext, exerciseId: string): SavedFigure | null {
  if (!readRow(ctx.db, exerciseId)) throw new ServiceError('not_found', 'That exercise is not in the library.');
  const row = readFigure(ctx.db, exerciseId);
  if (!row) return null;
  return { exerciseId, figure: CustomFigureSchema.parse(JSON.parse(row.figureJson)), updatedAt: row.updatedAt };
}

export function saveFigure(ctx: ServiceContext, exerciseId: string, figure: CustomFigure): SavedFigure {
  editableRow(ctx, exerciseId);
  writeFigure(ctx.db, { exerciseId, figureJson: JSON.stringify(figure), updatedAt: ctx.now().toISOString() });
  return getFigure(ctx, exerciseId)!;
}

export function removeFigure(ctx: ServiceContext, exerciseId: string): null {
  editableRow(ctx, exerciseId);
  deleteFigure(ctx.db, exerciseId);
  return null;
}
