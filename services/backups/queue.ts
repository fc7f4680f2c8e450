// Backup work runs one piece at a time per running library: a restore must never close the
// connection a backup is still copying from, and two backups must not race for one name.
// Also remembers, per connection, how many changes the last backup covered.
import type { DB } from '../../db/open';
import type { ServiceContext } from '../context';

const tails = new WeakMap<ServiceContext, Promise<unknown>>();

/** Runs `work` after every earlier piece of backup work for `ctx` has settled. */
export function exclusive<T>(ctx: ServiceContext, work: () => Promise<T>): Promise<T> {
  const run = (tails.get(ctx) ?? Promise.resolve()).then(work, work);
  tails.set(
    ctx,
    run.catch(() => undefined),
  );
  return run;
}

const backedUp = new WeakMap<DB, number>();

/** Records that a backup covers the connection's changes up to `changes` (its total_changes()). */
export function markBackedUp(db: DB, changes: number): void {
  backedUp.set(db, changes);
}

/** The changes count the last backup covered; undefined before the first backup or baseline. */
export function lastBackedUp(db: DB): number | undefined {
  return backedUp.get(db);
}
