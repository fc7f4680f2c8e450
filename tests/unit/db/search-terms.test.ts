// db/queries/search-terms.ts: tokenising like FTS5, typo distance and budget, the vocabulary's
// prefix and closest-spelling look-ups, and the FTS5 MATCH text compiled from what a user types.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedTypos, compileQuery, editDistance, tokenize, Vocabulary } from '../../../db/queries/search-terms';

// A real FTS5 table with the app's tokenizer, to check compiled queries are valid and mean what
// they should, and that tokenize() agrees with the index.
const fts = new Database(':memory:');
fts.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
          CREATE VIRTUAL TABLE v USING fts5vocab (t, 'row');`);
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
    expect(q).toEqual({ match: '"bird"* AND "dog"*', corrections: [], impossible: false });
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
    expect(compileQuery('', v)).toEqual({ match: null, corrections: [], impossible: false });
    expect(compileQuery(' "*" () - ', v)).toEqual({ match: null, corrections: [], impossible: false });
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
    expect(compileQuery('zzzzzz', v)).toEqual({ match: null, corrections: [], impossible: true });
    expect(compileQuery('bird qq', v)).toMatchObject({ match: null, impossible: true });
    // Corrections found before the hopeless word are still reported.
    expect(compileQuery('mutlifidus xqxqxq', v)).toEqual({
      match: null,
      corrections: [{ typed: 'mutlifidus', usedInstead: ['multifidus'] }],
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
