// db/queries/search-terms.ts: tokenising like FTS5, typo distance and budget, the vocabulary's
// prefix and closest-spelling look-ups, the lexicon (known words never corrected, synonym groups),
// and the FTS5 MATCH text compiled from what a user types, with its exact-phrase clause.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allowedTypos,
  compileQuery,
  editDistance,
  inColumns,
  Lexicon,
  MAX_WORDS,
  MIN_PREFIX_SYNONYM,
  tokenize,
  Vocabulary,
} from '../../../db/queries/search-terms';

// A real FTS5 table with the app's tokenizer, to check compiled queries are valid and mean what
// they should, and that tokenize() agrees with the index.
const fts = new Database(':memory:');
fts.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
          CREATE VIRTUAL TABLE v USING fts5vocab (t, 'row');
          CREATE VIRTUAL TABLE named USING fts5 (name, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');`);
afterAll(() => fts.close());

function indexTerms(text: string): string[] {
  fts.exec('DELETE FROM t');
  fts.prepare('INSERT INTO t (body) VALUES (?)').run(text);
  return fts.prepare('SELECT term FROM v ORDER BY term').pluck().all() as string[];
}

function matches(match: string, rows: string[]): string[] {
  fts.exec('DELETE FROM t');
  const insert = fts.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
  rows.forEach((r, i) => insert.run(i + 1, r));
  const ids = fts.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(match) as number[];
  return ids.map((id) => rows[id - 1]);
}

const vocab = (...terms: string[]): Vocabulary => new Vocabulary(terms);

describe('tokenize', () => {
  it('lower-cases and splits on spaces and punctuation', () => {
    expect(tokenize('Bird DOG')).toEqual(['bird', 'dog']);
    expect(tokenize('side-lying, 90/90 hip-switch!')).toEqual(['side', 'lying', '90', '90', 'hip', 'switch']);
    expect(tokenize('McGill\'s "curl-up" (modified)')).toEqual(['mcgill', 's', 'curl', 'up', 'modified']);
  });

  it('removes accents', () => {
    expect(tokenize('Décubitus')).toEqual(['decubitus']);
    expect(tokenize('CAFÉ crème, Ñandú')).toEqual(['cafe', 'creme', 'nandu']);
    // Decomposed input (e + combining acute) folds the same way.
    expect(tokenize('De\u0301cubitus')).toEqual(['decubitus']);
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  --- !!! "" ')).toEqual([]);
  });

  it('agrees with the FTS5 index for ordinary clinical text', () => {
    const text = 'Décubitus latéral: Bird-dog, McGill curl-up; 3×10 reps at 90° — Ñandú';
    expect([...new Set(tokenize(text))].sort()).toEqual(indexTerms(text));
  });
});

describe('editDistance', () => {
  it('is 0 for equal words and counts edits', () => {
    expect(editDistance('multifidus', 'multifidus', 2)).toBe(0);
    expect(editDistance('bird', 'bird', 0)).toBe(0);
    expect(editDistance('bird', 'bard', 2)).toBe(1); // substitution
    expect(editDistance('bird', 'birds', 2)).toBe(1); // insertion
    expect(editDistance('birds', 'bird', 2)).toBe(1); // deletion
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('', 'abc', 3)).toBe(3);
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('mutlifidus', 'multifidus', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('abcd', 'badc', 2)).toBe(2);
  });

  it('stops early with max + 1 once the distance exceeds max', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('bird', 'birdwatching', 2)).toBe(3); // lengths alone rule it out
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('bird', 'bard', 0)).toBe(1);
    // Never reports less than the truth when cut short.
    expect(editDistance('abc', 'xyz', 1)).toBeGreaterThan(1);
  });
});

