import type { DB } from '../open';
import { stmt } from '../statements';

export function getMeta(db: DB, key: string): string | null {
  const row = stmt(db, 'SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: DB, key: string, value: string): void {
  stmt(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
