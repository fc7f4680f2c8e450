// db/queries/search-lexicon.ts and the data it loads (resources/search): the files are well formed,
// the words clinicians type are known and never corrected, synonyms expand both ways, and the files
// are found from sources, from a bundle in out/<host>/, and from a folder the host passes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildLexicon,
  checkLexiconData,
  closedVocabularyWords,
  defaultResourcesDirs,
  loadSearchLexicon,
  SearchLexiconError,
} from '../../../db/queries/search-lexicon';
import { compileQuery, tokenize, Vocabulary } from '../../../db/queries/search-terms';
import * as vocabularies from '../../../common/domain/vocabulary';
import { EQUIPMENT, POSITIONS, REGIONS } from '../../../common/domain/vocabulary';
import { en } from '../../../common/copy/en';

const root = path.resolve(__dirname, '..', '..', '..');
const resources = path.join(root, 'resources');
const readJson = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(resources, 'search', name), 'utf8'));
const clinical = readJson('clinical-terms.json') as { about: string; terms: string[] };
const synonyms = readJson('synonyms.json') as { about: string; groups: string[][] };
const lexicon = loadSearchLexicon(resources);

const fts = new Database(':memory:');
fts.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`);
const temps: string[] = [];
afterAll(() => {
  fts.close();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function matches(match: string, rows: string[]): string[] {
  fts.exec('DELETE FROM t');
  const insert = fts.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
  rows.forEach((r, i) => insert.run(i + 1, r));
  const ids = fts.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(match) as number[];
  return ids.map((id) => rows[id - 1]);
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-lexicon-'));
  temps.push(dir);
  return dir;
}

function writeSearchFiles(dir: string, clinicalJson: string, synonymsJson: string): void {
  fs.mkdirSync(path.join(dir, 'search'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'search', 'clinical-terms.json'), clinicalJson);
  fs.writeFileSync(path.join(dir, 'search', 'synonyms.json'), synonymsJson);
}

describe('resources/search/clinical-terms.json', () => {
  it('holds a few hundred distinct words, each surviving tokenize unchanged', () => {
    expect(clinical.about).toMatch(/never corrects/);
    expect(clinical.terms.length).toBeGreaterThanOrEqual(300);
    expect(new Set(clinical.terms).size).toBe(clinical.terms.length);
    for (const term of clinical.terms) expect(tokenize(term), term).toEqual([term]);
  });

  it('has the abbreviations and words the brief and audit D17 name', () => {
    const required =
      'adim snag dnf ccf ccft rdl ulnt reil eil slr ppt tra multifidus neural tensioner slider mckenzie pallof neurodynamic ' +
      'stenosis radiculopathy spondylolisthesis laminectomy discectomy acdf fusion stimulator hollowing';
    for (const term of required.split(' ')) expect(clinical.terms, term).toContain(term);
  });
});

describe('resources/search/synonyms.json', () => {
  it('has groups of two or more lower-case, normalised, non-empty terms', () => {
    expect(synonyms.about).toMatch(/one group only/);
    expect(synonyms.groups.length).toBeGreaterThan(100);
    for (const group of synonyms.groups) {
      expect(group.length, group.join('|')).toBeGreaterThanOrEqual(2);
      for (const term of group) {
        expect(term, group.join('|')).not.toBe('');
        expect(term).toBe(term.toLowerCase());
        expect(tokenize(term).join(' '), term).toBe(term);
      }
    }
  });

  it('puts no term in two groups', () => {
    const seen = new Map<string, number>();
    synonyms.groups.forEach((group, g) => {
      for (const term of group) {
        expect(seen.get(term), `${term} in groups ${seen.get(term)} and ${g}`).toBeUndefined();
        seen.set(term, g);
      }
    });
  });

  const together = (a: string, b: string): boolean => synonyms.groups.some((g) => g.includes(a) && g.includes(b));

  it('has the US/UK replacements of audit 5.3 and common clinical ones', () => {
    const pairs = [
      ['program', 'programme'],
      ['practice', 'practise'],
      ['meters', 'metres'],
      ['centimeters', 'centimetres'],
      ['tummy', 'belly'],
      ['trousers', 'pants'],
      ['kerbs', 'curbs'],
      ['trolley', 'cart'],
      ['pram', 'stroller'],
      ['cupboards', 'cabinets'],
      ['cross trainer', 'elliptical'],
      ['pins and needles', 'tingling'],
      ['stabilization', 'stabilisation'],
      ['maneuver', 'manoeuvre'],
      ['center', 'centre'],
      ['mobilization', 'mobilisation'],
      ['centralization', 'centralisation'],
      ['disc', 'disk'],
    ];
    for (const [a, b] of pairs) expect(together(a, b), `${a} ~ ${b}`).toBe(true);
  });

  it('has the abbreviations and their expansions', () => {
    const pairs = [
      ['adim', 'drawing in'],
      ['adim', 'hollowing'],
      ['dnf', 'deep neck flexor'],
      ['ccf', 'craniocervical flexion'],
      ['ccft', 'craniocervical flexion test'],
      ['rdl', 'romanian deadlift'],
      ['sls', 'single leg stance'],
      ['slr', 'straight leg raise'],
      ['reil', 'repeated extension in lying'],
      ['snag', 'sustained natural apophyseal glide'],
      ['acdf', 'anterior cervical discectomy and fusion'],
      ['scs', 'spinal cord stimulator'],
      ['side bridge', 'side plank'],
      ['side lying', 'sidelying'],
    ];
    for (const [a, b] of pairs) expect(together(a, b), `${a} ~ ${b}`).toBe(true);
  });
});

describe('the loaded lexicon', () => {
  // An index holding a near neighbour of each known word, and none of the words themselves.
  const index = new Vocabulary(['lumber', 'supinate', 'neutral', 'adam', 'snap', 'quadrupled', 'bland', 'multifidus', 'bird']);

  it('never corrects "lumbar", "supine", "neural", "ADIM", "SNAG", "quadruped" or "band", absent from the index', () => {
    for (const word of ['lumbar', 'supine', 'neural', 'ADIM', 'SNAG', 'quadruped', 'band']) {
      expect(compileQuery(word, index).corrections, `${word} without the lexicon`).not.toEqual([]);
      const q = compileQuery(word, index, lexicon);
      expect(q.corrections, word).toEqual([]);
      expect(q.impossible, word).toBe(false);
      expect(q.match, word).toContain(`"${word.toLowerCase()}"*`);
    }
  });

  it('still corrects "mutlifidus"', () => {
    const q = compileQuery('mutlifidus', index, lexicon);
    expect(q.corrections).toEqual([{ typed: 'mutlifidus', usedInstead: ['multifidus'] }]);
  });

  it('knows every closed-vocabulary value and English label', () => {
    const words = closedVocabularyWords();
    for (const w of ['lumbar', 'cervical', 'supine', 'side', 'lying', 'quadruped', 'band', 'resistance', 'biofeedback', 'knees'])
      expect(words, w).toContain(w);
    const all = [...REGIONS, ...POSITIONS, ...EQUIPMENT, ...Object.values(en.equipment), ...Object.values(en.stage)];
    for (const value of all) for (const w of tokenize(value)) expect(lexicon.isKnown(w), w).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    // Every closed vocabulary counts, including ones added later.
    for (const values of Object.values(vocabularies).filter((v) => Array.isArray(v)))
      for (const value of values as readonly (string | number)[]) for (const w of tokenize(String(value))) expect(words, w).toContain(w);
  });

  it('knows every clinical term and every word of every synonym', () => {
    for (const term of clinical.terms) expect(lexicon.isKnown(term), term).toBe(true);
    for (const group of synonyms.groups) for (const w of group.flatMap(tokenize)) expect(lexicon.isKnown(w), w).toBe(true);
    expect(lexicon.isKnown('mutlifidus')).toBe(false);
  });

  it('expands US and UK spellings both ways', () => {
    const rows = ['core stabilization', 'core stabilisation', 'core'];
    for (const typed of ['stabilization', 'Stabilisation']) {
      const q = compileQuery(typed, new Vocabulary(), lexicon);
      expect(q.corrections).toEqual([]);
      expect(matches(q.match!, rows), typed).toEqual(rows.slice(0, 2));
    }
    const manoeuvre = compileQuery('drawing-in manoeuvre', new Vocabulary(), lexicon);
    expect(matches(manoeuvre.match!, ['abdominal drawing-in maneuver', 'drawing in manoeuvre', 'drawing maneuver'])).toEqual([
      'abdominal drawing-in maneuver',
      'drawing in manoeuvre',
    ]);
  });

  it('finds the clinical terms of audit D17 through their synonyms', () => {
    const cases: [string, string][] = [
      ['ADIM', 'Abdominal drawing-in maneuver, supine'],
      ['hollowing', 'Abdominal drawing-in maneuver'],
      ['DNF', 'Deep neck flexor endurance'],
      ['CCF', 'Craniocervical flexion training'],
      ['RDL', 'Romanian deadlift with dumbbells'],
      ['REIL', 'Repeated extension in lying'],
      ['single leg stance', 'SLS on foam'],
      ['craniocervical flexion', 'CCF in sitting'],
    ];
    for (const [typed, row] of cases) {
      const q = compileQuery(typed, new Vocabulary(), lexicon);
      expect(matches(q.match!, [row, 'Bird dog']), typed).toEqual([row]);
    }
  });

  it('compiles every synonym term to valid FTS5 that searches its whole group', () => {
    for (const group of synonyms.groups) {
      for (const term of group) {
        const q = compileQuery(term, new Vocabulary(), lexicon);
        expect(q.expansions, term).toEqual([{ typed: term, alsoSearched: group.filter((t) => t !== term) }]);
        expect(matches(q.match!, group), term).toEqual(group);
      }
    }
  });
});

describe('checkLexiconData', () => {
  const good = { terms: ['adim'] };
  const goodGroups = { groups: [['a', 'b']] };

  it('returns the checked terms and groups', () => {
    expect(checkLexiconData({ about: '', terms: ['adim', 'snag'] }, { groups: [['dnf', 'deep neck flexor']] })).toEqual({
      clinicalTerms: ['adim', 'snag'],
      synonymGroups: [['dnf', 'deep neck flexor']],
    });
  });

  const problems = (c: unknown, s: unknown): string[] => {
    try {
      checkLexiconData(c, s);
    } catch (err) {
      expect(err).toBeInstanceOf(SearchLexiconError);
      expect((err as Error).message).toMatch(/^The search lexicon has \d+ problem\(s\):\n- /);
      return (err as SearchLexiconError).problems;
    }
    throw new Error('accepted');
  };

  it('refuses files without their arrays', () => {
    expect(problems(undefined, undefined)).toEqual([
      'clinical-terms.json: "terms" must be an array of strings',
      'synonyms.json: "groups" must be an array of arrays of strings',
    ]);
    expect(problems(null, null)).toHaveLength(2);
    expect(problems({ terms: 'adim' }, goodGroups)).toHaveLength(1);
    expect(problems({ terms: ['adim', 3] }, goodGroups)).toEqual(['clinical-terms.json: "terms" must be an array of strings']);
    expect(problems(good, { groups: {} })).toEqual(['synonyms.json: "groups" must be an array of arrays of strings']);
  });

  it('refuses clinical terms that are not one normalised word, listing them all', () => {
    expect(problems({ terms: ['ok', 'ADIM', 'side-lying', 'décubitus', '', ' snag', 'two words'] }, goodGroups)).toEqual([
      'clinical-terms.json: terms[1] "ADIM" is not one normalised word',
      'clinical-terms.json: terms[2] "side-lying" is not one normalised word',
      'clinical-terms.json: terms[3] "décubitus" is not one normalised word',
      'clinical-terms.json: terms[4] "" is not one normalised word',
      'clinical-terms.json: terms[5] " snag" is not one normalised word',
      'clinical-terms.json: terms[6] "two words" is not one normalised word',
    ]);
  });

  it('refuses small or malformed groups, terms not normalised, and a term in two groups', () => {
    expect(
      problems(good, {
        groups: [['a'], 'ab', [], ['a', 2], ['b', 'c'], ['Side', 'side-lying', 'side  lying', ''], ['c', 'd', 'd'], ['ok', 'fine']],
      }),
    ).toEqual([
      'synonyms.json: groups[0] must hold at least two strings',
      'synonyms.json: groups[1] must hold at least two strings',
      'synonyms.json: groups[2] must hold at least two strings',
      'synonyms.json: groups[3] must hold at least two strings',
      'synonyms.json: groups[5] "Side" is not normalised',
      'synonyms.json: groups[5] "side-lying" is not normalised',
      'synonyms.json: groups[5] "side  lying" is not normalised',
      'synonyms.json: groups[5] "" is not normalised',
      'synonyms.json: groups[6] "c" is already in groups[4]',
      'synonyms.json: groups[6] "d" is already in groups[6]',
    ]);
  });
});

describe('buildLexicon', () => {
  it('knows the clinical terms and closed vocabularies, and groups the synonyms', () => {
    const lex = buildLexicon({ clinicalTerms: ['snag'], synonymGroups: [['dnf', 'deep neck flexor']] });
    expect(lex.isKnown('snag')).toBe(true);
    expect(lex.isKnown('quadruped')).toBe(true);
    expect(lex.isKnown('adim')).toBe(false);
    expect(lex.synonymsOf('dnf')).toEqual(['dnf', 'deep neck flexor']);
  });
});

describe('loadSearchLexicon', () => {
  it('reads the files once per folder', () => {
    expect(loadSearchLexicon(resources)).toBe(lexicon);
    expect(loadSearchLexicon(path.join(resources, '.'))).toBe(lexicon);
    expect(loadSearchLexicon()).toBe(lexicon);
  });

  it('finds resources/ beside the sources by default, then Electron resources', () => {
    const saved = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    try {
      delete (process as { resourcesPath?: string }).resourcesPath;
      expect(defaultResourcesDirs()).toEqual([resources]);
      (process as { resourcesPath?: string }).resourcesPath = '';
      expect(defaultResourcesDirs()).toEqual([resources]);
      (process as { resourcesPath?: string }).resourcesPath = '/opt/Loadwise/resources';
      expect(defaultResourcesDirs()).toEqual([resources, '/opt/Loadwise/resources']);
    } finally {
      delete (process as { resourcesPath?: string }).resourcesPath;
      if (saved) Object.defineProperty(process, 'resourcesPath', saved);
    }
  });

  it('reads a folder the host passes, such as the packaged app resources', () => {
    const dir = tempDir();
    writeSearchFiles(dir, '{"terms": ["zzsnag"]}', '{"groups": [["zzab", "zz a b"]]}');
    const lex = loadSearchLexicon(dir);
    expect(lex).not.toBe(lexicon);
    expect(lex.isKnown('zzsnag')).toBe(true);
    expect(lex.isKnown('adim')).toBe(false);
    expect(lex.synonymsOf('zzab')).toEqual(['zzab', 'zz a b']);
    expect(loadSearchLexicon(dir)).toBe(lex);
  });

  it('reports missing or unreadable files with the folder, and does not fall back', () => {
    const missing = tempDir();
    expect(() => loadSearchLexicon(missing)).toThrow(SearchLexiconError);
    expect(() => loadSearchLexicon(missing)).toThrow(/clinical-terms\.json: .*ENOENT.*\(in .*search\)\n- synonyms\.json: .*ENOENT/);
    const broken = tempDir();
    writeSearchFiles(broken, '{"terms": [', '{"groups": []}');
    expect(() => loadSearchLexicon(broken)).toThrow(/has 1 problem\(s\):\n- clinical-terms\.json: .*JSON/);
    const wrong = tempDir();
    writeSearchFiles(wrong, '{"terms": ["ADIM"]}', '{"groups": []}');
    expect(() => loadSearchLexicon(wrong)).toThrow(/terms\[0\] "ADIM"/);
  });

  it('finds resources/ from a bundle in out/<host>/, two folders up as from the sources', async () => {
    const dir = tempDir();
    fs.cpSync(path.join(resources, 'search'), path.join(dir, 'resources', 'search'), { recursive: true });
    const outfile = path.join(dir, 'out', 'main', 'lexicon.cjs');
    await build({
      entryPoints: [path.join(root, 'db', 'queries', 'search-lexicon.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'silent',
    });
    const bundled = createRequire(outfile)(outfile) as typeof import('../../../db/queries/search-lexicon');
    expect(bundled.defaultResourcesDirs()[0]).toBe(path.join(dir, 'resources'));
    const lex = bundled.loadSearchLexicon();
    expect(lex.isKnown('adim')).toBe(true);
    expect(lex.synonymsOf('dnf')).toContain('deep neck flexor');
  });
});
