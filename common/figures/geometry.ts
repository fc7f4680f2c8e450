// 2-D vector paths: the primitives every painter draws, and the shapes the figure is made of
// (tapered capsules, circles, rounded rectangles), with curves as cubic Béziers so SVG and PDF
// receive exactly the same points.

export type Point = readonly [number, number];

export type PathCommand = { op: 'M'; to: Point } | { op: 'L'; to: Point } | { op: 'C'; c1: Point; c2: Point; to: Point } | { op: 'Z' };

export interface PathPrimitive {
  type: 'path';
  commands: PathCommand[];
  fill: string | null;
  stroke: string | null;
  strokeWidth: number;
  fillOpacity?: number;
  /** Round caps and joins for open strokes (bands, cables, the arrow's shaft). */
  round?: boolean;
  /** What it draws, for tests and debugging ("thighR", "prop:chair"). */
  role: string;
}

export interface CirclePrimitive {
  type: 'circle';
  centre: Point;
  r: number;
  fill: string | null;
  stroke: string | null;
  strokeWidth: number;
  role: string;
}

export interface LabelPrimitive {
  type: 'label';
  at: Point;
  text: string;
  size: number;
  colour: string;
  role: string;
}

/** A movement arrow: an open curved shaft and a filled head. */
export interface ArrowPrimitive {
  type: 'arrow';
  shaft: PathCommand[];
  head: PathCommand[];
  colour: string;
  width: number;
  role: string;
}

export type Primitive = PathPrimitive | CirclePrimitive | LabelPrimitive | ArrowPrimitive;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const polar = (c: Point, r: number, a: number): Point => [c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)];

/** An arc around `c` from angle a0 to a1 (radians, either direction) as Béziers of at most 90°. */
export function arc(c: Point, r: number, a0: number, a1: number): PathCommand[] {
  const pieces = Math.max(1, Math.ceil(Math.abs(a1 - a0) / (Math.PI / 2) - 1e-9));
  const step = (a1 - a0) / pieces;
  const k = (4 / 3) * Math.tan(step / 4) * r;
  const out: PathCommand[] = [];
  for (let i = 0; i < pieces; i++) {
    const s = a0 + i * step;
    const e = s + step;
    const p0 = polar(c, r, s);
    const p3 = polar(c, r, e);
    out.push({
      op: 'C',
      c1: [p0[0] - k * Math.sin(s), p0[1] + k * Math.cos(s)],
      c2: [p3[0] + k * Math.sin(e), p3[1] - k * Math.cos(e)],
      to: p3,
    });
  }
  return out;
}

export function circlePath(c: Point, r: number): PathCommand[] {
  return [{ op: 'M', to: polar(c, r, 0) }, ...arc(c, r, 0, 2 * Math.PI), { op: 'Z' }];
}

/** The outline of a tapered capsule: two circles joined by their outer tangents. */
export function capsulePath(a: Point, ra: number, b: Point, rb: number): PathCommand[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const d = Math.hypot(dx, dy);
  if (d <= Math.abs(ra - rb) + 0.01) return ra >= rb ? circlePath(a, ra) : circlePath(b, rb);
  const t = Math.atan2(dy, dx);
  const phi = Math.acos((ra - rb) / d);
  return [
    { op: 'M', to: polar(a, ra, t + phi) },
    { op: 'L', to: polar(b, rb, t + phi) },
    ...arc(b, rb, t + phi, t - phi),
    { op: 'L', to: polar(a, ra, t - phi) },
    ...arc(a, ra, t - phi, t - 2 * Math.PI + phi),
    { op: 'Z' },
  ];
}

