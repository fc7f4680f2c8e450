// Calls for printed patient handouts. `handouts.render` lays out one issued version as a PDF in a
// worker thread and keeps the file for a while; the page fetches its bytes through the host (a
// one-time-per-render URL in browser mode, an IPC call in Electron) for the preview, a save or a
// print. `handouts.recordGiven` notes on the issued version that this exact file (options, pages,
// SHA-256) went to the patient.
import { z } from 'zod';
import { SearchFiltersSchema, SearchSortSchema } from '../domain/search';
import { PAPER_SIZES } from './settings';
import { call, Id } from './define';
import { HANDOUT_ID_PATTERN } from './handout-files';

export const HANDOUT_LANGUAGES = ['en', 'es', 'en+es'] as const;
export type HandoutLanguageOption = (typeof HANDOUT_LANGUAGES)[number];

export const HANDOUT_DOCUMENTS = ['handout', 'summary'] as const;
export type HandoutDocument = (typeof HANDOUT_DOCUMENTS)[number];

export const HandoutOptionsSchema = z
  .object({
    largePrint: z.boolean().default(false),
    language: z.enum(HANDOUT_LANGUAGES, 'Choose English, Spanish or both').default('en'),
    /** Null: the clinic's paper size from settings. */
    paper: z.enum(PAPER_SIZES, 'Choose Letter or A4').nullable().default(null),
    /** The patient's handout (the default), or the clinician summary for the clinic's file (English, never recorded as given). */
    document: z.enum(HANDOUT_DOCUMENTS, 'Choose the patient handout or the clinician summary').optional(),
  })
  .strict();
export type HandoutOptions = z.output<typeof HandoutOptionsSchema>;
export const DEFAULT_HANDOUT_OPTIONS: HandoutOptions = { largePrint: false, language: 'en', paper: null };

/** A rendered handout, kept by the service until it lapses; its bytes come through the host. */
export interface RenderedHandout {
  /** 256 random bits, base64url: the key to the file (browser mode's download URL carries it). */
  id: string;
  fileName: string;
  pageCount: number;
  sha256: string;
  bytes: number;
  /** `document: 'catalogue'` for the library catalogue (handouts.renderCatalogue). */
  options: Omit<HandoutOptions, 'document'> & { paper: 'letter' | 'a4'; document?: HandoutDocument | 'catalogue' };
  /** Exercises printed with English text in a Spanish handout (no translation yet), by name. */
  untranslated: string[];
}

/** A handout recorded as given to the patient with an issued version. */
export interface GivenHandout {
  versionNumber: number;
  givenAt: string;
  how: 'saved' | 'printed';
  options: RenderedHandout['options'];
  pageCount: number;
  sha256: string;
}

export const HandoutId = z.string().regex(HANDOUT_ID_PATTERN, 'Expected a handout id');

export const handoutCalls = {
  'handouts.render': call<RenderedHandout>()(
    z.object({ programId: Id, version: z.number().int().min(1), options: HandoutOptionsSchema.default(DEFAULT_HANDOUT_OPTIONS) }).strict(),
  ),
  // The library catalogue: every exercise the library screen's search and filters find, for a
  // clinic's printed binder (English; kept and fetched like a handout, never recorded as given).
  'handouts.renderCatalogue': call<RenderedHandout>()(
    z
      .object({
        query: z.string().max(200).default(''),
        filters: SearchFiltersSchema.default(SearchFiltersSchema.parse({})),
        sort: SearchSortSchema.default('relevance'),
        paper: z.enum(PAPER_SIZES, 'Choose Letter or A4').nullable().default(null),
      })
      .strict(),
  ),
  'handouts.recordGiven': call<GivenHandout>()(z.object({ id: HandoutId, how: z.enum(['saved', 'printed']) }).strict()),
  'handouts.listGiven': call<GivenHandout[]>()(z.object({ programId: Id }).strict()),
};
