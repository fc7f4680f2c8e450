// What can be recorded for a patient, and how one recording is checked and scored. The one door for
// both sides: the service scores every recording with `scoreEntry` before it is stored (a score the
// renderer computed is never trusted), and the "Record a test" form runs the same function live.
//
// Two kinds of measure id share one namespace:
//   - catalogue measures (catalogue.ts, audit §8), entered in the form their scorer needs;
//   - gate-only measures (GATE_MEASURES): the training checks the stage gates read directly
//     (common/safety/gates.ts header), such as `adim-clean-holds`; yes/no checks are 1 or 0.
// A recording is `{ value, detail }`: `value` is the number its history charts and compares;
// `detail` keeps what was entered (items, sides, trials) with the scorer's results beside it.
import { fail, ok, type Result } from '../contract/result';
import { CATALOGUE } from './catalogue';
import { ccftResult, dnfResult, mcgillRatios, pileResult, scoreAslr, SORENSEN_CAP_S, type Sex } from './physical';
import type { Measure } from './schema';
import { BOTHERSOMENESS, scoreNdi, scoreNprs, scoreOdi, scorePsfs, scoreRmdq, scoreStartBack, scoreTsk11, scoreTsk17 } from './scoring';

export type Detail = Record<string, unknown>;

/** What a clinician (or the form) sends: a value, the detail a scorer needs, or both. */
export interface Entry {
  value?: number | null;
  detail?: Detail | null;
}

export interface ScoredEntry {
  value: number;
  detail: Detail;
}

// --- Gate-only measures ----------------------------------------------------------------------

export type GateMeasureKind = 'yes-no' | 'number';

export interface GateMeasure {
  id: string;
  label: string;
  kind: GateMeasureKind;
  /** Unit word shown beside the field ("holds", "weeks", "min"); empty for yes/no. */
  unit: string;
  min: number;
  max: number;
  /** Whole numbers only (counts, weeks). */
  integer: boolean;
}

const yesNo = (id: string, label: string): GateMeasure => ({ id, label, kind: 'yes-no', unit: '', min: 0, max: 1, integer: true });
const num = (id: string, label: string, unit: string, max: number, integer = true): GateMeasure => ({
  id,
  label,
  kind: 'number',
  unit,
  min: 0,
  max,
  integer,
});

/** Every measure a gate reads that no catalogue result supplies (gates.ts header lists them all). */
export const GATE_MEASURES: readonly GateMeasure[] = [
  yesNo('red-flags-clear', 'No active red flag'),
  num('pain-response-weeks', 'Weeks the pain-response rule held', 'weeks', 104),
  yesNo('neuro-stable', 'No new or progressive nerve deficit'),
  num('adherence-percent', 'Sessions done in the last 2 weeks', '%', 100),
  num('form-clean-sessions', 'Sessions in a row with key exercises rated clean', 'sessions', 100),
  num('adim-clean-holds', 'ADIM clean 10-second holds', 'holds', 100),
  num('multifidus-clean-holds', 'Multifidus clean 10-second holds', 'holds', 100),
  num('activation-positions', 'Positions with clean activation', 'positions', 10),
  num('walk-continuous-min', 'Continuous walk (or cycle)', 'min', 600),
  num('walk-10min-bouts', '10-minute walks in a day', 'walks', 20),
  num('pbu-adim-rise-mmhg', 'Pressure rise during ADIM at 40 mmHg', 'mmHg', 40),
  yesNo('log-roll-independent', 'Log roll and transfers independent'),
  num('bird-dog-clean-reps-per-side', 'Bird dog clean reps (8-10 s holds)', 'reps', 200),
  num('curl-up-10s-holds', 'Curl-up 10-second holds', 'holds', 100),
  num('side-bridge-10s-holds-left', 'Side bridge 10-second holds, left', 'holds', 100),
  num('side-bridge-10s-holds-right', 'Side bridge 10-second holds, right', 'holds', 100),
  num('no-peripheralisation-weeks', 'Weeks without peripheralization', 'weeks', 104),
  num('hinge-drill-clean-reps', 'Hinge drill reps with 3-point contact', 'reps', 200),
  num('sit-to-stand-no-arms-reps', 'Sit-to-stand reps without arms', 'reps', 200),
  num('strength-rm-weeks-no-flare', 'Weeks at 8-12 RM without a 24-hour flare', 'weeks', 104),
  yesNo('carry-meets-task', 'Carry load meets the task'),
  yesNo('work-task-simulated', 'Work task simulated at the required load'),
  num('ccf-clean-level-mmhg', 'CCF level held 10 x 10 s without substitution', 'mmHg', 30),
  num('scapular-setting-10s-holds', 'Scapular setting 10-second holds', 'holds', 100),
  num('head-lift-10s-holds', 'Supine head lift 10-second holds', 'holds', 100),
  num('extensor-hold-10s-holds', 'Neck extensor 10-second holds', 'holds', 100),
  num('pull-apart-clean-reps', 'Band pull-apart clean reps', 'reps', 200),
  // The starter templates' own exit criteria (common/safety/template-measures.ts).
  num('sitting-tolerance-min', 'Continuous sitting tolerated', 'min', 600),
  num('aberrant-movement-signs', 'Aberrant movement signs on forward bend', 'signs', 4),
  yesNo('pit-negative-or-improved', 'Prone instability test negative or improved'),
  num('leg-pain-nprs', 'Leg pain (0-10)', 'points', 10),
  { ...num('leg-pain-minus-back-pain', 'Leg pain minus back pain', 'points', 10), min: -10 },
  num('slr-onset-affected-deg', 'Straight leg raise onset, affected side', 'degrees', 180),
  yesNo('wound-healed', 'Wound healed, no signs of infection'),
  yesNo('swallow-voice-stable', 'Swallowing and voice stable or improving'),
  yesNo('stimulation-stable', 'Stimulation stable'),
];

