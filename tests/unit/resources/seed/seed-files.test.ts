// The shipped built-in library: valid, complete per region and stage, and internally linked.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedLibrary } from '../../../../services/seed/load-seed';
import { REGIONS, STAGES, type Region } from '../../../../common/domain/vocabulary';
import { repoRoot } from '../../../support/repo';
import { UK_WORDS } from '../../../support/us-english';

const seedDir = path.join(repoRoot, 'resources/seed');

/**
 * The fewest exercises each region must have per stage (1-4): the 12 in every region and
 * stage, the thoracic region (audit §3.3) included.
 */
const MIN_PER_STAGE: Record<Region, [number, number, number, number]> = {
  lumbar: [12, 12, 12, 12],
  cervical: [12, 12, 12, 12],
  thoracic: [12, 12, 12, 12],
};

/**
 * The same activity filed in both regions must carry the same judgement for every generator (audit
 * D06), so a patient with neck and back pain never sees two answers. Codes, lumbar first.
 */
const SAME_ACTIVITY: [string, string][] = [
  ['L3-14', 'C4-04'], // farmer's carry
  ['L4-11', 'C4-09'], // walk-jog
  ['L4-10', 'C4-08'], // work-task practice
  ['L3-07', 'C3-05'], // one-arm row
  ['L3-08', 'C3-11'], // seated cable row (C3-11 split from the pulldown, D08)
  ['L3-09', 'C3-13'], // lat pulldown (split out of C3-11, D08)
  ['L4-04', 'C4-07'], // push/pull
  ['L4-12', 'C4-13'], // graded exposure
  ['L4-07', 'C4-01'], // sitting / desk tolerance
  ['L1-04', 'C1-09'], // diaphragmatic breathing
  ['L1-11', 'C1-11'], // graded walking
  // L4-09 was split (D09) into walking, bike (L4-13) and pool (L4-14). C4-12 bundles walking, bike
  // and elliptical, so it carries its most restrictive part: the bike.
  ['L4-13', 'C4-12'],
];

/**
 * One-way links kept on purpose: [from, kind, to], where the reverse link would be clinically wrong.
 * Every entry needs a comment saying why. Empty today: every link has its reverse (audit D29).
 */
const ONE_WAY_LINKS: [string, 'progressions' | 'regressions', string][] = [];

/** The one pain-response sentence (audit D44); any exercise that states the rule uses it verbatim. */
const PAIN_RESPONSE =
  'Some extra soreness is okay if it settles by the next morning and is no worse than 2 points out of 10 above your usual.';

function patientLines(ex: { text: Record<string, string | string[]> }): string[] {
  return Object.values(ex.text).flatMap((v) => (Array.isArray(v) ? v : [v]));
}

