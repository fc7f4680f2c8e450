// Every built-in exercise has a figure: valid data, start and end poses, contacts that hold, nothing
// through a prop or the floor, alt text, and an arrow where something moves.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FigureLibrarySchema } from '../../../../common/domain/figure';
import { altText } from '../../../../common/figures/alt-text';
import { figureProblems } from '../../../../common/figures/checks';
import { FIGURES, figureCodes, figureFor } from '../../../../common/figures/library';
import { surfaceHeights } from '../../../../common/figures/props';
import { figureScenes } from '../../../../common/figures/scene';
import { repoRoot } from '../../../support/repo';

interface Seed {
  code: string;
  text: { name: string };
}
const seedDir = path.join(repoRoot, 'resources/seed/exercises');
const builtins: Seed[] = fs
  .readdirSync(seedDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(seedDir, f), 'utf8')) as { exercises: Seed[] }).exercises);

describe('built-in figures', () => {
  it('are valid figure data', () => {
    const parsed = FigureLibrarySchema.safeParse(FIGURES);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('cover every built-in exercise, and only those', () => {
    const codes = builtins.map((b) => b.code).sort();
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((c) => !figureCodes().includes(c))).toEqual([]);
    expect(figureCodes().filter((c) => !codes.includes(c))).toEqual([]);
  });

  it.each(builtins.map((b) => [b.code, b] as const))(
    '%s: start and end poses whose contacts hold and that pass through nothing',
    (code) => {
      const model = figureFor(code)!;
      expect(model.frames.start).toBeDefined();
      expect(model.frames.end).toBeDefined();
      const problems = figureProblems(model, surfaceHeights(model.props));
      expect(problems.contacts.map((c) => `${c.frame}: ${c.contact.part} on ${c.contact.on} is ${c.gap.toFixed(1)} cm off`)).toEqual([]);
      expect(problems.collisions.map((c) => `${c.frame}: ${c.segment} ${c.depth.toFixed(1)} cm into ${c.prop}`)).toEqual([]);
    },
  );

  it('name every picture in words: the exercise, the position and the movement', () => {
    for (const b of builtins) {
      const text = altText(b.text.name, figureFor(b.code)!);
      expect(text.startsWith(`${b.text.name}: `), b.code).toBe(true);
      expect(text.length, b.code).toBeGreaterThan(b.text.name.length + 15);
    }
    expect(altText('Bridge', figureFor('L2-06')!)).toBe('Bridge: lying on your back, knees bent, lifting your hips');
  });

  it('draw an arrow where a part moves, and none for a still hold', () => {
    for (const b of builtins) {
      const model = figureFor(b.code)!;
      const arrows = figureScenes(model).start!.primitives.filter((p) => p.type === 'arrow');
      if (model.arrow === null) expect(arrows, b.code).toEqual([]);
    }
    expect(figureScenes(figureFor('L2-06')!).start!.primitives.filter((p) => p.type === 'arrow')).toHaveLength(1);
    expect(figureScenes(figureFor('L2-06')!).end!.primitives.filter((p) => p.type === 'arrow')).toHaveLength(0);
  });

  it('highlight the targeted region and draw start and end to one scale', () => {
    const model = figureFor('L2-06')!;
    const scenes = figureScenes(model);
    expect(scenes.start!.primitives.some((p) => p.role === 'highlight:lumbar')).toBe(true);
    expect(scenes.start!.bounds).toEqual(scenes.end!.bounds);
  });
});
