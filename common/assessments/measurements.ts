// From a patient's recordings to what the stage gates read (common/safety/gates.ts `Measurements`):
// the latest value per id, and the first recorded value as `<id>:baseline` once a re-test exists
// (a change needs two recordings: one alone is a baseline, never a change of 0).
//
// Every recording appears under its own measure id. Catalogue results also feed the gate ids where
// the mapping is clear (the list is DERIVED_FROM below): ODI percent -> odi-percent, NDI raw ->
// ndi-raw, PSFS -> psfs-mean and psfs-item-min, the McGill battery -> its three ratios and the
// extensor time as sorensen-s, and so on. Gate-only measures (recording.ts GATE_MEASURES) are
// recorded under their gate id already. Pure: no dates are invented, nothing is read from a clock.
import type { Measure } from './schema';
import { classifyChange, type ChangeResult } from './change';
import { catalogueMeasure } from './recording';

export interface RecordedValue {
  measureId: string;
  /** ISO day. */
  date: string;
  value: number;
  detail: Readonly<Record<string, unknown>>;
  /** Breaks ties between recordings of one day: the later one is the latest. */
  createdAt?: string;
}

export type GateMeasurements = Record<string, { value: number; date: string }>;

/** Which catalogue measure supplies each derived gate id (for "record this" buttons and the tests). */
export const DERIVED_FROM: Readonly<Record<string, string>> = {
  'odi-percent': 'odi',
  'ndi-raw': 'ndi',
  nprs: 'nprs',
  'tsk-17': 'tsk-17',
  'psfs-mean': 'psfs',
  'psfs-item-min': 'psfs',
  'psfs-item-best-change': 'psfs',
  'psfs-item-min-change': 'psfs',
  'sorensen-s': 'sorensen',
  'mcgill-flex-ext-ratio': 'mcgill-battery',
  'mcgill-sb-rl-ratio': 'mcgill-battery',
  'mcgill-sb-ext-ratio': 'mcgill-battery',
  'dnf-endurance-s': 'dnf-endurance',
  'dnf-percent-of-sex-mean': 'dnf-endurance',
  'pile-lumbar-stage': 'pile-lumbar',
  'cpile-stage': 'c-pile',
  'grip-affected-kg': 'grip',
  'grip-affected-percent-of-other': 'grip',
  'cervical-rotation-left-deg': 'cervical-rom',
  'cervical-rotation-right-deg': 'cervical-rom',
  'single-leg-stance-weaker-s': 'single-leg-stance',
};

/** The measure id to record for a gate id: its catalogue source, or the gate id itself. */
export const sourceOf = (gateId: string): string => DERIVED_FROM[gateId] ?? gateId;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const numbers = (v: unknown): number[] | null =>
  Array.isArray(v) && v.length > 0 && v.every((x) => num(x) !== null) ? (v as number[]) : null;

/** The gate ids one recording supplies, besides its own id. */
export function derivedValues(r: RecordedValue): [string, number][] {
  const d = r.detail;
  const out: [string, number | null][] = [];
  switch (r.measureId) {
    case 'odi':
      out.push(['odi-percent', r.value]);
      break;
    case 'ndi':
      out.push(['ndi-raw', r.value]);
      break;
    case 'psfs': {
      out.push(['psfs-mean', r.value]);
      const ratings = numbers(d.ratings);
      out.push(['psfs-item-min', ratings ? Math.min(...ratings) : null]);
      break;
    }
    case 'sorensen':
      out.push(['sorensen-s', r.value]);
      break;
    case 'mcgill-battery':
      out.push(['mcgill-flex-ext-ratio', num(d.flexExt)], ['mcgill-sb-rl-ratio', num(d.sbRL)], ['mcgill-sb-ext-ratio', num(d.sbExt)]);
      out.push(['sorensen-s', num(d.extensor)]);
      break;
    case 'dnf-endurance':
      out.push(['dnf-endurance-s', r.value], ['dnf-percent-of-sex-mean', num(d.percentOfMean)]);
      break;
    case 'pile-lumbar':
      out.push(['pile-lumbar-stage', num(d.completedStages)]);
      break;
    case 'c-pile':
      out.push(['cpile-stage', num(d.completedStages)]);
      break;
    case 'grip':
      out.push(['grip-affected-kg', num(d.affectedKg)], ['grip-affected-percent-of-other', num(d.affectedPercentOfOther)]);
      break;
    case 'single-leg-stance':
      out.push(['single-leg-stance-weaker-s', r.value]);
      break;
    case 'cervical-rom':
      out.push(['cervical-rotation-left-deg', num(d.left)], ['cervical-rotation-right-deg', num(d.right)]);
      break;
  }
  return out.filter((e): e is [string, number] => e[1] !== null && e[0] !== r.measureId);
}

