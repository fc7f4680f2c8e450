// One owner per data folder, with real processes: browser mode (out/browser/cli.cjs) started twice
// on one folder, the second refused with the holder's kind and process id, exiting non-zero and
// leaving every file as it was (no migration, no sweep of photos, no clearing of staging); a
// holder killed with SIGKILL leaves no stale lock; in one process, a second boot is refused too.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderInUseError, LOCK_FILE_NAME, lockDataFolder, OWNER_FILE_NAME, readLockOwner } from '../../../services/folder-lock';
import { bootTestServices, tempDir } from '../../support/fixtures';
import { snapshotTree, startCli } from '../../support/cli-process';

/** Leftovers a starting owner clears: a staged upload, an unused photo file, a launch page. */
function plantLeftovers(dataDir: string): void {
  fs.mkdirSync(path.join(dataDir, 'staging'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'staging', 'half-upload.part'), 'partial bytes');
  const photoDir = path.join(dataDir, 'media', 'ab');
  fs.mkdirSync(photoDir, { recursive: true });
  const stray = path.join(photoDir, `${'ab'.repeat(32)}.png`);
  fs.writeFileSync(stray, 'no row refers to this file');
  const old = new Date(Date.now() - 24 * 3600_000);
  fs.utimesSync(stray, old, old);
  fs.writeFileSync(path.join(dataDir, 'open-0123456789abcdef.html'), '<!doctype html>');
}

describe('one owner per data folder (real processes)', () => {
  it('refuses a second browser mode on a folder in use, naming the holder, and changes nothing there', async (ctx) => {
    const dataDir = path.join(tempDir('loadwise-lock-'), 'data');
    const first = startCli(ctx, dataDir);
    await first.ready;
    plantLeftovers(dataDir);
    const before = snapshotTree(dataDir);
    expect(Object.keys(before)).toContain(path.join('staging', 'half-upload.part'));

    const second = startCli(ctx, dataDir);
    const exit = await second.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(second.stdout()).toBe('');
    expect(second.stderr()).toContain('This library is already open in Loadwise in browser mode');
    expect(second.stderr()).toContain(`process ${first.child.pid}`);
    expect(second.stderr()).toContain(dataDir);
    expect(snapshotTree(dataDir)).toEqual(before);

    // The first one is unaffected and still answers.
    expect(first.child.exitCode).toBeNull();
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
  });

  it('takes over a lock whose holder was killed with SIGKILL', async (ctx) => {
    const dataDir = path.join(tempDir('loadwise-lock-'), 'data');
    const first = startCli(ctx, dataDir);
    await first.ready;
    expect(readLockOwner(dataDir)?.pid).toBe(first.child.pid);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // The holder's note is still there, stale; the operating system's lock is gone with the process.
    expect(fs.existsSync(path.join(dataDir, OWNER_FILE_NAME))).toBe(true);

    const second = startCli(ctx, dataDir);
    await second.ready;
    expect(readLockOwner(dataDir)?.pid).toBe(second.child.pid);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    // A clean stop removes the note.
    expect(fs.existsSync(path.join(dataDir, OWNER_FILE_NAME))).toBe(false);
  });

  it('names the desktop app when it holds the folder', async (ctx) => {
    const dataDir = path.join(tempDir('loadwise-lock-'), 'data');
    const lock = lockDataFolder(dataDir, 'electron');
    try {
      const second = startCli(ctx, dataDir);
      expect((await second.exited).code).toBe(1);
      expect(second.stderr()).toContain(`the Loadwise desktop app (process ${process.pid}`);
      // Nothing but the lock and its note: no database was created.
      expect(fs.readdirSync(dataDir).sort()).toEqual([LOCK_FILE_NAME, OWNER_FILE_NAME]);
    } finally {
      lock.release();
    }
  });
});

describe('one owner per data folder (one process)', () => {
  it('refuses a second boot on the same folder until the first closes', async () => {
    const dataDir = tempDir();
    const first = await bootTestServices({ dataDir });
    const err = await bootTestServices({ dataDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FolderInUseError);
    expect((err as FolderInUseError).owner).toMatchObject({ pid: process.pid, kind: 'browser' });
    // The refused boot did not close or disturb the first one's database.
    expect(first.ctx.db.open).toBe(true);
    first.close();
    const again = await bootTestServices({ dataDir });
    expect(again.ctx.db.open).toBe(true);
  });
});
