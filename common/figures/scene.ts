// Pose → scene: the solved body and its props projected for a view (side, front or top) and turned
// into vector primitives, y pointing down, in centimetres. Filled rounded shapes with one neutral
// fill and an outline, drawn far side first; the targeted spine region can be highlighted and a
// movement arrow shows where a part goes. Both painters (SVG and PDF) draw exactly this.
import type { Part, View } from '../domain/figure';
import type { Body, Capsule, SegmentGroup } from './body';
import {
  boundsOf,
  capsulePath,
  roundedRectPath,
  translatePrimitive,
  type Box,
  type PathCommand,
  type Point,
  type Primitive,
} from './geometry';
import { partPoint } from './parts';
import { attachedProps, FRAME_NAMES, type FigureModel, type FrameName } from './pose';
import { PROP_COLOURS, type Shape3 } from './props';
import type { Vec3 } from './vec';

export const FIGURE_STYLE = {
  fill: '#EDE7E0',
  farFill: '#D8D1C9',
  outline: '#3B4350',
  outlineWidth: 1.1,
  highlight: '#D9674A',
  highlightOpacity: 0.55,
  arrow: '#1F6F8B',
  arrowWidth: 2.2,
  label: '#2A313B',
};

export interface Scene {
  primitives: Primitive[];
  bounds: Box;
}

/** Screen position (y down) and depth (larger is nearer the viewer) of a world point in a view. */
export function project(view: View, p: Vec3): { at: Point; depth: number } {
  if (view === 'front') return { at: [-p[2], -p[1]], depth: p[0] };
  if (view === 'top') return { at: [p[0], p[2]], depth: p[1] };
  return { at: [p[0], -p[1]], depth: p[2] };
}

const GROUP_OF_PART: Record<SegmentGroup, SegmentGroup> = { trunk: 'trunk', armR: 'armR', armL: 'armL', legR: 'legR', legL: 'legL' };

function capsuleCommands(view: View, c: Capsule): PathCommand[] {
  return capsulePath(project(view, c.a).at, c.ra, project(view, c.b).at, c.rb);
}

const REGION_SEGMENTS: Record<'lumbar' | 'thoracic' | 'cervical', [string, string, number]> = {
  lumbar: ['sacrum', 't12', 4.5],
  thoracic: ['t12', 'c7', 4.5],
  cervical: ['c7', 'neckTop', 3.5],
};

/** The body's primitives: each limb group as one outlined silhouette, far groups first. */
export function bodyPrimitives(view: View, body: Body, region: FigureModel['region'], overlay: Shape3[] = []): Primitive[] {
  const groups = new Map<SegmentGroup, Capsule[]>();
  for (const c of body.capsules) {
    const g = GROUP_OF_PART[c.group];
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const depthOf = (caps: Capsule[]) =>
    caps.reduce((s, c) => s + project(view, c.a).depth + project(view, c.b).depth, 0) / (2 * caps.length);
  const trunkDepth = depthOf(groups.get('trunk') ?? []);
  const ordered = [...groups.entries()].sort((a, b) => depthOf(a[1]) - depthOf(b[1]));
  const out: Primitive[] = [];
  for (const [group, caps] of ordered) {
    const far = group !== 'trunk' && depthOf(caps) < trunkDepth - 1;
    const fill = far ? FIGURE_STYLE.farFill : FIGURE_STYLE.fill;
    // Outline pass then fill pass: the outline survives only around the group's silhouette.
    for (const c of caps)
      out.push({
        type: 'path',
        commands: capsuleCommands(view, c),
        fill,
        stroke: FIGURE_STYLE.outline,
        strokeWidth: FIGURE_STYLE.outlineWidth * 2,
        role: `body:${c.id}`,
      });
    for (const c of caps)
      out.push({ type: 'path', commands: capsuleCommands(view, c), fill, stroke: null, strokeWidth: 0, role: `fill:${c.id}` });
    if (group === 'trunk' && region) {
      const [from, to, r] = REGION_SEGMENTS[region];
      out.push({
        type: 'path',
        commands: capsulePath(project(view, body.points[from]).at, r, project(view, body.points[to]).at, r),
        fill: FIGURE_STYLE.highlight,
        stroke: null,
        strokeWidth: 0,
        fillOpacity: FIGURE_STYLE.highlightOpacity,
        role: `highlight:${region}`,
      });
    }
    // Held props go with the hand that holds them.
    for (const s of overlay.filter((o) => heldBy(o, body, view) === group)) out.push(...shapePrimitives(view, s));
  }
  for (const s of overlay.filter((o) => heldBy(o, body, view) === null)) out.push(...shapePrimitives(view, s));
  return out;
}

/** Which arm a held shape goes with (null: drawn over everything, like band lines). */
function heldBy(s: Shape3, body: Body, view: View): SegmentGroup | null {
  if (s.shape === 'line') return null;
  const centre: Vec3 =
    s.shape === 'box'
      ? [(s.min[0] + s.max[0]) / 2, (s.min[1] + s.max[1]) / 2, (s.min[2] + s.max[2]) / 2]
      : s.shape === 'sphere'
        ? s.centre
        : [(s.a[0] + s.b[0]) / 2, (s.a[1] + s.b[1]) / 2, (s.a[2] + s.b[2]) / 2];
  const d = (p: Vec3) => Math.hypot(p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]);
  const near: SegmentGroup = project(view, body.points.handR).depth >= project(view, body.points.handL).depth ? 'armR' : 'armL';
  const closest = d(body.points.handR) <= d(body.points.handL) ? 'armR' : 'armL';
  return closest === near || s.role === 'prop:barbell' || s.role.startsWith('prop:barbell') ? near : closest;
}

