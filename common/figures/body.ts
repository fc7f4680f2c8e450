// The human figure: fixed segment lengths, the joints with their anatomical ranges, and forward
// kinematics from the root (the point midway between the hip joints, with the pelvis's pitch, roll
// and yaw). Pure numbers: no drawing here (scene.ts turns a body into vector shapes).
//
// Angles are degrees. Per joint, positive means: spine and neck flexion (bending forward), side
// bending to the right, turning to the left; shoulder and hip flexion (the limb swings forward),
// abduction (away from the midline), external rotation; elbow and knee flexion; wrist flexion;
// ankle dorsiflexion (toes up). The shoulder girdle moves in centimetres: elevation (up toward the
// ears) and protraction (forward around the ribs).
import { add, apply, axisRotation, multiply, type Mat3, type Vec3 } from './vec';

export const SIDES = ['R', 'L'] as const;
export type Side = (typeof SIDES)[number];

export const SPINE_JOINTS = [
  'lumbarFlex',
  'lumbarSide',
  'lumbarRot',
  'thoracicFlex',
  'thoracicSide',
  'thoracicRot',
  'neckFlex',
  'neckSide',
  'neckRot',
  'headNod',
] as const;
export const LIMB_JOINTS = [
  'girdleElev',
  'girdleProt',
  'shoulderFlex',
  'shoulderAbd',
  'shoulderRot',
  'elbowFlex',
  'wristFlex',
  'hipFlex',
  'hipAbd',
  'hipRot',
  'kneeFlex',
  'ankleDorsi',
] as const;
export type SpineJoint = (typeof SPINE_JOINTS)[number];
export type LimbJoint = (typeof LIMB_JOINTS)[number];
export type JointName = SpineJoint | `${LimbJoint}${Side}`;
export const JOINT_NAMES: readonly JointName[] = [...SPINE_JOINTS, ...LIMB_JOINTS.flatMap((j) => SIDES.map((s) => `${j}${s}` as const))];

export interface JointRange {
  min: number;
  max: number;
  unit: 'deg' | 'cm';
  /** What the clinician's slider is called. */
  label: string;
}

/**
 * Active ranges of a healthy adult, rounded (AAOS and common clinical references). A pose outside
 * them is refused: the picture would teach a movement nobody should copy.
 */
export const JOINT_RANGES: Record<SpineJoint | LimbJoint, JointRange> = {
  lumbarFlex: { min: -30, max: 60, unit: 'deg', label: 'Low back bend forward (negative: arch back)' },
  lumbarSide: { min: -25, max: 25, unit: 'deg', label: 'Low back bend to the side' },
  lumbarRot: { min: -15, max: 15, unit: 'deg', label: 'Low back turn' },
  thoracicFlex: { min: -25, max: 50, unit: 'deg', label: 'Upper back round (negative: arch)' },
  thoracicSide: { min: -25, max: 25, unit: 'deg', label: 'Upper back bend to the side' },
  thoracicRot: { min: -45, max: 45, unit: 'deg', label: 'Upper back turn' },
  neckFlex: { min: -60, max: 50, unit: 'deg', label: 'Neck bend forward (negative: back)' },
  neckSide: { min: -40, max: 40, unit: 'deg', label: 'Neck tip to the side' },
  neckRot: { min: -75, max: 75, unit: 'deg', label: 'Head turn' },
  headNod: { min: -25, max: 25, unit: 'deg', label: 'Head nod (chin tuck)' },
  girdleElev: { min: -2, max: 6, unit: 'cm', label: 'Shoulder up (shrug)' },
  girdleProt: { min: -3, max: 5, unit: 'cm', label: 'Shoulder forward (negative: back)' },
  shoulderFlex: { min: -60, max: 180, unit: 'deg', label: 'Arm forward and up (negative: back)' },
  shoulderAbd: { min: -30, max: 180, unit: 'deg', label: 'Arm out to the side' },
  shoulderRot: { min: -80, max: 90, unit: 'deg', label: 'Arm turn out (negative: in)' },
  elbowFlex: { min: 0, max: 150, unit: 'deg', label: 'Elbow bend' },
  wristFlex: { min: -70, max: 80, unit: 'deg', label: 'Wrist bend' },
  hipFlex: { min: -25, max: 130, unit: 'deg', label: 'Hip bend (negative: leg back)' },
  hipAbd: { min: -25, max: 45, unit: 'deg', label: 'Leg out to the side' },
  hipRot: { min: -40, max: 50, unit: 'deg', label: 'Leg turn out (negative: in)' },
  kneeFlex: { min: 0, max: 150, unit: 'deg', label: 'Knee bend' },
  ankleDorsi: { min: -70, max: 25, unit: 'deg', label: 'Ankle: toes up (negative: point)' },
};

