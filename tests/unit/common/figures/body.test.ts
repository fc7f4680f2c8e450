// The figure kernel: fixed segment lengths in every pose of every built-in figure, joints held to
// their ranges, names checked, and the angle conventions the pose data relies on.
import { describe, expect, it } from 'vitest';
import { JOINT_NAMES, NEUTRAL_JOINTS, rangeOf, SEGMENT_LENGTHS, solveBody, type BodyPose } from '../../../../common/figures/body';
import { figureCodes, figureFor } from '../../../../common/figures/library';
import { expandJoints, outOfRange, resolveFigure } from '../../../../common/figures/pose';
import { length, sub, type Vec3 } from '../../../../common/figures/vec';

const standing: BodyPose = { root: { x: 0, y: 100, z: 0, pitch: 0, roll: 0, yaw: 0 }, joints: NEUTRAL_JOINTS };
const dist = (a: Vec3, b: Vec3) => length(sub(a, b));
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6);

const SEGMENTS: [string, string, number][] = [
  ['sacrum', 't12', SEGMENT_LENGTHS.lumbar],
  ['t12', 'c7', SEGMENT_LENGTHS.thoracic],
  ['c7', 'neckTop', SEGMENT_LENGTHS.neck],
  ...(['R', 'L'] as const).flatMap((s): [string, string, number][] => [
    [`shoulder${s}`, `elbow${s}`, SEGMENT_LENGTHS.upperArm],
    [`elbow${s}`, `wrist${s}`, SEGMENT_LENGTHS.forearm],
    [`wrist${s}`, `fingers${s}`, SEGMENT_LENGTHS.hand],
    [`hip${s}`, `knee${s}`, SEGMENT_LENGTHS.thigh],
    [`knee${s}`, `ankle${s}`, SEGMENT_LENGTHS.shank],
    [`heel${s}`, `toe${s}`, SEGMENT_LENGTHS.foot],
  ]),
  ['hipR', 'hipL', 2 * SEGMENT_LENGTHS.hipHalfWidth],
];

describe('figure body', () => {
  it('keeps every segment its length in every pose of every built-in figure', () => {
    let poses = 0;
    for (const code of figureCodes()) {
      for (const f of Object.values(figureFor(code)!.frames)) {
        poses++;
        for (const [a, b, len] of SEGMENTS)
          expect(Math.abs(dist(f!.body.points[a], f!.body.points[b]) - len), `${code} ${a}-${b}`).toBeLessThan(1e-6);
      }
    }
    expect(poses).toBeGreaterThanOrEqual(2 * figureCodes().length);
  });

  it('keeps every joint of every built-in pose within its anatomical range', () => {
    for (const code of figureCodes())
      for (const [frame, f] of Object.entries(figureFor(code)!.frames)) expect(outOfRange(f!.pose.joints), `${code} ${frame}`).toEqual([]);
  });

  it('refuses a joint outside its range and names it', () => {
    const joints = expandJoints({ kneeFlexR: 170 }, NEUTRAL_JOINTS, 'test');
    expect(outOfRange(joints)).toEqual([{ joint: 'kneeFlexR', value: 170, min: 0, max: 150 }]);
    const lib = { bases: { stand: { words: 'Standing', root: {}, joints: {}, support: { part: 'feet', on: 'floor' } } } } as const;
    const bad = { base: 'stand', end: { joints: { elbowFlex: -20 } }, arrow: null, action: 'x' } as const;
    expect(() => resolveAndCheck(lib, bad)).toThrow(/elbowFlexR -20 is outside 0 to 150/);
  });

  it('refuses an unknown joint name with the names it expects', () => {
    expect(() => expandJoints({ kneeBend: 10 }, NEUTRAL_JOINTS, 'L9-99 end')).toThrow(
      'L9-99 end: "kneeBend" is not a joint (joints are named like lumbarFlex, hipFlexR or hipFlex for both sides)',
    );
  });

  it('reads a both-sides name for both sides, and a one-side name over it', () => {
    const j = expandJoints({ kneeFlexR: 10, kneeFlex: 40 }, NEUTRAL_JOINTS, 'test');
    expect([j.kneeFlexR, j.kneeFlexL]).toEqual([10, 40]);
  });

  it('follows the conventions the pose data is written in', () => {
    const bent = solveBody({ ...standing, joints: { ...NEUTRAL_JOINTS, hipFlexR: 90 } });
    // Hip flexion 90: the knee straight in front of the hip (the figure faces +x).
    close(bent.points.kneeR[1], bent.points.hipR[1]);
    close(bent.points.kneeR[0] - bent.points.hipR[0], SEGMENT_LENGTHS.thigh);
    // Face up (pitch -90): the head toward -x; face down (90): toward +x.
    expect(solveBody({ ...standing, root: { ...standing.root, pitch: -90 } }).points.head[0]).toBeLessThan(-50);
    expect(solveBody({ ...standing, root: { ...standing.root, pitch: 90 } }).points.head[0]).toBeGreaterThan(50);
    // Spine flexion brings the head forward; the right side is nearer the side-view viewer (+z).
    expect(solveBody({ ...standing, joints: { ...NEUTRAL_JOINTS, lumbarFlex: 30 } }).points.head[0]).toBeGreaterThan(20);
    expect(solveBody(standing).points.shoulderR[2]).toBeGreaterThan(0);
  });

  it('has a range, a unit and a slider label for every joint', () => {
    for (const j of JOINT_NAMES) {
      const r = rangeOf(j);
      expect(r.min, j).toBeLessThan(r.max);
      expect(r.label.length).toBeGreaterThan(3);
    }
  });
});

function resolveAndCheck(lib: Parameters<typeof resolveFigure>[0], input: Parameters<typeof resolveFigure>[2]) {
  const model = resolveFigure(lib, 'L9-99', input);
  for (const f of Object.values(model.frames)) {
    const bad = outOfRange(f!.pose.joints);
    if (bad.length) throw new Error(bad.map((b) => `${b.joint} ${b.value} is outside ${b.min} to ${b.max}`).join('; '));
  }
  return model;
}