describe('allowedTypos', () => {
  it('allows none under 4 letters, one from 4 to 7, two from 8', () => {
    expect(allowedTypos('')).toBe(0);
    expect(allowedTypos('dog')).toBe(0);
    expect(allowedTypos('bird')).toBe(1);
    expect(allowedTypos('plankss')).toBe(1);
    expect(allowedTypos('stretchy')).toBe(2);
    expect(allowedTypos('multifidus')).toBe(2);
  });
});

describe('Vocabulary', () => {
  it('answers prefix look-ups over its sorted terms', () => {
    const v = vocab('multifidus', 'bird', 'bridge', 'dog');
    expect(v.size).toBe(4);
    expect(v.hasPrefix('mult')).toBe(true);
    expect(v.hasPrefix('multifidus')).toBe(true);
    expect(v.hasPrefix('b')).toBe(true);
    expect(v.hasPrefix('bri')).toBe(true);
    expect(v.hasPrefix('multifiduss')).toBe(false);
    expect(v.hasPrefix('a')).toBe(false);
    expect(v.hasPrefix('z')).toBe(false);
    expect(v.hasPrefix('c')).toBe(false);
    expect(new Vocabulary().hasPrefix('a')).toBe(false);
  });

  it('learns added terms, once each', () => {
    const v = vocab('bird');
    expect(v.hasPrefix('plank')).toBe(false);
    v.add(['plank', 'plank', 'bird']);
    expect(v.size).toBe(2);
    expect(v.hasPrefix('pla')).toBe(true);
  });

  it('finds the closest spelling of a misspelled word', () => {
    const v = vocab('multifidus', 'bird', 'dog', 'transversus', 'abdominis');
    expect(v.closest('mutlifidus')).toEqual(['multifidus']);
    expect(v.closest('multifidis')).toEqual(['multifidus']);
    expect(v.closest('transvresus')).toEqual(['transversus']);
    expect(v.closest('xylophone')).toEqual([]);
  });

  it('corrects a half-typed misspelling towards the word it starts', () => {
    const v = vocab('multifidus', 'mutual', 'bird');
    expect(v.closest('mutlif')).toContain('multifidus');
    expect(v.closest('mutlif')).not.toContain('mutual');
  });

  it('offers no corrections for short words', () => {
    const v = vocab('bird', 'dog', 'hip', 'leg');
    expect(v.closest('brd')).toEqual([]);
    expect(v.closest('dgo')).toEqual([]);
    expect(v.closest('hpi')).toEqual([]);
  });

  it('orders corrections by distance, then length, and returns at most six', () => {
    const v = vocab('plank', 'plant', 'planks', 'blank', 'clank', 'flank', 'plane', 'plans', 'plonk', 'prank');
    const got = v.closest('plakn'); // one transposition from plank
    expect(got[0]).toBe('plank');
    expect(got.length).toBeLessThanOrEqual(6);
    const v2 = vocab('bridge', 'bridges');
    expect(v2.closest('brigde')).toEqual(['bridge', 'bridges']);
  });
});

