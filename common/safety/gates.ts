// Stage gates (library audit §9; reference clinical.md §4.2) as editable data, and their evaluation.
// Every number is a clinic default [C] unless a source is named; a clinic edits the data, not code.
//
// Measurements arrive as a plain map `{ [measureId]: { value, date } }` (the assessments module
// builds it; this file does not import it). A baseline is the same id with ":baseline" appended.
// Yes/no checks are 1 (yes) or 0 (no). The ids this file expects:
//
//   universal        red-flags-clear (1/0) · pain-response-weeks (weeks the pain-response rule held:
//                    <= 2/10 above baseline, settled by next morning, no night pain or peripheralisation)
//                    · neuro-stable (1/0, no new or progressive deficit) · adherence-percent (last 2 weeks)
//                    · form-clean-sessions (sessions in a row rated "clean" on the key exercises)
//   lumbar 1->2      adim-clean-holds, multifidus-clean-holds (10 s holds, normal breathing, clean) ·
//                    activation-positions (positions in which they were clean) · walk-continuous-min ·
//                    walk-10min-bouts · pbu-adim-rise-mmhg · log-roll-independent (1/0) · psfs-mean · nprs
//   lumbar 2->3      bird-dog-clean-reps-per-side (8-10 s holds) · curl-up-10s-holds ·
//                    side-bridge-10s-holds-left, side-bridge-10s-holds-right · no-peripheralisation-weeks ·
//                    mcgill-flex-ext-ratio · mcgill-sb-rl-ratio · mcgill-sb-ext-ratio · sorensen-s ·
//                    hinge-drill-clean-reps · sit-to-stand-no-arms-reps · psfs-mean
//   lumbar 3->4      strength-rm-weeks-no-flare (weeks at 8-12 RM on the key lifts without a 24-h flare) ·
//                    pile-lumbar-stage · psfs-mean · psfs-item-best-change · odi-percent · carry-meets-task (1/0)
//   lumbar 4->out    psfs-item-min · psfs-item-min-change · odi-percent · nprs · work-task-simulated (1/0) · tsk-17
//   cervical 1->2    ccf-clean-level-mmhg (highest level held 10 x 10 s without substitution) ·
//                    scapular-setting-10s-holds · cervical-rotation-left-deg, cervical-rotation-right-deg ·
//                    walk-continuous-min · ndi-raw
//   cervical 2->3    ccf-clean-level-mmhg · head-lift-10s-holds · extensor-hold-10s-holds ·
//                    dnf-endurance-s · dnf-percent-of-sex-mean · no-peripheralisation-weeks · ndi-raw ·
//                    pull-apart-clean-reps
//   cervical 3->4    strength-rm-weeks-no-flare · grip-affected-percent-of-other · grip-affected-kg ·
//                    cpile-stage · ndi-raw · psfs-mean
//   cervical 4->out  psfs-item-min · psfs-item-min-change · ndi-raw · nprs · work-task-simulated · tsk-17
import type { Stage } from '../domain/vocabulary';
import { latestSurgeryByGenerator, weeksSince, type PatientClinical, type Surgery } from '../domain/patient';

export type Operator = '>=' | '<=' | '>' | '<' | 'between';

/** One measurable rule. `change` compares with the baseline (`<id>:baseline`), in units or percent. */
export type Rule =
  | { kind: 'threshold'; measure: string; op: Operator; value: number; max?: number }
  | { kind: 'change'; measure: string; op: Operator; value: number; percent?: boolean }
  | { kind: 'any'; of: readonly Rule[] }
  | { kind: 'all'; of: readonly Rule[] };

export interface Criterion {
  id: string;
  label: string;
  rule: Rule;
  /** Reference keys, for the clinician ("S28", "audit §9.2"). */
  source: string;
}

export interface GateDefinition {
  /** The gate leaves this stage: 1 -> 2, ..., 4 -> discharge. */
  from: Stage;
  region: 'lumbar' | 'cervical';
  required: readonly Criterion[];
  supporting: readonly Criterion[];
  /** How many supporting criteria must be met. */
  minSupporting: number;
}

const t = (measure: string, op: Operator, value: number): Rule => ({ kind: 'threshold', measure, op, value });
const ch = (measure: string, op: Operator, value: number, percent = false): Rule => ({ kind: 'change', measure, op, value, percent });
const any = (...of: Rule[]): Rule => ({ kind: 'any', of });
const all = (...of: Rule[]): Rule => ({ kind: 'all', of });
const c = (id: string, label: string, rule: Rule, source: string): Criterion => ({ id, label, rule, source });

