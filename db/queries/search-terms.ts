// Turns what a clinician types into an FTS5 query. Each word is matched as a prefix; a word that
// starts no indexed term is read as its closest spellings instead ("mutlifidus" -> multifidus),
// unless it is a word the app knows (a clinical term, a closed-vocabulary word, a synonym): those
// are searched as typed. A word or phrase with synonyms ("stabilisation", "ADIM", "deep neck
// flexor") is searched as any of them. Every term is quoted, so typed FTS5 syntax stays literal.

/** Mirrors FTS5's unicode61 tokenizer with remove_diacritics 2: lower case, no accents. */
export function tokenize(text: string): string[] {
  return (
    text
      // NFD, not NFKD: the index keeps ligatures and fractions whole, so must the query.
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length > 0)
  );
}

/** Optimal string alignment distance (adjacent swaps count as one), stopping once above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1];
}

/** The typo budget grows with the word: none for short words, where any guess is noise. */
export function allowedTypos(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

const MAX_CORRECTIONS = 6;

/** The indexed vocabulary, kept sorted for prefix look-ups and grown as exercises are written. */
export class Vocabulary {
  private sorted: string[] = [];
  private set = new Set<string>();
  private dirty = false;

  constructor(terms: Iterable<string> = []) {
    this.add(terms);
  }

  get size(): number {
    return this.set.size;
  }

  add(terms: Iterable<string>): void {
    for (const t of terms) {
      if (!this.set.has(t)) {
        this.set.add(t);
        this.dirty = true;
      }
    }
  }

  private terms(): string[] {
    if (this.dirty) {
      this.sorted = [...this.set].sort();
      this.dirty = false;
    }
    return this.sorted;
  }

  has(term: string): boolean {
    return this.set.has(term);
  }

  hasPrefix(prefix: string): boolean {
    const terms = this.terms();
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < terms.length && terms[lo].startsWith(prefix);
  }

  /**
   * Terms within the typo budget of `word`, compared against the whole term and against the
   * term's start of the same length, so a half-typed misspelling still finds its word.
   */
  closest(word: string): string[] {
    const max = allowedTypos(word);
    if (max === 0) return [];
    const scored: { term: string; d: number }[] = [];
    for (const term of this.terms()) {
      // Numbers are never misspelt words; skipping them keeps corrections fast in big libraries.
      if (term.length + max < word.length || term.length - max > word.length + 12 || /^\d+$/.test(term)) continue;
      const whole = editDistance(word, term, max);
      const start = term.length > word.length ? editDistance(word, term.slice(0, word.length), max) : whole;
      const d = Math.min(whole, start);
      if (d <= max) scored.push({ term, d });
    }
    scored.sort((a, b) => a.d - b.d || a.term.length - b.term.length || (a.term < b.term ? -1 : 1));
    return scored.slice(0, MAX_CORRECTIONS).map((s) => s.term);
  }
}

/**
 * Words the app knows, so never corrects, and groups of terms meaning the same thing (US/UK
 * spellings, abbreviations and their expansions). Built from resources/search by
 * search-lexicon.ts; entries are normalised here as tokenize() does, a phrase as its words joined
 * by one space.
 */
export class Lexicon {
  private readonly known = new Vocabulary();
  private readonly groups = new Map<string, readonly string[]>();
  /** Most words in one synonym entry: how far ahead compileQuery looks for a phrase. */
  private readonly longest: number = 0;

  constructor(knownWords: Iterable<string> = [], synonymGroups: Iterable<readonly string[]> = []) {
    for (const word of knownWords) this.known.add(tokenize(word));
    for (const group of synonymGroups) {
      const entries = [...new Set(group.map((e) => tokenize(e).join(' ')))].filter((e) => e !== '');
      if (entries.length < 2) continue;
      for (const entry of entries) {
        const words = entry.split(' ');
        this.known.add(words);
        this.groups.set(entry, entries);
        this.longest = Math.max(this.longest, words.length);
      }
    }
  }

  /**
   * The word is itself a known word. Only whole words count: a half-typed word is left alone when
   * it starts an indexed term (compileQuery asks the index first), but "brid" is not protected
   * just because "bridge" is a clinical word; when it matches nothing, it is a typo to correct.
   */
  isKnown(word: string): boolean {
    return this.known.has(word);
  }

  /** The group `entry` belongs to (itself included), if any. */
  synonymsOf(entry: string): readonly string[] | undefined {
    return this.groups.get(entry);
  }

  /** How many of `words`, from `start`, form the longest synonym entry there; 0 for none. */
  entryAt(words: readonly string[], start: number): number {
    for (let n = Math.min(this.longest, words.length - start); n > 0; n--) {
      if (this.groups.has(words.slice(start, start + n).join(' '))) return n;
    }
    return 0;
  }
}

export interface CompiledQuery {
  /** FTS5 MATCH expression, or null when the text has no searchable word. */
  match: string | null;
  corrections: { typed: string; usedInstead: string[] }[];
  /** Words or phrases also searched as their synonyms ("stabilisation" -> stabilization). */
  expansions: { typed: string; alsoSearched: string[] }[];
  /**
   * The words as typed, in order, as one FTS5 phrase (last word a prefix): rows matching it hold
   * the words side by side, so rank them first ("side bridge" before "bridge ... side"). Null for
   * fewer than two distinct words, more than MAX_WORDS words typed, or when a word was corrected. Every
   * row it matches also matches `match`. See inColumns() to restrict it to columns.
   */
  phrase: string | null;
  /** A word matched nothing at all, even with typos allowed: the search has no results. */
  impossible: boolean;
}

/** At most this many distinct words (or synonym phrases) are searched. */
export const MAX_WORDS = 12;
/**
 * A synonym shorter than this is matched whole, not as a prefix: "quad" must not find quadruped,
 * nor "cart" cartilage. For a phrase, this applies to its last word.
 */
export const MIN_PREFIX_SYNONYM = 5;

const quote = (term: string): string => `"${term.replace(/"/g, '""')}"`;

function synonymTerm(entry: string): string {
  const last = entry.slice(entry.lastIndexOf(' ') + 1);
  return last.length >= MIN_PREFIX_SYNONYM ? `${quote(entry)}*` : quote(entry);
}

/**
 * Compiles typed text. Without a lexicon, only indexed terms count as known and nothing is
 * expanded (as before lexicons existed).
 */
export function compileQuery(text: string, vocabulary: Vocabulary, lexicon?: Lexicon): CompiledQuery {
  const tokens = tokenize(text);
  const parts: string[] = [];
  const seen = new Set<string>();
  const corrections: CompiledQuery['corrections'] = [];
  const expansions: CompiledQuery['expansions'] = [];
  let used = 0;
  while (used < tokens.length && seen.size < MAX_WORDS) {
    const words = tokens.slice(used, used + Math.max(1, lexicon?.entryAt(tokens, used) ?? 0));
    used += words.length;
    const typed = words.join(' ');
    if (seen.has(typed)) continue;
    seen.add(typed);
    const group = lexicon?.synonymsOf(typed);
    if (group) {
      const others = group.filter((e) => e !== typed);
      const asTyped = words.length === 1 ? `${quote(typed)}*` : `(${words.map((w) => `${quote(w)}*`).join(' AND ')})`;
      expansions.push({ typed, alsoSearched: others });
      parts.push(`(${[asTyped, ...others.map(synonymTerm)].join(' OR ')})`);
      continue;
    }
    if (vocabulary.hasPrefix(typed) || lexicon?.isKnown(typed)) {
      parts.push(`${quote(typed)}*`);
      continue;
    }
    const close = vocabulary.closest(typed);
    if (close.length === 0) return { match: null, corrections, expansions, phrase: null, impossible: true };
    corrections.push({ typed, usedInstead: close });
    parts.push(`(${close.map((t) => `${quote(t)}*`).join(' OR ')})`);
  }
  if (parts.length === 0) return { match: null, corrections, expansions, phrase: null, impossible: false };
  // All the text was read (nothing past MAX_WORDS left out), and no word was replaced.
  const phrase = corrections.length === 0 && tokens.length <= MAX_WORDS && new Set(tokens).size > 1 ? `${quote(tokens.join(' '))}*` : null;
  return { match: parts.join(' AND '), corrections, expansions, phrase, impossible: false };
}

/**
 * An FTS5 expression restricted to some columns of the table: `{name} : (<expression>)`. Column
 * names are the caller's own (never typed text) and must be plain identifiers.
 */
export function inColumns(expression: string, columns: readonly string[]): string {
  if (columns.length === 0 || columns.some((c) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c))) {
    throw new Error(`inColumns: bad column list ${JSON.stringify(columns)}`);
  }
  return `{${columns.join(' ')}} : (${expression})`;
}
