// The built-in figures: common/figures/poses.json (base poses and one entry per exercise code),
// resolved on demand and cached. The renderer imports this directly; the JSON is checked against
// FigureLibrarySchema and the joint ranges by tests/unit/common/figures/library.test.ts.
import type { FigureLibrary } from '../domain/figure';
import { outOfRange, resolveFigure, type FigureModel } from './pose';
import data from './poses.json';

export const FIGURES = data as unknown as FigureLibrary;

const cache = new Map<string, FigureModel | null>();

/** The figure of a built-in exercise by its code, or null when it has none (a clinic's own exercise). */
export function figureFor(code: string | null | undefined): FigureModel | null {
  if (!code) return null;
  if (cache.has(code)) return cache.get(code)!;
  const input = FIGURES.exercises[code];
  const model = input ? resolveFigure(FIGURES, code, input) : null;
  if (model)
    for (const [frame, f] of Object.entries(model.frames)) {
      const bad = outOfRange(f!.pose.joints);
      if (bad.length > 0)
        throw new Error(`${code} ${frame}: ${bad.map((b) => `${b.joint} ${b.value} is outside ${b.min} to ${b.max}`).join('; ')}`);
    }
  cache.set(code, model);
  return model;
}

export function figureCodes(): string[] {
  return Object.keys(FIGURES.exercises).sort();
}
