// Reads an import file into columns and rows of text: a CSV file with papaparse (quoted fields,
// new lines inside quotes, the delimiter guessed among comma, semicolon, tab and bar, a byte-order
// mark dropped) or a JSON array of objects whose values are text, numbers, true/false or lists of
// those. Anything else is refused with a message that names the problem; nothing is written.
import fs from 'node:fs';
import Papa from 'papaparse';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportSource } from '../../common/contract/imports';
import { ServiceError } from '../../common/contract/result';

/** One cell: text, or several values for a list (a JSON array). */
export type Cell = string | string[];
export type Row = Record<string, Cell>;

export interface Source {
  format: 'csv' | 'json';
  delimiter: string | null;
  columns: string[];
  rows: Row[];
}

const MAX_CELL_CHARS = 20_000;
const SAMPLE_ROWS = 5;

const refuse = (fileName: string, problem: string): ServiceError =>
  new ServiceError(
    'unsupported_media',
    `“${fileName.replace(/[\u0000-\u001f]/g, '').slice(0, 120)}” could not be read: ${problem}. Nothing was imported.`,
  );

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function fromJson(fileName: string, text: string): Source {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw refuse(fileName, 'it is not valid JSON');
  }
  if (!Array.isArray(data)) throw refuse(fileName, 'a JSON file must hold an array of exercises, one object each');
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows = data.map((item, i): Row => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw refuse(fileName, `item ${i + 1} is not an object`);
    const row: Row = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
      const one = scalar(value);
      if (one !== null) row[key] = one;
      else if (Array.isArray(value) && value.every((v) => scalar(v) !== null)) row[key] = value.map((v) => scalar(v)!);
      else throw refuse(fileName, `item ${i + 1} has “${key.slice(0, 60)}” nested deeper than a list of values`);
    }
    return row;
  });
  return { format: 'json', delimiter: null, columns, rows };
}

function fromCsv(fileName: string, text: string): Source {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
    transformHeader: (h, i) => h.trim() || `Column ${i + 1}`,
  });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) throw refuse(fileName, `${fatal.message.replace(/\.$/, '')}${fatal.row !== undefined ? ` (row ${fatal.row + 1})` : ''}`);
  const columns = parsed.meta.fields ?? [];
  const rows = parsed.data.map((r) => {
    const row: Row = {};
    for (const c of columns) row[c] = r[c] ?? '';
    return row;
  });
  return { format: 'csv', delimiter: parsed.meta.delimiter, columns, rows };
}

/** Reads and checks the file; throws a ServiceError naming the problem. */
export function readSource(file: string, fileName: string): Source {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw refuse(fileName, 'it is not UTF-8 text (save it as “CSV UTF-8” and try again)');
  const source = /\.json$/i.test(fileName) || /^\s*\[/.test(text) ? fromJson(fileName, text) : fromCsv(fileName, text);
  if (source.columns.length === 0 || source.rows.length === 0) throw refuse(fileName, 'it has no rows of exercises');
  if (source.columns.length > MAX_IMPORT_COLUMNS)
    throw refuse(fileName, `it has ${source.columns.length} columns; up to ${MAX_IMPORT_COLUMNS} are read`);
  if (source.rows.length > MAX_IMPORT_ROWS)
    throw refuse(
      fileName,
      `it has ${source.rows.length.toLocaleString('en-US')} rows; up to ${MAX_IMPORT_ROWS.toLocaleString('en-US')} are imported at once`,
    );
  for (const [i, row] of source.rows.entries()) {
    for (const [column, cell] of Object.entries(row)) {
      const chars = Array.isArray(cell) ? cell.reduce((n, v) => n + v.length, 0) : cell.length;
      if (chars > MAX_CELL_CHARS)
        throw refuse(
          fileName,
          `row ${i + 1}, column “${column.slice(0, 60)}” is longer than ${MAX_CELL_CHARS.toLocaleString('en-US')} characters`,
        );
    }
  }
  return source;
}

/** What the mapping step shows: the columns and the first rows as text. */
export function describeSource(source: Source): ImportSource {
  return {
    format: source.format,
    delimiter: source.delimiter,
    columns: source.columns,
    rowCount: source.rows.length,
    sample: source.rows.slice(0, SAMPLE_ROWS).map((r) => Object.fromEntries(source.columns.map((c) => [c, asText(r[c])]))),
  };
}

export const asText = (cell: Cell | undefined): string => (cell === undefined ? '' : Array.isArray(cell) ? cell.join('; ') : cell);
