// English words of the objective tests: catalogue groups, gate statuses, eligibility after surgery.
import type { EligibilityRule } from '../assessments/schema';
import type { Status } from '../safety/gates';

export const MEASURE_GROUP_LABELS = {
  prom: 'Patient-reported',
  lumbar: 'Low back physical tests',
  cervical: 'Neck physical tests',
  gate: 'Stage checks',
} as const;
export type MeasureGroup = keyof typeof MEASURE_GROUP_LABELS;

export const GATE_STATUS_LABELS: Record<Status, string> = {
  met: 'Met',
  'not-met': 'Not met',
  'not-measured': 'Not yet measured',
};

export const ELIGIBILITY_GENERATOR_LABELS = {
  'post-decompression': 'After decompression',
  'post-fusion': 'After fusion',
  'post-acdf': 'After neck surgery (ACDF)',
  scs: 'With a spinal cord stimulator',
} as const;

/** "From week 12 after surgery, with the surgeon's clearance": the §8.5 rule in words. */
export function eligibilityText(rule: EligibilityRule): string {
  switch (rule.status) {
    case 'any':
      return 'Any time';
    case 'no-restriction-given':
      return 'No restriction given';
    case 'not-meaningful':
      return rule.note;
    case 'from-week': {
      const parts = [`From week ${rule.week} after surgery`];
      if (rule.condition) parts.push(`(${rule.condition})`);
      if (rule.surgeonClearance) parts.push("with the surgeon's clearance");
      return parts.join(' ') + (rule.note ? `. ${rule.note}` : '');
    }
  }
}

export const LICENSED_FORM_NOTE =
  'Item wording is not shown here: read each item from your licensed copy of the form and enter the answer by its number.';