export const gateMeasure = (id: string): GateMeasure | undefined => GATE_MEASURES.find((g) => g.id === id);

// --- How each catalogue measure is entered ---------------------------------------------------

export type EntryForm =
  | 'items'
  | 'start-back'
  | 'nprs'
  | 'psfs'
  | 'timed'
  | 'timed-sided'
  | 'dnf'
  | 'mcgill-battery'
  | 'ccft'
  | 'grip'
  | 'pile'
  | 'aslr'
  | 'sided-number'
  | 'yes-no'
  | 'number'
  | 'not-recordable';

const ITEM_SCORERS: Record<string, (answers: never) => Result<{ score: number } & Detail>> = {
  odi: scoreOdi as never,
  ndi: scoreNdi as never,
  rmdq: scoreRmdq as never,
  'tsk-17': scoreTsk17 as never,
  'tsk-11': scoreTsk11 as never,
};

const FORMS: Record<string, EntryForm> = {
  odi: 'items',
  ndi: 'items',
  rmdq: 'items',
  'tsk-17': 'items',
  'tsk-11': 'items',
  'start-back': 'start-back',
  nprs: 'nprs',
  psfs: 'psfs',
  sorensen: 'timed',
  'mcgill-flexor': 'timed',
  'five-times-sit-to-stand': 'timed',
  'mcgill-side-bridge': 'timed-sided',
  'single-leg-stance': 'timed-sided',
  'dnf-endurance': 'dnf',
  'mcgill-battery': 'mcgill-battery',
  ccft: 'ccft',
  grip: 'grip',
  'pile-lumbar': 'pile',
  'c-pile': 'pile',
  aslr: 'aslr',
  'slr-slump': 'sided-number',
  'cervical-rom': 'sided-number',
  'prone-instability': 'yes-no',
  'neuro-screen-lumbar': 'not-recordable',
};

export const catalogueMeasure = (id: string): Measure | undefined => CATALOGUE.find((m) => m.id === id);

/** The form a measure id is entered with; undefined for an id nobody knows. */
export function entryFormOf(id: string): EntryForm | undefined {
  const gate = gateMeasure(id);
  if (gate) return gate.kind === 'yes-no' ? 'yes-no' : 'number';
  if (!catalogueMeasure(id)) return undefined;
  return FORMS[id] ?? 'number';
}

/** Whether a measure can be recorded at all (the neuro screen is recorded as the gate's yes/no). */
export const isRecordable = (id: string): boolean => {
  const form = entryFormOf(id);
  return form !== undefined && form !== 'not-recordable';
};

