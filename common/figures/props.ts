// Props drawn to the figure's scale (cm): floor and mat, wall, chair, bench, step, ball, band with
// its anchor, dumbbell, kettlebell, barbell and blocks, cable, towel, pressure cuff, pillow and a few
// machines. Each prop is a handful of 3-D shapes: boxes, spheres and rods (for collision checks and
// projection into any view) and lines (bands, cables). Placed from the figure's start pose; props held
// in the hands or tied to them follow each pose.
import type { Part, PropSpec, Surface } from '../domain/figure';
import type { Body } from './body';
import { extremeX, lowestY, partPoint } from './parts';
import { add, scale, sub, type Vec3 } from './vec';

export type Shape3 =
  | {
      shape: 'box';
      min: Vec3;
      max: Vec3;
      corner: number;
      fill: string;
      stroke: string;
      rigid: boolean;
      surface?: Surface;
      role: string;
      opacity?: number;
    }
  | { shape: 'sphere'; centre: Vec3; r: number; fill: string; stroke: string; rigid: boolean; surface?: Surface; role: string }
  | { shape: 'rod'; a: Vec3; b: Vec3; r: number; fill: string; stroke: string; rigid: boolean; surface?: Surface; role: string }
  | { shape: 'line'; points: Vec3[]; colour: string; width: number; role: string };

export const PROP_COLOURS = {
  fill: '#F4F6F8',
  stroke: '#8C96A3',
  mat: '#D5E6EA',
  soft: '#E9EEF5',
  metal: '#5B6573',
  band: '#3E8E7E',
  water: '#BFDDEB',
  floor: '#C9CFD6',
};

/** Heights of fixed surfaces (cm). */
export const MAT_THICKNESS = 1.5;
export const CHAIR_SEAT = 40;
export const BENCH_TOP = 45;

const { fill, stroke } = PROP_COLOURS;

type BoxOptions = Partial<Pick<Extract<Shape3, { shape: 'box' }>, 'corner' | 'fill' | 'stroke' | 'rigid' | 'surface' | 'opacity'>> & {
  /** Half the depth across the view (z), cm. */
  depth?: number;
};

function box(role: string, x0: number, x1: number, y0: number, y1: number, opts: BoxOptions = {}): Shape3 {
  const { depth = 30, ...rest } = opts;
  return {
    shape: 'box',
    min: [Math.min(x0, x1), y0, -depth],
    max: [Math.max(x0, x1), y1, depth],
    corner: 2,
    fill,
    stroke,
    rigid: true,
    role,
    ...rest,
  };
}

const rod = (role: string, a: Vec3, b: Vec3, r: number, rigid = true, colour = fill): Shape3 => ({
  shape: 'rod',
  a,
  b,
  r,
  fill: colour,
  stroke,
  rigid,
  role,
});

/** Which way the figure faces along x (+1 or -1), judged by its pelvis. */
export function facing(body: Body): 1 | -1 {
  const f = body.frames.pelvis[0];
  const u = body.frames.pelvis[1];
  // Lying down, "front" is where the head is for a prone figure and where the feet are when supine.
  const x = Math.abs(f[0]) > 0.3 ? f[0] : u[0];
  return x >= 0 ? 1 : -1;
}

export interface PlacedProps {
  /** Props that stay put between poses (mat, wall, chair, bench…). */
  statics: Shape3[];
  /** Heights of the surfaces a part can rest on, for settling each pose. */
  surfaces: Partial<Record<Surface, number>>;
}

/** The top of each surface a support can use before any prop is placed (chair seat, bench top…). */
export function surfaceHeights(specs: readonly PropSpec[]): Partial<Record<Surface, number>> {
  const out: Partial<Record<Surface, number>> = { floor: 0 };
  const mat = specs.some((s) => s.kind === 'mat');
  const base = mat ? MAT_THICKNESS : 0;
  if (mat) out.mat = MAT_THICKNESS;
  for (const s of specs) {
    if (s.kind === 'chair') out.chair = s.height ?? CHAIR_SEAT;
    if (s.kind === 'bench') out.bench = s.height ?? BENCH_TOP;
    if (s.kind === 'step') out.step = s.height ?? 20;
    if (s.kind === 'blocks') out.blocks = s.height ?? 20;
    if (s.kind === 'pillow') out.pillow = base + (s.height ?? 10);
    if (s.kind === 'towel') out.towel = base + (s.height ?? 3);
    if (s.kind === 'foam-roller') out['foam-roller'] = base + 15;
    if (s.kind === 'treadmill') out.treadmill = 14;
    if (s.kind === 'ball') out.ball = 65;
    if (s.kind === 'bike') out.bike = s.height ?? 72;
  }
  return out;
}

