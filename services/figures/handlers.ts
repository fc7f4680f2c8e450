// The exercise figures' calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { getFigure, removeFigure, saveFigure } from './use-cases';

type FigureCall = 'figures.get' | 'figures.save' | 'figures.remove';

export const figureHandlers: HandlerGroup<FigureCall> = {
  'figures.get': (ctx, args) => getFigure(ctx, args.exerciseId),
  'figures.save': (ctx, args) => saveFigure(ctx, args.exerciseId, args.figure),
  'figures.remove': (ctx, args) => removeFigure(ctx, args.exerciseId),
};
