// Change against the patient's own baseline (library audit §8.0: compute change against the
// baseline first; norms are context only). A change counts when it reaches the measure's default
// threshold (the audit's bold value: an MCID for most measures, the MDC90 for the PSFS, the derived
// MDC95 for the Sorensen test), in the measure's better direction. The result carries the rule and
// the MDC it was judged by, so a report can cite them (§8.0: mcidRef, mdcRef).
//
// Rules:
//   - "points or percent of baseline": either one suffices [S91]. The percentage is a share of the
//     baseline and is used for improvement; worsening is judged on the points (a rise from a low
//     baseline would otherwise count as large). A rule with only a percentage uses it both ways.
//   - Reaching the threshold exactly counts.
//   - `andCrossing` (TSK default, verify): the value must also cross the cut-off, from the worse
//     side (at or above it, for lower-better) to the better side (below it), or back for worsening.
//   - `requireBeyondMdc`: also require the change to reach the MDC, when one is known.
import { fail, ok, type Result } from '../contract/result';
import type { ChangeRule, Measure } from './schema';

export type ChangeStatus = 'improved' | 'worsened' | 'no-meaningful-change';

export interface ChangeResult {
  status: ChangeStatus;
  /** latest - baseline, in the rule's unit. */
  delta: number;
  /** The change in the better direction: positive = better, whatever the measure's direction. */
  improvement: number;
  /** The amount of change the rule needed, for this baseline and this direction of change. */
  threshold: number;
  rule: ChangeRule;
  /** Whether the change reached the MDC (null: no MDC known in the rule's unit). */
  beyondMdc: boolean | null;
  mcidRef: string;
  mdcRef: string | null;
}

/** Float tolerance: 7.5 computed from imputed items must still reach a 7.5 threshold. */
const EPS = 1e-9;

/** "mcid 10 percent or 30% of baseline [S91]": the rule as a report cites it. */
export function describeRule(rule: ChangeRule): string {
  const parts: string[] = [];
  if (rule.points !== undefined) parts.push(`${rule.points} ${rule.unit}`);
  if (rule.percentOfBaseline !== undefined) parts.push(`${rule.percentOfBaseline}% of baseline`);
  const crossing = rule.andCrossing === undefined ? '' : ` and crossing ${rule.andCrossing}`;
  return `${rule.kind} ${parts.join(' or ')}${crossing} [${rule.src.join('][')}]`;
}

function thresholdFor(rule: ChangeRule, baseline: number, improving: boolean): number {
  const byPoints = rule.points ?? Infinity;
  const usePercent = rule.percentOfBaseline !== undefined && (improving || rule.points === undefined);
  const byPercent = usePercent ? (Math.abs(baseline) * rule.percentOfBaseline!) / 100 : Infinity;
  return Math.min(byPoints, byPercent);
}

export function classifyChange(
  m: Measure,
  baseline: number,
  latest: number,
  opts: { rule?: ChangeRule; requireBeyondMdc?: boolean } = {},
): Result<ChangeResult> {
  if (m.direction === 'none') return fail('invalid_argument', `${m.abbreviation} is not a change measure`);
  const rule = opts.rule ?? m.change.default;
  if (!rule) return fail('invalid_argument', `${m.abbreviation} has no change threshold in the catalogue; show the values, not a verdict`);
  for (const [label, v] of [
    ['baseline', baseline],
    ['latest', latest],
  ] as const) {
    if (!Number.isFinite(v)) return fail('invalid_argument', `${m.abbreviation} ${label} must be a number; got ${String(v)}`);
    if (rule.unit === m.unit && m.range && (v < m.range.min || v > m.range.max)) {
      return fail('invalid_argument', `${m.abbreviation} ${label} must be from ${m.range.min} to ${m.range.max}; got ${v}`);
    }
  }
  const delta = latest - baseline;
  const improvement = m.direction === 'lower-better' ? -delta : delta;
  const improving = improvement > 0;
  const threshold = thresholdFor(rule, baseline, improving);
  let status: ChangeStatus = 'no-meaningful-change';
  if (improvement !== 0 && Math.abs(improvement) >= threshold - EPS) status = improving ? 'improved' : 'worsened';

  if (rule.andCrossing !== undefined) {
    const c = rule.andCrossing;
    // "Better side" of the cut-off: below it for lower-better, above it for higher-better.
    const better = (v: number) => (m.direction === 'lower-better' ? v < c : v > c);
    const crossed = improving ? !better(baseline) && better(latest) : better(baseline) && !better(latest);
    if (!crossed) status = 'no-meaningful-change';
  }

  const mdc = m.change.mdc;
  const mdcUsable = mdc !== null && mdc.points !== undefined && mdc.unit === rule.unit;
  const beyondMdc = mdcUsable ? Math.abs(delta) >= mdc.points! - EPS : null;
  if (opts.requireBeyondMdc && beyondMdc === false) status = 'no-meaningful-change';

  return ok({
    status,
    delta,
    improvement,
    threshold,
    rule,
    beyondMdc,
    mcidRef: describeRule(rule),
    mdcRef: mdcUsable ? describeRule(mdc) : null,
  });
}
