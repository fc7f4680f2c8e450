// A clinic's own figure (common/domain/figure.ts CustomFigure): start from any built-in figure, set
// each joint of the start and end poses within the same ranges, and draw it like a built-in one.
import type { CustomFigure } from '../domain/figure';
import { JOINT_NAMES, rangeOf, SPINE_JOINTS, type JointName, type Joints } from './body';
import { FIGURES } from './library';
import { resolveFigure, type FigureModel } from './pose';

const SIDE_WORDS: Record<string, string> = { R: 'right', L: 'left' };

/** The slider's words for a joint: "Knee bend (right)". */
export function jointLabel(joint: JointName): string {
  if ((SPINE_JOINTS as readonly string[]).includes(joint)) return rangeOf(joint).label;
  return `${rangeOf(joint).label} (${SIDE_WORDS[joint.slice(-1)]})`;
}

/** Plain messages for unknown joints and values outside their range, naming the pose and the joint. */
export function customFigureProblems(figure: CustomFigure): string[] {
  const problems: string[] = [];
  if (!FIGURES.exercises[figure.from]) problems.push('There is no built-in figure with that code to start from');
  for (const pose of ['start', 'end'] as const) {
    const word = pose === 'start' ? 'start' : 'end';
    for (const [name, value] of Object.entries(figure[pose])) {
      if (!(JOINT_NAMES as readonly string[]).includes(name)) {
        // The name is not echoed: messages never repeat what was typed.
        problems.push(`The ${word} pose names something that is not a joint (joints are named like hipFlexR)`);
        continue;
      }
      const r = rangeOf(name as JointName);
      if (value < r.min || value > r.max)
        problems.push(
          `${jointLabel(name as JointName)} in the ${word} pose must be between ${r.min} and ${r.max} ${r.unit === 'deg' ? 'degrees' : 'cm'}`,
        );
    }
  }
  return problems;
}

/** The built-in figure's start and end joints: where a clinician's figure begins. */
export function customFromBuiltin(code: string): CustomFigure {
  const model = resolveFigure(FIGURES, code, FIGURES.exercises[code]);
  const joints = (j: Joints) => Object.fromEntries(JOINT_NAMES.map((n) => [n, Math.round(j[n] * 10) / 10]));
  return { from: code, start: joints(model.frames.start!.pose.joints), end: joints(model.frames.end!.pose.joints) };
}

/** Resolves a clinic's figure: the built-in's view, props and supports with the clinic's joints. */
export function resolveCustomFigure(figure: CustomFigure): FigureModel {
  const input = FIGURES.exercises[figure.from];
  if (!input) throw new Error(`There is no built-in figure ${figure.from} to start from`);
  return resolveFigure(FIGURES, figure.from, {
    ...input,
    start: { ...input.start, joints: { ...(input.start?.joints ?? {}), ...figure.start } },
    middle: undefined,
    end: { ...input.end, joints: { ...figure.end } },
  });
}
