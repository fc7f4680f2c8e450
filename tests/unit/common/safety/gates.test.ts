// common/safety/gates.ts: each criterion met / not met / not yet measured, the gate's verdict, and
// the post-op stage minimums of audit §9.3.
import { describe, expect, it } from 'vitest';
import {
  POST_OP_MINIMUMS,
  STAGE_GATES,
  evaluateGate,
  evaluateRule,
  gateFor,
  postOpRequirements,
  stageMinimumWeek,
  type GateDefinition,
  type Measurements,
  type Rule,
} from '../../../../common/safety/gates';
import { TODAY, daysAgo, patient, stimulator, surgery } from './fixtures';

const m = (values: Record<string, number>): Measurements =>
  Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, date: TODAY }]));

const UNIVERSAL_OK = { 'red-flags-clear': 1, 'pain-response-weeks': 2, 'form-clean-sessions': 2 };

describe('rules', () => {
  const th = (op: '>=' | '<=' | '>' | '<', value: number): Rule => ({ kind: 'threshold', measure: 'x', op, value });

  it.each([
    ['>=', 10, 10, 'met'],
    ['>=', 10, 9.9, 'not-met'],
    ['<=', 10, 10, 'met'],
    ['<=', 10, 10.1, 'not-met'],
    ['>', 10, 10, 'not-met'],
    ['>', 10, 10.1, 'met'],
    ['<', 10, 10, 'not-met'],
    ['<', 10, 9.9, 'met'],
  ] as const)('x %s %d with x = %d: %s', (op, value, x, status) => {
    expect(evaluateRule(th(op, value), m({ x }))).toBe(status);
  });

  it('between is inclusive at both ends', () => {
    const r: Rule = { kind: 'threshold', measure: 'x', op: 'between', value: 0.95, max: 1.05 };
    expect(evaluateRule(r, m({ x: 0.95 }))).toBe('met');
    expect(evaluateRule(r, m({ x: 1.05 }))).toBe('met');
    expect(evaluateRule(r, m({ x: 0.94 }))).toBe('not-met');
    expect(evaluateRule(r, m({ x: 1.06 }))).toBe('not-met');
  });

  it('a missing measure is not yet measured', () => {
    expect(evaluateRule(th('>=', 1), m({}))).toBe('not-measured');
  });

  it('change compares with the baseline, in units or percent of it', () => {
    const up: Rule = { kind: 'change', measure: 'sorensen-s', op: '>=', value: 32 };
    expect(evaluateRule(up, m({ 'sorensen-s': 92, 'sorensen-s:baseline': 60 }))).toBe('met');
    expect(evaluateRule(up, m({ 'sorensen-s': 91, 'sorensen-s:baseline': 60 }))).toBe('not-met');
    expect(evaluateRule(up, m({ 'sorensen-s': 92 }))).toBe('not-measured');
    expect(evaluateRule(up, m({ 'sorensen-s:baseline': 60 }))).toBe('not-measured');
    const down30: Rule = { kind: 'change', measure: 'odi', op: '<=', value: -30, percent: true };
    expect(evaluateRule(down30, m({ odi: 28, 'odi:baseline': 40 }))).toBe('met');
    expect(evaluateRule(down30, m({ odi: 29, 'odi:baseline': 40 }))).toBe('not-met');
    expect(evaluateRule(down30, m({ odi: 0, 'odi:baseline': 0 }))).toBe('not-measured');
    const down: Rule = { kind: 'change', measure: 'ndi', op: '<=', value: -5 };
    expect(evaluateRule(down, m({ ndi: -5, 'ndi:baseline': 0 }))).toBe('met');
    const up50: Rule = { kind: 'change', measure: 'dnf', op: '>=', value: 50, percent: true };
    expect(evaluateRule(up50, m({ dnf: 30, 'dnf:baseline': 20 }))).toBe('met');
    expect(evaluateRule(up50, m({ dnf: -5, 'dnf:baseline': -10 }))).toBe('met');
  });

  it('any: met if one is; all: met only if every one is; unmeasured otherwise', () => {
    const a = th('>=', 1);
    const b: Rule = { kind: 'threshold', measure: 'y', op: '>=', value: 1 };
    const any: Rule = { kind: 'any', of: [a, b] };
    const all: Rule = { kind: 'all', of: [a, b] };
    expect(evaluateRule(any, m({ x: 1 }))).toBe('met');
    expect(evaluateRule(any, m({ x: 0 }))).toBe('not-measured');
    expect(evaluateRule(any, m({ x: 0, y: 0 }))).toBe('not-met');
    expect(evaluateRule(all, m({ x: 1, y: 1 }))).toBe('met');
    expect(evaluateRule(all, m({ x: 1 }))).toBe('not-measured');
    expect(evaluateRule(all, m({ y: 0 }))).toBe('not-met');
  });
});

