// common/domain/patient.ts: the patient's clinical picture, the week clock and which surgery
// drives which generator's locks.
import { describe, expect, it } from 'vitest';
import {
  EMERGENCY_FLAGS,
  PatientClinicalSchema,
  SpinalLevelSchema,
  SurgerySchema,
  SurgeonRestrictionSchema,
  URGENT_FLAGS,
  UrgentAnswerSchema,
  activeGenerators,
  dayNumber,
  emptyRedFlagScreen,
  generatorForSurgery,
  latestSurgeryByGenerator,
  levelRegion,
  weeksSince,
} from '../../../../common/domain/patient';
import { EMERGENCY_FLAG_LABELS, URGENT_FLAG_LABELS } from '../../../../common/copy/en-safety';
import { clearScreen, patient, stimulator, surgery } from '../safety/fixtures';

describe('weeksSince', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0], // same day
    ['2026-01-01', '2026-01-07', 0], // day 6
    ['2026-01-01', '2026-01-08', 1], // exactly week 1
    ['2026-01-01', '2026-02-26', 8], // exactly week 8
    ['2026-01-01', '2026-02-25', 7], // the day before week 8
    ['2026-03-01', '2026-02-28', -1], // a date in the future
    ['2026-03-20', '2026-04-03', 2], // across a daylight-saving change
    ['2024-02-22', '2024-03-07', 2], // across 29 February
  ])('from %s to %s is %i', (date, today, weeks) => {
    expect(weeksSince(date, today)).toBe(weeks);
  });

  it('counts whole UTC days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-06-01') - dayNumber('2026-05-01')).toBe(31);
  });
});

describe('levels', () => {
  it('accepts levels and segments, upper-cases them, and names their region', () => {
    expect(SpinalLevelSchema.parse(' l4-l5 ')).toBe('L4-L5');
    expect(SpinalLevelSchema.parse('T10')).toBe('T10');
    expect(SpinalLevelSchema.safeParse('L4/L5').success).toBe(false);
    expect(SpinalLevelSchema.safeParse('lumbar').success).toBe(false);
    expect(levelRegion('C5-C6')).toBe('cervical');
    expect(levelRegion('t8')).toBe('thoracic');
    expect(levelRegion('L5-S1')).toBe('lumbar');
    expect(levelRegion('S1')).toBe('lumbar');
  });
});

describe('which surgery drives which generator', () => {
  it.each([
    ['microdiscectomy', ['L4-L5'], 'post-decompression'],
    ['laminectomy-decompression', ['L3-L4'], 'post-decompression'],
    ['laminectomy-decompression', ['T10'], 'post-decompression'],
    ['laminectomy-decompression', [], 'post-decompression'],
    ['laminectomy-decompression', ['C4-C5'], 'post-acdf'],
    ['microdiscectomy', ['C6-C7'], 'post-acdf'],
    ['lumbar-fusion', ['L4-L5', 'L5-S1'], 'post-fusion'],
    ['acdf', ['C5-C6'], 'post-acdf'],
    ['posterior-cervical', ['C3-C6'], 'post-acdf'],
    ['disc-replacement', ['C5-C6'], 'post-acdf'],
    ['disc-replacement', ['L5-S1'], 'post-fusion'],
    ['disc-replacement', [], 'post-fusion'],
    ['disc-replacement', ['C5-C6', 'L5-S1'], 'post-fusion'],
    ['spinal-cord-stimulator', [], 'scs'],
    ['other', ['L4-L5'], null],
  ] as const)('%s at %j -> %s', (procedure, levels, generator) => {
    expect(generatorForSurgery({ procedure, levels: [...levels] })).toBe(generator);
  });

  it('takes the most recent surgery per generator; a revision restarts the clock', () => {
    const first = surgery({ id: 'a', date: '2020-01-01' });
    const revision = surgery({ id: 'b', date: '2025-01-01' });
    const acdf = surgery({ id: 'c', procedure: 'acdf', levels: ['C5-C6'], date: '2019-01-01' });
    const latest = latestSurgeryByGenerator([first, revision, acdf]);
    expect(latest['post-fusion']?.id).toBe('b');
    expect(latest['post-acdf']?.id).toBe('c');
    expect(latestSurgeryByGenerator([revision, first])['post-fusion']?.id).toBe('b');
  });

  it('counts a surgery with no date as the most recent (no lock passes on a guess)', () => {
    const dated = surgery({ id: 'a', date: '2025-01-01' });
    const undated = surgery({ id: 'b', date: null });
    expect(latestSurgeryByGenerator([dated, undated])['post-fusion']?.id).toBe('b');
    expect(latestSurgeryByGenerator([undated, dated])['post-fusion']?.id).toBe('b');
  });

  it('an "other" surgery drives no generator', () => {
    expect(latestSurgeryByGenerator([surgery({ procedure: 'other' })])).toEqual({});
  });

  it("active generators: the clinician's plus one per kind of surgery", () => {
    expect(activeGenerators({ generators: ['disc', 'nerve'], surgeries: [] })).toEqual(['disc', 'nerve']);
    expect(
      activeGenerators({ generators: ['nerve'], surgeries: [surgery(), surgery({ id: 'x', date: '2020-01-01' }), stimulator('thoracic')] }),
    ).toEqual(['nerve', 'post-fusion', 'scs']);
  });
});

