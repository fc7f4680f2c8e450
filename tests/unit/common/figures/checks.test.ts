// The contact helper and the checks can fail: a figure lifted off its support, or pushed through a
// bench or below the floor, is reported by name.
import { describe, expect, it } from 'vitest';
import type { ExerciseFigureInput } from '../../../../common/domain/figure';
import { collisions, contactGap, figureProblems } from '../../../../common/figures/checks';
import { FIGURES } from '../../../../common/figures/library';
import { partPoint } from '../../../../common/figures/parts';
import { resolveFigure, settle } from '../../../../common/figures/pose';
import { surfaceHeights } from '../../../../common/figures/props';
import { solveBody } from '../../../../common/figures/body';

const bridge = FIGURES.exercises['L2-06'] as ExerciseFigureInput;

describe('figure contacts and collisions', () => {
  it('settles the support part on its surface', () => {
    const model = resolveFigure(FIGURES, 'L2-06', bridge);
    const surfaces = surfaceHeights(model.props);
    expect(Math.abs(contactGap(model.frames.end!.body, { part: 'upperBack', on: 'mat' }, model.statics, surfaces))).toBeLessThan(0.01);
    const settled = settle(model.frames.end!.pose, { part: 'feet', on: 'floor' }, 0);
    expect(Math.abs(contactGap(solveBody(settled), { part: 'feet', on: 'floor' }, [], { floor: 0 }))).toBeLessThan(0.01);
  });

  it('keeps the anchor part in place between poses', () => {
    const model = resolveFigure(FIGURES, 'L2-06', bridge);
    expect(partPoint(model.frames.end!.body, 'upperBack')[0]).toBeCloseTo(partPoint(model.frames.start!.body, 'upperBack')[0], 6);
  });

  it('reports a contact that does not hold', () => {
    const lifted = { ...bridge, end: { ...bridge.end, joints: { ...bridge.end.joints, kneeFlex: 40 } } };
    const model = resolveFigure(FIGURES, 'L2-06', lifted);
    const problems = figureProblems(model, surfaceHeights(model.props));
    expect(problems.contacts.some((c) => c.frame === 'end' && c.contact.part === 'feet')).toBe(true);
  });

  it('reports a segment through the floor and through a bench', () => {
    const down = solveBody({
      root: { x: 0, y: 20, z: 0, pitch: 0, roll: 0, yaw: 0 },
      joints: resolveFigure(FIGURES, 'L2-06', bridge).frames.start!.pose.joints,
    });
    expect(collisions(down, [], 0).some((c) => c.prop === 'floor')).toBe(true);
    const model = resolveFigure(FIGURES, 'C3-03', FIGURES.exercises['C3-03'] as ExerciseFigureInput);
    const sunk = solveBody({
      ...model.frames.start!.pose,
      root: { ...model.frames.start!.pose.root, y: model.frames.start!.pose.root.y - 10 },
    });
    expect(collisions(sunk, model.statics, 0).some((c) => c.prop === 'prop:bench')).toBe(true);
    expect(collisions(model.frames.start!.body, model.statics, 0)).toEqual([]);
  });

  it('says which support is missing among the props', () => {
    expect(() => resolveFigure(FIGURES, 'L9-99', { base: 'sitting', end: {}, arrow: null, action: 'x', props: [] })).toThrow(
      'L9-99: the support "chair" needs a chair among the props',
    );
  });
});