/** A top of the given thickness on two legs (a bench, a table), centred at x. */
function legged(name: string, x: number, len: number, top: number, thickness: number, opts: BoxOptions): Shape3[] {
  const x0 = x - len / 2;
  const x1 = x + len / 2;
  const inset = thickness;
  return [
    box(`prop:${name}-leg`, x0 + inset, x0 + inset + 4, 0, top - thickness, { corner: 1 }),
    box(`prop:${name}-leg`, x1 - inset - 4, x1 - inset, 0, top - thickness, { corner: 1 }),
    box(`prop:${name}`, x0, x1, top - thickness, top, opts),
  ];
}

/** Static props, placed from the start pose; `all` are every pose (to size the mat and the water). */
export function placeStatics(specs: readonly PropSpec[], start: Body, all: readonly Body[]): Shape3[] {
  const dir = facing(start);
  const minX = Math.min(...all.map((b) => extremeX(b, 'all', -1)));
  const maxX = Math.max(...all.map((b) => extremeX(b, 'all', 1)));
  const topY = Math.max(...all.flatMap((b) => b.capsules.map((c) => Math.max(c.a[1] + c.ra, c.b[1] + c.rb))));
  const hasMat = specs.some((s) => s.kind === 'mat');
  const base = hasMat ? MAT_THICKNESS : 0;
  const at = (s: PropSpec, fallback: Part): Vec3 => {
    const p = partPoint(start, s.at ?? fallback);
    return [p[0] + (s.dx ?? 0) * dir, p[1] + (s.dy ?? 0), p[2]];
  };
  const out: Shape3[] = [];
  for (const s of specs) {
    switch (s.kind) {
      case 'mat':
        out.push(
          box('prop:mat', minX - 12, maxX + 12, 0, MAT_THICKNESS, {
            fill: PROP_COLOURS.mat,
            rigid: false,
            surface: 'mat',
            corner: 0.75,
            depth: 45,
          }),
        );
        break;
      case 'wall': {
        const towards = s.side === 'back' ? -dir : dir;
        const part = s.at ?? 'all';
        const plane = extremeX(start, part, towards as 1 | -1) + towards * (s.dx ?? 0);
        out.push(
          box('prop:wall', plane, plane + towards * 10, 0, Math.max(topY + 20, s.height ?? 0), { surface: 'wall', corner: 0, depth: 80 }),
        );
        break;
      }
      case 'chair': {
        const seat = s.height ?? CHAIR_SEAT;
        const p = at(s, 'pelvis');
        const back = p[0] - dir * 16;
        const front = p[0] + dir * 26;
        out.push(box('prop:chair-leg', back, back + dir * 3, 0, seat - 3, { corner: 1 }));
        out.push(box('prop:chair-leg', front - dir * 3, front, 0, seat - 3, { corner: 1 }));
        if (s.variant !== 'no-back') out.push(box('prop:chair-back', back - dir * 3, back, seat - 3, seat + 42, { corner: 1.5 }));
        out.push(box('prop:chair-seat', back - dir * 3, front, seat - 4, seat, { surface: 'chair', corner: 1.5, depth: 24 }));
        break;
      }
      case 'bench':
        out.push(
          ...legged('bench', at(s, 'pelvis')[0], s.length ?? 110, s.height ?? BENCH_TOP, 8, { surface: 'bench', corner: 3, depth: 13 }),
        );
        break;
      case 'step':
      case 'blocks': {
        const h = s.height ?? 20;
        const p = at(s, s.kind === 'step' ? 'footR' : 'hands');
        const w = s.length ?? 36;
        out.push(
          box(`prop:${s.kind}`, p[0] - w / 2, p[0] + w / 2, 0, h, { surface: s.kind, corner: 1.5, depth: s.kind === 'blocks' ? 5 : 30 }),
        );
        break;
      }
      case 'ball': {
        const p = at(s, 'back');
        out.push({
          shape: 'sphere',
          centre: [p[0], 32.5, 0],
          r: 32.5,
          fill: PROP_COLOURS.soft,
          stroke,
          rigid: true,
          surface: 'ball',
          role: 'prop:ball',
        });
        break;
      }
      case 'pillow':
      case 'towel':
      case 'cuff': {
        const p = at(s, s.kind === 'cuff' ? 'lowBack' : 'head');
        const h = s.height ?? (s.kind === 'pillow' ? 10 : s.kind === 'towel' ? 3 : 3.5);
        const w = s.length ?? (s.kind === 'pillow' ? 44 : s.kind === 'towel' ? 30 : 16);
        if (s.variant === 'between') {
          out.push({ shape: 'sphere', centre: p, r: 8, fill: PROP_COLOURS.soft, stroke, rigid: false, role: `prop:${s.kind}` });
          break;
        }
        out.push(
          box(`prop:${s.kind}`, p[0] - w / 2, p[0] + w / 2, base, base + h, {
            fill: s.kind === 'cuff' ? '#CFE0F2' : PROP_COLOURS.soft,
            rigid: false,
            surface: s.kind === 'cuff' ? undefined : s.kind,
            corner: Math.min(h / 2, 5),
            depth: 20,
          }),
        );
        break;
      }
      case 'rolled-towel': {
        const p = at(s, 'kneeR');
        out.push(rod('prop:rolled-towel', [p[0], base + 5, -18], [p[0], base + 5, 18], 5, false, PROP_COLOURS.soft));
        break;
      }
      case 'foam-roller': {
        const p = at(s, 'upperBack');
        out.push({
          shape: 'rod',
          a: [p[0], base + 7.5, -40],
          b: [p[0], base + 7.5, 40],
          r: 7.5,
          fill: PROP_COLOURS.soft,
          stroke,
          rigid: false,
          surface: 'foam-roller',
          role: 'prop:foam-roller',
        });
        break;
      }
      case 'table':
        out.push(...legged('table', at(s, 'hands')[0], s.length ?? 70, s.height ?? 76, 4, { corner: 1.5 }));
        break;
      case 'treadmill':
        out.push(box('prop:treadmill', minX - 25, maxX + 25, 0, 14, { surface: 'treadmill', corner: 4 }));
        out.push(rod('prop:treadmill-post', [maxX + 22 * dir, 12, 0], [maxX + 30 * dir, 105, 0], 2.5));
        break;
      case 'water':
        out.push(
          box('prop:water', minX - 25, maxX + 25, 0, partPoint(start, 'chest')[1] + 4, {
            fill: PROP_COLOURS.water,
            stroke: '#7FB3CC',
            rigid: false,
            opacity: 0.45,
            corner: 0,
          }),
        );
        break;
      case 'bike': {
        const seat = s.height ?? 72;
        const p = at(s, 'pelvis');
        const crank = partPoint(start, 'feet');
        out.push(rod('prop:bike-frame', [p[0], seat - 4, 0], [crank[0], 30, 0], 2.5));
        out.push(rod('prop:bike-frame', [crank[0], 30, 0], [crank[0] - dir * 10, 0, 0], 2.5));
        out.push(rod('prop:bike-frame', [crank[0], 30, 0], [crank[0] + dir * 30, 95, 0], 2.5));
        out.push(box('prop:bike-seat', p[0] - 12, p[0] + 12, seat - 4, seat, { surface: 'bike', corner: 2, depth: 12, rigid: false }));
        break;
      }
      case 'cable': {
        if (s.variant === 'overhead') {
          const p = partPoint(start, 'hands');
          out.push(box('prop:cable-machine', p[0] - dir * 40, p[0] - dir * 52, 0, 236, { corner: 2 }));
          out.push(box('prop:cable-machine', p[0] - dir * 52, p[0] + dir * 6, 228, 236, { corner: 2 }));
          break;
        }
        const h = s.height ?? 110;
        const side = s.side === 'back' ? -dir : dir;
        const x = (side === dir ? maxX : minX) + side * (s.dx ?? 40);
        out.push(box('prop:cable-machine', x, x + side * 12, 0, Math.max(h + 30, 150), { corner: 2 }));
        break;
      }
      case 'band': {
        if (s.variant === 'underfoot' || s.variant === 'between') break;
        const h = s.height ?? 110;
        const side = s.side === 'back' ? -dir : dir;
        const x = (side === dir ? maxX : minX) + side * (s.dx ?? 40);
        out.push(rod('prop:band-anchor', [x, 0, -25], [x, Math.max(h + 40, 150), -25], 3));
        break;
      }
      case 'sled': {
        const p = partPoint(start, 'hands');
        const x = p[0] + dir * 25;
        out.push(box('prop:sled', x, x + dir * 60, 0, 45, { corner: 3 }));
        break;
      }
      case 'arm-bike': {
        const p = partPoint(start, 'hands');
        out.push(rod('prop:arm-bike-post', [p[0] + dir * 8, 0, 0], [p[0] + dir * 8, p[1], 0], 3));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Props that follow the body: held weights, band and cable lines, the dowel along the back. */
export function placeAttached(specs: readonly PropSpec[], body: Body, statics: readonly Shape3[]): Shape3[] {
  const dir = facing(body);
  const right = body.frames.thorax[2];
  const out: Shape3[] = [];
  const hold = (s: PropSpec, fallback: Part): Vec3[] => {
    const part = s.at ?? fallback;
    const shift: Vec3 = [(s.dx ?? 0) * dir, s.dy ?? 0, 0];
    if (part === 'hands' && s.kind !== 'barbell' && s.kind !== 'box' && s.variant !== 'one')
      return ['handR', 'handL'].map((h) => add(body.points[h], shift));
    return [add(partPoint(body, part), shift)];
  };
  for (const s of specs) {
    switch (s.kind) {
      case 'dumbbell':
        for (const p of hold(s, 'handR')) {
          out.push(rod('prop:dumbbell', sub(p, scale(right, 9)), add(p, scale(right, 9)), 1.6, false, PROP_COLOURS.metal));
          out.push(rod('prop:dumbbell', sub(p, scale(right, 10)), sub(p, scale(right, 6)), 5.5, false, PROP_COLOURS.metal));
          out.push(rod('prop:dumbbell', add(p, scale(right, 6)), add(p, scale(right, 10)), 5.5, false, PROP_COLOURS.metal));
        }
        break;
      case 'kettlebell':
        for (const p of hold(s, 'handR')) {
          out.push(rod('prop:kettlebell-handle', add(p, [-4, -2, 0]), add(p, [4, -2, 0]), 1.8, false, PROP_COLOURS.metal));
          out.push({
            shape: 'sphere',
            centre: add(p, [0, -13, 0]),
            r: 10,
            fill: PROP_COLOURS.metal,
            stroke: '#3D4451',
            rigid: false,
            role: 'prop:kettlebell',
          });
        }
        break;
      case 'barbell': {
        const [p] = hold(s, 'hands');
        const c: Vec3 = s.at === 'pelvis' ? add(p, [0, 14, 0]) : p;
        out.push(rod('prop:barbell', sub(c, [0, 0, 75]), add(c, [0, 0, 75]), 1.5, false, PROP_COLOURS.metal));
        if (s.variant === 'bar') break;
        const plate = s.at === 'pelvis' ? 12 : 18;
        out.push(rod('prop:barbell-plate', add(c, [0, 0, 32]), add(c, [0, 0, 36]), plate, false, PROP_COLOURS.metal));
        out.push(rod('prop:barbell-plate', sub(c, [0, 0, 36]), sub(c, [0, 0, 32]), plate, false, PROP_COLOURS.metal));
        break;
      }
      case 'box': {
        const [p] = hold(s, 'hands');
        out.push(box('prop:box', p[0] - 15, p[0] + 15, p[1] - 14, p[1] + 12, { rigid: false, fill: '#E8DCC8', corner: 1.5, depth: 18 }));
        break;
      }
      case 'band':
      case 'cable': {
        const anchorShape = statics.find((x) => x.role === (s.kind === 'band' ? 'prop:band-anchor' : 'prop:cable-machine'));
        const h = s.height ?? 110;
        const ends = hold(s, 'hands');
        if (s.variant === 'between') {
          out.push({
            shape: 'line',
            points: [body.points.handR, body.points.handL],
            colour: PROP_COLOURS.band,
            width: 1.8,
            role: 'prop:band',
          });
          break;
        }
        if (s.variant === 'overhead') {
          for (const e of ends)
            out.push({ shape: 'line', points: [[e[0], 230, e[2]], e], colour: PROP_COLOURS.metal, width: 0.9, role: `prop:${s.kind}` });
          continue;
        }
        if (s.variant === 'underfoot') {
          const f = partPoint(body, 'feet');
          for (const e of ends)
            out.push({ shape: 'line', points: [[f[0], f[1] - 3, e[2]], e], colour: PROP_COLOURS.band, width: 1.6, role: 'prop:band' });
          break;
        }
        const ax = anchorShape
          ? anchorShape.shape === 'rod'
            ? anchorShape.a[0]
            : anchorShape.shape === 'box'
              ? (anchorShape.min[0] + anchorShape.max[0]) / 2
              : 0
          : 0;
        for (const e of ends)
          out.push({
            shape: 'line',
            points: [[ax, h, e[2]], e],
            colour: s.kind === 'band' ? PROP_COLOURS.band : PROP_COLOURS.metal,
            width: s.kind === 'band' ? 1.8 : 0.9,
            role: `prop:${s.kind}`,
          });
        if (s.kind === 'cable')
          for (const e of ends) out.push(rod('prop:cable-handle', add(e, [0, 0, -6]), add(e, [0, 0, 6]), 1.6, false, PROP_COLOURS.metal));
        break;
      }
      case 'dowel': {
        const head = body.points.head;
        const sacrum = body.points.sacrum;
        const back = scale(body.frames.thorax[0], -1);
        const a = add(add(sacrum, scale(back, 9)), scale(sub(sacrum, head), 0.15));
        const b = add(add(head, scale(body.frames.head[0], -12.5)), scale(sub(head, sacrum), 0.12));
        out.push(rod('prop:dowel', a, b, 1.3, false, '#B98B5E'));
        break;
      }
      case 'arm-bike': {
        const p = partPoint(body, 'hands');
        out.push({ shape: 'sphere', centre: p, r: 3, fill: PROP_COLOURS.metal, stroke: '#3D4451', rigid: false, role: 'prop:arm-bike' });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

export { lowestY };
