// Prepared statements, compiled once per connection and SQL text. better-sqlite3 does not cache
// them itself, and compiling costs more than running most of our queries.
import type Database from 'better-sqlite3';
import type { DB } from './open';

const caches = new WeakMap<DB, Map<string, Database.Statement>>();
const MAX_CACHED = 200;

export function stmt(db: DB, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    // Search builds SQL from the filters chosen, so the set is bounded but large: drop the oldest.
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