export function roundedRectPath(x: number, y: number, w: number, h: number, r: number): PathCommand[] {
  const k = Math.max(0, Math.min(r, w / 2, h / 2));
  if (k === 0)
    return [
      { op: 'M', to: [x, y] },
      { op: 'L', to: [x + w, y] },
      { op: 'L', to: [x + w, y + h] },
      { op: 'L', to: [x, y + h] },
      { op: 'Z' },
    ];
  return [
    { op: 'M', to: [x + k, y] },
    { op: 'L', to: [x + w - k, y] },
    ...arc([x + w - k, y + k], k, -Math.PI / 2, 0),
    { op: 'L', to: [x + w, y + h - k] },
    ...arc([x + w - k, y + h - k], k, 0, Math.PI / 2),
    { op: 'L', to: [x + k, y + h] },
    ...arc([x + k, y + h - k], k, Math.PI / 2, Math.PI),
    { op: 'L', to: [x, y + k] },
    ...arc([x + k, y + k], k, Math.PI, (3 * Math.PI) / 2),
    { op: 'Z' },
  ];
}

export function polylinePath(points: readonly Point[], closed = false): PathCommand[] {
  const out: PathCommand[] = points.map((p, i) => ({ op: i === 0 ? 'M' : 'L', to: p }) as PathCommand);
  if (closed) out.push({ op: 'Z' });
  return out;
}

export function pathPoints(commands: readonly PathCommand[]): Point[] {
  return commands.flatMap((c) => (c.op === 'Z' ? [] : c.op === 'C' ? [c.c1, c.c2, c.to] : [c.to]));
}

export function primitivePoints(p: Primitive): Point[] {
  if (p.type === 'path') return pathPoints(p.commands);
  if (p.type === 'arrow') return [...pathPoints(p.shaft), ...pathPoints(p.head)];
  if (p.type === 'circle')
    return [
      [p.centre[0] - p.r, p.centre[1] - p.r],
      [p.centre[0] + p.r, p.centre[1] + p.r],
    ];
  // A label's box: about 0.55 em per character, centred under its point.
  const half = (p.text.length * p.size * 0.55) / 2;
  return [
    [p.at[0] - half, p.at[1] - p.size],
    [p.at[0] + half, p.at[1] + p.size * 0.3],
  ];
}

export function boundsOf(primitives: readonly Primitive[], pad = 0): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of primitives)
    for (const [x, y] of primitivePoints(p)) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, w: 1, h: 1 };
  return { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
}

export function translateCommands(commands: readonly PathCommand[], dx: number, dy: number): PathCommand[] {
  const t = (p: Point): Point => [p[0] + dx, p[1] + dy];
  return commands.map((c) =>
    c.op === 'Z' ? c : c.op === 'C' ? { op: 'C', c1: t(c.c1), c2: t(c.c2), to: t(c.to) } : { op: c.op, to: t(c.to) },
  );
}

export function translatePrimitive(p: Primitive, dx: number, dy: number): Primitive {
  if (p.type === 'path') return { ...p, commands: translateCommands(p.commands, dx, dy) };
  if (p.type === 'arrow') return { ...p, shaft: translateCommands(p.shaft, dx, dy), head: translateCommands(p.head, dx, dy) };
  if (p.type === 'circle') return { ...p, centre: [p.centre[0] + dx, p.centre[1] + dy] };
  return { ...p, at: [p.at[0] + dx, p.at[1] + dy] };
}

/** Uniform fit of `content` into `target`, centred (SVG's preserveAspectRatio="xMidYMid meet"). */
export function fitTransform(content: Box, target: Box): { scale: number; dx: number; dy: number } {
  const scale = Math.min(target.w / content.w, target.h / content.h);
  return {
    scale,
    dx: target.x + (target.w - content.w * scale) / 2 - content.x * scale,
    dy: target.y + (target.h - content.h * scale) / 2 - content.y * scale,
  };
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** SVG path data for the commands, two decimals. */
export function svgPathData(commands: readonly PathCommand[]): string {
  return commands
    .map((c) => {
      if (c.op === 'Z') return 'Z';
      if (c.op === 'C') return `C${fmt(c.c1[0])} ${fmt(c.c1[1])} ${fmt(c.c2[0])} ${fmt(c.c2[1])} ${fmt(c.to[0])} ${fmt(c.to[1])}`;
      return `${c.op}${fmt(c.to[0])} ${fmt(c.to[1])}`;
    })
    .join('');
}