/** Oldest first: by day, then by when it was entered, then as given. */
export function chronological<T extends Pick<RecordedValue, 'date' | 'createdAt'>>(records: readonly T[]): T[] {
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.date.localeCompare(b.r.date) || (a.r.createdAt ?? '').localeCompare(b.r.createdAt ?? '') || a.i - b.i)
    .map((x) => x.r);
}

/** Best and lowest-item change of the PSFS between its first and latest recordings (same activities). */
function psfsItemChanges(psfs: RecordedValue[]): [string, number][] {
  if (psfs.length < 2) return [];
  const first = numbers(psfs[0].detail.ratings);
  const latest = numbers(psfs[psfs.length - 1].detail.ratings);
  if (!first || !latest || first.length !== latest.length) return [];
  const changes = latest.map((v, i) => v - first[i]);
  return [
    ['psfs-item-best-change', Math.max(...changes)],
    ['psfs-item-min-change', Math.min(...latest) - Math.min(...first)],
  ];
}

/**
 * The gates' measurement map: for each id the latest value (by day, then entry order), and, when
 * an id has two or more values, the first one as `<id>:baseline`.
 */
export function toMeasurements(records: readonly RecordedValue[]): GateMeasurements {
  const series = new Map<string, { value: number; date: string }[]>();
  const add = (id: string, value: number, date: string) => {
    const list = series.get(id) ?? [];
    list.push({ value, date });
    series.set(id, list);
  };
  const ordered = chronological(records);
  for (const r of ordered) {
    add(r.measureId, r.value, r.date);
    for (const [id, value] of derivedValues(r)) add(id, value, r.date);
  }
  const psfs = ordered.filter((r) => r.measureId === 'psfs');
  for (const [id, value] of psfsItemChanges(psfs)) add(id, value, psfs[psfs.length - 1].date);

  const out: GateMeasurements = {};
  for (const [id, list] of series) {
    out[id] = list[list.length - 1];
    if (list.length > 1) out[`${id}:baseline`] = list[0];
  }
  return out;
}

// --- Change in words -------------------------------------------------------------------------

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

const RULE_NAMES: Record<string, string> = {
  mcid: 'the MCID',
  mid: 'the minimal important difference',
  mic: 'the minimal important change',
  mdc: 'the MDC',
  mdc90: 'the MDC',
  mdc95: 'the MDC',
  'min-meaningful': 'the smallest meaningful change',
};

export interface ChangeSummary {
  /** "Improved by 12 percent, more than the MCID of 10 percent (first 42, latest 30)." */
  text: string;
  result: ChangeResult | null;
}

/**
 * The change from the first to the latest recording of a catalogue measure, in words, judged by
 * the catalogue's default threshold (change.ts). Null with fewer than two recordings.
 */
export function changeInWords(measureId: string, records: readonly RecordedValue[]): ChangeSummary | null {
  const m: Measure | undefined = catalogueMeasure(measureId);
  const own = chronological(records.filter((r) => r.measureId === measureId));
  if (own.length < 2) return null;
  const first = own[0];
  const latest = own[own.length - 1];
  const unit = m ? ` ${m.unit === 'percent' ? 'percent' : m.unit}` : '';
  const span = `first ${fmt(first.value)}, latest ${fmt(latest.value)}`;
  const rule = m?.change.default ?? null;
  // A rule in another unit (PILE counts stages) is judged on that unit's value when the detail has it.
  const stageRule = rule?.unit === 'stage';
  const base = stageRule ? num(first.detail.completedStages) : first.value;
  const now = stageRule ? num(latest.detail.completedStages) : latest.value;
  if (!m || !rule || m.direction === 'none' || base === null || now === null || (!stageRule && rule.unit !== m.unit)) {
    return {
      text: `Changed by ${fmt(latest.value - first.value)}${unit} (${span}). No change threshold is known for this measure.`,
      result: null,
    };
  }
  const r = classifyChange(m, base, now);
  if (!r.ok) return { text: `Changed by ${fmt(latest.value - first.value)}${unit} (${span}).`, result: null };
  const c = r.value;
  const amount = (n: number, u: string): string => `${fmt(n)} ${n === 1 && u.endsWith('s') && u !== 's' ? u.slice(0, -1) : u}`;
  const unitWord = stageRule ? 'stages' : unit.trim();
  const size = amount(Math.abs(c.delta), unitWord);
  const name = RULE_NAMES[rule.kind];
  const threshold = `${name} of ${amount(c.threshold, unitWord)}`;
  const verdict =
    c.status === 'improved'
      ? `Improved by ${size}, more than ${threshold}`
      : c.status === 'worsened'
        ? `Worse by ${size}, more than ${threshold}`
        : c.delta === 0
          ? `No change (${threshold})`
          : `${c.improvement > 0 ? 'Better' : 'Worse'} by ${size}, less than ${threshold}`;
  return { text: `${verdict} (${span}).`, result: c };
}