describe('compileQuery', () => {
  const v = vocab('bird', 'dog', 'or', 'not', 'near', 'multifidus', 'bridge');

  it('matches every word as a quoted prefix, joined with AND', () => {
    const q = compileQuery('Bird dog', v);
    expect(q).toEqual({ match: '"bird"* AND "dog"*', corrections: [], expansions: [], phrase: '"bird dog"*', impossible: false });
    expect(matches(q.match!, ['bird dog', 'bird only', 'dog only', 'birdie doggo'])).toEqual(['bird dog', 'birdie doggo']);
  });

  it('turns FTS5 operators and syntax characters into plain words', () => {
    const q = compileQuery('bird OR NOT dog* NEAR(', v);
    expect(q.match).toBe('"bird"* AND "or"* AND "not"* AND "dog"* AND "near"*');
    expect(() => matches(q.match!, ['bird or not dog near'])).not.toThrow();
    expect(matches(q.match!, ['bird or not dog near', 'bird dog'])).toEqual(['bird or not dog near']);
  });

  it('repeats a word once and gives no expression for text without words', () => {
    expect(compileQuery('bird BIRD Bird', v).match).toBe('"bird"*');
    expect(compileQuery('', v)).toEqual({ match: null, corrections: [], expansions: [], phrase: null, impossible: false });
    expect(compileQuery(' "*" () - ', v)).toEqual({ match: null, corrections: [], expansions: [], phrase: null, impossible: false });
  });

  it('quotes and escapes a term containing a double quote', () => {
    const odd = vocab('mul"tifidus');
    const q = compileQuery('multifidus', odd);
    expect(q.match).toBe('("mul""tifidus"*)');
    expect(q.corrections).toEqual([{ typed: 'multifidus', usedInstead: ['mul"tifidus'] }]);
    // Valid FTS5: it parses and runs (the quote is a separator in the index, so it finds nothing).
    expect(() => matches(q.match!, ['mul tifidus', 'multifidus'])).not.toThrow();
  });

  it('reads a misspelled word as its closest spellings and reports the correction', () => {
    const q = compileQuery('mutlifidus bird', v);
    expect(q.impossible).toBe(false);
    expect(q.match).toBe('("multifidus"*) AND "bird"*');
    expect(q.corrections).toEqual([{ typed: 'mutlifidus', usedInstead: ['multifidus'] }]);
    expect(matches(q.match!, ['bird multifidus', 'bird', 'multifidus'])).toEqual(['bird multifidus']);
  });

  it('joins several candidate spellings with OR', () => {
    const q = compileQuery('brige', vocab('bridge', 'bride'));
    expect(q.corrections[0].typed).toBe('brige');
    expect(q.corrections[0].usedInstead.sort()).toEqual(['bride', 'bridge']);
    expect(q.match).toMatch(/^\("bri(dg|d)e"\* OR "bri(dg|d)e"\*\)$/);
  });

  it('is impossible when a word matches nothing even with typos allowed', () => {
    expect(compileQuery('zzzzzz', v)).toEqual({ match: null, corrections: [], expansions: [], phrase: null, impossible: true });
    expect(compileQuery('bird qq', v)).toMatchObject({ match: null, impossible: true });
    // Corrections found before the hopeless word are still reported.
    expect(compileQuery('mutlifidus xqxqxq', v)).toEqual({
      match: null,
      corrections: [{ typed: 'mutlifidus', usedInstead: ['multifidus'] }],
      expansions: [],
      phrase: null,
      impossible: true,
    });
  });

  it('uses at most 12 distinct words', () => {
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const q = compileQuery(many.join(' '), new Vocabulary(many));
    expect(q.match!.split(' AND ')).toHaveLength(12);
  });
});

// Cases found by mutation testing (npm run test:mutation): each pins a rule the tests above left open.
describe('editDistance, one-sided neighbours', () => {
  it('counts a swap only when both letters cross, not when one matches its neighbour', () => {
    expect(editDistance('bird', 'xbrd', 2)).toBe(2); // b matches the next letter, i does not match x
    expect(editDistance('ab', 'ca', 2)).toBe(2);
    expect(editDistance('bird', 'ibrd', 2)).toBe(1); // a real swap
  });
});

