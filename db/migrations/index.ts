// The ordered list of schema migrations. Each step runs once, in order, and moves user_version to
// its own number. SQL is imported as text so bundles carry it without reading files at run time.
import m0001 from './0001_exercise_library.sql?raw';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'exercise_library', sql: m0001 }];
