// Library search: full-text match (when there are words) combined with structured filters.
// Word searches list a name equal to the words first, then names starting with them, then bm25
// order (name weighted highest); browsing, and words that match very many, list by stage and name.
// A sort the clinician chose (A–Z by clinical name, or stage then clinical name) orders every match
// in SQL, with the row id as the last key, so "Show more" pages follow on without gaps or repeats.
import type { DB } from '../open';
import { stmt } from '../statements';
import { JUDGED_RATINGS, type Generator, type JudgedRating, type LockType, type Rating } from '../../common/domain/vocabulary';
import type { Dosage, ExerciseSummary } from '../../common/domain/exercise';
import { SEARCH_COUNT_CAP, type SearchFilters, type SearchResult, type SearchSort } from '../../common/domain/search';
import { DEFAULT_LOCALE, sortKeyRange } from './exercises';
import { compileQuery, inColumns, tokenize, Vocabulary, type CompiledQuery, type Lexicon } from './search-terms';

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  limit: number;
  offset: number;
  /** Absent: relevance. */
  sort?: SearchSort;
}

interface SummaryRow {
  id: string;
  code: string | null;
  name: string;
  clinical_name: string;
  summary: string;
  stage: 1 | 2 | 3 | 4;
  /** JSON array. */
  also_stages: string;
  region: ExerciseSummary['region'];
  position: ExerciseSummary['position'];
  equipment: string | null;
  dosage: string;
  origin: ExerciseSummary['origin'];
  archived_at: string | null;
  ratings: string | null;
  photo: string | null;
  figure: string | null;
  unrated: 0 | 1;
}

const placeholders = (n: number): string => new Array(n).fill('?').join(', ');

/**
 * Ratings at least as good as `min`, since JUDGED_RATINGS runs from most to least suitable. A
 * `not-rated` exercise is never "at least" anything: nobody has judged it suitable.
 */
export function ratingsAtLeast(min: JudgedRating): JudgedRating[] {
  return JUDGED_RATINGS.slice(0, JUDGED_RATINGS.indexOf(min) + 1);
}

/** Builds WHERE clauses for the structured filters; shared by the page and the count queries. */
function filterClauses(filters: SearchFilters): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filters.includeArchived) where.push('e.archived_at IS NULL');
  const inList = (column: string, values: readonly unknown[]): void => {
    if (values.length === 0) return;
    where.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  if (filters.stages.length > 0) {
    // The primary stage (with the sort-key range, so an index scan can seek), or one of the other
    // stages the exercise also belongs to (audit D14).
    const range = sortKeyRange(filters.stages);
    const list = placeholders(filters.stages.length);
    where.push(
      `((e.stage IN (${list}) AND e.sort_key >= ? AND e.sort_key < ?) OR (e.also_stages <> '[]' AND EXISTS (SELECT 1 FROM json_each(e.also_stages) j WHERE j.value IN (${list}))))`,
    );
    params.push(...filters.stages, range.from, range.below, ...filters.stages);
  }
  inList('e.region', filters.regions);
  inList('e.position', filters.positions);
  inList('e.origin', filters.origins);
  if (filters.equipment.length > 0) {
    where.push(
      `EXISTS (SELECT 1 FROM exercise_equipment q WHERE q.exercise_seq = e.seq AND q.equipment IN (${placeholders(filters.equipment.length)}))`,
    );
    params.push(...filters.equipment);
  }
  const accepted = ratingsAtLeast(filters.minRating);
  for (const g of filters.generators) {
    where.push(
      `EXISTS (SELECT 1 FROM exercise_suitability s WHERE s.exercise_seq = e.seq AND s.generator = ? AND s.rating IN (${placeholders(accepted.length)}))`,
    );
    params.push(g, ...accepted);
  }
  return { where, params };
}

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface SearchPlan {
  compiled: CompiledQuery;
  ratingGenerators: Generator[];
  ordering: SearchResult['ordering'];
  /** Counts index matches to choose the plan; null when there are no words. */
  probe: Statement | null;
  page: Statement;
  count: Statement;
}

/** Up to this many word matches, results are ranked by relevance; beyond it, by name. */
export const RANKED_MATCH_LIMIT = 1000;

export class LibrarySearch {
  private vocabulary: Vocabulary | null = null;

  /** `lexicon`: clinical words never corrected and synonym groups (db/queries/search-lexicon.ts). */
  constructor(
    private readonly db: DB,
    private readonly lexicon?: Lexicon,
  ) {}

  private vocab(): Vocabulary {
    if (!this.vocabulary) {
      const terms = stmt(this.db, 'SELECT term FROM exercise_fts_vocab').pluck().all() as string[];
      this.vocabulary = new Vocabulary(terms);
    }
    return this.vocabulary;
  }

