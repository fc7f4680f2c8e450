// The shape of one objective test or outcome measure in the catalogue (library audit §8.6, with the
// §8.0 conventions and the §8.5 eligibility after surgery or an implant). Data only: the numbers
// live in catalogue.ts, the arithmetic in scoring.ts, physical.ts and change.ts.
//
// Source tags are the reference's S-keys (clinical.md §8) or its evidence tags: [C] clinical
// convention, [U] unverified, [Sec] secondary summary. `verify: true` marks a value the audit says
// must be checked before it is shipped or shown as fact.
import { z } from 'zod';

export const MEASURE_CATEGORIES = ['prom', 'performance', 'cluster', 'screen'] as const;
/** What is recorded: the brief's measurement kinds. */
export const MEASURE_KINDS = [
  'questionnaire',
  'rating-scale',
  'timed-hold',
  'count',
  'distance',
  'angle',
  'ratio',
  'load',
  'pressure',
  'force',
  'repetitions-time',
  'clinical-exam',
] as const;
export const MEASURE_REGIONS = ['lumbar', 'cervical', 'general'] as const;
export const DIRECTIONS = ['lower-better', 'higher-better', 'none'] as const;
export const UNITS = ['points', 'percent', 's', 'kg', 'kg/kg', 'mmHg', 'degrees', 'count', 'm', 'ratio', 'stage', 'grade'] as const;
export const STATUSES = ['complete', 'partial', 'gap'] as const;
/** Surgical and implant generators that carry test-eligibility defaults (§8.5 columns). */
export const ELIGIBILITY_GENERATORS = ['post-decompression', 'post-fusion', 'post-acdf', 'scs'] as const;

export type MeasureKind = (typeof MEASURE_KINDS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type EligibilityGenerator = (typeof ELIGIBILITY_GENERATORS)[number];

const sourceTag = z.string().regex(/^(S\d+[a-z]?( Sec)?|C|U|Sec)$/, 'A source is an S-key (S94, S104b) or C, U or Sec');
const sources = z.array(sourceTag).min(1);
const text = z.string().trim().min(1);

export const RangeSchema = z
  .object({ min: z.number(), max: z.number() })
  .refine((r) => r.min < r.max, 'A range must run from a lower to a higher value');

/** A published band: it starts at `min` (inclusive) and runs to the next band's `min`. */
export const BandSchema = z.object({ min: z.number(), label: text, src: sources });

export const CutoffSchema = z.object({
  operator: z.enum(['below', 'above', 'at-least', 'at-most', 'equals']),
  value: z.number(),
  sex: z.enum(['M', 'F']).optional(),
  meaning: text,
  src: sources,
  verify: z.boolean().optional(),
});

export const NormSchema = z.object({
  sample: text,
  sex: z.enum(['M', 'F']).optional(),
  ageBand: z.string().optional(),
  side: z.enum(['L', 'R']).optional(),
  mean: z.number(),
  sd: z.number().nonnegative().optional(),
  unit: z.enum(UNITS),
  src: sources,
  verify: z.boolean().optional(),
});

/**
 * One change threshold. `points` is in the measure's stored unit; `percentOfBaseline` is the
 * "or 30 %" form (either one suffices). `andCrossing` adds the TSK-style condition that the latest
 * value must also be on the better side of a cut-off.
 */
export const ChangeRuleSchema = z
  .object({
    kind: z.enum(['mcid', 'mid', 'mic', 'mdc', 'mdc90', 'mdc95', 'min-meaningful']),
    points: z.number().positive().optional(),
    percentOfBaseline: z.number().positive().max(100).optional(),
    andCrossing: z.number().optional(),
    unit: z.enum(UNITS),
    src: sources,
    derived: z.boolean().optional(),
    verify: z.boolean().optional(),
    note: z.string().optional(),
  })
  .refine((r) => r.points !== undefined || r.percentOfBaseline !== undefined, 'A change rule needs points or a percentage');

export const ChangeSchema = z.object({
  /** The audit's bold default: what change.ts uses unless told otherwise. Null: none known. */
  default: ChangeRuleSchema.nullable(),
  /** The measurement error to report beside it (MDC), when known. */
  mdc: ChangeRuleSchema.nullable(),
  /** Other published thresholds, for context and for a clinic that chooses another. */
  alternatives: z.array(ChangeRuleSchema),
});

export const EligibilityRuleSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('any') }),
  z.object({
    status: z.literal('from-week'),
    week: z.number().int().positive(),
    surgeonClearance: z.boolean().optional(),
    condition: z.string().optional(),
    note: z.string().optional(),
    verify: z.boolean().optional(),
  }),
  z.object({ status: z.literal('not-meaningful'), note: text }),
  /** "—" in §8.5: no default given (the test does not load that surgery's site). */
  z.object({ status: z.literal('no-restriction-given') }),
]);