/** Sanity limits for values entered as they are, by unit, where the catalogue gives no range. */
const UNIT_MAX: Record<string, number> = {
  points: 1000,
  percent: 100,
  s: 3600,
  kg: 500,
  'kg/kg': 10,
  mmHg: 300,
  degrees: 180,
  count: 1000,
  m: 5000,
  ratio: 100,
  stage: 100,
  grade: 10,
};

// --- Checks ----------------------------------------------------------------------------------

const bad = (message: string): Result<never> => fail('invalid_argument', message);

function numberProblem(label: string, v: unknown, min: number, max: number, integer = false): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `${label} must be a number; got ${v === undefined ? 'nothing' : String(v)}`;
  if (integer && !Number.isInteger(v)) return `${label} must be a whole number; got ${v}`;
  if (v < min || v > max) return `${label} must be from ${min} to ${max}; got ${v}`;
  return null;
}

const firstProblem = (...problems: (string | null)[]): string | null => problems.find((p) => p !== null) ?? null;

const field = (detail: Detail | null | undefined, key: string): unknown => (detail ? detail[key] : undefined);

function needDetail(name: string, entry: Entry, what: string): Result<Detail> {
  if (!entry.detail || typeof entry.detail !== 'object' || Array.isArray(entry.detail)) return bad(`${name} needs ${what}`);
  return ok(entry.detail);
}

function numberList(label: string, v: unknown, count: { min: number; max: number }, max: number): Result<number[]> {
  if (!Array.isArray(v) || v.length < count.min || v.length > count.max) {
    const n = count.min === count.max ? `${count.min}` : `${count.min} to ${count.max}`;
    return bad(`${label} needs ${n} values; got ${Array.isArray(v) ? v.length : 'none'}`);
  }
  for (let i = 0; i < v.length; i++) {
    const problem = numberProblem(`${label} ${i + 1}`, v[i], 0, max);
    if (problem) return bad(problem);
  }
  return ok(v as number[]);
}

const isSex = (v: unknown): v is Sex => v === 'M' || v === 'F';
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A value typed as it is (no scorer): a finite number in the catalogue's range or the unit's limits. */
function plainValue(m: Measure, entry: Entry): Result<ScoredEntry> {
  const min = m.range?.min ?? 0;
  const max = m.range?.max ?? UNIT_MAX[m.unit] ?? 1000;
  const problem = numberProblem(`${m.abbreviation} (${m.unit})`, entry.value ?? undefined, min, max);
  if (problem) return bad(problem);
  return ok({ value: entry.value as number, detail: {} });
}

function sided(m: Measure, entry: Entry, max: number): Result<ScoredEntry> {
  const d = needDetail(m.abbreviation, entry, 'a left and a right value');
  if (!d.ok) return d;
  const left = field(d.value, 'left');
  const right = field(d.value, 'right');
  const problem = firstProblem(
    numberProblem(`${m.abbreviation} left`, left, 0, max),
    numberProblem(`${m.abbreviation} right`, right, 0, max),
  );
  if (problem) return bad(problem);
  // The weaker side is the one a history follows.
  return ok({ value: Math.min(left as number, right as number), detail: { left, right } });
}

