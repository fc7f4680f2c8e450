// The import calls, registered as one group: read a file's columns, import its rows with a
// mapping, and the saved mappings.
import type { HandlerGroup } from '../handlers';
import { listMappings, readImport, runImport, saveMapping } from './use-cases';

export const importHandlers: HandlerGroup<'imports.read' | 'imports.run' | 'imports.mappings' | 'imports.saveMapping'> = {
  'imports.read': (_ctx, args, file) => readImport(file!, args.fileName),
  'imports.run': (ctx, args, file) => runImport(ctx, file!, args),
  'imports.mappings': (ctx) => listMappings(ctx),
  'imports.saveMapping': (ctx, args) => saveMapping(ctx, args),
};