describe('Vocabulary, edges', () => {
  it('starts empty: no terms, and not even the empty prefix', () => {
    const v = new Vocabulary();
    expect(v.size).toBe(0);
    expect(v.hasPrefix('')).toBe(false);
    expect(v.closest('stryker')).toEqual([]);
    expect(vocab('bird').hasPrefix('')).toBe(true);
  });

  it('offers no corrections for short words, even for an exact or prefix match', () => {
    const v = vocab('bird', 'dog', 'hip');
    expect(v.closest('dog')).toEqual([]);
    expect(v.closest('bir')).toEqual([]);
    expect(v.closest('hi')).toEqual([]);
  });

  it('corrects a word typed longer than its term by up to the typo budget', () => {
    expect(vocab('bird').closest('birds')).toEqual(['bird']); // plural typed, singular indexed
    expect(vocab('bridge').closest('bridgess')).toEqual(['bridge']); // two extra letters for an 8-letter word
    expect(vocab('bird').closest('birdss')).toEqual([]); // two extra letters for a 6-letter word: over budget
  });

  it('reads a half-typed misspelling at most 12 letters (plus the typo budget) short of its term', () => {
    const v = vocab('sternocleidomastoid'); // 19 letters
    expect(v.closest('stenro')).toEqual(['sternocleidomastoid']); // 6 typed + 12 + 1 typo = 19: at the limit
    expect(v.closest('stenr')).toEqual([]); // 5 typed: beyond it
  });

  it('never offers a number as a correction, but does offer words with digits', () => {
    const v = vocab('90', '1000', '10kg', 'l5s1');
    expect(v.closest('1001')).toEqual([]);
    expect(v.closest('9000')).toEqual([]);
    expect(v.closest('10gk')).toEqual(['10kg']); // starts with digits
    expect(v.closest('l5s2')).toEqual(['l5s1']); // ends with digits
  });

  it('orders corrections by distance, then length, then alphabet, and keeps the first six', () => {
    const v = vocab('abridge', 'bride', 'bridge', 'bridged', 'bridges', 'bridle', 'brig', 'brim', 'fridge', 'grid', 'ridge');
    // 0 typos: bridge (6), bridged and bridges (7, alphabetical); 1 typo: brig (4), bride (5),
    // bridle and fridge (6, alphabetical); fridge is the seventh and is left out.
    expect(v.closest('bridg')).toEqual(['bridge', 'bridged', 'bridges', 'brig', 'bride', 'bridle']);
    // The same terms learnt in another order give the same answer.
    const shuffled = vocab('ridge', 'fridge', 'bridges', 'brig', 'bridle', 'bride', 'grid', 'bridged', 'abridge', 'brim', 'bridge');
    expect(shuffled.closest('bridg')).toEqual(['bridge', 'bridged', 'bridges', 'brig', 'bride', 'bridle']);
    expect(vocab('fridge', 'bridle').closest('bridg')).toEqual(['bridle', 'fridge']);
    expect(vocab('bridge', 'fridge').closest('fridg')).toEqual(['fridge', 'bridge']); // distance before alphabet
  });

  it('sorts again after learning terms between look-ups', () => {
    const v = vocab('plank');
    expect(v.hasPrefix('bri')).toBe(false);
    v.add(['bridge']);
    expect(v.hasPrefix('bri')).toBe(true);
    expect(v.hasPrefix('pla')).toBe(true);
  });
});

/** Rows of a (name, body) table matching `match`, by name. */
function namedMatches(match: string, rows: [name: string, body: string][]): string[] {
  fts.exec('DELETE FROM named');
  const insert = fts.prepare('INSERT INTO named (rowid, name, body) VALUES (?, ?, ?)');
  rows.forEach(([name, body], i) => insert.run(i + 1, name, body));
  const ids = fts.prepare('SELECT rowid FROM named WHERE named MATCH ? ORDER BY rowid').pluck().all(match) as number[];
  return ids.map((id) => rows[id - 1][0]);
}

