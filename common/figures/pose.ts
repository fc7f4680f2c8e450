// From the figure data (common/domain/figure.ts) to solved poses: a base pose plus an exercise's joint
// changes, checked against the joint ranges, then settled on its support (the contact helper: the
// root moves so the supporting part rests on its surface) with the anchor part kept in place between
// poses.
import type { BasePose, Contact, ExerciseFigureInput, FigureLibrary, FramePatch, Part, PropSpec, View } from '../domain/figure';
import {
  JOINT_NAMES,
  LIMB_JOINTS,
  NEUTRAL_JOINTS,
  rangeOf,
  solveBody,
  type Body,
  type BodyPose,
  type JointName,
  type Joints,
  type Root,
} from './body';
import { lowestY, partPoint } from './parts';
import { placeAttached, placeStatics, surfaceHeights, type Shape3 } from './props';
import { lerp } from './vec';

export const FRAME_NAMES = ['start', 'middle', 'end'] as const;
export type FrameName = (typeof FRAME_NAMES)[number];

const LIMB_NAMES = new Set<string>(LIMB_JOINTS);
const JOINT_SET = new Set<string>(JOINT_NAMES);

/** Expands "hipFlex" (both sides) and checks every name; unknown names are refused by name. */
export function expandJoints(patch: Record<string, number> | undefined, into: Joints, where: string): Joints {
  const out = { ...into };
  if (!patch) return out;
  // Both-sides names first, so "kneeFlexR" after "kneeFlex" wins whatever the key order.
  const keys = Object.keys(patch).sort((a, b) => Number(JOINT_SET.has(a)) - Number(JOINT_SET.has(b)));
  for (const key of keys) {
    const value = patch[key];
    if (LIMB_NAMES.has(key)) {
      out[`${key}R` as JointName] = value;
      out[`${key}L` as JointName] = value;
    } else if (JOINT_SET.has(key)) out[key as JointName] = value;
    else throw new Error(`${where}: "${key}" is not a joint (joints are named like lumbarFlex, hipFlexR or hipFlex for both sides)`);
  }
  return out;
}

export interface JointProblem {
  joint: JointName;
  value: number;
  min: number;
  max: number;
}

export function outOfRange(joints: Joints): JointProblem[] {
  return JOINT_NAMES.flatMap((joint) => {
    const { min, max } = rangeOf(joint);
    const value = joints[joint];
    return value < min - 1e-9 || value > max + 1e-9 ? [{ joint, value, min, max }] : [];
  });
}

const REGION_OF_LETTER: Record<string, FigureModel['region']> = { L: 'lumbar', C: 'cervical', T: 'thoracic' };

const NEUTRAL_ROOT: Root = { x: 0, y: 100, z: 0, pitch: 0, roll: 0, yaw: 0 };

function applyPatch(pose: BodyPose, patch: FramePatch | undefined, where: string): BodyPose {
  return { root: { ...pose.root, ...(patch?.root ?? {}) }, joints: expandJoints(patch?.joints, pose.joints, where) };
}

export interface FigureModel {
  code: string;
  view: View;
  region: 'lumbar' | 'thoracic' | 'cervical' | null;
  baseWords: string;
  action: string;
  arrow: Part | null;
  support: Contact;
  contacts: Contact[];
  props: PropSpec[];
  /** Solved, settled poses: start and end always, middle where the data gives one. */
  frames: Partial<Record<FrameName, { pose: BodyPose; body: Body; support: Contact; contacts: Contact[] }>>;
  statics: Shape3[];
}

/** Moves the root so the support part rests on its surface, and (after the start) the anchor keeps its x. */
export function settle(pose: BodyPose, support: Contact, surfaceTop: number, anchor?: { part: Part; x: number }): BodyPose {
  const body = solveBody(pose);
  const dy = surfaceTop - lowestY(body, support.part);
  let dx = 0;
  if (anchor) dx = anchor.x - partPoint(body, anchor.part)[0];
  const root = { ...pose.root, x: pose.root.x + dx, y: pose.root.y + dy };
  return { root, joints: pose.joints };
}

/** Resolves one exercise's figure: every pose solved and settled, static props placed. Throws on bad data, naming it. */
export function resolveFigure(library: Pick<FigureLibrary, 'bases'>, code: string, input: ExerciseFigureInput): FigureModel {
  const base: BasePose | undefined = library.bases[input.base];
  if (!base) throw new Error(`${code}: base pose "${input.base}" does not exist`);
  const basePose: BodyPose = {
    root: { ...NEUTRAL_ROOT, ...base.root },
    joints: expandJoints(base.joints, NEUTRAL_JOINTS, `base ${input.base}`),
  };
  const props = input.props ?? [];
  const support = input.support ?? base.support;
  const surfaces = surfaceHeights(props);
  const anchorPart = input.anchor ?? support.part;

  const raw: Partial<Record<FrameName, BodyPose>> = {};
  raw.start = applyPatch(basePose, input.start, `${code} start`);
  if (input.middle) raw.middle = applyPatch(raw.start, input.middle, `${code} middle`);
  raw.end = applyPatch(raw.start, input.end, `${code} end`);

  const frames: FigureModel['frames'] = {};
  const supportOf = (name: FrameName): Contact =>
    input[name]?.support ?? (name === 'end' ? input.middle?.support : undefined) ?? input.start?.support ?? support;
  const topOf = (c: Contact): number => {
    const t = surfaces[c.on];
    if (t === undefined) throw new Error(`${code}: the support "${c.on}" needs a ${c.on} among the props`);
    return t;
  };
  const start = settle(raw.start, supportOf('start'), topOf(supportOf('start')));
  const startBody = solveBody(start);
  const anchor = { part: anchorPart, x: partPoint(startBody, anchorPart)[0] };
  frames.start = { pose: start, body: startBody, support: supportOf('start'), contacts: input.start?.contacts ?? [] };
  for (const name of ['middle', 'end'] as const) {
    const p = raw[name];
    if (!p) continue;
    const settled = settle(p, supportOf(name), topOf(supportOf(name)), anchor);
    frames[name] = { pose: settled, body: solveBody(settled), support: supportOf(name), contacts: input[name]?.contacts ?? [] };
  }
  const bodies = Object.values(frames).map((f) => f.body);
  return {
    code,
    view: input.view ?? 'side',
    region: input.region === undefined ? (REGION_OF_LETTER[code.charAt(0)] ?? null) : input.region,
    baseWords: base.words,
    action: input.action,
    arrow: input.arrow,
    support,
    contacts: input.contacts ?? [],
    props,
    frames,
    statics: placeStatics(props, startBody, bodies),
  };
}

/** A pose part-way from start to end (0..1), for the on-screen movement. */
export function interpolatePose(a: BodyPose, b: BodyPose, t: number): BodyPose {
  const joints = { ...a.joints };
  for (const j of JOINT_NAMES) joints[j] = lerp(a.joints[j], b.joints[j], t);
  const root = { ...a.root };
  for (const k of Object.keys(root) as (keyof Root)[]) root[k] = lerp(a.root[k], b.root[k], t);
  return { root, joints };
}

export function attachedProps(model: FigureModel, body: Body): Shape3[] {
  return placeAttached(model.props, body, model.statics);
}
