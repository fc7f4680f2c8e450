// Electron's quit path (electron/main/quit-backup.ts, wired in electron/main/index.ts) with a
// recorder standing in for `app` that behaves as Electron does (before-quit may cancel the quit;
// will-quit follows when nobody did), and real services on a real data folder: after a write,
// quitting holds until a checked `at-quit` backup holding that write exists, then closes the
// library, once; with nothing changed it quits at once and takes no backup.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUP_DIR_NAME } from '../../../../db/backup';
import { holdQuitForBackup, type QuittingApp } from '../../../../electron/main/quit-backup';
import { startBackupSchedule, type BackupSchedule } from '../../../../services/backups/schedule';
import type { Services } from '../../../../services/boot';
import { call } from '../../../support/call';
import { bootTestServices, sampleDraft } from '../../../support/fixtures';

/** Electron's app as far as quitting goes, recording what happened in order. */
class RecordingApp extends EventEmitter implements QuittingApp {
  readonly events: string[] = [];
  private exitedResolve!: () => void;
  readonly exited = new Promise<void>((resolve) => (this.exitedResolve = resolve));

  quit(): void {
    this.events.push('quit asked');
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) {
      this.events.push('quit held');
      return;
    }
    this.emit('will-quit', { preventDefault: () => undefined });
    this.events.push('exited');
    this.exitedResolve();
  }
}

function wire(services: Services, schedule: BackupSchedule | null) {
  const app = new RecordingApp();
  const errors: string[] = [];
  let pending = schedule;
  let closes = 0;
  let backupsWhenClosed: string[] = [];
  holdQuitForBackup(app, {
    takeSchedule: () => {
      const s = pending;
      pending = null;
      return s;
    },
    closeServices: () => {
      closes++;
      backupsWhenClosed = backups(services.ctx.dataDir);
      app.events.push('services closed');
      services.close();
    },
    log: { error: (m) => errors.push(m) },
  });
  return { app, errors, closes: () => closes, backupsWhenClosed: () => backupsWhenClosed };
}

const backups = (dataDir: string): string[] =>
  fs.existsSync(path.join(dataDir, BACKUP_DIR_NAME)) ? fs.readdirSync(path.join(dataDir, BACKUP_DIR_NAME)) : [];

describe('the backup at quit (Electron quit path)', () => {
  it('holds the quit until a checked at-quit backup with the last write exists, then closes the library once', async () => {
    const services = await bootTestServices();
    const schedule = startBackupSchedule(services.ctx);
    await call(services.ctx, 'library.create', {
      draft: sampleDraft({ text: { ...sampleDraft().text, name: 'Written just before quit' } }),
    });
    const w = wire(services, schedule);

    w.app.quit();
    // The first request is held while the backup runs; nothing is closed yet.
    expect(w.app.events).toEqual(['quit asked', 'quit held']);
    expect(w.closes()).toBe(0);
    await w.app.exited;

    expect(w.app.events).toEqual(['quit asked', 'quit held', 'quit asked', 'services closed', 'exited']);
    expect(w.closes()).toBe(1);
    expect(w.errors).toEqual([]);
    const made = backups(services.ctx.dataDir);
    expect(made).toEqual([expect.stringMatching(/^loadwise-\d{8}-\d{9}-00-at-quit\.db$/)]);
    // The backup was finished (named) before the library closed.
    expect(w.backupsWhenClosed()).toEqual(made);
    const copy = new Database(path.join(services.ctx.dataDir, BACKUP_DIR_NAME, made[0]), { readonly: true });
    try {
      expect(copy.prepare("SELECT count(*) FROM exercise_text WHERE name = 'Written just before quit'").pluck().get()).toBe(1);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });

  it('quits at once and takes no backup when nothing changed', async () => {
    const services = await bootTestServices();
    const w = wire(services, startBackupSchedule(services.ctx));
    w.app.quit();
    await w.app.exited;
    expect(w.app.events).toEqual(['quit asked', 'quit held', 'quit asked', 'services closed', 'exited']);
    expect(backups(services.ctx.dataDir)).toEqual([]);
  });

  it('quits without waiting when start-up never got as far as the schedule', async () => {
    const services = await bootTestServices();
    const w = wire(services, null);
    w.app.quit();
    expect(w.app.events).toEqual(['quit asked', 'services closed', 'exited']);
    expect(w.closes()).toBe(1);
  });

  it('still quits, logging without details, when the backup fails', async () => {
    const services = await bootTestServices();
    const failing: BackupSchedule = {
      runIfChanged: () => Promise.resolve(null),
      atQuit: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
      stop: () => undefined,
    };
    const w = wire(services, failing);
    w.app.quit();
    await w.app.exited;
    expect(w.errors).toEqual(['the backup at quit failed']);
    expect(w.closes()).toBe(1);
  });
});
