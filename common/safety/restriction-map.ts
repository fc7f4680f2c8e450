// How a surgeon's structured restriction, a stimulator hard block and the battery-site caution are
// matched to exercises, as data (used by common/safety/rules.ts). An exercise matches a feature when
// any of its tags equals a listed tag (whole tag, lower case: "anti-rotation" is not "rotation"), or
// its clinical name or an alias matches a listed pattern. Matching is deliberately generous: a match
// asks the clinician to acknowledge, it never hides an exercise; a miss would say nothing, so when
// in doubt a tag goes in. Edit here, and keep tests/unit/common/safety/restriction-map.test.ts green.
import type { Equipment } from '../domain/vocabulary';
import type { RestrictionKind } from '../domain/patient';

export interface FeatureMatcher {
  tags: readonly string[];
  names: readonly RegExp[];
  /** Exercise regions whose names and aliases are not read (tags still count): a neck exercise's
   *  alias "rotation speed" is neck rotation, not trunk rotation. */
  skipNamesIn?: readonly string[];
}

/** Which part of the spine the surgery was on decides which movements its restriction means. */
export type SpineArea = 'trunk' | 'neck';

export const RESTRICTION_FEATURES: Readonly<Record<Exclude<RestrictionKind, 'lifting-limit'>, Record<SpineArea, FeatureMatcher>>> = {
  'no-loaded-flexion': {
    // Bending the trunk forward against load or gravity, or lifting from low (the spine flexes as
    // it is loaded). Unloaded small-range flexion (cat-camel, pelvic tilt) is left to the ratings.
    trunk: {
      tags: ['curl-up', 'sit-up', 'deadlift', 'romanian deadlift', 'lifting', 'work hardening', 'back extension', 'pile'],
      names: [/\b(curl-up|sit-up|crunch|deadlift|toe touch|good morning|floor-to-waist)\b/i],
    },
    // Neck flexion against the head's weight or added resistance.
    neck: {
      tags: ['neck flexors', 'neck flexor endurance', 'plate-loaded'],
      names: [/\bhead lift/i, /\bneck flexion\b/i],
    },
  },
  'no-rotation': {
    trunk: {
      tags: ['rotation', 'stir the pot', 'swimming', 'elliptical'],
      // A shoulder's or a hip's external or internal rotation is not the trunk turning.
      names: [/(?<!anti-|external |internal )\brotation\b/i, /\b(twist|wood ?chop)/i],
      skipNamesIn: ['cervical'],
    },
    neck: {
      tags: ['cervical rotation', 'eye-head coordination', 'neck stiffness'],
      names: [/\b(cervical|neck)\b.*\b(rotation|range of motion)\b/i, /shoulder check/i],
    },
  },
  'no-overhead-resistance': {
    // The same in both areas; it counts only with resistance (RESISTANCE_EQUIPMENT or a load).
    trunk: { tags: ['overhead', 'overhead work', 'lat pulldown', 'pulldown'], names: [/\b(overhead|pull-?down|pull-up|chin-up)\b/i] },
    neck: { tags: ['overhead', 'overhead work', 'lat pulldown', 'pulldown'], names: [/\b(overhead|pull-?down|pull-up|chin-up)\b/i] },
  },
};

/** Equipment that puts an external load in the hands: lifting limits and overhead resistance apply. */
export const RESISTANCE_EQUIPMENT: readonly Equipment[] = [
  'dumbbell',
  'kettlebell',
  'barbell',
  'trap-bar',
  'cable-machine',
  'weight-machine',
  'box-or-bag',
  'resistance-band',
];

/** Tags of work that lifts or carries a weight even when the equipment list does not say so. */
export const LIFTING_TAGS: readonly string[] = ['lifting', 'loaded carry', 'carrying', 'plate-loaded'];

/**
 * Hard block for a patient with a spinal cord stimulator: diathermy (shortwave, microwave,
 * therapeutic-ultrasound diathermy) is contraindicated with the device on or off (clinical.md §1,
 * §4.3.4, §6). The library has no such item; a clinic's own item could.
 */
export const SCS_HARD_BLOCK: FeatureMatcher = {
  tags: ['diathermy', 'shortwave', 'short-wave', 'microwave', 'ultrasound', 'therapeutic ultrasound'],
  names: [/\b(diathermy|short-?wave|microwave|ultrasound)\b/i],
};

/**
 * Permanent caution for a stimulator: no load or pressure over the battery (IPG) site (audit §9.4,
 * T8: hip-thrust bar, prone bench pads). By built-in code and by tag.
 */
export const IPG_PRESSURE = {
  codes: ['L3-04', 'L3-11', 'C3-06'] as readonly string[],
  matcher: { tags: ['hip thrust'], names: [/\bhip thrust\b/i, /chest-supported/i] } as FeatureMatcher,
};

/** Pounds to kilograms. */
export const KG_PER_LB = 0.45359237;