describe('the gate data', () => {
  it('one gate per stage and region, each with a reachable supporting count', () => {
    for (const region of ['lumbar', 'cervical'] as const) {
      for (const from of [1, 2, 3, 4] as const) {
        const g = gateFor(from, region);
        expect(g.from).toBe(from);
        expect(g.region).toBe(region);
        expect(g.required.length).toBeGreaterThan(0);
        expect(g.supporting.length).toBeGreaterThanOrEqual(g.minSupporting);
        expect(g.minSupporting).toBe(2);
      }
    }
    expect(STAGE_GATES).toHaveLength(8);
  });

  it('carries the audit values: CCF 24 then 26 mmHg (D32), Sorensen +32 s, McGill ratios', () => {
    expect(gateFor(1, 'cervical').required[0]!.rule).toEqual({ kind: 'threshold', measure: 'ccf-clean-level-mmhg', op: '>=', value: 24 });
    expect(gateFor(2, 'cervical').required[0]!.rule).toEqual({ kind: 'threshold', measure: 'ccf-clean-level-mmhg', op: '>=', value: 26 });
    const sup = gateFor(2, 'lumbar').supporting;
    expect(sup.find((c) => c.id === 'sorensen')!.rule).toEqual({
      kind: 'change',
      measure: 'sorensen-s',
      op: '>=',
      value: 32,
      percent: false,
    });
    expect(
      evaluateRule(
        sup.find((c) => c.id === 'mcgill-ratios')!.rule,
        m({ 'mcgill-flex-ext-ratio': 0.9, 'mcgill-sb-rl-ratio': 1, 'mcgill-sb-ext-ratio': 0.7 }),
      ),
    ).toBe('met');
    expect(
      evaluateRule(
        sup.find((c) => c.id === 'mcgill-ratios')!.rule,
        m({ 'mcgill-flex-ext-ratio': 1, 'mcgill-sb-rl-ratio': 1, 'mcgill-sb-ext-ratio': 0.7 }),
      ),
    ).toBe('not-met');
  });
});

