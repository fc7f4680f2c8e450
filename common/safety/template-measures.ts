// Measures the starter templates' own exit criteria use (audit §10 "Progress when"), beyond the
// ones the stage gates read (gates.ts, header). Same conventions: one number per id, yes/no checks
// are 1 (yes) or 0 (no), a baseline is the id with ":baseline" appended. The assessments module
// records them like the gates' measures; until it does, a criterion over them shows "not measured".

export interface TemplateMeasure {
  id: string;
  /** What the clinician records, in the unit the criteria compare. */
  description: string;
  /** The templates that use it (resources/templates). */
  usedBy: readonly string[];
}

export const TEMPLATE_MEASURES: readonly TemplateMeasure[] = [
  {
    id: 'sitting-tolerance-min',
    description: 'Minutes of continuous sitting tolerated without a rise beyond the pain-response rule',
    usedBy: ['t1-lumbar-disc'],
  },
  {
    id: 'aberrant-movement-signs',
    description: 'Number of aberrant movement signs on forward bend and return (painful arc, catch, Gowers sign, reversed rhythm)',
    usedBy: ['t2-lumbar-instability'],
  },
  {
    id: 'pit-negative-or-improved',
    description: 'Prone instability test negative, or improved since baseline (1/0)',
    usedBy: ['t2-lumbar-instability'],
  },
  { id: 'leg-pain-nprs', description: 'Leg pain, 0 to 10', usedBy: ['t3-lumbar-nerve'] },
  {
    id: 'leg-pain-minus-back-pain',
    description: 'Leg pain minus back pain, in points out of 10 (0 or less: the leg no worse than the back)',
    usedBy: ['t3-lumbar-nerve'],
  },
  {
    id: 'slr-onset-affected-deg',
    description: 'Straight leg raise, affected side: angle at symptom onset, degrees',
    usedBy: ['t3-lumbar-nerve'],
  },
  {
    id: 'wound-healed',
    description: 'Surgical or implant wound healed, with no signs of infection (1/0)',
    usedBy: ['t4-post-decompression', 't8-spinal-cord-stimulator'],
  },
  { id: 'single-leg-stance-weaker-s', description: 'Single-leg stance time on the weaker side, seconds', usedBy: ['t5-post-fusion'] },
  { id: 'swallow-voice-stable', description: 'Swallowing and voice stable or improving (1/0)', usedBy: ['t7-post-acdf'] },
  { id: 'stimulation-stable', description: 'Stimulation stable: no surges or lost coverage (1/0)', usedBy: ['t8-spinal-cord-stimulator'] },
];

export const TEMPLATE_MEASURE_IDS: readonly string[] = TEMPLATE_MEASURES.map((m) => m.id);
