// Library search: full-text match (when there are words) combined with structured filters.
// Results are ranked by bm25 with the name weighted highest; without words, by stage then name.
import type { DB } from '../open';
import { stmt } from '../statements';
import { RATINGS, type Generator, type Rating } from '../../electron/shared/domain';
import type { Dosage, ExerciseSummary } from '../../electron/shared/exercise';
import { SEARCH_COUNT_CAP, type SearchFilters, type SearchResult } from '../../electron/shared/contract';
import { compileQuery, tokenize, Vocabulary, type CompiledQuery } from './search-terms';

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  limit: number;
  offset: number;
}

interface SummaryRow {
  id: string;
  code: string | null;
  name: string;
  summary: string;
  stage: 1 | 2 | 3 | 4;
  region: ExerciseSummary['region'];
  position: ExerciseSummary['position'];
  equipment: string | null;
  dosage: string;
  origin: ExerciseSummary['origin'];
  archived_at: string | null;
  ratings: string | null;
  photo: string | null;
}

const placeholders = (n: number): string => new Array(n).fill('?').join(', ');

/** Ratings at least as good as `min`, since RATINGS runs from most to least suitable. */
export function ratingsAtLeast(min: Rating): Rating[] {
  return RATINGS.slice(0, RATINGS.indexOf(min) + 1);
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
  inList('e.stage', filters.stages);
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
  page: Statement;
  count: Statement;
}

export class LibrarySearch {
  private vocabulary: Vocabulary | null = null;

  constructor(private readonly db: DB) {}

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
   * The SQL a request runs: the page query, and the capped count query when one is needed.
   * Exposed so the benchmark can time the same statements straight on SQLite.
   */
  plan(req: SearchRequest): SearchPlan {
    const compiled = compileQuery(req.query, this.vocab());
    const { where, params } = filterClauses(req.filters);
    const ratingGenerators: Generator[] = req.filters.generators;
    const ratingsSelect =
      ratingGenerators.length > 0
        ? `(SELECT json_group_array(json_array(s.generator, s.rating)) FROM exercise_suitability s
             WHERE s.exercise_seq = e.seq AND s.generator IN (${placeholders(ratingGenerators.length)}))`
        : 'NULL';
    const select = `SELECT e.id, e.code, t.name, t.summary, e.stage, e.region, e.position, e.dosage, e.origin, e.archived_at,
        (SELECT group_concat(q.equipment, ',') FROM (SELECT equipment FROM exercise_equipment
           WHERE exercise_seq = e.seq ORDER BY position) q) AS equipment,
        ${ratingsSelect} AS ratings,
        (SELECT m.sha256 FROM exercise_media m WHERE m.exercise_seq = e.seq ORDER BY m.position LIMIT 1) AS photo`;

    let from: string;
    let order: string;
    const matchParams: unknown[] = [];
    if (compiled.match) {
      from = 'FROM exercise_fts f JOIN exercises e ON e.seq = f.rowid';
      where.unshift('exercise_fts MATCH ?');
      matchParams.push(compiled.match);
      order = 'ORDER BY bm25(exercise_fts, 10.0, 1.0, 4.0), e.sort_key';
    } else {
      from = 'FROM exercises e';
      order = 'ORDER BY e.sort_key';
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return {
      compiled,
      ratingGenerators,
      page: {
        sql: `${select} ${from} JOIN exercise_text t ON t.exercise_seq = e.seq AND t.locale = 'en'
         ${whereSql} ${order} LIMIT ? OFFSET ?`,
        params: [...ratingGenerators, ...matchParams, ...params, req.limit, req.offset],
      },
      // Counting every match of a one-letter prefix would cost more than the page itself: stop at a cap.
      count: {
        sql: `SELECT count(*) AS n FROM (SELECT 1 ${from} ${whereSql} LIMIT ${SEARCH_COUNT_CAP + 1})`,
        params: [...matchParams, ...params],
      },
    };
  }

  /** A page that is not full, from the first row, already is the whole result: no count needed. */
  static needsCount(req: SearchRequest, rowsOnPage: number): boolean {
    return req.offset > 0 || rowsOnPage >= req.limit;
  }

  search(req: SearchRequest): SearchResult {
    const plan = this.plan(req);
    const { compiled, ratingGenerators } = plan;
    if (compiled.impossible) return { items: [], total: 0, totalIsCapped: false, corrections: compiled.corrections };
    const rows = stmt(this.db, plan.page.sql).all(...plan.page.params) as SummaryRow[];
    const total = LibrarySearch.needsCount(req, rows.length)
      ? (stmt(this.db, plan.count.sql).get(...plan.count.params) as { n: number }).n
      : rows.length;
    const order2 = new Map(ratingGenerators.map((g, i) => [g, i]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        summary: r.summary,
        stage: r.stage,
        region: r.region,
        position: r.position,
        equipment: (r.equipment ? r.equipment.split(',') : []) as ExerciseSummary['equipment'],
        dosage: JSON.parse(r.dosage) as Dosage,
        origin: r.origin,
        archived: r.archived_at !== null,
        ratings: r.ratings
          ? (JSON.parse(r.ratings) as [Generator, Rating][])
              .map(([generator, rating]) => ({ generator, rating }))
              .sort((a, b) => order2.get(a.generator)! - order2.get(b.generator)!)
          : [],
        photoSha256: r.photo,
      })),
      total: Math.min(total, SEARCH_COUNT_CAP),
      totalIsCapped: total > SEARCH_COUNT_CAP,
      corrections: compiled.corrections,
    };
  }
}
