// The rows the built-in library sync reads and writes besides whole exercises: which built-ins are
// installed at which version, retiring and restoring them, and freeing a code for its new owner.
import type { DB } from '../open';
import { stmt } from '../statements';

export interface InstalledBuiltin {
  id: string;
  contentVersion: number;
  createdAt: string;
  archivedAt: string | null;
}

export function installedBuiltins(db: DB): Map<string, InstalledBuiltin> {
  const rows = stmt(db, "SELECT id, content_version, created_at, archived_at FROM exercises WHERE origin = 'builtin'").all() as {
    id: string;
    content_version: number;
    created_at: string;
    archived_at: string | null;
  }[];
  return new Map(
    rows.map((r) => [r.id, { id: r.id, contentVersion: r.content_version, createdAt: r.created_at, archivedAt: r.archived_at }]),
  );
}

/** Shipped again after a retirement: back in the library. */
export function restoreBuiltin(db: DB, id: string, updatedAt: string): void {
  stmt(db, 'UPDATE exercises SET archived_at = NULL, updated_at = ? WHERE id = ?').run(updatedAt, id);
}

/** A code names one exercise at a time; whoever held it before gives it up. */
export function releaseCode(db: DB, code: string, newOwnerId: string): void {
  stmt(db, 'UPDATE exercises SET code = NULL WHERE code = ? AND id <> ?').run(code, newOwnerId);
}

/** No longer shipped: archived, never deleted (programs may still use it). Returns whether it changed. */
export function retireBuiltin(db: DB, id: string, stamp: string): boolean {
  return (
    stmt(db, 'UPDATE exercises SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL').run(stamp, stamp, id).changes > 0
  );
}