/** Audit §9.1: required at every gate. (`neuro-stable` only for N, surgical and radicular patients.) */
export const UNIVERSAL_CRITERIA: readonly Criterion[] = [
  c('no-red-flag', 'No active red flag', t('red-flags-clear', '>=', 1), 'clinical.md §5'),
  c('pain-response-rule', 'Pain-response rule held for 2 weeks', t('pain-response-weeks', '>=', 2), 'clinical.md §4.2(b) [C]'),
  c('clinician-quality', 'Key exercises rated clean 2 sessions in a row', t('form-clean-sessions', '>=', 2), 'audit §9.1 [C]'),
];
export const NEURO_CRITERION: Criterion = c(
  'neuro-stable',
  'No new or progressive nerve deficit',
  t('neuro-stable', '>=', 1),
  'clinical.md §1',
);
/** Advisory (audit §9.1 `required: false`): reported, never decides the gate. */
export const ADVISORY_CRITERIA: readonly Criterion[] = [
  c('adherence', 'Did at least 70% of sessions in the last 2 weeks', t('adherence-percent', '>=', 70), 'audit §9.1 [C]'),
];

const PSFS_GOALS = c(
  'psfs-goals',
  'Each PSFS goal activity 7/10 or better, or up 3',
  any(t('psfs-item-min', '>=', 7), ch('psfs-item-min', '>=', 3)),
  'S99',
);
const STRENGTH = c(
  'strength-2-weeks',
  'Key lifts at 8-12 RM for 2 weeks without a 24-hour flare',
  t('strength-rm-weeks-no-flare', '>=', 2),
  'S41',
);
const NO_PERIPH = c('no-peripheralisation', 'No peripheralisation for 2 weeks', t('no-peripheralisation-weeks', '>=', 2), 'audit §9.2');
const WORK_TASK = c('work-task', 'Work task simulated at the required load', t('work-task-simulated', '>=', 1), 'audit §9.2');
const TSK = c('tsk', 'TSK-17 at 37 or below', t('tsk-17', '<=', 37), 'S101');
const NPRS = c('nprs', 'Pain down 2 points or 30%', any(ch('nprs', '<=', -2), ch('nprs', '<=', -30, true)), 'S91');

