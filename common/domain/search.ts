// What a library search asks for and answers. Domain types (not the contract) so that the
// database layer, which runs the search, never depends on how calls travel.
import { z } from 'zod';
import { ORIGINS, REGIONS } from './vocabulary';
import { EquipmentSchema, GeneratorSchema, JudgedRatingSchema, PositionSchema, RegionSchema, StageSchema } from './vocab-schemas';
import type { ExerciseSummary } from './exercise';

export const SearchFiltersSchema = z
  .object({
    stages: z.array(StageSchema).max(4).default([]),
    regions: z.array(RegionSchema).max(REGIONS.length).default([]),
    positions: z.array(PositionSchema).max(10).default([]),
    /** An exercise matches when it uses any of these. */
    equipment: z.array(EquipmentSchema).max(30).default([]),
    /** An exercise matches when it is rated `minRating` or better for every one of these. */
    generators: z.array(GeneratorSchema).max(7).default([]),
    minRating: JudgedRatingSchema.default('modify'),
    origins: z.array(z.enum(ORIGINS)).max(3).default([]),
    includeArchived: z.boolean().default(false),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;
export type SearchFiltersInput = z.input<typeof SearchFiltersSchema>;

export const SEARCH_COUNT_CAP = 500;

/**
 * How a clinician asks the list to be ordered: `relevance` (best match first for words; by stage
 * and patient name when browsing), `name` (A–Z by clinical name) or `stage` (then clinical name).
 */
export const SEARCH_SORTS = ['relevance', 'name', 'stage'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const SearchSortSchema = z.enum(SEARCH_SORTS);

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  limit: number;
  offset: number;
  /** Absent: relevance. */
  sort?: SearchSort;
}

export interface SearchResult {
  items: ExerciseSummary[];
  /** Number of matches, counted up to SEARCH_COUNT_CAP. */
  total: number;
  totalIsCapped: boolean;
  /** Words that matched nothing and were read as close spellings instead. */
  corrections: { typed: string; usedInstead: string[] }[];
  /**
   * Relevance for word searches; `name` (stage, then patient name) when browsing, or when words
   * match very many exercises; `clinical-name` or `stage` when that sort was asked for.
   */
  ordering: 'relevance' | 'name' | 'clinical-name' | 'stage';
}
