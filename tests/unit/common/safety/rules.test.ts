// common/safety/rules.ts: every flag rule, with the exact severity and the words a clinician reads.
import { describe, expect, it } from 'vitest';
import {
  canIssue,
  checkIssue,
  flagsFor,
  loadKg,
  matches,
  restrictionActive,
  surgeryAreas,
  type Flag,
  type SafetyItem,
} from '../../../../common/safety/rules';
import type { PatientClinical, SurgeonRestriction } from '../../../../common/domain/patient';
import { TODAY, clearScreen, daysAgo, item, patient, stimulator, suitability, surgery } from './fixtures';

const itemFlags = (p: PatientClinical, it: SafetyItem = item(), today = TODAY): Flag[] => flagsFor(p, [it], today).items[0]!.flags;
const kinds = (flags: Flag[]) => flags.map((f) => `${f.severity}:${f.kind}:${f.source}`);
const one = (flags: Flag[], kind: string): Flag => {
  const found = flags.filter((f) => f.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const restriction = (over: Partial<SurgeonRestriction>): SurgeonRestriction => ({
  kind: 'no-rotation',
  limit: null,
  until: { kind: 'week', week: 12 },
  note: null,
  ...over,
});

describe('ratings: the most restrictive over the active generators', () => {
  it('a suitable exercise raises nothing', () => {
    expect(itemFlags(patient({ generators: ['disc', 'nerve'] }))).toEqual([]);
  });

  it.each([
    ['modify', 'info', false],
    ['caution', 'needs-ack', true],
    ['avoid', 'needs-ack', true],
  ] as const)('%s -> %s', (rating, severity, ack) => {
    const f = one(itemFlags(patient({ generators: ['disc'] }), item({ suitability: suitability({ disc: { rating } }) })), 'rating');
    expect(f).toEqual({
      id: `i1/rating/${rating}`,
      severity,
      kind: 'rating',
      source: rating,
      reason: `Rated "${rating}" for Disc loading.`,
      acknowledgeable: ack,
    });
  });

  it.each(['disc', 'instability', 'nerve'] as const)('%s counts only when the patient has it', (g) => {
    const it = item({ suitability: suitability({ [g]: { rating: 'avoid' } }) });
    expect(one(itemFlags(patient({ generators: [g] }), it), 'rating').source).toBe('avoid');
    const other = g === 'disc' ? 'nerve' : 'disc';
    expect(itemFlags(patient({ generators: [other] }), it)).toEqual([]);
  });

  it('most restrictive wins, naming every generator at that rating', () => {
    const it = item({
      suitability: suitability({ disc: { rating: 'modify' }, instability: { rating: 'caution' }, nerve: { rating: 'caution' } }),
    });
    const f = one(itemFlags(patient({ generators: ['disc', 'instability', 'nerve'] }), it), 'rating');
    expect(f.source).toBe('caution');
    expect(f.reason).toBe('Rated "caution" for Instability / weakness, Nerve irritation.');
    const worse = item({ suitability: suitability({ disc: { rating: 'avoid' }, nerve: { rating: 'modify' } }) });
    expect(one(itemFlags(patient({ generators: ['nerve', 'disc'] }), worse), 'rating').source).toBe('avoid');
  });

  it.each([
    ['post-decompression', surgery({ procedure: 'microdiscectomy' })],
    ['post-fusion', surgery()],
    ['post-acdf', surgery({ procedure: 'acdf', levels: ['C5-C6'] })],
    ['scs', stimulator('thoracic')],
  ] as const)('surgical generator %s counts only with that surgery', (g, s) => {
    const it = item({ suitability: suitability({ [g]: { rating: 'avoid' } }) });
    expect(one(itemFlags(patient({ surgeries: [s] }), it), 'rating').reason).toMatch(/^Rated "avoid" for /);
    expect(itemFlags(patient({ generators: ['disc'] }), it)).toEqual([]);
  });

  it('not-rated needs an acknowledgement, named per generator, alongside the worst rating', () => {
    const it = item({
      suitability: suitability({ disc: { rating: 'not-rated' }, nerve: { rating: 'not-rated' }, instability: { rating: 'avoid' } }),
    });
    const flags = itemFlags(patient({ generators: ['disc', 'nerve', 'instability'] }), it);
    expect(kinds(flags)).toEqual(['needs-ack:rating:avoid', 'needs-ack:not-rated:not-rated']);
    expect(one(flags, 'not-rated').reason).toBe('Not rated yet for Disc loading, Nerve irritation: nobody has judged it for this patient.');
    expect(one(flags, 'not-rated').acknowledgeable).toBe(true);
  });
});

describe('time locks', () => {
  const fusionLock = (week: number, over = {}) =>
    item({ suitability: suitability({ 'post-fusion': { rating: 'suits', lock: 'week', earliestWeek: week, ...over } }) });

  it('week N: locked before it, free from exactly week N (now week M)', () => {
    const p = (days: number) => patient({ surgeries: [surgery({ date: daysAgo(days) })] });
    const f = one(itemFlags(p(83), fusionLock(12)), 'time-lock');
    expect(f).toMatchObject({ severity: 'needs-ack', source: 'post-fusion', acknowledgeable: true, id: 'i1/time-lock/post-fusion' });
    expect(f.reason).toBe('After lumbar fusion: locked until week 12 (now week 11).');
    expect(itemFlags(p(84), fusionLock(12))).toEqual([]);
    expect(itemFlags(p(0), fusionLock(0))).toEqual([]);
    expect(one(itemFlags(p(0), fusionLock(1)), 'time-lock').reason).toBe('After lumbar fusion: locked until week 1 (now week 0).');
  });

  it('shows the note', () => {
    const f = one(itemFlags(patient({ surgeries: [surgery()] }), fusionLock(6, { note: 'Band only.' })), 'time-lock');
    expect(f.reason).toBe('After lumbar fusion: locked until week 6 (now week 0). Note: Band only.');
  });

  it.each([
    ['microdiscectomy', ['L4-L5'], 'post-decompression', 'After decompression'],
    ['acdf', ['C5-C6'], 'post-acdf', 'After ACDF'],
    ['posterior-cervical', ['C4-C6'], 'post-acdf', 'After ACDF'],
    ['disc-replacement', ['L5-S1'], 'post-fusion', 'After lumbar fusion'],
  ] as const)('%s runs the %s clock', (procedure, levels, g, label) => {
    const it = item({ suitability: suitability({ [g]: { lock: 'week', earliestWeek: 6 } }) });
    const p = (days: number) => patient({ surgeries: [surgery({ procedure, levels: [...levels], date: daysAgo(days) })] });
    expect(one(itemFlags(p(41), it), 'time-lock').reason).toBe(`${label}: locked until week 6 (now week 5).`);
    expect(itemFlags(p(42), it)).toEqual([]);
  });

  it('a multilevel fusion adds 6 weeks to a post-fusion lock', () => {
    const p = (days: number) => patient({ surgeries: [surgery({ multilevel: true, levels: ['L3-L4', 'L4-L5'], date: daysAgo(days) })] });
    expect(one(itemFlags(p(84), fusionLock(12)), 'time-lock').reason).toBe(
      'After lumbar fusion: locked until week 18 (week 12 plus 6 for a multilevel fusion) (now week 12).',
    );
    expect(itemFlags(p(126), fusionLock(12))).toEqual([]);
    expect(itemFlags(p(0), fusionLock(0))).toEqual([]);
    // Not for other surgeries' multilevel flag
    const acdf = patient({ surgeries: [surgery({ procedure: 'acdf', levels: ['C4-C5', 'C5-C6'], multilevel: true, date: daysAgo(84) })] });
    expect(itemFlags(acdf, item({ suitability: suitability({ 'post-acdf': { lock: 'week', earliestWeek: 12 } }) }))).toEqual([]);
  });

  it('the most recent surgery of the kind runs the clock', () => {
    const p = patient({ surgeries: [surgery({ id: 'old', date: daysAgo(400) }), surgery({ id: 'rev', date: daysAgo(14) })] });
    expect(one(itemFlags(p, fusionLock(12)), 'time-lock').reason).toMatch(/now week 2\)/);
  });

  it('an undated surgery never passes a lock', () => {
    const p = patient({ surgeries: [surgery({ date: null })] });
    expect(one(itemFlags(p, fusionLock(0)), 'time-lock')).toMatchObject({
      severity: 'needs-ack',
      reason: 'After lumbar fusion: locked until week 0; the surgery date is not recorded.',
    });
    const multi = patient({ surgeries: [surgery({ date: null, multilevel: true })] });
    expect(one(itemFlags(multi, fusionLock(12)), 'time-lock').reason).toBe(
      'After lumbar fusion: locked until week 18; the surgery date is not recorded.',
    );
  });

  it('a week lock on a non-surgical generator has no clock: check it (week 0 passes)', () => {
    const it = item({ suitability: suitability({ disc: { lock: 'week', earliestWeek: 4 } }) });
    expect(one(itemFlags(patient({ generators: ['disc'] }), it), 'time-lock')).toMatchObject({
      severity: 'needs-ack',
      source: 'disc',
      reason: 'Disc loading: locked until week 4, with no surgery to count from. Check the note.',
    });
    const zero = item({ suitability: suitability({ disc: { lock: 'week', earliestWeek: 0 } }) });
    expect(itemFlags(patient({ generators: ['disc'] }), zero)).toEqual([]);
  });

  it('surgeon clearance: flagged until the surgery is recorded cleared', () => {
    const it = item({ suitability: suitability({ 'post-fusion': { lock: 'surgeon-clearance', note: 'Ask about rotation.' } }) });
    const f = one(itemFlags(patient({ surgeries: [surgery()] }), it), 'clearance-lock');
    expect(f).toMatchObject({ severity: 'needs-ack', acknowledgeable: true });
    expect(f.reason).toBe("After lumbar fusion: only after the surgeon's clearance, which is not recorded. Note: Ask about rotation.");
    const unknown = patient({ surgeries: [surgery({ clearance: { status: 'unknown', date: null, note: null } })] });
    expect(one(itemFlags(unknown, it), 'clearance-lock').kind).toBe('clearance-lock');
    const cleared = patient({ surgeries: [surgery({ clearance: { status: 'cleared', date: TODAY, note: null } })] });
    expect(itemFlags(cleared, it)).toEqual([]);
    const disc = item({ suitability: suitability({ disc: { lock: 'surgeon-clearance' } }) });
    expect(one(itemFlags(patient({ generators: ['disc'] }), disc), 'clearance-lock').source).toBe('disc');
  });

  it('criterion: always asks to check the note', () => {
    const it = item({ suitability: suitability({ 'post-fusion': { lock: 'criterion', note: 'Wound healed.' } }) });
    const f = one(itemFlags(patient({ surgeries: [surgery({ date: daysAgo(1000) })] }), it), 'criterion-lock');
    expect(f.reason).toBe('After lumbar fusion: check the condition before use. Note: Wound healed.');
    expect(f.severity).toBe('needs-ack');
  });

  it('a lock for a generator the patient lacks says nothing', () => {
    expect(itemFlags(patient({ generators: ['disc'] }), fusionLock(12))).toEqual([]);
  });
});

describe('stimulator lead level (audit D01)', () => {
  const neck = (over = {}) =>
    item({
      code: 'C2-02',
      region: 'cervical',
      suitability: suitability({ scs: { rating: 'modify', lock: 'week', earliestWeek: 8, ...over } }),
    });
  const p = (lead: 'cervical' | 'thoracic' | 'drg' | null, days = 14) =>
    patient({ surgeries: [stimulator(lead, { date: daysAgo(days) })] });

  it('cervical leads: the stored lock holds', () => {
    const flags = itemFlags(p('cervical'), neck());
    expect(kinds(flags)).toEqual(['needs-ack:time-lock:scs', 'info:rating:modify']);
    expect(one(flags, 'time-lock').reason).toBe('Spinal cord stimulator: locked until week 8 (now week 2).');
    expect(itemFlags(p('cervical', 56), neck()).map((f) => f.kind)).toEqual(['rating']);
  });

  it.each(['thoracic', 'drg'] as const)('%s leads: the neck lock lifts, the rating stays', (lead) => {
    const flags = itemFlags(p(lead), neck());
    expect(kinds(flags)).toEqual(['info:scs-lead-level:scs', 'info:rating:modify']);
    expect(one(flags, 'scs-lead-level').reason).toBe(
      'Moves or loads the neck: a risk to cervical leads only (audit D01). Leads are not cervical, so the neck lock is lifted.',
    );
  });

  it('C3-03 keeps the lifting-limit lock to week 6 for thoracic leads', () => {
    const plate = neck({});
    plate.code = 'C3-03';
    expect(one(itemFlags(p('thoracic', 35), plate), 'time-lock').reason).toBe('Spinal cord stimulator: locked until week 6 (now week 5).');
    expect(itemFlags(p('thoracic', 42), plate).map((f) => f.kind)).toEqual(['scs-lead-level', 'rating']);
  });

  it('unknown lead level: treated as cervical, and says so', () => {
    const flags = itemFlags(p(null), neck());
    expect(kinds(flags)).toEqual(['info:scs-lead-level:scs', 'needs-ack:time-lock:scs', 'info:rating:modify']);
    expect(one(flags, 'scs-lead-level').reason).toMatch(/^Stimulator lead level not recorded: the neck lock for cervical leads applies/);
  });

  it('an edited rating is kept for every lead level', () => {
    const edited = neck({ lock: 'week', earliestWeek: 12 });
    const flags = itemFlags(p('thoracic'), edited);
    expect(one(flags, 'time-lock').reason).toMatch(/until week 12 \(now week 2\)/);
    expect(one(flags, 'scs-lead-level').reason).toBe(
      "This exercise's stimulator rating was edited, so the edit applies whatever the lead level.",
    );
    expect(kinds(flags)).toEqual(['info:scs-lead-level:scs', 'needs-ack:time-lock:scs', 'info:rating:modify']);
    const otherLock = neck({ lock: 'criterion', earliestWeek: null });
    expect(one(itemFlags(p('thoracic'), otherLock), 'criterion-lock').source).toBe('scs');
  });

  it('codes outside the table and clinic exercises keep their lock for every lead', () => {
    const lumbar = neck();
    lumbar.code = 'L2-03';
    expect(kinds(itemFlags(p('thoracic'), lumbar))).toEqual(['needs-ack:time-lock:scs', 'info:rating:modify']);
    const own = neck();
    own.code = null;
    expect(kinds(itemFlags(p('thoracic'), own))).toEqual(['needs-ack:time-lock:scs', 'info:rating:modify']);
  });

  it('without a stimulator the table is never consulted', () => {
    expect(itemFlags(patient({ generators: ['disc'] }), neck())).toEqual([]);
  });
});

describe("the surgeon's structured restrictions", () => {
  const withRestriction = (r: Partial<SurgeonRestriction>, s = {}) =>
    patient({ surgeries: [surgery({ restrictions: [restriction(r)], ...s })] });

  it('no rotation: matches rotation work, not anti-rotation, and lifts at its week', () => {
    const rot = item({ clinicalName: 'Pallof press, standing (+ rotation variant)', tags: ['anti-rotation', 'rotation'] });
    const f = one(itemFlags(withRestriction({}), rot), 'surgeon-restriction');
    expect(f).toMatchObject({
      severity: 'needs-ack',
      acknowledgeable: true,
      source: 'surgery:s1:restriction:0',
      id: 'i1/surgeon-restriction/surgery:s1:restriction:0',
    });
    expect(f.reason).toBe('No twisting after the lumbar fusion, until week 12 (now week 0). This exercise may involve it.');
    const anti = item({ clinicalName: 'Pallof press, kneeling (anti-rotation)', tags: ['anti-rotation'] });
    expect(itemFlags(withRestriction({}), anti)).toEqual([]);
    expect(itemFlags(withRestriction({}, { date: daysAgo(84) }), rot)).toEqual([]);
    expect(one(itemFlags(withRestriction({}, { date: daysAgo(83) }), rot), 'surgeon-restriction').reason).toMatch(/now week 11/);
  });

  it('the surgery area decides: a lumbar restriction ignores neck rotation, a neck one catches it', () => {
    const neckRot = item({
      clinicalName: 'Cervical rotation speed and endurance (shoulder check)',
      region: 'cervical',
      tags: ['cervical rotation'],
    });
    expect(itemFlags(withRestriction({}), neckRot)).toEqual([]);
    const acdf = withRestriction({}, { procedure: 'acdf', levels: ['C5-C6'] });
    expect(one(itemFlags(acdf, neckRot), 'surgeon-restriction').reason).toMatch(
      /^No twisting after the anterior cervical discectomy and fusion \(acdf\)/,
    );
  });

  it('no loaded flexion: lifting and curl-ups for the trunk, head lifts for the neck', () => {
    const lift = item({ clinicalName: 'Progressive floor-to-waist lifting (PILE-style)', tags: ['lifting'] });
    const curl = item({ clinicalName: 'McGill curl-up (modified curl-up)' });
    const headLift = item({ clinicalName: 'Supine head lift (neck flexor endurance)', tags: ['neck flexor endurance'] });
    const p = withRestriction({ kind: 'no-loaded-flexion' });
    expect(one(itemFlags(p, lift), 'surgeon-restriction').reason).toMatch(/^No bending forward under load/);
    expect(one(itemFlags(p, curl), 'surgeon-restriction').kind).toBe('surgeon-restriction');
    expect(itemFlags(p, headLift)).toEqual([]);
    const acdf = withRestriction({ kind: 'no-loaded-flexion' }, { procedure: 'acdf', levels: ['C5-C6'] });
    expect(one(itemFlags(acdf, headLift), 'surgeon-restriction').kind).toBe('surgeon-restriction');
    expect(itemFlags(acdf, curl)).toEqual([]);
  });

  it('no overhead resistance: only with resistance', () => {
    const press = item({ clinicalName: 'Overhead press (in front of head)', equipment: ['dumbbell'], tags: ['overhead'] });
    const reach = item({ clinicalName: 'Overhead reach, unloaded', equipment: ['none'], tags: ['overhead'] });
    const loaded = item({ clinicalName: 'Overhead reach', equipment: ['none'], load: '1 kg' });
    const taggedLift = item({ clinicalName: 'Shelf work', equipment: ['none'], tags: ['overhead', 'lifting'] });
    const p = withRestriction({ kind: 'no-overhead-resistance', note: 'Until the graft takes.' });
    expect(one(itemFlags(p, press), 'surgeon-restriction').reason).toBe(
      "No lifting or pulling against resistance overhead after the lumbar fusion, until week 12 (now week 0). This exercise may involve it. Surgeon's note: Until the graft takes.",
    );
    expect(itemFlags(p, reach)).toEqual([]);
    expect(one(itemFlags(p, loaded), 'surgeon-restriction').kind).toBe('surgeon-restriction');
    expect(one(itemFlags(p, taggedLift), 'surgeon-restriction').kind).toBe('surgeon-restriction');
  });

  it('lifting limit: a load over it blocks; under it passes; an unreadable load on loaded work asks', () => {
    const lim = (value: number, unit: 'lb' | 'kg') => withRestriction({ kind: 'lifting-limit', limit: { value, unit } });
    const db = (load: string | null) => item({ equipment: ['dumbbell'], load });
    const over = one(itemFlags(lim(10, 'lb'), db('5 kg')), 'lifting-limit');
    expect(over).toMatchObject({ severity: 'block', acknowledgeable: false });
    expect(over.reason).toBe(
      'Lifting limit after the lumbar fusion, until week 12 (now week 0): 10 lb. This load is 5 kg. Lower the load.',
    );
    expect(itemFlags(lim(5, 'kg'), db('5 kg'))).toEqual([]);
    expect(itemFlags(lim(12, 'lb'), db('5 kg'))).toEqual([]);
    expect(one(itemFlags(lim(11, 'lb'), db('5 kg')), 'lifting-limit').severity).toBe('block');
    expect(itemFlags(lim(10, 'lb'), db('Light plate, 1 to 2.5 kg'))).toEqual([]);
    expect(one(itemFlags(lim(2, 'kg'), db('Light plate, 1 to 2.5 kg')), 'lifting-limit').reason).toMatch(/This load is 2.5 kg/);
    expect(one(itemFlags(lim(5, 'kg'), db('12 lb')), 'lifting-limit').reason).toMatch(/This load is 5.4 kg/);
    const ask = one(itemFlags(lim(7, 'kg'), db('8-12 rep max')), 'lifting-limit');
    expect(ask).toMatchObject({ severity: 'needs-ack', acknowledgeable: true });
    expect(ask.reason).toBe(
      "Lifting limit after the lumbar fusion, until week 12 (now week 0): 7 kg. Check this exercise's load stays under it.",
    );
    expect(one(itemFlags(lim(7, 'kg'), db(null)), 'lifting-limit').severity).toBe('needs-ack');
    expect(one(itemFlags(lim(7, 'kg'), item({ equipment: ['bench', 'dumbbell'] })), 'lifting-limit').severity).toBe('needs-ack');
    expect(one(itemFlags(lim(7, 'kg'), item({ tags: ['loaded carry'] })), 'lifting-limit').severity).toBe('needs-ack');
    expect(itemFlags(lim(7, 'kg'), item())).toEqual([]);
    expect(one(itemFlags(lim(2, 'kg'), item({ load: '3 kg' })), 'lifting-limit').severity).toBe('block');
  });

  it('until a date: active before it, lifted on it', () => {
    const it = item({ tags: ['rotation'] });
    expect(one(itemFlags(withRestriction({ until: { kind: 'date', date: '2026-06-02' } }), it), 'surgeon-restriction').reason).toMatch(
      /until 2026-06-02\. /,
    );
    expect(itemFlags(withRestriction({ until: { kind: 'date', date: TODAY } }), it)).toEqual([]);
  });

  it('until cleared: active until a clearance date that has come', () => {
    const it = item({ tags: ['rotation'] });
    expect(one(itemFlags(withRestriction({ until: { kind: 'cleared', clearedOn: null } }), it), 'surgeon-restriction').reason).toMatch(
      /until the surgeon clears it\. /,
    );
    expect(itemFlags(withRestriction({ until: { kind: 'cleared', clearedOn: TODAY } }), it)).toEqual([]);
    expect(itemFlags(withRestriction({ until: { kind: 'cleared', clearedOn: '2026-06-02' } }), it)).toHaveLength(1);
  });

  it('an undated surgery keeps a week restriction active', () => {
    const r = restriction({});
    const s = surgery({ date: null, restrictions: [r] });
    expect(restrictionActive(r, s, TODAY)).toEqual({ active: true, until: 'until week 12 (surgery date not recorded)' });
    const zero = restriction({ until: { kind: 'week', week: 0 } });
    expect(restrictionActive(zero, surgery({ date: null, restrictions: [zero] }), TODAY).active).toBe(true);
    expect(restrictionActive(zero, surgery({ restrictions: [zero] }), TODAY).active).toBe(false);
  });

  it("a stimulator's restriction speaks about trunk and neck alike", () => {
    const p = patient({ surgeries: [stimulator('thoracic', { restrictions: [restriction({})] })] });
    expect(one(itemFlags(p, item({ tags: ['rotation'] })), 'surgeon-restriction').reason).toMatch(
      /^No twisting after the spinal cord stimulator/,
    );
    expect(one(itemFlags(p, item({ region: 'cervical', tags: ['cervical rotation'] })), 'surgeon-restriction').source).toBe(
      'surgery:scs1:restriction:0',
    );
  });

  it('several restrictions, each its own flag', () => {
    const p = patient({
      surgeries: [surgery({ restrictions: [restriction({}), restriction({ kind: 'no-loaded-flexion' })] })],
    });
    const flags = itemFlags(p, item({ tags: ['rotation', 'deadlift'] }));
    expect(flags.map((f) => f.source)).toEqual(['surgery:s1:restriction:0', 'surgery:s1:restriction:1']);
  });
});

describe('areas, matching and loads', () => {
  it('areas follow the levels, else the procedure', () => {
    expect(surgeryAreas(surgery({ levels: ['C5-C6'] }))).toEqual(['neck']);
    expect(surgeryAreas(surgery({ levels: ['T10', 'L1'] }))).toEqual(['trunk']);
    expect(surgeryAreas(surgery({ levels: ['C7', 'T1'] }))).toEqual(['neck', 'trunk']);
    expect(surgeryAreas(surgery({ procedure: 'acdf', levels: [] }))).toEqual(['neck']);
    expect(surgeryAreas(surgery({ procedure: 'posterior-cervical', levels: [] }))).toEqual(['neck']);
    for (const procedure of ['lumbar-fusion', 'microdiscectomy', 'laminectomy-decompression'] as const) {
      expect(surgeryAreas(surgery({ procedure, levels: [] }))).toEqual(['trunk']);
    }
    expect(surgeryAreas(surgery({ procedure: 'disc-replacement', levels: [] }))).toEqual(['trunk', 'neck']);
    expect(surgeryAreas(surgery({ procedure: 'other', levels: [] }))).toEqual(['trunk', 'neck']);
    expect(surgeryAreas(stimulator('thoracic', { levels: ['T8'] }))).toEqual(['trunk', 'neck']);
  });

  it('matches whole tags case-blind, names and aliases by pattern', () => {
    const m = { tags: ['rotation'], names: [/twist/i], skipNamesIn: ['cervical'] };
    const r = 'lumbar';
    expect(matches(m, { tags: ['Rotation'], clinicalName: 'x', aliases: [], region: r })).toBe(true);
    expect(matches(m, { tags: ['anti-rotation'], clinicalName: 'x', aliases: [], region: r })).toBe(false);
    expect(matches(m, { tags: [], clinicalName: 'Seated twist', aliases: [], region: r })).toBe(true);
    expect(matches(m, { tags: [], clinicalName: 'x', aliases: ['Russian twist'], region: r })).toBe(true);
    expect(matches(m, { tags: [], clinicalName: 'x', aliases: [], region: r })).toBe(false);
    expect(matches(m, { tags: [], clinicalName: 'Neck twist', aliases: [], region: 'cervical' })).toBe(false);
    expect(matches(m, { tags: ['rotation'], clinicalName: 'Neck twist', aliases: [], region: 'cervical' })).toBe(true);
    expect(matches({ tags: [], names: [/twist/i] }, { tags: [], clinicalName: 'Neck twist', aliases: [], region: 'cervical' })).toBe(true);
    // one pattern of several is enough
    expect(matches({ tags: [], names: [/twist/i, /chop/i] }, { tags: [], clinicalName: 'Wood chop', aliases: [], region: r })).toBe(true);
  });

  it.each([
    [null, null],
    ['8-12 rep max', null],
    ['5 kg', 5],
    ['2.5kg', 2.5],
    ['1 to 2.5 kg', 2.5],
    ['1-3 kilos', 3],
    ['2.25 kg', 2.25],
    ['1 to 2.25 kg', 2.25],
    ['1 kilo', 1],
    ['2 kilograms', 2],
    ['1 kilogram', 1],
    ['1 pound', 0.45359237],
    ['4 kg or 5 pounds', 4],
    ['5kilos', 5],
    ['10 lb', 4.5359237],
    ['10-15 lbs', 6.80388555],
    ['5 pounds and 4 kg', 4],
    ['Start light, about 5-10% of body weight', null],
  ] as const)('load %j -> %s kg', (load, kg) => {
    const got = loadKg(load);
    if (kg === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(kg, 6);
  });
});

describe('stimulator hard block and battery site', () => {
  const p = patient({ surgeries: [stimulator('thoracic', { date: daysAgo(400) })] });

  it('diathermy or therapeutic ultrasound with a stimulator blocks, with no acknowledgement', () => {
    for (const it of [
      item({ clinicalName: 'Shortwave diathermy, lumbar' }),
      item({ clinicalName: 'Heat', tags: ['ultrasound'] }),
      item({ clinicalName: 'Heat', aliases: ['Microwave diathermy'] }),
    ]) {
      const f = one(itemFlags(p, it), 'diathermy');
      expect(f).toEqual({
        id: 'i1/diathermy/scs',
        severity: 'block',
        kind: 'diathermy',
        source: 'scs',
        acknowledgeable: false,
        reason: 'Diathermy or therapeutic ultrasound with a spinal cord stimulator: never, with the device on or off.',
      });
    }
    expect(itemFlags(patient({ generators: ['disc'] }), item({ clinicalName: 'Shortwave diathermy' }))).toEqual([]);
  });

  it('pressure over the battery: by code and by tag', () => {
    expect(one(itemFlags(p, item({ code: 'L3-04' })), 'ipg-pressure')).toMatchObject({
      severity: 'needs-ack',
      acknowledgeable: true,
      source: 'scs',
    });
    expect(one(itemFlags(p, item({ tags: ['hip thrust'] })), 'ipg-pressure').reason).toBe(
      'May press on the stimulator battery: keep bars and pads off the battery site.',
    );
    expect(itemFlags(p, item({ code: 'L3-05' }))).toEqual([]);
    expect(itemFlags(patient({ generators: ['disc'] }), item({ code: 'L3-04' }))).toEqual([]);
  });
});

describe('program flags', () => {
  const program = (p: PatientClinical, stage?: 1 | 2 | 3 | 4) => flagsFor(p, [], TODAY, stage === undefined ? {} : { stage }).program;

  it('a screened patient with a generator has none', () => {
    expect(program(patient({ generators: ['disc'] }))).toEqual([]);
  });

  it('an emergency red flag blocks the whole program', () => {
    const screen = clearScreen();
    screen.emergency['cauda-equina'] = 'yes';
    const flags = program(patient({ generators: ['disc'], redFlags: screen }));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      severity: 'block',
      kind: 'red-flag-emergency',
      source: 'red-flag:cauda-equina',
      acknowledgeable: false,
    });
    expect(flags[0]!.reason).toMatch(/^Emergency: Possible cauda equina: .*No exercise program: send for emergency care today\.$/);
  });

  it('an urgent red flag blocks until resolved with a note, then informs', () => {
    const screen = clearScreen();
    screen.urgent['post-op-infection'] = { answer: 'yes', resolution: null };
    const open = program(patient({ generators: ['disc'], redFlags: screen }));
    expect(kinds(open)).toEqual(['block:red-flag-urgent:red-flag:post-op-infection']);
    expect(open[0]!.reason).toMatch(/Pause the program until a medical review/);
    screen.urgent['post-op-infection'] = { answer: 'yes', resolution: { note: 'Surgeon reviewed, no infection', date: '2026-05-30' } };
    const done = program(patient({ generators: ['disc'], redFlags: screen }));
    expect(kinds(done)).toEqual(['info:red-flag-urgent:red-flag:post-op-infection']);
    expect(done[0]!.reason).toBe('Urgent flag resolved 2026-05-30: Surgeon reviewed, no infection');
  });

  it('an incomplete screen asks for acknowledgement, counting what is unanswered', () => {
    const screen = clearScreen();
    screen.emergency['acdf-airway'] = 'unknown';
    screen.urgent['scs-problem'] = { answer: 'unknown', resolution: null };
    expect(program(patient({ generators: ['disc'], redFlags: screen }))[0]).toMatchObject({
      id: 'program/red-flag-unscreened/red-flags',
      severity: 'needs-ack',
      kind: 'red-flag-unscreened',
      reason: 'Red-flag screen not complete (2 not answered).',
    });
    const undated = { ...clearScreen(), date: null };
    expect(program(patient({ generators: ['disc'], redFlags: undated }))[0]!.reason).toBe(
      'Red-flag screen not complete (0 not answered, no date).',
    );
  });

  it('no generators and no surgery: ratings cannot be checked', () => {
    expect(program(patient())).toEqual([
      {
        id: 'program/no-generators/generators',
        severity: 'needs-ack',
        kind: 'no-generators',
        source: 'generators',
        acknowledgeable: true,
        reason: 'No pain generator and no surgery recorded: exercise ratings cannot be checked.',
      },
    ]);
  });

  it('surgeries: unknown date, borrowed locks, none, and free-text restrictions', () => {
    const p = patient({
      surgeries: [
        surgery({ id: 'a', date: null }),
        surgery({ id: 'b', procedure: 'other', otherRestrictions: 'No swimming until the wound heals.' }),
        surgery({ id: 'c', procedure: 'posterior-cervical', levels: ['C4-C6'] }),
        surgery({ id: 'd', procedure: 'disc-replacement', levels: ['L5-S1'] }),
        surgery({ id: 'e', procedure: 'laminectomy-decompression', levels: ['C3-C5'] }),
        surgery({ id: 'f', procedure: 'acdf', levels: ['C5-C6'] }),
        surgery({ id: 'g', procedure: 'microdiscectomy' }),
      ],
    });
    expect(kinds(program(p))).toEqual([
      'needs-ack:surgery-date-unknown:surgery:a',
      'info:surgery-mapping:surgery:b',
      'needs-ack:other-restrictions:surgery:b',
      'info:surgery-mapping:surgery:c',
      'info:surgery-mapping:surgery:d',
      'info:surgery-mapping:surgery:e',
    ]);
    const flags = program(p);
    expect(flags[0]!.reason).toBe('Lumbar fusion: date not recorded, so no time lock counts as passed.');
    expect(flags[1]!.reason).toBe("Other spinal surgery: no built-in time locks. Apply the surgeon's restrictions.");
    expect(flags[2]!.reason).toBe("Other spinal surgery, surgeon's other restrictions (check by hand): No swimming until the wound heals.");
    expect(flags[3]!.reason).toBe(
      'Posterior cervical surgery: no protocol of its own in the reference; the locks of "After ACDF" are used. The surgeon\'s limits come first.',
    );
    expect(flags[4]!.reason).toMatch(/^Disc replacement: .*"After lumbar fusion"/);
  });

  it('stage minimums: the program stage against weeks since each kind of surgery', () => {
    const p = (days: number, multilevel = false) => patient({ surgeries: [surgery({ date: daysAgo(days), multilevel })] });
    expect(kinds(program(p(83), 3))).toEqual(['needs-ack:stage-minimum:surgery:s1']);
    expect(program(p(83), 3)[0]!.reason).toBe('Stage 3 usually starts from week 12 after the lumbar fusion (now week 11).');
    expect(program(p(84), 3)).toEqual([]);
    expect(program(p(0), 1)).toEqual([]);
    expect(program(p(84, true), 3)[0]!.reason).toMatch(/from week 18 .*now week 12/);
    expect(program(p(125, true), 3)).toHaveLength(1);
    expect(program(p(126, true), 3)).toEqual([]);
    expect(program(p(0, true), 1)).toEqual([]);
    const undated = patient({ surgeries: [surgery({ date: null })] });
    expect(program(undated, 1).map((f) => f.reason)).toContain('Stage 1 usually starts from week 0 after the lumbar fusion (now unknown).');
    const scs = patient({ surgeries: [stimulator('thoracic', { date: daysAgo(49) })] });
    expect(program(scs, 3)[0]!.reason).toBe('Stage 3 usually starts from week 8 after the spinal cord stimulator (now week 7).');
    expect(program(patient({ surgeries: [surgery()] }))).toEqual([]);
  });
});