describe('built-in library seed', () => {
  const library = loadSeedLibrary(seedDir);

  it.each(REGIONS.flatMap((r) => STAGES.map((s) => [r, s, MIN_PER_STAGE[r][s - 1]] as const)))(
    'has at least the minimum of %s exercises in stage %i (%i)',
    (region, stage, min) => {
      const count = library.exercises.filter((e) => e.region === region && e.stage === stage).length;
      expect(count).toBeGreaterThanOrEqual(min);
    },
  );

  it('files every thoracic exercise under a T code, and links it only within the thoracic region', () => {
    const thoracic = library.exercises.filter((e) => e.region === 'thoracic');
    expect(thoracic.length).toBeGreaterThanOrEqual(7);
    const codes = new Set(thoracic.map((e) => e.code));
    for (const ex of thoracic) {
      expect(ex.code, ex.code).toMatch(new RegExp(`^T${ex.stage}-\\d{2}$`));
      for (const to of [...ex.progressions, ...ex.regressions]) expect(codes.has(to), `${ex.code} -> ${to}`).toBe(true);
    }
  });

  it('gives every exercise steps, cues, a source and a regression or progression', () => {
    expect(library.exercises.length).toBeGreaterThan(0);
    for (const ex of library.exercises) {
      expect(ex.text.steps.length, ex.code).toBeGreaterThanOrEqual(2);
      expect(ex.text.cues.length, ex.code).toBeGreaterThanOrEqual(1);
      expect(ex.sources.length, ex.code).toBeGreaterThanOrEqual(1);
      expect(ex.progressions.length + ex.regressions.length, ex.code).toBeGreaterThanOrEqual(1);
    }
  });

  it('links progressions to a same or later stage and regressions to a same or earlier one', () => {
    const byCode = new Map(library.exercises.map((e) => [e.code, e]));
    let progressions = 0;
    let regressions = 0;
    for (const ex of library.exercises) {
      for (const code of ex.progressions) expect(byCode.get(code)!.stage, `${ex.code} -> ${code}`).toBeGreaterThanOrEqual(ex.stage);
      for (const code of ex.regressions) expect(byCode.get(code)!.stage, `${ex.code} -> ${code}`).toBeLessThanOrEqual(ex.stage);
      progressions += ex.progressions.length;
      regressions += ex.regressions.length;
    }
    expect(progressions).toBeGreaterThan(0);
    expect(regressions).toBeGreaterThan(0);
  });

  it('locks only where surgery or an implant applies, and says what every criterion lock waits for', () => {
    expect(library.exercises.length).toBeGreaterThan(0);
    for (const ex of library.exercises) {
      for (const [generator, s] of Object.entries(ex.suitability)) {
        if (['disc', 'instability', 'nerve'].includes(generator)) {
          expect(s.earliestWeek, `${ex.code} ${generator}`).toBeNull();
          expect(s.lock, `${ex.code} ${generator}`).toBe('none');
        }
        if (s.lock === 'criterion') expect(s.note, `${ex.code} ${generator}: locked until what?`).toBeTruthy();
        // A week lock that has passed on the day of surgery holds nothing back: it would read
        // "locked until week 0", and flag an undated surgery for no reason.
        if (s.lock === 'week') expect(s.earliestWeek, `${ex.code} ${generator}: a week-0 lock is no lock`).toBeGreaterThan(0);
      }
    }
  });

  it('judges every built-in for every generator: none is shipped "not rated"', () => {
    const unrated = library.exercises.flatMap((ex) =>
      Object.entries(ex.suitability)
        .filter(([, s]) => s.rating === 'not-rated')
        .map(([g]) => `${ex.code} ${g}`),
    );
    expect(library.exercises.length).toBeGreaterThan(100);
    expect(unrated).toEqual([]);
  });

  it('gives every built-in a clinical name apart from its patient name, and aliases that repeat neither', () => {
    expect(library.exercises.length).toBeGreaterThan(100);
    for (const ex of library.exercises) {
      expect(ex.clinicalName.trim().length, ex.code).toBeGreaterThan(3);
      const names = new Set([ex.clinicalName.toLowerCase(), ex.text.name.toLowerCase()]);
      for (const a of ex.aliases) expect(names.has(a.toLowerCase()), `${ex.code} alias "${a}"`).toBe(false);
      expect(new Set(ex.aliases.map((a) => a.toLowerCase())).size, ex.code).toBe(ex.aliases.length);
    }
  });

  it('grades every source that cites the reference with its evidence level, and carries the DOIs the audit gives (audit D38)', () => {
    const ungraded: string[] = [];
    for (const ex of library.exercises) {
      for (const s of ex.sources) {
        // S14 (free-exercise-db) is a cross-reference, not evidence (audit D37): it stays ungraded.
        const keys = s.citation.match(/\bS\d+[a-z]?\b/g) ?? [];
        if (keys.some((k) => k !== 'S14') && !s.evidenceLevel) ungraded.push(`${ex.code}: ${s.citation}`);
      }
    }
    expect(ungraded).toEqual([]);
    const all = library.exercises.flatMap((e) => e.sources.map((s) => ({ code: e.code, ...s })));
    expect(all.find((s) => s.code === 'L1-11' && s.doi === '10.1016/S0140-6736(24)00755-4')?.evidenceLevel).toBe('P');
    expect(all.find((s) => /\(S76\)/.test(s.citation))?.pmid).toBe('10453772');
    expect(all.filter((s) => s.doi === '10.3389/fsurg.2025.1458572').length).toBeGreaterThan(0);
    expect(all.filter((s) => /\(S9\)/.test(s.citation)).every((s) => s.evidenceLevel === 'G')).toBe(true);
    expect(all.filter((s) => /\((S25|S26|S27|S28)\)/.test(s.citation)).every((s) => s.evidenceLevel === 'Pr')).toBe(true);
  });

  it('files the early-use exercises in their earlier stages too, never repeating the primary stage (audit D12-D14)', () => {
    const byCode = new Map(library.exercises.map((e) => [e.code, e]));
    const expected: Record<string, number[]> = {
      'L2-12': [1], // press-up: from the first session with an extension DP (D12)
      'L2-13': [1], // sciatic slider (D13)
      'C2-10': [1], // median slider (D13)
      'L4-12': [1, 2, 3], // graded exposure (D14)
      'C4-13': [1, 2, 3],
      'L4-07': [1, 2, 3], // sitting tolerance (D14)
      'C4-01': [1, 2, 3],
      'C4-11': [1, 2, 3], // micro-breaks (D14)
      'C4-06': [1, 2, 3], // head-down tolerance (D14)
    };
    for (const [code, stages] of Object.entries(expected)) expect(byCode.get(code)!.alsoStages, code).toEqual(stages);
    for (const ex of library.exercises) {
      const also = ex.alsoStages ?? [];
      expect(also.includes(ex.stage), `${ex.code} repeats its stage`).toBe(false);
      expect([...also].sort(), ex.code).toEqual(also);
    }
  });

  it('gives each variant that shared a code its own entry, dose and ratings (audit D26)', () => {
    const byCode = new Map(library.exercises.map((e) => [e.code, e]));
    const lock = (code: string, g: 'post-fusion' | 'scs') => {
      const s = byCode.get(code)!.suitability[g];
      return `${s.rating} ${s.earliestWeek}`;
    };
    // The anti-rotation hold is no longer held back by the rotation variant's locks.
    expect([lock('L3-10', 'post-fusion'), lock('L3-16', 'post-fusion')]).toEqual(['modify 6', 'caution 12']);
    expect(byCode.get('L3-10')!.tags).not.toContain('rotation');
    // The loaded bird dog kneels; the ball plank is a plank.
    expect([byCode.get('L3-15')!.position, byCode.get('L3-17')!.position]).toEqual(['quadruped', 'prone']);
    // The wall slide is an overhead reach (week 12 after fusion); the raise to shoulder height is not.
    expect([lock('C2-08', 'post-fusion'), lock('C2-16', 'post-fusion')]).toEqual(['suits 12', 'suits 6']);
    for (const [a, b] of [
      ['L3-10', 'L3-16'],
      ['L3-15', 'L3-17'],
      ['C2-08', 'C2-16'],
    ])
      expect(byCode.get(a)!.dosage, `${a} / ${b}`).not.toEqual(byCode.get(b)!.dosage);
  });

  it('rates the same activity the same way in both regions (audit D06)', () => {
    const byCode = new Map(library.exercises.map((e) => [e.code, e]));
    for (const [a, b] of SAME_ACTIVITY) {
      expect(byCode.has(a) && byCode.has(b), `${a} / ${b}`).toBe(true);
      for (const [generator, s] of Object.entries(byCode.get(a)!.suitability)) {
        const other = (byCode.get(b)!.suitability as Record<string, typeof s>)[generator];
        expect([other.rating, other.lock, other.earliestWeek], `${a} vs ${b}, ${generator}`).toEqual([s.rating, s.lock, s.earliestWeek]);
      }
    }
  });

  it('gives every progression its reverse regression and every regression its reverse progression (audit D29)', () => {
    const byCode = new Map(library.exercises.map((e) => [e.code, e]));
    const excepted = new Set(ONE_WAY_LINKS.map(([from, kind, to]) => `${from} ${kind} ${to}`));
    const missing: string[] = [];
    for (const ex of library.exercises) {
      for (const to of ex.progressions) {
        if (!byCode.get(to)!.regressions.includes(ex.code) && !excepted.has(`${ex.code} progressions ${to}`))
          missing.push(`${ex.code} -> ${to} has no regression back`);
      }
      for (const to of ex.regressions) {
        if (!byCode.get(to)!.progressions.includes(ex.code) && !excepted.has(`${ex.code} regressions ${to}`))
          missing.push(`${ex.code} <- ${to} has no progression back`);
      }
    }
    expect(missing).toEqual([]);
    const linkedTo = new Set(library.exercises.flatMap((e) => [...e.progressions, ...e.regressions]));
    expect(library.exercises.filter((e) => !linkedTo.has(e.code)).map((e) => e.code)).toEqual([]);
  });

  it('writes patient text in US English, without "tummy" (audit D41, §5.3)', () => {
    const found: string[] = [];
    for (const ex of library.exercises) {
      for (const line of patientLines(ex)) {
        for (const word of UK_WORDS) if (word.test(line)) found.push(`${ex.code}: ${word} in "${line}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('gives metric amounts in patient text and loads only in brackets after US units (audit D42)', () => {
    const metric = /\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*(?:m|cm|km|kg|metres?|meters?)\b/g;
    const bare: string[] = [];
    for (const ex of library.exercises) {
      for (const line of [...patientLines(ex), ex.dosage.load ?? '']) {
        for (const m of line.matchAll(metric)) {
          const before = line.slice(0, m.index);
          if (before.split('(').length <= before.split(')').length) bare.push(`${ex.code}: "${m[0]}" in "${line}"`);
        }
      }
    }
    expect(bare).toEqual([]);
  });

  it('doses the carries by distance and the 8-12 RM work by intensity, never printing "rep max" (audit D34, D35)', () => {
    const byCode = new Map(library.exercises.map((e) => [e.code, e]));
    for (const code of ['L3-13', 'L3-14', 'L4-03', 'C4-04']) {
      expect(byCode.get(code)!.dosage.distanceMeters, code).toBeGreaterThanOrEqual(20);
      expect(byCode.get(code)!.dosage.durationSeconds, code).toBeNull();
    }
    for (const code of [
      'L3-01',
      'L3-02',
      'L3-04',
      'L3-05',
      'L3-06',
      'L3-07',
      'L3-08',
      'L3-09',
      'C3-04',
      'C3-05',
      'C3-11',
      'C3-12',
      'C3-13',
    ]) {
      expect(byCode.get(code)!.dosage.intensity, code).toEqual({ kind: 'rm', value: 8, valueMax: 12, band: null, bandColor: null });
    }
    const printed = library.exercises.filter((e) => /rep max|\bRM\b/i.test([e.dosage.load ?? '', ...patientLines(e)].join(' ')));
    expect(printed.map((e) => e.code)).toEqual([]);
  });

  it('never calls the patient\'s practitioner "clinician" in patient text (audit D45)', () => {
    const found = library.exercises.flatMap((ex) =>
      patientLines(ex)
        .filter((line) => /clinician/i.test(line))
        .map((line) => `${ex.code}: ${line}`),
    );
    expect(found).toEqual([]);
  });

  it('states the pain-response rule, where an exercise states it, in the one standard sentence (audit D44)', () => {
    const variants: string[] = [];
    let standard = 0;
    for (const ex of library.exercises) {
      for (const line of patientLines(ex)) {
        if (!/soreness|out of 10/i.test(line)) continue;
        if (line.includes(PAIN_RESPONSE)) standard += 1;
        else variants.push(`${ex.code}: ${line}`);
      }
    }
    expect(variants).toEqual([]);
    expect(standard).toBeGreaterThan(0);
  });
});