/** Audit §9.2, lumbar and cervical, one per gate. */
export const STAGE_GATES: readonly GateDefinition[] = [
  {
    from: 1,
    region: 'lumbar',
    required: [
      c('adim', 'ADIM 10 x 10 s, clean', t('adim-clean-holds', '>=', 10), 'S28'),
      c('multifidus', 'Multifidus 10 x 10 s, clean', t('multifidus-clean-holds', '>=', 10), 'S28'),
      c('positions', 'Clean in at least 2 positions', t('activation-positions', '>=', 2), 'S28'),
    ],
    supporting: [
      c(
        'walking',
        'Walks 15 min continuously, or 2 x 10 min',
        any(t('walk-continuous-min', '>=', 15), t('walk-10min-bouts', '>=', 2)),
        'S27, S28',
      ),
      c('pbu', 'Pressure rise 2 mmHg or less during ADIM at 40', t('pbu-adim-rise-mmhg', '<=', 2), 'S42'),
      c('log-roll', 'Log roll and transfers independent', t('log-roll-independent', '>=', 1), 'audit §9.2'),
      c('not-worse', 'PSFS or pain not worse', any(ch('psfs-mean', '>=', 0), ch('nprs', '<=', 0)), 'audit §9.2'),
    ],
    minSupporting: 2,
  },
  {
    from: 2,
    region: 'lumbar',
    required: [
      c('bird-dog', 'Bird dog 2 x 8 each side, clean', t('bird-dog-clean-reps-per-side', '>=', 16), 'audit §9.2'),
      c('curl-up', 'Curl-up 5 x 10 s', t('curl-up-10s-holds', '>=', 5), 'audit §9.2'),
      c(
        'side-bridge',
        'Side bridge 5 x 10 s each side',
        all(t('side-bridge-10s-holds-left', '>=', 5), t('side-bridge-10s-holds-right', '>=', 5)),
        'audit §9.2',
      ),
      NO_PERIPH,
    ],
    supporting: [
      c(
        'mcgill-ratios',
        'McGill ratios in range',
        all(
          t('mcgill-flex-ext-ratio', '<', 1),
          { kind: 'threshold', measure: 'mcgill-sb-rl-ratio', op: 'between', value: 0.95, max: 1.05 },
          t('mcgill-sb-ext-ratio', '<', 0.75),
        ),
        'S76, S77',
      ),
      c('sorensen', 'Sorensen up 32 s or more', ch('sorensen-s', '>=', 32), 'S74 (derived MDC)'),
      c('hinge', 'Hinge drill 10 reps, 3-point contact', t('hinge-drill-clean-reps', '>=', 10), 'audit §9.2'),
      c('sit-to-stand', 'Sit-to-stand 10 reps without arms', t('sit-to-stand-no-arms-reps', '>=', 10), 'audit §9.2'),
      c('psfs', 'PSFS up 2', ch('psfs-mean', '>=', 2), 'S99'),
    ],
    minSupporting: 2,
  },
  {
    from: 3,
    region: 'lumbar',
    required: [STRENGTH],
    supporting: [
      c('pile', 'PILE up 1 stage or more', ch('pile-lumbar-stage', '>=', 1), 'S58'),
      c('psfs', 'PSFS up 2 (mean) or 3 (one activity)', any(ch('psfs-mean', '>=', 2), t('psfs-item-best-change', '>=', 3)), 'S99'),
      c('odi', 'ODI down 10 points or 30%', any(ch('odi-percent', '<=', -10), ch('odi-percent', '<=', -30, true)), 'S91'),
      c('carry', 'Carry load meets the task', t('carry-meets-task', '>=', 1), 'audit §9.2'),
    ],
    minSupporting: 2,
  },
  {
    from: 4,
    region: 'lumbar',
    required: [PSFS_GOALS],
    supporting: [
      c(
        'odi',
        'ODI 20 or below, or down 10 points or 30%',
        any(t('odi-percent', '<=', 20), ch('odi-percent', '<=', -10), ch('odi-percent', '<=', -30, true)),
        'S91, S94',
      ),
      NPRS,
      WORK_TASK,
      TSK,
    ],
    minSupporting: 2,
  },
  {
    from: 1,
    region: 'cervical',
    required: [
      c('ccf', 'CCF 10 x 10 s at 24 mmHg or more without substitution', t('ccf-clean-level-mmhg', '>=', 24), 'S38, S61b'),
      c('scapular', 'Scapular setting 10 x 10 s', t('scapular-setting-10s-holds', '>=', 10), 'audit §9.2'),
    ],
    supporting: [
      c(
        'rotation',
        'Rotation 60 degrees or more each side, or up 10',
        any(
          all(t('cervical-rotation-left-deg', '>=', 60), t('cervical-rotation-right-deg', '>=', 60)),
          all(ch('cervical-rotation-left-deg', '>=', 10), ch('cervical-rotation-right-deg', '>=', 10)),
        ),
        'audit §9.2 [C]',
      ),
      c('walking', 'Walks or cycles 15 min', t('walk-continuous-min', '>=', 15), 'audit §9.2'),
      c('ndi', 'NDI not worse', ch('ndi-raw', '<=', 0), 'audit §9.2'),
    ],
    minSupporting: 2,
  },
  {
    from: 2,
    region: 'cervical',
    required: [
      c('ccf', 'CCF 10 x 10 s at 26 mmHg or more', t('ccf-clean-level-mmhg', '>=', 26), 'S61 (audit D32)'),
      c('head-lift', 'Supine head lift, no pillow, 10 x 10 s', t('head-lift-10s-holds', '>=', 10), 'audit §9.2'),
      c('extensor', 'Extensor hold 10 x 10 s', t('extensor-hold-10s-holds', '>=', 10), 'audit §9.2'),
    ],
    supporting: [
      c(
        'dnf',
        'DNF endurance up 50%, or at the mean for sex',
        any(ch('dnf-endurance-s', '>=', 50, true), t('dnf-percent-of-sex-mean', '>=', 100)),
        'S84',
      ),
      NO_PERIPH,
      c('ndi', 'NDI down 5', ch('ndi-raw', '<=', -5), 'audit §9.2'),
      c('pull-apart', 'Band pull-apart 2 x 15, clean', t('pull-apart-clean-reps', '>=', 30), 'audit §9.2'),
    ],
    minSupporting: 2,
  },
  {
    from: 3,
    region: 'cervical',
    required: [STRENGTH],
    supporting: [
      c(
        'grip',
        'Grip: affected side 90% of the other, or up 5 kg',
        any(t('grip-affected-percent-of-other', '>=', 90), ch('grip-affected-kg', '>=', 5)),
        'S103',
      ),
      c('cpile', 'C-PILE up 1 stage', ch('cpile-stage', '>=', 1), 'S71'),
      c('ndi', 'NDI down 7.5', ch('ndi-raw', '<=', -7.5), 'S97'),
      c('psfs', 'PSFS up 2', ch('psfs-mean', '>=', 2), 'S99'),
    ],
    minSupporting: 2,
  },
  {
    from: 4,
    region: 'cervical',
    required: [PSFS_GOALS],
    supporting: [
      c('ndi', 'NDI 14 or below, or down 7.5', any(t('ndi-raw', '<=', 14), ch('ndi-raw', '<=', -7.5)), 'S96, S97'),
      NPRS,
      WORK_TASK,
      TSK,
    ],
    minSupporting: 2,
  },
];

