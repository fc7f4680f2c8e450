// Calls for importing exercises from other tools (issue 13): a CSV file (any common delimiter,
// quoted fields, a byte-order mark) or a JSON array of objects, read once to show its columns and
// first rows, then imported with a mapping from its columns to Loadwise fields. Stage, region and
// ratings come from the file only when the clinician agrees; otherwise the clinician's choice of
// stage and region applies and every rating is "not rated". Columns left unmapped are kept in the
// clinician notes. Mappings can be saved by name and used again.
import { z } from 'zod';
import { GENERATORS } from '../domain/vocabulary';
import { PositionSchema, RegionSchema, StageSchema } from '../domain/vocab-schemas';
import { call } from './define';

/** Largest file read (a spreadsheet of thousands of exercises is a few megabytes). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_COLUMNS = 200;

/** The Loadwise fields a column can fill; list fields take several values. */
export const IMPORT_FIELDS = [
  'name',
  'clinicalName',
  'aliases',
  'summary',
  'startingPosition',
  'steps',
  'cues',
  'mistakes',
  'precautions',
  'tags',
  'equipment',
  'position',
  'stage',
  'region',
  ...GENERATORS.map((g) => `rating.${g}` as const),
  'sets',
  'reps',
  'holdSeconds',
  'pictures',
  'clinicianNotes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const LIST_FIELDS: readonly ImportField[] = ['aliases', 'steps', 'cues', 'mistakes', 'precautions', 'tags', 'equipment', 'pictures'];

const ColumnName = z.string().min(1).max(200);

export const ImportMappingSchema = z
  .object({
    /** Loadwise field → the file's column that fills it. */
    columns: z.partialRecord(z.enum(IMPORT_FIELDS), ColumnName),
    /** What separates the values of a list field inside one cell (new lines always do). */
    listSeparator: z.string().min(1).max(3).default(';'),
    /** Take stage, region and ratings from the file (only when the clinician agrees). */
    useFile: z.object({ stage: z.boolean(), region: z.boolean(), ratings: z.boolean() }).strict(),
    /** What every row gets when the file's value is not used. */
    defaults: z.object({ stage: StageSchema, region: RegionSchema, position: PositionSchema }).strict(),
  })
  .strict();
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export interface ImportSource {
  format: 'csv' | 'json';
  /** The CSV delimiter found (null for JSON). */
  delimiter: string | null;
  columns: string[];
  rowCount: number;
  /** The first rows, each column's value as text (list values joined with "; "). */
  sample: Record<string, string>[];
}

export interface ImportReport {
  imported: { row: number; name: string; id: string; pictures: string[] }[];
  skipped: { row: number; reason: string }[];
}

export interface SavedMapping {
  name: string;
  mapping: ImportMapping;
  savedAt: string;
}

const FileName = z.string().trim().min(1).max(260);
const byteLane = { maxBytes: MAX_IMPORT_FILE_BYTES, fileNoun: 'Import files' };

export const importCalls = {
  'imports.read': call<ImportSource>()(z.object({ fileName: FileName }).strict(), byteLane),
  'imports.run': call<ImportReport>()(z.object({ fileName: FileName, mapping: ImportMappingSchema }).strict(), byteLane),
  'imports.mappings': call<SavedMapping[]>()(z.object({}).strict()),
  'imports.saveMapping': call<SavedMapping[]>()(
    z.object({ name: z.string().trim().min(1).max(80), mapping: ImportMappingSchema }).strict(),
  ),
};
