// Checks on solved figures: contacts hold (a part rests on its surface or leans on the wall) and no
// segment passes through a rigid prop or below the floor. Used by tests over the whole library and
// by the pose editor to warn before a clinician saves.
import type { Contact } from '../domain/figure';
import type { Body, Capsule } from './body';
import { partCapsules } from './parts';
import type { FigureModel } from './pose';
import type { Shape3 } from './props';
import { add, dot, length, scale, sub, type Vec3 } from './vec';

/** How far a contact may be off (cm): the drawing's tolerance, about a finger's width. */
export const CONTACT_TOLERANCE = 2.5;
/** How far a segment may sink into a rigid prop or the floor (soft tissue, padding), cm. */
export const PENETRATION_TOLERANCE = 2;

const SAMPLES = 9;

function samples(c: Capsule): { p: Vec3; r: number }[] {
  return Array.from({ length: SAMPLES }, (_, i) => {
    const t = i / (SAMPLES - 1);
    return { p: add(c.a, scale(sub(c.b, c.a), t)), r: c.ra + (c.rb - c.ra) * t };
  });
}

/** Signed distance from a point to a shape's surface (negative inside). */
export function signedDistance(s: Shape3, p: Vec3): number {
  if (s.shape === 'sphere') return length(sub(p, s.centre)) - s.r;
  if (s.shape === 'rod') {
    const ab = sub(s.b, s.a);
    const t = Math.max(0, Math.min(1, dot(sub(p, s.a), ab) / Math.max(dot(ab, ab), 1e-9)));
    return length(sub(p, add(s.a, scale(ab, t)))) - s.r;
  }
  if (s.shape === 'box') {
    const q = [0, 1, 2].map((i) => Math.max(s.min[i] - p[i], p[i] - s.max[i]));
    const outside = Math.hypot(...q.map((v) => Math.max(v, 0)));
    return outside > 0 ? outside : Math.max(...q);
  }
  return Infinity;
}

/** Distance between a part and a surface: 0 when touching, positive when apart, negative when sunk in. */
export function contactGap(body: Body, contact: Contact, statics: readonly Shape3[], surfaces: Partial<Record<string, number>>): number {
  const caps = partCapsules(body, contact.part);
  const pts = caps.flatMap(samples);
  if (
    contact.on === 'floor' ||
    contact.on === 'mat' ||
    (contact.on !== 'wall' && !statics.some((s) => s.shape !== 'line' && 'surface' in s && s.surface === contact.on))
  ) {
    const top = surfaces[contact.on] ?? 0;
    return Math.min(...pts.map(({ p, r }) => p[1] - r - top));
  }
  const targets = statics.filter((s) => s.shape !== 'line' && 'surface' in s && s.surface === contact.on);
  return Math.min(...targets.flatMap((s) => pts.map(({ p, r }) => signedDistance(s, p) - r)));
}

export interface CollisionProblem {
  segment: string;
  prop: string;
  depth: number;
}

/** Segments sunk into a rigid prop or below the floor by more than the tolerance. */
export function collisions(body: Body, statics: readonly Shape3[], floorTop: number): CollisionProblem[] {
  const problems: CollisionProblem[] = [];
  for (const c of body.capsules) {
    const pts = samples(c);
    const below = Math.max(...pts.map(({ p, r }) => floorTop - (p[1] - r)));
    if (below > PENETRATION_TOLERANCE) problems.push({ segment: c.id, prop: 'floor', depth: below });
    for (const s of statics) {
      if (s.shape === 'line' || !s.rigid) continue;
      const depth = Math.max(...pts.map(({ p, r }) => r - signedDistance(s, p)));
      if (depth > PENETRATION_TOLERANCE) problems.push({ segment: c.id, prop: s.role, depth });
    }
  }
  return problems;
}

export interface FigureProblems {
  contacts: { frame: string; contact: Contact; gap: number }[];
  collisions: (CollisionProblem & { frame: string })[];
}

/** Every contact and collision problem of a resolved figure, in every pose. */
export function figureProblems(model: FigureModel, surfaces: Partial<Record<string, number>>): FigureProblems {
  const out: FigureProblems = { contacts: [], collisions: [] };
  for (const [frame, f] of Object.entries(model.frames)) {
    if (!f) continue;
    for (const contact of [f.support, ...model.contacts, ...f.contacts]) {
      const gap = contactGap(f.body, contact, model.statics, surfaces);
      if (Math.abs(gap) > CONTACT_TOLERANCE && !(gap < 0 && -gap <= PENETRATION_TOLERANCE + CONTACT_TOLERANCE))
        out.contacts.push({ frame, contact, gap });
    }
    for (const c of collisions(f.body, model.statics, 0)) out.collisions.push({ ...c, frame });
  }
  return out;
}
