// Turns what a clinician types into an FTS5 query. Each word is matched as a prefix; a word that
// starts no indexed term is read as its closest spellings instead ("mutlifidus" -> multifidus).

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

export interface CompiledQuery {
  /** FTS5 MATCH expression, or null when the text has no searchable word. */
  match: string | null;
  corrections: { typed: string; usedInstead: string[] }[];
  /** A word matched nothing at all, even with typos allowed: the search has no results. */
  impossible: boolean;
}

const quote = (term: string): string => `"${term.replace(/"/g, '""')}"`;

export function compileQuery(text: string, vocabulary: Vocabulary): CompiledQuery {
  const words = [...new Set(tokenize(text))].slice(0, 12);
  if (words.length === 0) return { match: null, corrections: [], impossible: false };
  const parts: string[] = [];
  const corrections: CompiledQuery['corrections'] = [];
  for (const word of words) {
    if (vocabulary.hasPrefix(word)) {
      parts.push(`${quote(word)}*`);
      continue;
    }
    const close = vocabulary.closest(word);
    if (close.length === 0) return { match: null, corrections, impossible: true };
    corrections.push({ typed: word, usedInstead: close });
    parts.push(`(${close.map((t) => `${quote(t)}*`).join(' OR ')})`);
  }
  return { match: parts.join(' AND '), corrections, impossible: false };
}
