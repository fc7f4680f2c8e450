// Loads the search lexicon that ships in resources/search: clinical-terms.json (words search never
// corrects) and synonyms.json (groups of equivalent terms), plus the closed vocabularies' values and
// English labels, which are known words too. The files are data, checked when read: a mistake in
// them fails loudly (in tests and at start-up) rather than quietly changing what search finds.
//
// Where resources/ is:
//  - tests and tools run from sources: <repo>/db/queries/ -> <repo>/resources;
//  - bundles (out/main, out/browser, out/tools): out/<host>/ -> <repo>/resources, the same two levels up;
//  - the packaged Electron app: process.resourcesPath, which electron-builder fills from
//    `extraResources` (it must copy resources/search to `search`, as it copies resources/seed to `seed`).
// The host should pass its resources folder (Electron main: process.resourcesPath when packaged);
// without one, the first of the candidates above holding search/ is used.
import fs from 'node:fs';
import path from 'node:path';
import * as vocabularies from '../../common/domain/vocabulary';
import { en } from '../../common/copy/en';
import { Lexicon, tokenize } from './search-terms';

export const SEARCH_DIR = 'search';
export const CLINICAL_TERMS_FILE = 'clinical-terms.json';
export const SYNONYMS_FILE = 'synonyms.json';

export class SearchLexiconError extends Error {
  constructor(readonly problems: string[]) {
    super(`The search lexicon has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'SearchLexiconError';
  }
}

export interface LexiconData {
  /** One normalised word each. */
  clinicalTerms: string[];
  /** Normalised terms (a phrase: words joined by one space), at least two per group. */
  synonymGroups: string[][];
}

/** A term as tokenize() leaves it: lower case, no accents, words joined by one space. */
const normalised = (term: string): boolean => term !== '' && tokenize(term).join(' ') === term;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Checks the two files' parsed contents; every problem is listed, by file and position. */
export function checkLexiconData(clinicalTermsJson: unknown, synonymsJson: unknown): LexiconData {
  const problems: string[] = [];
  const clinicalTerms: string[] = [];
  const synonymGroups: string[][] = [];

  const terms = (clinicalTermsJson as { terms?: unknown } | null)?.terms;
  if (!isStringArray(terms)) {
    problems.push(`${CLINICAL_TERMS_FILE}: "terms" must be an array of strings`);
  } else {
    terms.forEach((term, i) => {
      if (tokenize(term).length !== 1 || !normalised(term)) {
        problems.push(`${CLINICAL_TERMS_FILE}: terms[${i}] ${JSON.stringify(term)} is not one normalised word`);
      } else clinicalTerms.push(term);
    });
  }

  const groups = (synonymsJson as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) {
    problems.push(`${SYNONYMS_FILE}: "groups" must be an array of arrays of strings`);
  } else {
    const groupOf = new Map<string, number>();
    groups.forEach((group: unknown, g) => {
      if (!isStringArray(group) || group.length < 2) {
        problems.push(`${SYNONYMS_FILE}: groups[${g}] must hold at least two strings`);
        return;
      }
      for (const term of group) {
        if (!normalised(term)) {
          problems.push(`${SYNONYMS_FILE}: groups[${g}] ${JSON.stringify(term)} is not normalised`);
        } else if (groupOf.has(term)) {
          problems.push(`${SYNONYMS_FILE}: groups[${g}] ${JSON.stringify(term)} is already in groups[${groupOf.get(term)}]`);
        } else groupOf.set(term, g);
      }
      synonymGroups.push(group);
    });
  }

  if (problems.length > 0) throw new SearchLexiconError(problems);
  return { clinicalTerms, synonymGroups };
}

/** Every string in a value: itself, or those in its arrays and objects' values. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * The words of the closed vocabularies (every array common/domain/vocabulary.ts exports, so a new
 * one counts at once) and of their English labels in common/copy/en.ts: "lumbar", "side-lying",
 * "Hands and knees".
 */
export function closedVocabularyWords(): string[] {
  const values = Object.values(vocabularies).filter((v) => Array.isArray(v));
  return [...new Set(stringsIn([values, en]).flatMap((s) => tokenize(s)))];
}

/** Builds the lexicon from checked data and the closed vocabularies. */
export function buildLexicon(data: LexiconData): Lexicon {
  return new Lexicon([...closedVocabularyWords(), ...data.clinicalTerms], data.synonymGroups);
}

/** Folders that may hold search/, in order: beside the sources or bundles, then Electron's resources. */
export function defaultResourcesDirs(): string[] {
  const dirs = [path.resolve(__dirname, '..', '..', 'resources')];
  const electronResources = (process as { resourcesPath?: unknown }).resourcesPath;
  if (typeof electronResources === 'string' && electronResources !== '') dirs.push(electronResources);
  return dirs;
}

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push(`${path.basename(file)}: ${(err as Error).message}`);
    return undefined;
  }
}

const loaded = new Map<string, Lexicon>();

/**
 * The lexicon from `<resourcesDir>/search/`, read once per folder and kept. Without a folder, the
 * first of defaultResourcesDirs() holding search/synonyms.json. Throws SearchLexiconError when the
 * files are missing or wrong.
 */
export function loadSearchLexicon(resourcesDir?: string): Lexicon {
  const dir =
    resourcesDir ?? defaultResourcesDirs().find((d) => fs.existsSync(path.join(d, SEARCH_DIR, SYNONYMS_FILE))) ?? defaultResourcesDirs()[0];
  const searchDir = path.resolve(dir, SEARCH_DIR);
  const cached = loaded.get(searchDir);
  if (cached) return cached;
  const problems: string[] = [];
  const clinical = readJson(path.join(searchDir, CLINICAL_TERMS_FILE), problems);
  const synonyms = readJson(path.join(searchDir, SYNONYMS_FILE), problems);
  if (problems.length > 0) throw new SearchLexiconError(problems.map((p) => `${p} (in ${searchDir})`));
  const lexicon = buildLexicon(checkLexiconData(clinical, synonyms));
  loaded.set(searchDir, lexicon);
  return lexicon;
}
