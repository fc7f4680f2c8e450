// Import from other tools: read a file to show its columns and first rows, import its rows with a
// mapping (all valid rows in one transaction, each invalid one skipped with its reason), and the
// clinic's saved mappings (kept in the data folder's import-mappings.json, written atomically).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ImportMappingSchema, type ImportReport, type ImportSource, type SavedMapping } from '../../common/contract/imports';
import type { ParsedArgsOf } from '../../common/contract';
import type { ServiceContext } from '../context';
import { createExercise } from '../library/use-cases';
import type { StagedFile } from '../staging';
import { writeFileAtomically } from '../bundles/export';
import { describeSource, readSource } from './read-source';
import { rowToDraft } from './to-draft';

export const MAPPINGS_FILE = 'import-mappings.json';
const MAX_MAPPINGS = 50;

export function readImport(file: StagedFile, fileName: string): ImportSource {
  return describeSource(readSource(file.path, fileName));
}

export function runImport(ctx: ServiceContext, file: StagedFile, args: ParsedArgsOf<'imports.run'>): ImportReport {
  const source = readSource(file.path, args.fileName);
  const report: ImportReport = { imported: [], skipped: [] };
  const ready = source.rows.flatMap((row, i) => {
    const r = rowToDraft(row, source.columns, args.mapping);
    if (!r.ok) {
      report.skipped.push({ row: i + 1, reason: r.reason });
      return [];
    }
    return [{ row: i + 1, draft: r.draft, pictures: r.pictures }];
  });
  // All or nothing for the valid rows: a failure half-way (a full disk) leaves none of them.
  ctx.db.transaction(() => {
    for (const r of ready) {
      const ex = createExercise(ctx, r.draft);
      report.imported.push({ row: r.row, name: ex.text.name, id: ex.id, pictures: r.pictures });
    }
  })();
  return report;
}

const MappingsSchema = z.array(z.object({ name: z.string(), mapping: ImportMappingSchema, savedAt: z.string() }));

export function listMappings(ctx: ServiceContext): SavedMapping[] {
  try {
    return MappingsSchema.parse(JSON.parse(fs.readFileSync(path.join(ctx.dataDir, MAPPINGS_FILE), 'utf8')));
  } catch {
    return [];
  }
}

/** Saves (or replaces, by name) a mapping; answers the list, most recent first. */
export function saveMapping(ctx: ServiceContext, args: ParsedArgsOf<'imports.saveMapping'>): SavedMapping[] {
  const saved = { name: args.name, mapping: args.mapping, savedAt: ctx.now().toISOString() };
  const list = [saved, ...listMappings(ctx).filter((m) => m.name.toLowerCase() !== args.name.toLowerCase())].slice(0, MAX_MAPPINGS);
  writeFileAtomically(path.join(ctx.dataDir, MAPPINGS_FILE), Buffer.from(`${JSON.stringify(list, null, 1)}\n`, 'utf8'));
  return list;
}