/** A prop shape's primitives in a view. */
export function shapePrimitives(view: View, s: Shape3): Primitive[] {
  if (s.shape === 'line') {
    const pts = s.points.map((p) => project(view, p).at);
    return [
      {
        type: 'path',
        commands: pts.map((p, i) => ({ op: i === 0 ? 'M' : 'L', to: p }) as PathCommand),
        fill: null,
        stroke: s.colour,
        strokeWidth: s.width,
        round: true,
        role: s.role,
      },
    ];
  }
  if (s.shape === 'sphere') {
    const c = project(view, s.centre).at;
    return [{ type: 'circle', centre: c, r: s.r, fill: s.fill, stroke: s.stroke, strokeWidth: 1, role: s.role }];
  }
  if (s.shape === 'rod')
    return [
      {
        type: 'path',
        commands: capsulePath(project(view, s.a).at, s.r, project(view, s.b).at, s.r),
        fill: s.fill,
        stroke: s.stroke,
        strokeWidth: 1,
        role: s.role,
      },
    ];
  const corners: Vec3[] = [s.min, s.max];
  const pa = project(view, corners[0]).at;
  const pb = project(view, corners[1]).at;
  const x = Math.min(pa[0], pb[0]);
  const y = Math.min(pa[1], pb[1]);
  return [
    {
      type: 'path',
      commands: roundedRectPath(x, y, Math.abs(pa[0] - pb[0]), Math.abs(pa[1] - pb[1]), s.corner),
      fill: s.fill,
      stroke: s.stroke,
      strokeWidth: 1,
      ...(s.opacity !== undefined ? { fillOpacity: s.opacity } : {}),
      role: s.role,
    },
  ];
}

function floorPrimitives(view: View, x0: number, x1: number): Primitive[] {
  if (view === 'top') return [];
  return [
    {
      type: 'path',
      commands: roundedRectPath(x0, 0, x1 - x0, 3, 0),
      fill: '#EEF1F4',
      stroke: null,
      strokeWidth: 0,
      role: 'prop:floor',
    },
    {
      type: 'path',
      commands: [
        { op: 'M', to: [x0, 0] },
        { op: 'L', to: [x1, 0] },
      ],
      fill: null,
      stroke: PROP_COLOURS.floor,
      strokeWidth: 1.2,
      round: true,
      role: 'prop:floor-line',
    },
  ];
}

/** The arrow from a part's place in one pose to its place in another, bowed away from the body. */
export function arrowPrimitive(view: View, from: Point, to: Point, centre: Point): Primitive | null {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const len = Math.hypot(dx, dy);
  if (len < 3) return null;
  const ux = dx / len;
  const uy = dy / len;
  // Offset the arrow to the side of the path away from the body's centre.
  let nx = -uy;
  let ny = ux;
  const mx = (from[0] + to[0]) / 2;
  const my = (from[1] + to[1]) / 2;
  if ((mx - centre[0]) * nx + (my - centre[1]) * ny < 0) {
    nx = -nx;
    ny = -ny;
  }
  const off = 12;
  const bow = Math.min(14, len * 0.35);
  const a: Point = [from[0] + nx * off + ux * 2, from[1] + ny * off + uy * 2];
  const b: Point = [to[0] + nx * off - ux * 2, to[1] + ny * off - uy * 2];
  const c: Point = [mx + nx * (off + bow), my + ny * (off + bow)];
  // Quadratic through c as a cubic; the head points along the curve's end tangent.
  const c1: Point = [a[0] + (2 / 3) * (c[0] - a[0]), a[1] + (2 / 3) * (c[1] - a[1])];
  const c2: Point = [b[0] + (2 / 3) * (c[0] - b[0]), b[1] + (2 / 3) * (c[1] - b[1])];
  const tx = b[0] - c[0];
  const ty = b[1] - c[1];
  const tl = Math.hypot(tx, ty) || 1;
  const hx = tx / tl;
  const hy = ty / tl;
  const size = 6;
  const tip: Point = [b[0] + hx * size * 0.6, b[1] + hy * size * 0.6];
  const back: Point = [b[0] - hx * size * 0.6, b[1] - hy * size * 0.6];
  return {
    type: 'arrow',
    shaft: [
      { op: 'M', to: a },
      { op: 'C', c1, c2, to: back },
    ],
    head: [
      { op: 'M', to: tip },
      { op: 'L', to: [back[0] - hy * size * 0.55, back[1] + hx * size * 0.55] },
      { op: 'L', to: [back[0] + hy * size * 0.55, back[1] - hx * size * 0.55] },
      { op: 'Z' },
    ],
    colour: FIGURE_STYLE.arrow,
    width: FIGURE_STYLE.arrowWidth,
    role: 'arrow',
  };
}