describe('issuing', () => {
  const screen = clearScreen();
  screen.urgent['calf-pain-swelling'] = { answer: 'yes', resolution: null };

  it('nothing to acknowledge: issue', () => {
    expect(canIssue({ patient: patient({ generators: ['disc'] }), items: [item()], today: TODAY }, [])).toEqual({
      ok: true,
      blocks: [],
      unacknowledged: [],
    });
  });

  it('needs-ack flags need an acknowledgement with a note; info flags need none', () => {
    const it = item({ suitability: suitability({ disc: { rating: 'caution' }, nerve: { rating: 'modify' } }) });
    const prog = { patient: patient({ generators: ['disc', 'nerve'] }), items: [it], today: TODAY };
    const before = canIssue(prog, []);
    expect(before.ok).toBe(false);
    expect(before.unacknowledged.map((f) => f.id)).toEqual(['i1/rating/caution']);
    expect(canIssue(prog, [{ flagId: 'i1/rating/caution', note: '  ' }]).ok).toBe(false);
    expect(canIssue(prog, [{ flagId: 'i1/rating/caution', note: 'Small range, watched.' }])).toEqual({
      ok: true,
      blocks: [],
      unacknowledged: [],
    });
  });

  it('info flags alone never hold an issue back', () => {
    const it = item({ suitability: suitability({ disc: { rating: 'modify' } }) });
    expect(canIssue({ patient: patient({ generators: ['disc'] }), items: [it], today: TODAY }, [])).toEqual({
      ok: true,
      blocks: [],
      unacknowledged: [],
    });
  });

  it('a block is never lifted by an acknowledgement', () => {
    const prog = { patient: patient({ generators: ['disc'], redFlags: screen }), items: [], today: TODAY };
    const res = canIssue(prog, [{ flagId: 'program/red-flag-urgent/red-flag:calf-pain-swelling', note: 'Seen.' }]);
    expect(res.ok).toBe(false);
    expect(res.blocks.map((f) => f.kind)).toEqual(['red-flag-urgent']);
    expect(res.unacknowledged).toEqual([]);
  });

  it('the program stage is checked when given', () => {
    const p = patient({ surgeries: [surgery()] });
    expect(canIssue({ patient: p, items: [], today: TODAY }, []).ok).toBe(true);
    expect(canIssue({ patient: p, items: [], today: TODAY, stage: 2 }, []).unacknowledged.map((f) => f.kind)).toEqual(['stage-minimum']);
  });

  it('checkIssue collects from the program and every item', () => {
    const flags = flagsFor(
      patient({ generators: [] }),
      [item({ itemId: 'a' }), item({ itemId: 'b', suitability: suitability({}) })],
      TODAY,
    );
    expect(checkIssue(flags, []).unacknowledged.map((f) => f.id)).toEqual(['program/no-generators/generators']);
  });
});
