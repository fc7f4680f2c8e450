// Body parts by name: which rounded segments make each part (for contacts and collision checks) and
// the point that stands for it (for props, arrows and anchors).
import type { Part } from '../domain/figure';
import type { Body, Capsule } from './body';
import { scale, add, type Vec3 } from './vec';

const CAPSULES: Record<Part, readonly string[]> = {
  head: ['head'],
  neck: ['neck'],
  chest: ['thoracic'],
  shoulders: ['girdle'],
  back: ['pelvis-core', 'lumbar', 'thoracic'],
  upperBack: ['thoracic'],
  lowBack: ['lumbar', 'pelvis-core'],
  pelvis: ['pelvis', 'pelvis-core'],
  thighs: ['thighR', 'thighL'],
  hands: ['handR', 'handL'],
  handR: ['handR'],
  handL: ['handL'],
  forearms: ['forearmR', 'forearmL'],
  forearmR: ['forearmR'],
  forearmL: ['forearmL'],
  elbowR: ['forearmR', 'upperArmR'],
  elbowL: ['forearmL', 'upperArmL'],
  knees: ['shankR', 'shankL'],
  kneeR: ['shankR'],
  kneeL: ['shankL'],
  shinR: ['shankR'],
  shinL: ['shankL'],
  feet: ['footR', 'footL', 'heelR', 'heelL'],
  footR: ['footR', 'heelR'],
  footL: ['footL', 'heelL'],
};

export function partCapsules(body: Body, part: Part): Capsule[] {
  const ids = CAPSULES[part];
  return body.capsules.filter((c) => ids.includes(c.id));
}

const mid = (a: Vec3, b: Vec3): Vec3 => scale(add(a, b), 0.5);

export function partPoint(body: Body, part: Part): Vec3 {
  const p = body.points;
  switch (part) {
    case 'back':
      return mid(p.sacrum, p.c7);
    case 'shoulders':
      return mid(p.shoulderR, p.shoulderL);
    case 'neck':
      return mid(p.c7, p.neckTop);
    case 'thighs':
      return mid(mid(p.hipR, p.kneeR), mid(p.hipL, p.kneeL));
    case 'hands':
      return mid(p.handR, p.handL);
    case 'forearms':
      return mid(mid(p.elbowR, p.wristR), mid(p.elbowL, p.wristL));
    case 'forearmR':
    case 'forearmL':
      return mid(p[`elbow${part.slice(-1)}`], p[`wrist${part.slice(-1)}`]);
    case 'knees':
      return mid(p.kneeR, p.kneeL);
    case 'shinR':
    case 'shinL':
      return mid(p[`knee${part.slice(-1)}`], p[`ankle${part.slice(-1)}`]);
    case 'feet':
      return mid(mid(p.heelR, p.toeR), mid(p.heelL, p.toeL));
    case 'footR':
    case 'footL':
      return mid(p[`heel${part.slice(-1)}`], p[`toe${part.slice(-1)}`]);
    default:
      return p[part];
  }
}

/** The lowest point of a part's surface (world y). */
export function lowestY(body: Body, part: Part): number {
  return Math.min(...partCapsules(body, part).map((c) => Math.min(c.a[1] - c.ra, c.b[1] - c.rb)));
}

/** The part's surface extreme along x: the most forward (+1) or most backward (-1) point. */
export function extremeX(body: Body, part: Part | 'all', direction: 1 | -1): number {
  const caps = part === 'all' ? body.capsules : partCapsules(body, part);
  const xs = caps.flatMap((c) => [c.a[0] + direction * c.ra, c.b[0] + direction * c.rb]);
  return direction === 1 ? Math.max(...xs) : Math.min(...xs);
}
