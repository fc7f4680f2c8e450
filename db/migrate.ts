// Brings a database to the schema this build knows. All pending steps run in one IMMEDIATE
// transaction with the user_version bump, so a failure leaves the file exactly as it was.
import { backupDatabase } from './backup';
import type { DB } from './open';
import { DatabaseFromFutureError } from './errors';

export { DatabaseFromFutureError };
import { MIGRATIONS, type Migration } from './migrations/index';

export function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function isEmpty(db: DB): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n === 0;
}

export interface MigrateResult {
  from: number;
  to: number;
  backupPath: string | null;
}

export async function migrate(db: DB, dataDir: string | null, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  assertOrdered(migrations);
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) throw new DatabaseFromFutureError(from, latest);
  if (from === latest) return { from, to: from, backupPath: null };

  // A fresh file has nothing worth keeping; any other one is copied before its schema changes.
  const backupPath = dataDir && !isEmpty(db) ? await backupDatabase(db, dataDir, `before-schema-${latest}`) : null;
  const pending = migrations.slice(from);
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      m.code?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
    // Checked before the commit, so a migration that breaks references is rolled back whole.
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) throw new Error(`Migration to schema ${latest} left ${fk.length} broken reference(s); nothing was changed`);
  }).immediate();
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') throw new Error(`The database failed its integrity check after migrating (${String(integrity)})`);
  db.pragma('optimize');
  return { from, to: latest, backupPath };
}