describe('Lexicon', () => {
  it('knows its words, the words they start, and every word of its synonyms', () => {
    const lex = new Lexicon(['Lumbar', 'SNAG', 'Décubitus'], [['dnf', 'deep neck flexor']]);
    for (const w of ['lumbar', 'snag', 'decubitus', 'dnf', 'deep', 'neck', 'flexor']) expect(lex.isKnown(w), w).toBe(true);
    // Whole words only: the start of a known word is not protected from correction.
    for (const w of ['lumb', 'flex', 'lumbars', 'snags', 'lumbra', 'deep neck', 'x']) expect(lex.isKnown(w), w).toBe(false);
    expect(new Lexicon().isKnown('lumbar')).toBe(false);
    for (const w of ['stryker', 'was', 'here', 'a']) expect(new Lexicon().isKnown(w), w).toBe(false);
  });

  it('normalises entries as tokenize does, and keeps groups of two or more distinct entries', () => {
    const lex = new Lexicon(
      [],
      [
        ['Side-lying', 'SIDELYING', 'side lying'],
        ['solo', 'Solo', 'SOLO'],
        ['', 'alone'],
        ['--', '!!', 'lonely'],
        ['a"b', 'quote'],
      ],
    );
    expect(lex.synonymsOf('side lying')).toEqual(['side lying', 'sidelying']);
    expect(lex.synonymsOf('sidelying')).toBe(lex.synonymsOf('side lying'));
    expect(lex.synonymsOf('Side-lying')).toBeUndefined();
    expect(lex.synonymsOf('solo')).toBeUndefined();
    expect(lex.synonymsOf('alone')).toBeUndefined();
    expect(lex.synonymsOf('lonely')).toBeUndefined();
    expect(lex.synonymsOf('a b')).toEqual(['a b', 'quote']);
    // Words of dropped groups are not known either.
    expect(lex.isKnown('solo')).toBe(false);
    expect(lex.isKnown('lonely')).toBe(false);
  });

  it('finds the longest synonym entry starting at a word', () => {
    const lex = new Lexicon(
      [],
      [
        ['eil', 'extension in lying'],
        ['reil', 'repeated extension in lying'],
        ['dnf', 'deep neck flexor'],
      ],
    );
    const words = tokenize('repeated extension in lying then extension in lying dnf deep neck');
    expect(lex.entryAt(words, 0)).toBe(4);
    expect(lex.entryAt(words, 1)).toBe(3);
    expect(lex.entryAt(words, 2)).toBe(0);
    expect(lex.entryAt(words, 4)).toBe(0);
    expect(lex.entryAt(words, 5)).toBe(3);
    expect(lex.entryAt(words, 8)).toBe(1);
    // A phrase cut short by the end of the text is no entry.
    expect(lex.entryAt(words, 9)).toBe(0);
    expect(lex.entryAt(words, 11)).toBe(0);
    expect(lex.entryAt(['dnf'], 0)).toBe(1);
    // Only the words left from `start` are tried: a one-word entry at the end is one word long.
    expect(lex.entryAt(['then', 'dnf'], 1)).toBe(1);
    expect(lex.entryAt(['then', 'then', 'dnf'], 2)).toBe(1);
    expect(new Lexicon().entryAt(['dnf'], 0)).toBe(0);
  });
});

describe('compileQuery with a lexicon: known words are never corrected', () => {
  // Each known word has an indexed neighbour one typo away, so it would be corrected without the lexicon.
  const index = vocab('lumber', 'supinate', 'neutral', 'adam', 'snap', 'multifidus', 'bird');
  // Built in each test, not while tests are collected: a mutant that throws there must fail a test.
  const lex = (): Lexicon => new Lexicon(['lumbar', 'supine', 'neural', 'adim', 'snag', 'multifidus']);

  it('corrects them without a lexicon (the neighbours are close enough)', () => {
    for (const w of ['lumbar', 'supine', 'neural', 'adim', 'snag']) expect(compileQuery(w, index).corrections, w).toHaveLength(1);
  });

  it('searches "lumbar", "supine", "neural", "ADIM" and "SNAG" as typed, though the index lacks them', () => {
    for (const w of ['lumbar', 'Supine', 'NEURAL', 'ADIM', 'SNAG']) {
      const q = compileQuery(w, index, lex());
      expect(q, w).toEqual({ match: `"${w.toLowerCase()}"*`, corrections: [], expansions: [], phrase: null, impossible: false });
    }
    const q = compileQuery('supine lumbar bird', index, lex());
    expect(q.match).toBe('"supine"* AND "lumbar"* AND "bird"*');
    expect(q.corrections).toEqual([]);
  });

  it('leaves a half-typed word alone when it starts an indexed word, and corrects one that matches nothing', () => {
    expect(compileQuery('lumbe', index, lex())).toMatchObject({ match: '"lumbe"*', corrections: [] });
    // "brid" starts the clinical word "bridge", which no exercise here holds: it is a typo for "bird".
    const withBridge = new Lexicon(['bridge']);
    expect(compileQuery('brid', index, withBridge).corrections).toEqual([{ typed: 'brid', usedInstead: ['bird'] }]);
  });

  it('still corrects a misspelling: "mutlifidus"', () => {
    const q = compileQuery('mutlifidus lumbar', index, lex());
    expect(q.corrections).toEqual([{ typed: 'mutlifidus', usedInstead: ['multifidus'] }]);
    expect(q.match).toBe('("multifidus"*) AND "lumbar"*');
  });

  it('is still impossible when an unknown word matches nothing', () => {
    expect(compileQuery('lumbar qxqxqx', index, lex())).toMatchObject({ match: null, impossible: true });
  });
});