function arrowFor(model: FigureModel, part: Part, start: Body, end: Body): Primitive | null {
  const from = project(model.view, partPoint(start, part)).at;
  const to = project(model.view, partPoint(end, part)).at;
  const centre = project(model.view, start.points.t12).at;
  return arrowPrimitive(model.view, from, to, centre);
}

export interface SceneOptions {
  /** Draw the movement arrow (on the start picture). */
  arrow?: boolean;
  /** Fit every frame's bounds, so pictures of one exercise share a scale and a floor. */
  bounds?: Box;
}

/** The props, body and arrow of one pose, without the floor (which spans whatever bounds it is drawn in). */
function contentOf(model: FigureModel, body: Body, arrow: boolean): Primitive[] {
  const view = model.view;
  const back = model.statics.filter((s) => s.role !== 'prop:water');
  const front = model.statics.filter((s) => s.role === 'prop:water');
  const primitives: Primitive[] = [];
  for (const s of back) primitives.push(...shapePrimitives(view, s));
  primitives.push(...bodyPrimitives(view, body, model.region, attachedProps(model, body)));
  for (const s of front) primitives.push(...shapePrimitives(view, s));
  if (arrow && model.arrow && model.frames.start && model.frames.end) {
    const a = arrowFor(model, model.arrow, model.frames.start.body, model.frames.end.body);
    if (a) primitives.push(a);
  }
  return primitives;
}

/** The floor under the content, across the bounds (or the content and a margin), and the bounds. */
function withFloor(view: View, primitives: Primitive[], bounds?: Box): Scene {
  const content = bounds ?? boundsOf(primitives, 0);
  const x0 = bounds ? bounds.x : content.x - 10;
  const x1 = bounds ? bounds.x + bounds.w : content.x + content.w + 10;
  const all = [...floorPrimitives(view, x0, x1), ...primitives];
  return { primitives: all, bounds: bounds ?? boundsOf(all, 4) };
}

/** The scene of one body (a named frame, or an in-between pose for the animation). */
export function sceneOfBody(model: FigureModel, body: Body, options: SceneOptions = {}): Scene {
  return withFloor(model.view, contentOf(model, body, options.arrow ?? false), options.bounds);
}

export function frameScene(model: FigureModel, frame: FrameName, options: SceneOptions = {}): Scene {
  const f = model.frames[frame];
  if (!f) throw new Error(`${model.code} has no ${frame} pose`);
  return sceneOfBody(model, f.body, { arrow: frame === 'start', ...options });
}

/** Start and end (and middle) with shared bounds, so the figure keeps its size and floor. */
export function figureScenes(model: FigureModel): Partial<Record<FrameName, Scene>> {
  const names = FRAME_NAMES.filter((n) => model.frames[n]);
  const contents = names.map((n) => contentOf(model, model.frames[n]!.body, n === 'start'));
  // The floor runs 10 cm past the widest pose on each side; the bounds add 4 cm all round.
  const box = boundsOf(contents.flat(), 0);
  const union = boundsOf([...contents.flat(), ...floorPrimitives(model.view, box.x - 10, box.x + box.w + 10)], 4);
  return Object.fromEntries(names.map((n, i) => [n, withFloor(model.view, contents[i], union)]));
}

/**
 * Start and end in one scene: side by side, or for a thumbnail of a long, low figure (lying down)
 * one above the other, so the figures stay large enough to read.
 */
export function pairScene(model: FigureModel, layout: 'row' | 'fit' = 'row', gap = 24): Scene {
  const scenes = figureScenes(model);
  const start = scenes.start!;
  const end = scenes.end!;
  const stacked = layout === 'fit' && start.bounds.w > start.bounds.h * 2.2;
  const dx = stacked ? 0 : start.bounds.w + gap;
  const dy = stacked ? start.bounds.h + gap / 2 : 0;
  const primitives = [...start.primitives, ...end.primitives.map((p) => translatePrimitive(p, dx, dy))];
  return {
    primitives,
    bounds: stacked ? { ...start.bounds, h: start.bounds.h * 2 + gap / 2 } : { ...start.bounds, w: start.bounds.w * 2 + gap },
  };
}