export function rangeOf(joint: JointName): JointRange {
  const base = (SPINE_JOINTS as readonly string[]).includes(joint) ? joint : joint.slice(0, -1);
  return JOINT_RANGES[base as SpineJoint | LimbJoint];
}

export type Joints = Record<JointName, number>;

export const NEUTRAL_JOINTS: Joints = Object.fromEntries(JOINT_NAMES.map((j) => [j, 0])) as Joints;

/** Where the figure stands and which way the pelvis points (degrees; cm for position). */
export interface Root {
  x: number;
  y: number;
  z: number;
  /** Lean forward from upright: 90 is face down, -90 is face up. */
  pitch: number;
  /** Turn about the body's long axis after the pitch: from face up, 90 is lying on the left side and -90 on the right side (the front then faces the side-view viewer). */
  roll: number;
  /** Turn about the vertical, before the pitch: 180 faces the other way (-x). */
  yaw: number;
}

export interface BodyPose {
  root: Root;
  joints: Joints;
}

/** Segment lengths in centimetres (an adult of about 177 cm). Constant in every pose. */
export const SEGMENT_LENGTHS = {
  pelvis: 10,
  lumbar: 15,
  thoracic: 27,
  neck: 10,
  upperArm: 29,
  forearm: 25,
  hand: 9,
  thigh: 43,
  shank: 43,
  /** Heel to toe. */
  foot: 23,
  /** Half the distance between the hip joints, and between the shoulder joints. */
  hipHalfWidth: 9,
  shoulderHalfWidth: 17,
} as const;

export const HEAD_RADIUS = 10.5;

export type SegmentGroup = 'trunk' | 'armR' | 'armL' | 'legR' | 'legL';

/** A rounded segment: a tapered capsule from `a` (radius ra) to `b` (radius rb), in world cm. */
export interface Capsule {
  id: string;
  group: SegmentGroup;
  a: Vec3;
  b: Vec3;
  ra: number;
  rb: number;
}

export interface Body {
  /** Joint centres and landmarks. */
  points: Record<string, Vec3>;
  frames: { pelvis: Mat3; thorax: Mat3; head: Mat3 };
  capsules: Capsule[];
}

const SPINE = (flex: number, side: number, rot: number): Mat3 =>
  multiply(multiply(axisRotation(2, -flex), axisRotation(0, side)), axisRotation(1, rot));

function limbJoint(side: Side, flex: number, abd: number, rot: number): Mat3 {
  const sign = side === 'R' ? -1 : 1;
  return multiply(multiply(axisRotation(2, flex), axisRotation(0, sign * abd)), axisRotation(1, sign * rot));
}

export function rootFrame(root: Root): Mat3 {
  return multiply(multiply(axisRotation(1, root.yaw), axisRotation(2, -root.pitch)), axisRotation(1, root.roll));
}

const at = (origin: Vec3, frame: Mat3, local: Vec3): Vec3 => add(origin, apply(frame, local));