describe('compileQuery with a lexicon: synonyms', () => {
  // Built in each test, not while tests are collected: a mutant that throws there must fail a test.
  const lex = (): Lexicon =>
    new Lexicon(
      [],
      [
        ['stabilization', 'stabilisation'],
        ['program', 'programme'],
        ['dnf', 'deep neck flexor'],
        ['eil', 'extension in lying'],
        ['reil', 'repeated extension in lying'],
        ['quadriceps', 'quads', 'quad'],
        ['sit up', 'situp'],
        ['trap bar', 'hex bar'],
      ],
    );
  // Only the words typed beside the synonyms are indexed: the synonyms need no index to be searched.
  const empty = vocab('walking', 'hold');

  it('expands a US or UK spelling to both, each way', () => {
    const uk = compileQuery('Stabilisation', empty, lex());
    expect(uk).toEqual({
      match: '("stabilisation"* OR "stabilization"*)',
      corrections: [],
      expansions: [{ typed: 'stabilisation', alsoSearched: ['stabilization'] }],
      phrase: null,
      impossible: false,
    });
    const us = compileQuery('stabilization', empty, lex());
    expect(us.match).toBe('("stabilization"* OR "stabilisation"*)');
    expect(us.expansions).toEqual([{ typed: 'stabilization', alsoSearched: ['stabilisation'] }]);
    const rows = ['lumbar stabilization', 'lumbar stabilisation', 'stable'];
    expect(matches(uk.match!, rows)).toEqual(rows.slice(0, 2));
    expect(matches(us.match!, rows)).toEqual(rows.slice(0, 2));
    expect(matches(compileQuery('walking programme', empty, lex()).match!, ['walking program', 'walking programs', 'walk'])).toEqual([
      'walking program',
      'walking programs',
    ]);
  });

  it('expands an abbreviation to its phrase, matched as words side by side', () => {
    const q = compileQuery('DNF', empty, lex());
    expect(q.match).toBe('("dnf"* OR "deep neck flexor"*)');
    expect(matches(q.match!, ['dnf hold', 'deep neck flexors', 'deep flexor of the neck', 'neck'])).toEqual([
      'dnf hold',
      'deep neck flexors',
    ]);
  });

  it('reads a typed phrase as one unit, its words anywhere, or any of its synonyms', () => {
    const q = compileQuery('deep neck flexor hold', empty, lex());
    expect(q.match).toBe('(("deep"* AND "neck"* AND "flexor"*) OR "dnf") AND "hold"*');
    expect(q.expansions).toEqual([{ typed: 'deep neck flexor', alsoSearched: ['dnf'] }]);
    expect(matches(q.match!, ['dnf hold', 'flexor of the deep neck hold', 'deep neck flexor', 'hold'])).toEqual([
      'dnf hold',
      'flexor of the deep neck hold',
    ]);
  });

  it('prefers the longest phrase', () => {
    expect(compileQuery('repeated extension in lying', empty, lex()).expansions).toEqual([
      { typed: 'repeated extension in lying', alsoSearched: ['reil'] },
    ]);
    expect(compileQuery('extension in lying', empty, lex()).expansions).toEqual([{ typed: 'extension in lying', alsoSearched: ['eil'] }]);
  });

  it(`matches a synonym under ${MIN_PREFIX_SYNONYM} letters whole, so "quad" does not find quadruped`, () => {
    const q = compileQuery('quadriceps', empty, lex());
    expect(q.match).toBe('("quadriceps"* OR "quads"* OR "quad")');
    expect(matches(q.match!, ['quad sets', 'quads', 'quadruped rock', 'quadriceps'])).toEqual(['quad sets', 'quads', 'quadriceps']);
    // The same for a phrase's last word: "sit up" must not find "sit upright".
    const p = compileQuery('situp', empty, lex());
    expect(p.match).toBe('("situp"* OR "sit up")');
    expect(matches(p.match!, ['sit up', 'sit upright', 'situps'])).toEqual(['sit up', 'situps']);
    expect(compileQuery('hex bar', empty, lex()).match).toBe('(("hex"* AND "bar"*) OR "trap bar")');
  });

  it('searches a synonym as typed when it is absent from the index, and never corrects it', () => {
    const near = vocab('stabilizing', 'programs');
    const q = compileQuery('stabilisation', near, lex());
    expect(q.corrections).toEqual([]);
    expect(q.impossible).toBe(false);
  });

  it('counts a phrase once, as one of the words allowed, however often it is typed', () => {
    expect(compileQuery('dnf DNF deep neck flexor', empty, lex()).match).toBe(
      '("dnf"* OR "deep neck flexor"*) AND (("deep"* AND "neck"* AND "flexor"*) OR "dnf")',
    );
    const many = Array.from({ length: MAX_WORDS - 1 }, (_, i) => `w${i}`);
    const q = compileQuery(`deep neck flexor ${many.join(' ')} extra`, new Vocabulary([...many, 'extra']), lex());
    expect(q.match!.split(/ AND (?![^(]*\))/)).toHaveLength(MAX_WORDS);
    expect(q.match).not.toContain('extra');
  });
});

