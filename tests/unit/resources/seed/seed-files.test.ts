// The shipped built-in library: valid, complete per region and stage, and internally linked.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedLibrary } from '../../../../services/seed/load-seed';
import { REGIONS, STAGES } from '../../../../common/domain/vocabulary';
import { repoRoot } from '../../../support/repo';

const seedDir = path.join(repoRoot, 'resources/seed');

describe('built-in library seed', () => {
  const library = loadSeedLibrary(seedDir);

  it.each(REGIONS.flatMap((r) => STAGES.map((s) => [r, s] as const)))('has at least 12 %s exercises in stage %i', (region, stage) => {
    const count = library.exercises.filter((e) => e.region === region && e.stage === stage).length;
    expect(count).toBeGreaterThanOrEqual(12);
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
});
