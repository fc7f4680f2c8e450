// Calls for a clinic's own exercise figures: the start and end poses set with the pose editor,
// starting from a built-in figure. Joints are held to the same anatomical ranges as the built-ins,
// with a message naming the joint and its range.
import { z } from 'zod';
import { CustomFigureSchema, type CustomFigure } from '../domain/figure';
import { customFigureProblems } from '../figures/custom';
import { call } from './define';

/** A clinic's figure and when it was last saved. */
export interface SavedFigure {
  exerciseId: string;
  figure: CustomFigure;
  updatedAt: string;
}

export const CheckedFigureSchema = CustomFigureSchema.superRefine((figure, ctx) => {
  for (const message of customFigureProblems(figure)) ctx.addIssue({ code: 'custom', message });
});

const exerciseId = z.string().min(1, 'Choose an exercise');

export const figureCalls = {
  'figures.get': call<SavedFigure | null>()(z.object({ exerciseId }).strict()),
  'figures.save': call<SavedFigure>()(z.object({ exerciseId, figure: CheckedFigureSchema }).strict()),
  'figures.remove': call<null>()(z.object({ exerciseId }).strict()),
};