describe('compileQuery: the exact phrase', () => {
  const v = vocab('side', 'bridge', 'bird', 'dog', 'glute', 'multifidus');

  it('is the words in typed order as one phrase, the last a prefix', () => {
    const q = compileQuery('Side bridge', v);
    expect(q.phrase).toBe('"side bridge"*');
    const rows = ['side bridge', 'bridge on your side', 'side bridges', 'glute bridge'];
    expect(matches(q.match!, rows)).toEqual(rows.slice(0, 3));
    expect(matches(q.phrase!, rows)).toEqual(['side bridge', 'side bridges']);
    expect(compileQuery('side bri', v).phrase).toBe('"side bri"*');
  });

  it('keeps repeated words in order and includes a whole synonym phrase', () => {
    expect(compileQuery('bird dog bird', v).phrase).toBe('"bird dog bird"*');
    const lex = new Lexicon([], [['dnf', 'deep neck flexor']]);
    expect(compileQuery('deep neck flexor', new Vocabulary(), lex).phrase).toBe('"deep neck flexor"*');
  });

  it('is null for one distinct word, a corrected word, too many words, or no match', () => {
    expect(compileQuery('bridge', v).phrase).toBeNull();
    expect(compileQuery('bird BIRD', v).phrase).toBeNull();
    expect(compileQuery('mutlifidus bird', v).phrase).toBeNull();
    expect(compileQuery('bird qxqxqx', v).phrase).toBeNull();
    const words = Array.from({ length: MAX_WORDS }, (_, i) => `w${i}`);
    const vw = new Vocabulary(words);
    expect(compileQuery(words.join(' '), vw).phrase).toBe(`"${words.join(' ')}"*`);
    expect(compileQuery(`${words.join(' ')} w0`, vw).phrase).toBeNull(); // 13 words typed, 12 distinct
    expect(compileQuery(`${words.join(' ')} w12`, vw)).toMatchObject({ phrase: null, impossible: false }); // the 13th is not searched
  });

  it('restricts to columns with inColumns, so a phrase in the name can rank first', () => {
    const q = compileQuery('side bridge', v);
    const inName = inColumns(q.phrase!, ['name']);
    expect(inName).toBe('{name} : ("side bridge"*)');
    const rows: [string, string][] = [
      ['Glute bridge', 'lie on your side bridge'],
      ['Side bridge', 'hold'],
      ['Plank', 'side bridge'],
    ];
    expect(namedMatches(inName, rows)).toEqual(['Side bridge']);
    expect(namedMatches(inColumns(q.phrase!, ['name', 'body']), rows)).toEqual(['Glute bridge', 'Side bridge', 'Plank']);
    expect(namedMatches(inColumns(q.match!, ['name']), rows)).toEqual(['Side bridge']);
  });

  it('refuses column names that are not plain identifiers', () => {
    expect(() => inColumns('"a"', [])).toThrow(/bad column/);
    for (const bad of ['', 'name}', 'na me', '1name', 'name"', '-name']) expect(() => inColumns('"a"', [bad]), bad).toThrow(/bad column/);
    expect(() => inColumns('"a"', ['name', 'x y'])).toThrow(/bad column/);
    expect(inColumns('"a"', ['_n1', 'Body'])).toBe('{_n1 Body} : ("a")');
  });
});