describe('the record schema', () => {
  it('accepts a type 2 patient with a fusion and a stimulator', () => {
    const p = patient({ regions: ['lumbar', 'thoracic'], generators: ['nerve'], surgeries: [surgery(), stimulator('thoracic')] });
    expect(p.pspsType).toBe(2);
  });

  it('type 1 allows a stimulator but no spinal surgery; type 2 needs a surgery', () => {
    const base = { regions: ['lumbar'], generators: ['disc'], redFlags: clearScreen() };
    expect(PatientClinicalSchema.safeParse({ ...base, pspsType: 1, surgeries: [stimulator('thoracic')] }).success).toBe(true);
    const t1 = PatientClinicalSchema.safeParse({ ...base, pspsType: 1, surgeries: [surgery()] });
    expect(t1.success).toBe(false);
    expect(JSON.stringify(t1.error?.issues)).toMatch(/type 1 means no spinal surgery/);
    const t2 = PatientClinicalSchema.safeParse({ ...base, pspsType: 2, surgeries: [] });
    expect(JSON.stringify(t2.error?.issues)).toMatch(/type 2 follows spinal surgery/);
  });

  it('refuses repeated regions, generators and surgery ids, and an empty region list', () => {
    const base = { pspsType: 2, regions: ['lumbar'], generators: [], surgeries: [surgery()], redFlags: clearScreen() };
    expect(PatientClinicalSchema.safeParse(base).success).toBe(true);
    expect(PatientClinicalSchema.safeParse({ ...base, regions: [] }).success).toBe(false);
    expect(PatientClinicalSchema.safeParse({ ...base, regions: ['lumbar', 'lumbar'] }).success).toBe(false);
    expect(PatientClinicalSchema.safeParse({ ...base, generators: ['disc', 'disc'] }).success).toBe(false);
    expect(PatientClinicalSchema.safeParse({ ...base, generators: ['post-fusion'] }).success).toBe(false);
    expect(PatientClinicalSchema.safeParse({ ...base, surgeries: [surgery(), surgery()] }).success).toBe(false);
  });

  it('a stimulator, and only a stimulator, has lead level and generator site', () => {
    expect(SurgerySchema.safeParse(stimulator('cervical')).success).toBe(true);
    expect(SurgerySchema.safeParse(stimulator(null)).success).toBe(true);
    expect(SurgerySchema.safeParse({ ...stimulator('cervical'), stimulator: null }).success).toBe(false);
    expect(SurgerySchema.safeParse({ ...surgery(), stimulator: { leadLevel: 'cervical', generatorSite: 'buttock' } }).success).toBe(false);
  });

  it('a lifting limit has its weight; other restrictions have none; until is week, date or cleared', () => {
    const ok = { kind: 'lifting-limit', limit: { value: 10, unit: 'lb' }, until: { kind: 'week', week: 6 }, note: null };
    expect(SurgeonRestrictionSchema.safeParse(ok).success).toBe(true);
    expect(SurgeonRestrictionSchema.safeParse({ ...ok, limit: null }).success).toBe(false);
    expect(SurgeonRestrictionSchema.safeParse({ ...ok, kind: 'no-rotation' }).success).toBe(false);
    expect(SurgeonRestrictionSchema.safeParse({ ...ok, limit: { value: 10, unit: 'stone' } }).success).toBe(false);
    expect(
      SurgeonRestrictionSchema.safeParse({ kind: 'no-rotation', limit: null, until: { kind: 'date', date: '2026-07-01' }, note: 'x' })
        .success,
    ).toBe(true);
    expect(
      SurgeonRestrictionSchema.safeParse({ kind: 'no-rotation', limit: null, until: { kind: 'cleared', clearedOn: null }, note: null })
        .success,
    ).toBe(true);
    expect(
      SurgeonRestrictionSchema.safeParse({ kind: 'no-rotation', limit: null, until: { kind: 'date', date: '1 July' }, note: null }).success,
    ).toBe(false);
  });

  it('only a "yes" can be resolved, and a resolution needs a note', () => {
    expect(UrgentAnswerSchema.safeParse({ answer: 'yes', resolution: { note: 'GP saw her', date: '2026-05-01' } }).success).toBe(true);
    expect(UrgentAnswerSchema.safeParse({ answer: 'no', resolution: { note: 'x', date: '2026-05-01' } }).success).toBe(false);
    expect(UrgentAnswerSchema.safeParse({ answer: 'yes', resolution: { note: ' ', date: '2026-05-01' } }).success).toBe(false);
  });

  it('the empty screen asks everything, and every flag has a plain label', () => {
    const s = emptyRedFlagScreen();
    expect(s.date).toBeNull();
    expect(Object.values(s.emergency).every((a) => a === 'unknown')).toBe(true);
    expect(Object.values(s.urgent).every((a) => a.answer === 'unknown' && a.resolution === null)).toBe(true);
    for (const f of EMERGENCY_FLAGS) expect(EMERGENCY_FLAG_LABELS[f].length).toBeGreaterThan(10);
    for (const f of URGENT_FLAGS) expect(URGENT_FLAG_LABELS[f].length).toBeGreaterThan(10);
  });
});
