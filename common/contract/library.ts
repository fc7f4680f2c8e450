// Calls of the exercise library: search, read, and a clinic's own exercises.
import { z } from 'zod';
import { ExerciseDraftSchema, type Exercise, type LinkedExercise } from '../domain/exercise';
import { SearchFiltersSchema, SearchSortSchema, type SearchResult } from '../domain/search';
import { call, Id } from './define';

export { SEARCH_COUNT_CAP, SEARCH_SORTS, SearchFiltersSchema } from '../domain/search';
export type { SearchFilters, SearchFiltersInput, SearchRequest, SearchResult, SearchSort } from '../domain/search';

export const libraryCalls = {
  'library.search': call<SearchResult>()(
    z
      .object({
        query: z.string().max(200).default(''),
        filters: SearchFiltersSchema.default(SearchFiltersSchema.parse({})),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(100_000).default(0),
        sort: SearchSortSchema.default('relevance'),
      })
      .strict(),
  ),
  'library.get': call<Exercise>()(z.object({ id: Id }).strict()),
  // basedOnId: the exercise this one was copied from ("Duplicate to edit", saved); its photos come along.
  'library.create': call<Exercise>()(z.object({ draft: ExerciseDraftSchema, basedOnId: Id.nullable().default(null) }).strict()),
  'library.update': call<Exercise>()(z.object({ id: Id, contentVersion: z.number().int().min(1), draft: ExerciseDraftSchema }).strict()),
  'library.duplicate': call<Exercise>()(z.object({ id: Id }).strict()),
  'library.setArchived': call<Exercise>()(z.object({ id: Id, archived: z.boolean() }).strict()),
  // A clinician's shortlists: favourites (starred), and the exercises opened last, newest first.
  'library.setFavourite': call<Shortlists>()(z.object({ id: Id, favourite: z.boolean() }).strict()),
  'library.noteOpened': call<Shortlists>()(z.object({ id: Id }).strict()),
  'library.shortlists': call<Shortlists>()(z.object({}).strict()),
};

export interface Shortlists {
  favourites: LinkedExercise[];
  recent: LinkedExercise[];
}