describe('compileQuery: FTS5 syntax typed by a user stays literal', () => {
  // Built in each test, not while tests are collected: a mutant that throws there must fail a test.
  const lex = (): Lexicon =>
    new Lexicon(
      ['near', 'name'],
      [
        ['or', 'and'],
        ['dnf', 'deep neck flexor'],
      ],
    );
  const attacks = [
    '"bird',
    'bird" OR "dog',
    'NEAR(bird dog, 1)',
    'bird NEAR/2 dog',
    'bird*',
    '* bird',
    'name:bird',
    'name : bird',
    '{name body}: bird',
    '- bird',
    '^bird',
    'bird + dog',
    'NOT bird',
    'bird AND',
    '(bird',
    'bird) OR (dog',
    "bird' OR 1=1 --",
    'dnf"*',
  ];

  it('compiles every attempt to quoted words only, which FTS5 runs without error', () => {
    const index = vocab('bird', 'dog', 'name', 'body', 'not', 'and', 'or', 'near', '1', '2', 'dnf');
    for (const text of attacks) {
      for (const q of [compileQuery(text, index), compileQuery(text, index, lex())]) {
        expect(q.impossible, text).toBe(false);
        // Outside quoted terms, only our own operators and brackets remain.
        const outside = q.match!.replace(/"(?:[^"]|"")*"/g, '');
        expect(outside, text).toMatch(/^[\s()*]*(?:(?:AND|OR)[\s()*]*)*$/);
        expect(() => matches(q.match!, ['bird dog name body'])).not.toThrow();
        if (q.phrase) expect(() => matches(q.phrase!, ['bird dog'])).not.toThrow();
      }
    }
  });

  it('matches the words literally', () => {
    const index = vocab('bird', 'dog', 'name', 'body', 'near', '1');
    expect(matches(compileQuery('name:bird', index).match!, ['bird', 'name bird'])).toEqual(['name bird']);
    expect(matches(compileQuery('NEAR(bird dog, 1)', index).match!, ['bird dog', 'near bird dog 1'])).toEqual(['near bird dog 1']);
    expect(
      namedMatches(compileQuery('{name body}: bird', index).match!, [
        ['bird', ''],
        ['x', 'name body bird'],
      ]),
    ).toEqual(['x']);
  });
});
