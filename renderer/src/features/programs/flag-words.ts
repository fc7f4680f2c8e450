// How flags read on the builder's cards and lists: counts by severity, worst first.
import type { Flag, Severity } from '../../../../common/safety/rules';

const ORDER: readonly Severity[] = ['block', 'needs-ack', 'info'];

export const SEVERITY_LABELS: Record<Severity, string> = {
  block: 'Blocks issuing',
  'needs-ack': 'Needs acknowledgement',
  info: 'For information',
};

export const worstSeverity = (flags: readonly Flag[]): Severity | null => ORDER.find((s) => flags.some((f) => f.severity === s)) ?? null;

/** "1 block, 2 to acknowledge". */
export function flagSummary(flags: readonly Flag[]): string {
  const blocks = flags.filter((f) => f.severity === 'block').length;
  const acks = flags.filter((f) => f.severity === 'needs-ack').length;
  const parts: string[] = [];
  if (blocks > 0) parts.push(`${blocks} ${blocks === 1 ? 'block' : 'blocks'}`);
  if (acks > 0) parts.push(`${acks} to acknowledge`);
  return parts.join(', ');
}

/** Flags still open: blocks, and needs-ack flags without an acknowledgement. */
export const openFlags = (flags: readonly Flag[], acknowledged: ReadonlySet<string>): Flag[] =>
  flags.filter((f) => f.severity === 'block' || (f.severity === 'needs-ack' && !acknowledged.has(f.id)));
