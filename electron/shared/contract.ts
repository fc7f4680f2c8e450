// The one contract between the UI and the main process. Each call names its argument schema
// (checked in main) and its result type; both transports and the renderer's `api` derive from it.
import { z } from 'zod';
import {
  EquipmentSchema,
  GeneratorSchema,
  PositionSchema,
  RatingSchema,
  RegionSchema,
  StageSchema,
} from './domain';
import { ExerciseDraftSchema, type Exercise, type ExerciseSummary } from './exercise';
import type { Result } from './result';

export const SearchFiltersSchema = z
  .object({
    stages: z.array(StageSchema).max(4).default([]),
    regions: z.array(RegionSchema).max(2).default([]),
    positions: z.array(PositionSchema).max(10).default([]),
    /** An exercise matches when it uses any of these. */
    equipment: z.array(EquipmentSchema).max(30).default([]),
    /** An exercise matches when it is rated `minRating` or better for every one of these. */
    generators: z.array(GeneratorSchema).max(7).default([]),
    minRating: RatingSchema.default('modify'),
    origins: z.array(z.enum(['builtin', 'clinic', 'imported'])).max(3).default([]),
    includeArchived: z.boolean().default(false),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;
export type SearchFiltersInput = z.input<typeof SearchFiltersSchema>;

export const SEARCH_COUNT_CAP = 500;

export interface SearchResult {
  items: ExerciseSummary[];
  /** Number of matches, counted up to SEARCH_COUNT_CAP. */
  total: number;
  totalIsCapped: boolean;
  /** Words that matched nothing and were read as close spellings instead. */
  corrections: { typed: string; usedInstead: string[] }[];
  /** Relevance for word searches; by name when browsing, or when words match very many exercises. */
  ordering: 'relevance' | 'name';
}

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  seedVersion: number;
  exerciseCount: number;
  transport: 'electron' | 'browser';
}

export interface MediaData {
  mime: 'image/jpeg' | 'image/png';
  dataBase64: string;
}

const Id = z.uuid();
const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'Expected a SHA-256 hex digest');

/** Largest photo accepted, before cleaning. Stated in messages, so keep it a round number. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
export const MAX_PHOTOS_PER_EXERCISE = 6;

export const contract = {
  'app.info': { args: z.object({}).strict(), result: {} as AppInfo },
  'library.search': {
    args: z
      .object({
        query: z.string().max(200).default(''),
        filters: SearchFiltersSchema.default(SearchFiltersSchema.parse({})),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(100_000).default(0),
      })
      .strict(),
    result: {} as SearchResult,
  },
  'library.get': { args: z.object({ id: Id }).strict(), result: {} as Exercise },
  'library.create': { args: z.object({ draft: ExerciseDraftSchema }).strict(), result: {} as Exercise },
  'library.update': {
    args: z.object({ id: Id, contentVersion: z.number().int().min(1), draft: ExerciseDraftSchema }).strict(),
    result: {} as Exercise,
  },
  'library.duplicate': { args: z.object({ id: Id }).strict(), result: {} as Exercise },
  'library.setArchived': { args: z.object({ id: Id, archived: z.boolean() }).strict(), result: {} as Exercise },
  'media.attach': {
    args: z
      .object({
        exerciseId: Id,
        fileName: z.string().min(1).max(255),
        // base64 grows data by 4/3; the exact byte limit is checked after decoding.
        dataBase64: z.string().min(1).max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 1024 * 1024),
        caption: z.string().trim().max(200).nullable().default(null),
      })
      .strict(),
    result: {} as Exercise,
  },
  'media.remove': { args: z.object({ exerciseId: Id, sha256: Sha256 }).strict(), result: {} as Exercise },
  'media.get': {
    args: z.object({ sha256: Sha256, variant: z.enum(['full', 'thumb']).default('full') }).strict(),
    result: {} as MediaData,
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ValueOf<C extends Channel> = Contract[C]['result'];

/** What the renderer calls: one async function per channel, answering a Result. */
export type Api = { [C in Channel]: (args: ArgsOf<C>) => Promise<Result<ValueOf<C>>> };

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