describe('evaluateGate', () => {
  const gate = gateFor(1, 'lumbar');
  const REQ = { 'adim-clean-holds': 10, 'multifidus-clean-holds': 10, 'activation-positions': 2 };

  it('met: universal and required met, 2 supporting met', () => {
    const r = evaluateGate(1, gate, m({ ...UNIVERSAL_OK, ...REQ, 'walk-continuous-min': 20, 'pbu-adim-rise-mmhg': 2 }));
    expect(r.status).toBe('met');
    expect(r.supportingMet).toBe(2);
    expect(r.minSupporting).toBe(2);
    expect(r.criteria.map((c) => `${c.role}:${c.id}:${c.status}`)).toEqual([
      'required:no-red-flag:met',
      'required:pain-response-rule:met',
      'required:clinician-quality:met',
      'required:adim:met',
      'required:multifidus:met',
      'required:positions:met',
      'supporting:walking:met',
      'supporting:pbu:met',
      'supporting:log-roll:not-measured',
      'supporting:not-worse:not-measured',
      'advisory:adherence:not-measured',
    ]);
    expect(r.criteria[0]!.label).toBe('No active red flag');
  });

  it('not met: a required criterion fails', () => {
    const r = evaluateGate(
      1,
      gate,
      m({ ...UNIVERSAL_OK, ...REQ, 'adim-clean-holds': 9, 'walk-continuous-min': 20, 'pbu-adim-rise-mmhg': 2 }),
    );
    expect(r.status).toBe('not-met');
    expect(r.criteria.find((c) => c.id === 'adim')!.status).toBe('not-met');
    const flag = evaluateGate(
      1,
      gate,
      m({ ...UNIVERSAL_OK, 'red-flags-clear': 0, ...REQ, 'walk-continuous-min': 20, 'pbu-adim-rise-mmhg': 2 }),
    );
    expect(flag.status).toBe('not-met');
  });

  it('not met: too few supporting criteria can still pass', () => {
    const r = evaluateGate(
      1,
      gate,
      m({
        ...UNIVERSAL_OK,
        ...REQ,
        'walk-continuous-min': 20,
        'walk-10min-bouts': 0,
        'pbu-adim-rise-mmhg': 5,
        'log-roll-independent': 0,
        psfs: 1,
      }),
    );
    expect(r.supportingMet).toBe(1);
    // "not-worse" is still unmeasured: one met + one open = 2, so it could still pass.
    expect(r.status).toBe('incomplete');
    const closed = evaluateGate(
      1,
      gate,
      m({
        ...UNIVERSAL_OK,
        ...REQ,
        'walk-continuous-min': 20,
        'pbu-adim-rise-mmhg': 5,
        'log-roll-independent': 0,
        nprs: 6,
        'nprs:baseline': 5,
        'psfs-mean': 3,
        'psfs-mean:baseline': 4,
      }),
    );
    expect(closed.status).toBe('not-met');
  });

  it('incomplete: nothing failed but something required is unmeasured, or supporting short', () => {
    expect(evaluateGate(1, gate, m({})).status).toBe('incomplete');
    const r = evaluateGate(1, gate, m({ ...UNIVERSAL_OK, ...REQ, 'walk-continuous-min': 20 }));
    expect(r.status).toBe('incomplete');
    const req = evaluateGate(1, gate, m({ ...UNIVERSAL_OK, 'adim-clean-holds': 10, 'walk-continuous-min': 20, 'pbu-adim-rise-mmhg': 2 }));
    expect(req.status).toBe('incomplete');
  });

  it('advisory criteria never decide', () => {
    const base = { ...UNIVERSAL_OK, ...REQ, 'walk-continuous-min': 20, 'pbu-adim-rise-mmhg': 2 };
    expect(evaluateGate(1, gate, m({ ...base, 'adherence-percent': 10 })).status).toBe('met');
    expect(evaluateGate(1, gate, m({ ...base, 'adherence-percent': 70 })).criteria.at(-1)).toEqual({
      id: 'adherence',
      label: 'Did at least 70% of sessions in the last 2 weeks',
      status: 'met',
      role: 'advisory',
    });
  });

  it('an edited gate is evaluated as given', () => {
    const easy: GateDefinition = { ...gate, required: [], supporting: [], minSupporting: 0 };
    expect(evaluateGate(1, easy, m(UNIVERSAL_OK)).status).toBe('met');
  });

  it('the neuro rule joins for nerve and surgical patients only', () => {
    const base = m({ ...UNIVERSAL_OK, ...REQ, 'walk-continuous-min': 20, 'pbu-adim-rise-mmhg': 2 });
    const ids = (p: Parameters<typeof evaluateGate>[3]) => evaluateGate(1, gate, base, p).criteria.map((c) => c.id);
    expect(ids({ patient: patient({ generators: ['disc'] }) })).not.toContain('neuro-stable');
    expect(ids({ patient: patient({ generators: ['nerve'] }) })).toContain('neuro-stable');
    const surgical = evaluateGate(1, gate, base, {
      patient: patient({ surgeries: [surgery({ date: daysAgo(400), clearance: { status: 'cleared', date: null, note: null } })] }),
      today: TODAY,
    });
    expect(surgical.criteria.find((c) => c.id === 'neuro-stable')!.status).toBe('not-measured');
    expect(surgical.status).toBe('incomplete');
    expect(
      evaluateGate(1, gate, m({ ...UNIVERSAL_OK, ...REQ, 'walk-continuous-min': 20, 'pbu-adim-rise-mmhg': 2, 'neuro-stable': 1 }), {
        patient: patient({ generators: ['nerve'] }),
      }).status,
    ).toBe('met');
  });
});