  /** Called after an exercise is written, so its new words can be corrected towards at once. */
  learn(text: string): void {
    this.vocabulary?.add(tokenize(text));
  }

  /**
   * The SQL a request runs. Which plan is cheapest depends on how many documents the words
   * match, so a word query first counts its matches in the index alone (fast, capped):
   *  - few matches: walk the matches, rank them by bm25 (name weighted highest);
   *  - very many (a one-letter prefix in a large library): walk the name-ordered index and keep
   *    rows in the match set, which stops after one page instead of sorting every match.
   * Exposed so the benchmark can time exactly these statements on SQLite.
   */
  plan(req: SearchRequest): SearchPlan {
    const compiled = compileQuery(req.query, this.vocab(), this.lexicon);
    const typed = req.query.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
    const { where, params } = filterClauses(req.filters);
    const ratingGenerators: Generator[] = req.filters.generators;
    const and = (clauses: string[]): string => (clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '');

    // The page's rows are chosen first, by key only; their columns (equipment, ratings, photo)
    // are then read for those rows alone, not for every match the sort had to look at.
    const decorate = (inner: string, innerParams: unknown[]): Statement => ({
      sql: `SELECT e.id, e.code, t.name, e.clinical_name, t.summary, e.stage, e.also_stages, e.region, e.position, e.dosage, e.origin, e.archived_at,
          (SELECT group_concat(q.equipment, ',') FROM (SELECT equipment FROM exercise_equipment
             WHERE exercise_seq = e.seq ORDER BY position) q) AS equipment,
          ${
            ratingGenerators.length > 0
              ? `(SELECT json_group_array(json_array(s.generator, s.rating, s.lock_type, s.earliest_week)) FROM exercise_suitability s
                   WHERE s.exercise_seq = e.seq AND s.generator IN (${placeholders(ratingGenerators.length)}))`
              : 'NULL'
          } AS ratings,
          (SELECT m.sha256 FROM exercise_media m WHERE m.exercise_seq = e.seq ORDER BY m.position LIMIT 1) AS photo,
          (SELECT f.figure_json FROM exercise_figures f WHERE f.exercise_id = e.id) AS figure,
          EXISTS (SELECT 1 FROM exercise_suitability u WHERE u.exercise_seq = e.seq AND u.rating = 'not-rated') AS unrated
        FROM (${inner}) p CROSS JOIN exercises e ON e.seq = p.seq
        CROSS JOIN exercise_text t ON t.exercise_seq = e.seq AND t.locale = '${DEFAULT_LOCALE}'
        ORDER BY p.rank_key, p.name_key, p.seq`,
      params: [...ratingGenerators, ...innerParams, req.limit, req.offset],
    });

    const browseCount: Statement = {
      sql: `SELECT count(*) AS n FROM (SELECT 1 FROM exercises e ${and(where)} LIMIT ${SEARCH_COUNT_CAP + 1})`,
      params,
    };
    const wordCount = (match: string): Statement => ({
      sql: `SELECT count(*) AS n FROM (SELECT 1 FROM exercise_fts f CROSS JOIN exercises e ON e.seq = f.rowid
            ${and(['exercise_fts MATCH ?', ...where])} LIMIT ${SEARCH_COUNT_CAP + 1})`,
      params: [match, ...params],
    });

    if (req.sort === 'name' || req.sort === 'stage') {
      // Every match, ordered by the chosen keys: the clinical name as it reads (case aside).
      const rankKey = req.sort === 'stage' ? 'e.stage' : '0';
      const keys = `SELECT e.seq, ${rankKey} AS rank_key, lower(e.clinical_name) AS name_key`;
      const order = 'ORDER BY rank_key, name_key, e.seq LIMIT ? OFFSET ?';
      const ordering = req.sort === 'stage' ? 'stage' : 'clinical-name';
      if (!compiled.match) {
        return {
          compiled,
          ratingGenerators,
          ordering,
          probe: null,
          page: decorate(`${keys} FROM exercises e ${and(where)} ${order}`, params),
          count: browseCount,
        };
      }
      return {
        compiled,
        ratingGenerators,
        ordering,
        probe: null,
        page: decorate(
          `${keys} FROM exercise_fts f CROSS JOIN exercises e ON e.seq = f.rowid ${and(['exercise_fts MATCH ?', ...where])} ${order}`,
          [compiled.match, ...params],
        ),
        count: wordCount(compiled.match),
      };
    }

    if (!compiled.match) {
      return {
        compiled,
        ratingGenerators,
        ordering: 'name',
        probe: null,
        // Filters keep a large share of rows (a stage is a quarter), so reading in name order and
        // stopping after a page beats sorting every match; the planner cannot know that.
        page: decorate(
          `SELECT e.seq, 0 AS rank_key, e.sort_key AS name_key FROM exercises e INDEXED BY exercises_by_sort ${and(where)}
           ORDER BY e.sort_key LIMIT ? OFFSET ?`,
          params,
        ),
        count: browseCount,
      };
    }
    const probe: Statement = {
      sql: `SELECT count(*) AS n FROM (SELECT 1 FROM exercise_fts WHERE exercise_fts MATCH ? LIMIT ${RANKED_MATCH_LIMIT + 1})`,
      params: [compiled.match],
    };
    const matches = (stmt(this.db, probe.sql).get(...probe.params) as { n: number }).n;
    const count = wordCount(compiled.match);
    const typedLike = `${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (matches <= RANKED_MATCH_LIMIT) {
      return {
        compiled,
        ratingGenerators,
        ordering: 'relevance',
        probe,
        // A name (patient or clinical) that is exactly what was typed comes first, then names
        // starting with it, then the typed words as a phrase in the names column (clinical name,
        // aliases, code), then bm25 order. The patient name sits in sort_key after "<stage> ".
        page: decorate(
          `SELECT e.seq, CASE WHEN substr(e.sort_key, 3) = ? OR lower(e.clinical_name) = ? THEN -2e9
                              WHEN substr(e.sort_key, 3) LIKE ? ESCAPE '\\' OR lower(e.clinical_name) LIKE ? ESCAPE '\\' THEN -1e9
                              ELSE 0 END
             ${compiled.phrase ? '+ CASE WHEN e.seq IN (SELECT rowid FROM exercise_fts WHERE exercise_fts MATCH ?) THEN -5e8 ELSE 0 END' : ''}
             + bm25(exercise_fts, 10.0, 1.0, 4.0) AS rank_key, e.sort_key AS name_key
           FROM exercise_fts f CROSS JOIN exercises e ON e.seq = f.rowid
           ${and(['exercise_fts MATCH ?', ...where])} ORDER BY rank_key, name_key LIMIT ? OFFSET ?`,
          [
            typed,
            typed,
            typedLike,
            typedLike,
            ...(compiled.phrase ? [inColumns(compiled.phrase, ['name'])] : []),
            compiled.match,
            ...params,
          ],
        ),
        count,
      };
    }
    return {
      compiled,
      ratingGenerators,
      ordering: 'name',
      probe,
      page: decorate(
        `SELECT e.seq, 0 AS rank_key, e.sort_key AS name_key FROM exercises e INDEXED BY exercises_by_sort
         ${and([...where, 'e.seq IN (SELECT rowid FROM exercise_fts WHERE exercise_fts MATCH ?)'])}
         ORDER BY e.sort_key LIMIT ? OFFSET ?`,
        [...params, compiled.match],
      ),
      count,
    };
  }

  /** A page that is not full, from the first row, already is the whole result: no count needed. */
  static needsCount(req: SearchRequest, rowsOnPage: number): boolean {
    return req.offset > 0 || rowsOnPage >= req.limit;
  }

  search(req: SearchRequest): SearchResult {
    const plan = this.plan(req);
    const { compiled, ratingGenerators } = plan;
    if (compiled.impossible) {
      return { items: [], total: 0, totalIsCapped: false, corrections: compiled.corrections, ordering: plan.ordering };
    }
    const rows = stmt(this.db, plan.page.sql).all(...plan.page.params) as SummaryRow[];
    const total = LibrarySearch.needsCount(req, rows.length)
      ? (stmt(this.db, plan.count.sql).get(...plan.count.params) as { n: number }).n
      : rows.length;
    const filterOrder = new Map(ratingGenerators.map((g, i) => [g, i]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        clinicalName: r.clinical_name,
        summary: r.summary,
        stage: r.stage,
        alsoStages: JSON.parse(r.also_stages) as ExerciseSummary['alsoStages'],
        region: r.region,
        position: r.position,
        equipment: (r.equipment ? r.equipment.split(',') : []) as ExerciseSummary['equipment'],
        dosage: JSON.parse(r.dosage) as Dosage,
        origin: r.origin,
        archived: r.archived_at !== null,
        ratings: r.ratings
          ? (JSON.parse(r.ratings) as [Generator, Rating, LockType, number | null][])
              .map(([generator, rating, lock, earliestWeek]) => ({ generator, rating, lock, earliestWeek }))
              .sort((a, b) => filterOrder.get(a.generator)! - filterOrder.get(b.generator)!)
          : [],
        photoSha256: r.photo,
        notRated: r.unrated === 1,
        figureJson: r.figure,
      })),
      total: Math.min(total, SEARCH_COUNT_CAP),
      totalIsCapped: total > SEARCH_COUNT_CAP,
      corrections: compiled.corrections,
      ordering: plan.ordering,
    };
  }
}
