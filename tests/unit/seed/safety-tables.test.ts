// The safety tables against the real built-in library (resources/seed): the lead-level table names
// built-ins whose stored scs lock is the one it expects, and the restriction map catches the
// exercises a clinician would expect (and not the ones it should leave alone).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../common/domain/exercise';
import { SCS_CERVICAL_LEAD_RULES } from '../../../common/safety/scs-lead-rules';
import { IPG_PRESSURE, RESTRICTION_FEATURES, SCS_HARD_BLOCK } from '../../../common/safety/restriction-map';
import { matches } from '../../../common/safety/rules';

const seedDir = path.resolve(__dirname, '../../../resources/seed');
const manifest = JSON.parse(readFileSync(path.join(seedDir, 'manifest.json'), 'utf8')) as { files: string[] };
const library: Exercise[] = manifest.files.flatMap(
  (f) => (JSON.parse(readFileSync(path.join(seedDir, 'exercises', f), 'utf8')) as { exercises: Exercise[] }).exercises,
);
const byCode = new Map(library.map((e) => [e.code, e]));
const codesMatching = (m: { tags: readonly string[]; names: readonly RegExp[] }) =>
  library
    .filter((e) => matches(m, e))
    .map((e) => e.code)
    .sort();

describe('the lead-level table (audit D01)', () => {
  it('names the D01 exercises, each a cervical built-in holding the expected stored lock', () => {
    expect(Object.keys(SCS_CERVICAL_LEAD_RULES).sort()).toEqual([
      'C1-07',
      'C1-15', // upper-trapezius stretch: end-range neck side-bend (added in seed v6)
      'C2-02',
      'C2-03',
      'C2-10',
      'C3-01',
      'C3-02',
      'C3-03',
      'C4-05',
      'C4-06',
      'C4-13',
    ]);
    for (const [code, rule] of Object.entries(SCS_CERVICAL_LEAD_RULES)) {
      const e = byCode.get(code);
      expect(e, code).toBeDefined();
      expect(e!.region).toBe('cervical');
      expect({ lock: e!.suitability.scs.lock, earliestWeek: e!.suitability.scs.earliestWeek }, code).toEqual({
        lock: 'week',
        earliestWeek: rule.builtinWeek,
      });
    }
  });
});

describe('the restriction map on the library', () => {
  it('no rotation (trunk): rotation work only', () => {
    // The thoracic set (seed v5) is rotation work, so a surgeon's "no rotation" reaches it.
    expect(codesMatching(RESTRICTION_FEATURES['no-rotation'].trunk)).toEqual([
      'C4-12',
      'L3-16', // the Pallof rotation variant, split from L3-10 (D26): the hold no longer matches
      'L3-17', // stir-the-pot, split from L3-15 (D26)
      'L4-14',
      'T1-01',
      'T1-02',
      'T1-12', // isometric rotation against a wall: resisted twisting effort, no movement
      'T2-02',
      'T2-06', // half-kneeling rotation, unloaded
      'T3-01',
      'T3-07', // split-stance rotational row
      'T3-08', // cable chop
      'T3-09', // cable lift
      'T4-01',
      'T4-05', // sport rotation drill
      'T4-06', // seated turn-and-reach
      'T4-09', // rotational push-up
    ]);
    // A shoulder's external rotation (T3-04, the band W) is not the trunk turning.
    expect(codesMatching(RESTRICTION_FEATURES['no-rotation'].trunk)).not.toContain('T3-04');
  });

  it('no rotation (neck)', () => {
    // T4-01 (turning to place a load; alias "shoulder check practice") turns the head with the trunk.
    expect(codesMatching(RESTRICTION_FEATURES['no-rotation'].neck)).toEqual(['C1-06', 'C1-07', 'C4-05', 'T4-01']);
  });

  it('no loaded flexion (trunk and neck)', () => {
    expect(codesMatching(RESTRICTION_FEATURES['no-loaded-flexion'].trunk)).toEqual([
      'C4-02',
      'C4-08',
      'L2-03',
      'L3-02',
      'L3-03',
      'L3-11',
      'L4-01',
      'L4-02',
      'L4-03',
      'L4-04',
      'L4-05',
      'L4-08',
      'L4-10',
      'T4-01', // lifts and places a load (tag "lifting")
      'T4-08', // shoveling: a bent, loaded lift
    ]);
    expect(codesMatching(RESTRICTION_FEATURES['no-loaded-flexion'].neck)).toEqual(['C2-04', 'C2-05', 'C2-07', 'C3-01', 'C3-02', 'C3-03']);
  });

  it('no overhead resistance', () => {
    expect(codesMatching(RESTRICTION_FEATURES['no-overhead-resistance'].trunk)).toEqual([
      'C3-12',
      'C3-13',
      'C4-03',
      'L3-09',
      'L4-02',
      'T3-03', // prone Y raise with weights: arms overhead against resistance
      'T3-05', // straight-arm pulldown from overhead
      'T3-11', // overhead press
      'T4-02', // overhead carry
      'T4-10', // overhead throwing
      'T4-11', // get-up with the weight held overhead
    ]);
  });

  it('no built-in is a diathermy item; the battery-site codes exist', () => {
    expect(codesMatching(SCS_HARD_BLOCK)).toEqual([]);
    for (const code of IPG_PRESSURE.codes) expect(byCode.has(code), code).toBe(true);
    // T3-03 lies chest-down on a bench: pressure over an abdominal or chest battery site.
    expect(codesMatching(IPG_PRESSURE.matcher)).toEqual(['C3-06', 'L3-04', 'T3-03']);
  });
});