describe('post-op minimums (audit §9.3)', () => {
  it('the table', () => {
    expect(POST_OP_MINIMUMS).toEqual({
      decompression: { stage: { 1: 0, 2: 4, 3: 6, 4: 8 }, unrestricted: 12 },
      fusion: { stage: { 1: 0, 2: 6, 3: 12, 4: 12 }, unrestricted: 26 },
      acdf: { stage: { 1: 0, 2: 4, 3: 12, 4: 12 }, unrestricted: 26 },
      scs: { stage: { 1: 0, 2: 6, 3: 8, 4: 8 }, unrestricted: 8 },
    });
  });

  it('multilevel fusion: 6 weeks later per phase, never for stage 1 or other surgeries', () => {
    expect(stageMinimumWeek('fusion', 2, true)).toBe(12);
    expect(stageMinimumWeek('fusion', 3, true)).toBe(18);
    expect(stageMinimumWeek('fusion', 3, false)).toBe(12);
    expect(stageMinimumWeek('fusion', 1, true)).toBe(0);
    expect(stageMinimumWeek('acdf', 3, true)).toBe(12);
  });

  it('one requirement per kind of surgery, from the most recent', () => {
    const p = patient({
      surgeries: [
        surgery({ id: 'f', date: daysAgo(70) }),
        surgery({ id: 'm', procedure: 'microdiscectomy', date: null }),
        stimulator('thoracic', { date: daysAgo(7) }),
      ],
    });
    expect(postOpRequirements(p, 3, TODAY).map((r) => [r.surgery.id, r.group, r.minimumWeek, r.weeksNow])).toEqual([
      ['f', 'fusion', 12, 10],
      ['m', 'decompression', 6, null],
      ['scs1', 'scs', 8, 1],
    ]);
  });

  const ALL = m({
    ...UNIVERSAL_OK,
    'neuro-stable': 1,
    'adim-clean-holds': 10,
    'multifidus-clean-holds': 10,
    'activation-positions': 2,
    'walk-continuous-min': 20,
    'pbu-adim-rise-mmhg': 2,
  });
  const cleared = { status: 'cleared', date: null, note: null } as const;
  const gate = gateFor(1, 'lumbar');
  const post = (days: number | null, clearance: 'cleared' | 'not-cleared' | 'unknown' = 'cleared') =>
    evaluateGate(1, gate, ALL, {
      patient: patient({
        surgeries: [surgery({ date: days === null ? null : daysAgo(days), clearance: { ...cleared, status: clearance } })],
      }),
      today: TODAY,
    });

  it('met from exactly the minimum week with clearance; not met before, or without clearance', () => {
    expect(post(42).status).toBe('met');
    expect(post(42).criteria.find((c) => c.id === 'post-op-minimum:s1')).toEqual({
      id: 'post-op-minimum:s1',
      label: "Week 6 or later since the surgery, and the surgeon's clearance recorded",
      status: 'met',
      role: 'required',
    });
    expect(post(41).status).toBe('not-met');
    expect(post(42, 'not-cleared').status).toBe('not-met');
  });

  it('not measured without a date or with clearance unknown', () => {
    expect(post(null).criteria.find((c) => c.id === 'post-op-minimum:s1')!.status).toBe('not-measured');
    expect(post(400, 'unknown').criteria.find((c) => c.id === 'post-op-minimum:s1')!.status).toBe('not-measured');
  });

  it('no post-op criterion for the discharge gate or without today', () => {
    const p = patient({ surgeries: [surgery({ clearance: cleared })] });
    expect(evaluateGate(4, gateFor(4, 'lumbar'), ALL, { patient: p, today: TODAY }).criteria.some((c) => c.id.startsWith('post-op'))).toBe(
      false,
    );
    expect(evaluateGate(3, gateFor(3, 'lumbar'), ALL, { patient: p, today: TODAY }).criteria.some((c) => c.id.startsWith('post-op'))).toBe(
      true,
    );
    expect(evaluateGate(1, gate, ALL, { patient: p }).criteria.some((c) => c.id.startsWith('post-op'))).toBe(false);
    expect(evaluateGate(1, gate, ALL, { today: TODAY }).criteria.some((c) => c.id.startsWith('post-op'))).toBe(false);
  });
});