export const EligibilitySchema = z.object({
  'post-decompression': EligibilityRuleSchema,
  'post-fusion': EligibilityRuleSchema,
  'post-acdf': EligibilityRuleSchema,
  scs: EligibilityRuleSchema,
  cautions: z.array(text),
  /** §8.5 defaults are [C] and editable. */
  src: sources,
});

export const LicenceSchema = z.object({
  status: z.enum(['verify', 'believed-free', 'unknown']),
  note: text,
});

/** Item ids and their response range only: item wording is never stored (licences). */
export const ItemsSchema = z.object({
  count: z.number().int().positive(),
  response: z.discriminatedUnion('type', [
    z.object({ type: z.literal('integer'), min: z.number().int(), max: z.number().int() }),
    z.object({ type: z.literal('boolean') }),
    z.object({ type: z.literal('mixed'), note: text }),
  ]),
  reverseScored: z.array(z.number().int().positive()).optional(),
  subscales: z.record(z.string(), z.array(z.number().int().positive())).optional(),
});

export const MeasureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'An id is lower-case words joined by hyphens'),
    name: text,
    abbreviation: text,
    category: z.enum(MEASURE_CATEGORIES),
    kind: z.enum(MEASURE_KINDS),
    regions: z.array(z.enum(MEASURE_REGIONS)).min(1),
    unit: z.enum(UNITS),
    range: RangeSchema.nullable(),
    direction: z.enum(DIRECTIONS),
    protocolVariants: z.array(z.string().regex(/^[a-z0-9.]+(-[a-z0-9.]+)*$/)).min(1),
    protocol: text,
    cap: z.number().positive().optional(),
    sided: z.boolean(),
    items: ItemsSchema.optional(),
    parts: z.array(z.string()).optional(),
    bands: z.array(BandSchema),
    cutoffs: z.array(CutoffSchema),
    norms: z.array(NormSchema),
    change: ChangeSchema,
    licence: LicenceSchema.optional(),
    eligibility: EligibilitySchema.nullable(),
    /** The function in scoring.ts or physical.ts that computes it; null: stored as entered. */
    scorer: z.string().nullable(),
    src: sources,
    status: z.enum(STATUSES),
    verify: z.boolean(),
    notes: z.array(z.string()),
  })
  .superRefine((m, ctx) => {
    for (let i = 1; i < m.bands.length; i++) {
      if (m.bands[i].min <= m.bands[i - 1].min) {
        ctx.addIssue({ code: 'custom', message: `${m.id}: bands must rise`, path: ['bands', i] });
      }
    }
    if (m.range && m.bands.some((b) => b.min < m.range!.min || b.min > m.range!.max)) {
      ctx.addIssue({ code: 'custom', message: `${m.id}: a band starts outside the range`, path: ['bands'] });
    }
    if ((m.category === 'prom' || m.kind === 'questionnaire') && !m.licence) {
      ctx.addIssue({ code: 'custom', message: `${m.id}: a questionnaire needs a licence note`, path: ['licence'] });
    }
    if (m.change.default && m.direction === 'none') {
      ctx.addIssue({ code: 'custom', message: `${m.id}: a change threshold needs a direction`, path: ['change'] });
    }
    const anyVerify =
      m.cutoffs.some((c) => c.verify) ||
      m.norms.some((n) => n.verify) ||
      [m.change.default, m.change.mdc, ...m.change.alternatives].some((r) => r?.verify);
    if (anyVerify && !m.verify) {
      ctx.addIssue({ code: 'custom', message: `${m.id}: a value marked verify needs verify: true on the record`, path: ['verify'] });
    }
  });

export const CatalogueSchema = z.array(MeasureSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((m, i) => {
    if (seen.has(m.id)) ctx.addIssue({ code: 'custom', message: `Duplicate id ${m.id}`, path: [i, 'id'] });
    seen.add(m.id);
  });
});

export type Band = z.infer<typeof BandSchema>;
export type ChangeRule = z.infer<typeof ChangeRuleSchema>;
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