/** The gate leaving `from` for a region. */
export const gateFor = (from: Stage, region: 'lumbar' | 'cervical'): GateDefinition =>
  STAGE_GATES.find((g) => g.from === from && g.region === region) as GateDefinition;

// --- Post-op stage minimums (audit §9.3): weeks since the most recent surgery of each kind. ---

export const POST_OP_GROUPS = ['decompression', 'fusion', 'acdf', 'scs'] as const;
export type PostOpGroup = (typeof POST_OP_GROUPS)[number];

/** Week from which each stage may start; `unrestricted`: impact, contact, heavy barbell. */
export interface StageMinimums {
  stage: Record<Stage, number>;
  unrestricted: number;
}

export const POST_OP_MINIMUMS: Readonly<Record<PostOpGroup, StageMinimums>> = {
  decompression: { stage: { 1: 0, 2: 4, 3: 6, 4: 8 }, unrestricted: 12 },
  fusion: { stage: { 1: 0, 2: 6, 3: 12, 4: 12 }, unrestricted: 26 },
  acdf: { stage: { 1: 0, 2: 4, 3: 12, 4: 12 }, unrestricted: 26 },
  scs: { stage: { 1: 0, 2: 6, 3: 8, 4: 8 }, unrestricted: 8 },
};

/** Multilevel fusion: every phase later by this many weeks (audit §9.3, T5, [C]). */
export const MULTILEVEL_FUSION_EXTRA_WEEKS = 6;

/** The stage-minimum group a surgery's generator belongs to. */
export const GROUP_FOR_GENERATOR = {
  'post-decompression': 'decompression',
  'post-fusion': 'fusion',
  'post-acdf': 'acdf',
  scs: 'scs',
} as const satisfies Record<string, PostOpGroup>;

/** The week from which a surgery allows a stage (multilevel fusions later). */
export const stageMinimumWeek = (group: PostOpGroup, stage: Stage, multilevel: boolean): number => {
  const base = POST_OP_MINIMUMS[group].stage[stage];
  return group === 'fusion' && multilevel && base > 0 ? base + MULTILEVEL_FUSION_EXTRA_WEEKS : base;
};

export interface PostOpRequirement {
  surgery: Surgery;
  group: PostOpGroup;
  minimumWeek: number;
  /** Null when the surgery date is not recorded. */
  weeksNow: number | null;
}

/** For each kind of surgery the patient has had, what entering `stage` needs. */
export const postOpRequirements = (patient: Pick<PatientClinical, 'surgeries'>, stage: Stage, today: string): PostOpRequirement[] =>
  Object.entries(latestSurgeryByGenerator(patient.surgeries)).map(([generator, surgery]) => {
    const group = GROUP_FOR_GENERATOR[generator as keyof typeof GROUP_FOR_GENERATOR];
    return {
      surgery: surgery as Surgery,
      group,
      minimumWeek: stageMinimumWeek(group, stage, (surgery as Surgery).multilevel),
      weeksNow: (surgery as Surgery).date === null ? null : weeksSince((surgery as Surgery).date as string, today),
    };
  });

// --- Evaluation ------------------------------------------------------------------------------

export type Measurements = Readonly<Record<string, { value: number; date: string }>>;
export type Status = 'met' | 'not-met' | 'not-measured';

export interface CriterionResult {
  id: string;
  label: string;
  status: Status;
  role: 'required' | 'supporting' | 'advisory';
}

