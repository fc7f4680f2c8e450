// Automatic backups while the app runs: every 15 minutes when something changed since the last
// backup, and once more at quit. "Changed" is the connection's total_changes() against the count
// the last backup covered (every write goes through the one connection the services hold).
import type { ServiceContext } from '../context';
import { lastBackedUp, markBackedUp } from './queue';
import { changedSinceLastBackup, createBackup } from './use-cases';
import { totalChanges } from '../../db/queries/backups';

export const BACKUP_INTERVAL_MS = 15 * 60_000;

export interface BackupSchedule {
  /** Backs up now if something changed since the last backup; the backup's name, or null. */
  runIfChanged(reason?: string): Promise<string | null>;
  /** Stops the timer and takes the last backup if something changed (call before closing). */
  atQuit(): Promise<string | null>;
  stop(): void;
}

export function startBackupSchedule(ctx: ServiceContext, options: { intervalMs?: number } = {}): BackupSchedule {
  // What start-up itself wrote (migrations, the built-in library) is not a change to back up.
  if (lastBackedUp(ctx.db) === undefined) markBackedUp(ctx.db, totalChanges(ctx.db));
  const runIfChanged = async (reason = 'auto'): Promise<string | null> => {
    if (!changedSinceLastBackup(ctx)) return null;
    try {
      return (await createBackup(ctx, reason)).name;
    } catch (err) {
      ctx.log.error('automatic backup failed', err);
      return null;
    }
  };
  const timer = setInterval(() => void runIfChanged(), options.intervalMs ?? BACKUP_INTERVAL_MS);
  timer.unref();
  const stop = (): void => clearInterval(timer);
  return {
    runIfChanged,
    atQuit: () => {
      stop();
      return runIfChanged('at-quit');
    },
    stop,
  };
}