/** Forward kinematics: every joint centre and the rounded segments, from the root outward. */
export function solveBody(pose: BodyPose): Body {
  const j = pose.joints;
  const L = SEGMENT_LENGTHS;
  const root: Vec3 = [pose.root.x, pose.root.y, pose.root.z];
  const pelvis = rootFrame(pose.root);
  const points: Record<string, Vec3> = { pelvis: root };
  const capsules: Capsule[] = [];
  const cap = (id: string, group: SegmentGroup, a: Vec3, b: Vec3, ra: number, rb = ra) => capsules.push({ id, group, a, b, ra, rb });

  const sacrum = at(root, pelvis, [-3, L.pelvis, 0]);
  const lumbar = multiply(pelvis, SPINE(j.lumbarFlex, j.lumbarSide, j.lumbarRot));
  const t12 = at(sacrum, lumbar, [0, L.lumbar, 0]);
  const thorax = multiply(lumbar, SPINE(j.thoracicFlex, j.thoracicSide, j.thoracicRot));
  const c7 = at(t12, thorax, [0, L.thoracic, 0]);
  const neck = multiply(thorax, SPINE(j.neckFlex, j.neckSide, j.neckRot));
  const neckTop = at(c7, neck, [0, L.neck, 0]);
  const head = multiply(neck, axisRotation(2, -j.headNod));
  const headCentre = at(neckTop, head, [2, 8, 0]);
  Object.assign(points, { sacrum, t12, c7, neckTop, head: headCentre, nose: at(headCentre, head, [HEAD_RADIUS, -1, 0]) });
  points.chest = at(t12, thorax, [14, 14, 0]);
  points.upperBack = at(t12, thorax, [-2, 16, 0]);
  points.lowBack = at(sacrum, lumbar, [-1, 7, 0]);

  cap('pelvis', 'trunk', at(root, pelvis, [0, 0, -L.hipHalfWidth]), at(root, pelvis, [0, 0, L.hipHalfWidth]), 10);
  cap('pelvis-core', 'trunk', at(root, pelvis, [-1, -1, 0]), at(sacrum, lumbar, [4, 1, 0]), 11.5, 11);
  cap('lumbar', 'trunk', at(sacrum, lumbar, [4, 0, 0]), at(t12, thorax, [5, 0, 0]), 11, 11.5);
  cap('thoracic', 'trunk', at(t12, thorax, [5, 0, 0]), at(c7, thorax, [4, -7, 0]), 12, 13);
  cap('neck', 'trunk', at(c7, thorax, [2, -1, 0]), neckTop, 5.5, 5);
  cap('head', 'trunk', at(headCentre, head, [0, 2, 0]), at(headCentre, head, [5, -7, 0]), HEAD_RADIUS, 6);

  const shoulders: Vec3[] = [];
  for (const s of SIDES) {
    const lateral = s === 'R' ? 1 : -1;
    const shoulder = at(c7, thorax, [j[`girdleProt${s}`], -5 + j[`girdleElev${s}`], lateral * L.shoulderHalfWidth]);
    shoulders.push(shoulder);
    const upperArm = multiply(thorax, limbJoint(s, j[`shoulderFlex${s}`], j[`shoulderAbd${s}`], j[`shoulderRot${s}`]));
    const elbow = at(shoulder, upperArm, [0, -L.upperArm, 0]);
    const forearm = multiply(upperArm, axisRotation(2, j[`elbowFlex${s}`]));
    const wrist = at(elbow, forearm, [0, -L.forearm, 0]);
    const hand = multiply(forearm, axisRotation(2, j[`wristFlex${s}`]));
    const fingers = at(wrist, hand, [0, -L.hand, 0]);
    Object.assign(points, {
      [`shoulder${s}`]: shoulder,
      [`elbow${s}`]: elbow,
      [`wrist${s}`]: wrist,
      [`hand${s}`]: at(wrist, hand, [0, -L.hand / 2, 0]),
      [`fingers${s}`]: fingers,
    });
    const arm: SegmentGroup = `arm${s}`;
    cap(`upperArm${s}`, arm, shoulder, elbow, 5.2, 4.2);
    cap(`forearm${s}`, arm, elbow, wrist, 4.1, 3.1);
    cap(`hand${s}`, arm, wrist, at(wrist, hand, [0, -(L.hand - 3), 0]), 3.4, 3);

    const hip = at(root, pelvis, [0, 0, lateral * L.hipHalfWidth]);
    const thigh = multiply(pelvis, limbJoint(s, j[`hipFlex${s}`], j[`hipAbd${s}`], j[`hipRot${s}`]));
    const knee = at(hip, thigh, [0, -L.thigh, 0]);
    const shank = multiply(thigh, axisRotation(2, -j[`kneeFlex${s}`]));
    const ankle = at(knee, shank, [0, -L.shank, 0]);
    const foot = multiply(shank, axisRotation(2, j[`ankleDorsi${s}`]));
    const heel = at(ankle, foot, [-4, -6, 0]);
    const toe = at(ankle, foot, [L.foot - 4, -6, 0]);
    Object.assign(points, { [`hip${s}`]: hip, [`knee${s}`]: knee, [`ankle${s}`]: ankle, [`heel${s}`]: heel, [`toe${s}`]: toe });
    const leg: SegmentGroup = `leg${s}`;
    cap(`thigh${s}`, leg, hip, knee, 8.5, 6);
    cap(`shank${s}`, leg, knee, ankle, 5.8, 4);
    cap(`heel${s}`, leg, ankle, heel, 4, 3.6);
    cap(`foot${s}`, leg, heel, toe, 3.6, 2.6);
  }
  cap('girdle', 'trunk', shoulders[0], shoulders[1], 6.5);
  return { points, frames: { pelvis, thorax, head }, capsules };
}