function scoreCatalogue(m: Measure, entry: Entry): Result<ScoredEntry> {
  const form = FORMS[m.id] ?? 'number';
  const name = m.abbreviation;
  switch (form) {
    case 'items': {
      const d = needDetail(name, entry, `its ${m.items!.count} item answers`);
      if (!d.ok) return d;
      const items = field(d.value, 'items');
      if (!Array.isArray(items)) return bad(`${name} needs a list of ${m.items!.count} item answers`);
      const scored = ITEM_SCORERS[m.id](items as never);
      if (!scored.ok) return scored;
      const { score, ...rest } = scored.value;
      return ok({ value: score, detail: { items, ...rest } });
    }
    case 'start-back': {
      const d = needDetail(name, entry, 'answers to items 1-8 and item 9');
      if (!d.ok) return d;
      const agree = field(d.value, 'agree');
      const bothersomeness = field(d.value, 'bothersomeness');
      const scored = scoreStartBack({ agree: agree as boolean[], bothersomeness: bothersomeness as (typeof BOTHERSOMENESS)[number] });
      if (!scored.ok) return scored;
      const { score, ...rest } = scored.value;
      return ok({ value: score, detail: { agree, bothersomeness, ...rest } });
    }
    case 'nprs': {
      const input = entry.detail ?? { recall: 'now', rating: entry.value };
      const scored = scoreNprs(input as never);
      if (!scored.ok) return scored;
      const site = field(entry.detail, 'site');
      if (site !== undefined && site !== 'back-neck' && site !== 'leg-arm') {
        return bad(`NPRS site must be back-neck or leg-arm; got ${String(site)}`);
      }
      const keep = ['recall', 'rating', 'current', 'best', 'worst', 'site'];
      return ok({ value: scored.value.score, detail: Object.fromEntries(Object.entries(input).filter(([k]) => keep.includes(k))) });
    }
    case 'psfs': {
      const d = needDetail(name, entry, '1 to 5 activity ratings');
      if (!d.ok) return d;
      const ratings = field(d.value, 'ratings');
      const scored = scorePsfs(ratings as number[]);
      if (!scored.ok) return scored;
      const activities = field(d.value, 'activities');
      if (activities !== undefined) {
        const okList =
          Array.isArray(activities) &&
          activities.length === (ratings as number[]).length &&
          activities.every((a) => typeof a === 'string' && a.length <= 120);
        if (!okList) return bad('PSFS activities must be one short text (up to 120 characters) per rating');
      }
      return ok({
        value: scored.value.score,
        detail: { ratings, ...(activities === undefined ? {} : { activities }), min: Math.min(...(ratings as number[])) },
      });
    }
    case 'timed': {
      const max = m.cap ?? m.range?.max ?? UNIT_MAX.s;
      const seconds = entry.value ?? field(entry.detail, 'seconds');
      const problem = numberProblem(`${name} time (s)`, seconds, 0, max);
      if (problem) return bad(problem);
      return ok({ value: seconds as number, detail: m.cap === undefined ? { seconds } : { seconds, capped: seconds === m.cap } });
    }
    case 'timed-sided':
      return sided(m, entry, UNIT_MAX.s);
    case 'sided-number':
      return sided(m, entry, UNIT_MAX[m.unit] ?? 1000);
    case 'dnf': {
      const d = needDetail(name, entry, 'one or two trial times');
      if (!d.ok) return d;
      const trials = numberList('DNF trial (s)', field(d.value, 'trials'), { min: 1, max: 2 }, UNIT_MAX.s);
      if (!trials.ok) return trials;
      const use = field(d.value, 'use') ?? 'best';
      if (use !== 'best' && use !== 'mean') return bad(`DNF uses the best or the mean trial; got ${String(use)}`);
      const sex = field(d.value, 'sex');
      if (sex !== undefined && !isSex(sex)) return bad(`Sex must be M or F; got ${String(sex)}`);
      if (sex === undefined) {
        const seconds = use === 'best' ? Math.max(...trials.value) : mean(trials.value);
        return ok({ value: seconds, detail: { trials: trials.value, use, seconds } });
      }
      const r = dnfResult({ trials: trials.value, use, sex });
      if (!r.ok) return r;
      return ok({ value: r.value.seconds, detail: { trials: trials.value, use, sex, ...r.value } });
    }
    case 'mcgill-battery': {
      const d = needDetail(name, entry, 'the four hold times');
      if (!d.ok) return d;
      const t = {
        flexor: field(d.value, 'flexor') as number,
        extensor: field(d.value, 'extensor') as number,
        sideBridgeR: field(d.value, 'sideBridgeR') as number,
        sideBridgeL: field(d.value, 'sideBridgeL') as number,
      };
      const r = mcgillRatios(t);
      if (!r.ok) return r;
      if (r.value.flexExt === null || r.value.sbRL === null) {
        return bad('The McGill ratios need an extensor time and a left side bridge time above 0 s');
      }
      return ok({ value: r.value.flexExt, detail: { ...t, ...r.value } });
    }
    case 'ccft': {
      const d = needDetail(name, entry, 'a result for each pressure level tried');
      if (!d.ok) return d;
      const held = field(d.value, 'held');
      const r = ccftResult(held as boolean[]);
      if (!r.ok) return r;
      return ok({ value: r.value.mmHg, detail: { held, ...r.value } });
    }
    case 'grip': {
      const d = needDetail(name, entry, 'three trials for each hand');
      if (!d.ok) return d;
      const left = numberList('Grip left trial (kg)', field(d.value, 'left'), { min: 3, max: 3 }, 200);
      if (!left.ok) return left;
      const right = numberList('Grip right trial (kg)', field(d.value, 'right'), { min: 3, max: 3 }, 200);
      if (!right.ok) return right;
      const affected = field(d.value, 'affected');
      if (affected !== undefined && affected !== 'L' && affected !== 'R')
        return bad(`The affected hand must be L or R; got ${String(affected)}`);
      const leftMeanKg = mean(left.value);
      const rightMeanKg = mean(right.value);
      if (affected === undefined) {
        return ok({ value: Math.min(leftMeanKg, rightMeanKg), detail: { left: left.value, right: right.value, leftMeanKg, rightMeanKg } });
      }
      const [mine, other] = affected === 'L' ? [leftMeanKg, rightMeanKg] : [rightMeanKg, leftMeanKg];
      return ok({
        value: mine,
        detail: {
          left: left.value,
          right: right.value,
          affected,
          leftMeanKg,
          rightMeanKg,
          affectedKg: mine,
          affectedPercentOfOther: other > 0 ? (mine / other) * 100 : null,
        },
      });
    }
    case 'pile': {
      const d = needDetail(name, entry, 'the sex and the number of completed stages');
      if (!d.ok) return d;
      const sex = field(d.value, 'sex');
      const completedStages = field(d.value, 'completedStages');
      const bodyWeightKg = field(d.value, 'bodyWeightKg') ?? undefined;
      const r = pileResult({
        sex: sex as Sex,
        completedStages: completedStages as number,
        bodyWeightKg: bodyWeightKg as number | undefined,
        protocol: m.id === 'c-pile' ? 'cervical' : 'lumbar',
      });
      if (!r.ok) return r;
      return ok({
        value: r.value.kg,
        detail: { sex, completedStages, ...(bodyWeightKg === undefined ? {} : { bodyWeightKg }), ...r.value },
      });
    }
    case 'aslr': {
      const d = needDetail(name, entry, 'a left and a right rating');
      if (!d.ok) return d;
      const left = field(d.value, 'left');
      const right = field(d.value, 'right');
      const r = scoreAslr({ left: left as number, right: right as number });
      if (!r.ok) return r;
      return ok({ value: r.value.score, detail: { left, right, positive: r.value.positive } });
    }
    case 'yes-no': {
      const v = entry.value;
      if (v !== 0 && v !== 1)
        return bad(`${name} is recorded as 1 (positive) or 0 (negative); got ${v === undefined ? 'nothing' : String(v)}`);
      return ok({ value: v, detail: {} });
    }
    case 'not-recordable':
      return bad(`${m.name} is not recorded as a number: record the gate check "No new or progressive nerve deficit" (yes or no)`);
    case 'number':
      return plainValue(m, entry);
  }
}

function scoreGateMeasure(g: GateMeasure, entry: Entry): Result<ScoredEntry> {
  const v = entry.value;
  if (g.kind === 'yes-no') {
    if (v !== 0 && v !== 1)
      return bad(`"${g.label}" is recorded as 1 (yes) or 0 (no); got ${v === undefined || v === null ? 'nothing' : String(v)}`);
    return ok({ value: v, detail: {} });
  }
  const problem = numberProblem(`"${g.label}"`, v ?? undefined, g.min, g.max, g.integer);
  if (problem) return bad(problem);
  return ok({ value: v as number, detail: {} });
}

/**
 * Checks and scores one recording of `measureId`. Refuses an unknown measure, a value out of
 * range, and item lists of the wrong length, with a message naming the problem.
 */
export function scoreEntry(measureId: string, entry: Entry): Result<ScoredEntry> {
  const g = gateMeasure(measureId);
  if (g) return scoreGateMeasure(g, entry);
  const m = catalogueMeasure(measureId);
  if (!m) return bad(`There is no measure "${measureId}" in the catalogue`);
  return scoreCatalogue(m, entry);
}
