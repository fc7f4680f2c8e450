// Quitting Electron waits for the last backup: `before-quit` is held (preventDefault) while the
// schedule's atQuit() runs (the same call browser mode makes before it exits; it backs up only
// when something changed since the backup before), then the quit is asked again and goes through.
// `will-quit` closes the services, so the library closes after that backup, never during it.
import type { BackupSchedule } from '../../services/backups/schedule';
import type { Logger } from '../../services/log';

/** The part of Electron's `app` the quit path uses; tests pass a recorder. */
export interface QuittingApp {
  on(event: 'before-quit' | 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface QuitBackupDeps {
  /** Hands over the running schedule once (null before start-up finished or once taken). */
  takeSchedule(): BackupSchedule | null;
  /** Closes the services (the database and the image worker); called once, at will-quit. */
  closeServices(): void;
  log: Pick<Logger, 'error'>;
}

export function holdQuitForBackup(app: QuittingApp, deps: QuitBackupDeps): void {
  app.on('before-quit', (event) => {
    const schedule = deps.takeSchedule();
    if (!schedule) return;
    event.preventDefault();
    void schedule
      .atQuit()
      .catch((err: unknown) => deps.log.error('the backup at quit failed', err))
      .finally(() => app.quit());
  });
  app.on('will-quit', () => deps.closeServices());
}