export interface GateResult {
  /** `met`: every required criterion and enough supporting ones; `not-met`: can no longer pass on these
   *  measurements; `incomplete`: would depend on what is not yet measured. */
  status: 'met' | 'not-met' | 'incomplete';
  criteria: CriterionResult[];
  supportingMet: number;
  minSupporting: number;
}

const compare = (x: number, op: Operator, value: number, max: number | undefined): boolean => {
  switch (op) {
    case '>=':
      return x >= value;
    case '<=':
      return x <= value;
    case '>':
      return x > value;
    case '<':
      return x < value;
    case 'between':
      return x >= value && x <= (max as number);
  }
};

/** One rule against the measurements. */
export const evaluateRule = (rule: Rule, m: Measurements): Status => {
  switch (rule.kind) {
    case 'threshold': {
      const v = m[rule.measure];
      if (v === undefined) return 'not-measured';
      return compare(v.value, rule.op, rule.value, rule.max) ? 'met' : 'not-met';
    }
    case 'change': {
      const now = m[rule.measure];
      const base = m[`${rule.measure}:baseline`];
      if (now === undefined || base === undefined) return 'not-measured';
      if (rule.percent === true && base.value === 0) return 'not-measured';
      const delta = now.value - base.value;
      const x = rule.percent === true ? (100 * delta) / Math.abs(base.value) : delta;
      return compare(x, rule.op, rule.value, undefined) ? 'met' : 'not-met';
    }
    case 'any': {
      const s = rule.of.map((r) => evaluateRule(r, m));
      return s.includes('met') ? 'met' : s.includes('not-measured') ? 'not-measured' : 'not-met';
    }
    case 'all': {
      const s = rule.of.map((r) => evaluateRule(r, m));
      return s.includes('not-met') ? 'not-met' : s.includes('not-measured') ? 'not-measured' : 'met';
    }
  }
};

export interface GateContext {
  /** With a patient, the post-op minimum and neuro rule join the required criteria. */
  patient?: Pick<PatientClinical, 'surgeries' | 'generators'>;
  today?: string;
}

/**
 * Evaluate the gate out of `stage`: the universal criteria (§9.1), the gate's own (§9.2) and, for
 * a patient with surgery, the post-op minimum of the next stage (§9.3) with clearance recorded.
 */
export const evaluateGate = (stage: Stage, gate: GateDefinition, measurements: Measurements, context: GateContext = {}): GateResult => {
  const results: CriterionResult[] = [];
  const add = (cr: Criterion, role: CriterionResult['role']) =>
    results.push({ id: cr.id, label: cr.label, status: evaluateRule(cr.rule, measurements), role });

  for (const cr of UNIVERSAL_CRITERIA) add(cr, 'required');
  const { patient, today } = context;
  const neuroNeeded = patient !== undefined && (patient.generators.includes('nerve') || patient.surgeries.length > 0);
  if (neuroNeeded) add(NEURO_CRITERION, 'required');
  for (const cr of gate.required) add(cr, 'required');
  if (patient !== undefined && today !== undefined && stage < 4) {
    for (const req of postOpRequirements(patient, (stage + 1) as Stage, today)) {
      const cleared = req.surgery.clearance.status;
      const status: Status =
        req.weeksNow === null || cleared === 'unknown'
          ? 'not-measured'
          : req.weeksNow >= req.minimumWeek && cleared === 'cleared'
            ? 'met'
            : 'not-met';
      results.push({
        id: `post-op-minimum:${req.surgery.id}`,
        label: `Week ${req.minimumWeek} or later since the surgery, and the surgeon's clearance recorded`,
        status,
        role: 'required',
      });
    }
  }
  for (const cr of gate.supporting) add(cr, 'supporting');
  for (const cr of ADVISORY_CRITERIA) add(cr, 'advisory');

  const required = results.filter((r) => r.role === 'required');
  const supporting = results.filter((r) => r.role === 'supporting');
  const supportingMet = supporting.filter((r) => r.status === 'met').length;
  const supportingOpen = supporting.filter((r) => r.status === 'not-measured').length;
  const status: GateResult['status'] =
    required.some((r) => r.status === 'not-met') || supportingMet + supportingOpen < gate.minSupporting
      ? 'not-met'
      : required.every((r) => r.status === 'met') && supportingMet >= gate.minSupporting
        ? 'met'
        : 'incomplete';
  return { status, criteria: results, supportingMet, minSupporting: gate.minSupporting };
};
