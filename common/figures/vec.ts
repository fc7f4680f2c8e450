// Small 3-D vector and rotation helpers for the figure kernel. Column vectors, right-handed world:
// x forward (the way a side-view figure faces), y up, z toward the viewer of the side view.

export type Vec3 = readonly [number, number, number];
/** A rotation as three columns: where the local forward, up and right axes point in the world. */
export type Mat3 = readonly [Vec3, Vec3, Vec3];

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

export const IDENTITY: Mat3 = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

/** The world direction of a vector given in the frame's local (forward, up, right) coordinates. */
export function apply(m: Mat3, v: Vec3): Vec3 {
  return add(add(scale(m[0], v[0]), scale(m[1], v[1])), scale(m[2], v[2]));
}

export function multiply(a: Mat3, b: Mat3): Mat3 {
  return [apply(a, b[0]), apply(a, b[1]), apply(a, b[2])];
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Rotation about one local axis (0 forward, 1 up, 2 right) by `deg`, right-hand rule. */
export function axisRotation(axis: 0 | 1 | 2, deg: number): Mat3 {
  const c = Math.cos(rad(deg));
  const s = Math.sin(rad(deg));
  if (axis === 2)
    return [
      [c, s, 0],
      [-s, c, 0],
      [0, 0, 1],
    ];
  if (axis === 1)
    return [
      [c, 0, -s],
      [0, 1, 0],
      [s, 0, c],
    ];
  return [
    [1, 0, 0],
    [0, c, s],
    [0, -s, c],
  ];
}
