// A library Loadwise may not write is reported at start as "Loadwise cannot write to <folder>",
// never made writable behind the user's back (no chmod), and never half-opened; a disk that turns
// read-only while the app runs does not make shutdown crash. Real processes (out/browser/cli.cjs)
// on real files. Permission bits do not bind root, so as root the process runs as `nobody`; the
// read-only disk test needs root (a tmpfs remounted read-only) and says so when skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, DB_FILE_NAME, openDatabase } from '../../../db/open';
import { bootTestServices, sampleDraft, tempDir } from '../../support/fixtures';
import { postCall, snapshotTree, startCli } from '../../support/cli-process';

const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';
const NOBODY = 65534;
/** As root, the started process runs as `nobody`, so permission bits apply to it. */
const spawnAs = isRoot ? { uid: NOBODY, gid: NOBODY } : {};

function giveToProcessUser(dir: string): void {
  if (!isRoot) return;
  fs.chownSync(dir, NOBODY, NOBODY);
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) fs.chownSync(path.join(dir, rel), NOBODY, NOBODY);
}

/** A folder holding a library made by the services and closed again; owned by the process user. */
async function existingLibrary(): Promise<{ root: string; dataDir: string }> {
  const root = tempDir('loadwise-ro-');
  const dataDir = path.join(root, 'data');
  const services = await bootTestServices({ dataDir });
  services.close();
  giveToProcessUser(root);
  return { root, dataDir };
}

const modeOf = (p: string): number => fs.statSync(p).mode & 0o777;

describe.runIf(posix)('a library Loadwise cannot write', () => {
  it('a read-only data folder is reported by name at start and left as it was', async (ctx) => {
    const { dataDir } = await existingLibrary();
    fs.chmodSync(dataDir, 0o500);
    try {
      const before = snapshotTree(dataDir);
      const run = startCli(ctx, dataDir, { spawn: spawnAs });
      expect((await run.exited).code).toBe(1);
      expect(run.stderr()).toContain(`Loadwise cannot write to ${dataDir}.`);
      expect(run.stderr()).not.toMatch(/\n\s+at /); // one plain message, no stack trace
      expect(run.stdout()).toBe('');
      expect(modeOf(dataDir)).toBe(0o500); // never chmodded
      expect(snapshotTree(dataDir)).toEqual(before);
    } finally {
      fs.chmodSync(dataDir, 0o700); // so the fixture can remove it
    }
  });

  it('a read-only database file is reported at start, not made writable, not changed', async (ctx) => {
    const { dataDir } = await existingLibrary();
    const file = path.join(dataDir, DB_FILE_NAME);
    fs.chmodSync(file, 0o400);
    const before = snapshotTree(dataDir, (rel) => rel.startsWith('loadwise.lock'));

    const run = startCli(ctx, dataDir, { spawn: spawnAs });
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toContain(`Loadwise cannot write to ${dataDir}.`);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(modeOf(file)).toBe(0o400);
    expect(snapshotTree(dataDir, (rel) => rel.startsWith('loadwise.lock'))).toEqual(before);
  });
});

const canMount = isRoot && process.platform === 'linux';

/** Writes a filler file until the file system is full. */
function fillDisk(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler.bin'), 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

describe('a disk that fills up while Loadwise runs', () => {
  it.skipIf(!canMount)('(needs root on Linux for a small tmpfs) shuts down cleanly, and what was saved is kept', async (ctx) => {
    const mountPoint = tempDir('loadwise-fullfs-');
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', mountPoint], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mount: ${r.stderr}`);
    try {
      const dataDir = path.join(mountPoint, 'data');
      const run = startCli(ctx, dataDir);
      const { port, token } = await run.ready;
      for (let i = 0; i < 20; i++) {
        const draft = sampleDraft({ text: { ...sampleDraft().text, name: `Kept exercise ${i}` } });
        expect(JSON.parse((await postCall(port, token, 'library.create', { draft })).body)).toMatchObject({ ok: true });
      }
      fillDisk(mountPoint);
      // SQLite first reuses the room its write-ahead log already holds; once that is used up, a
      // write fails as a disk problem, with nothing half-saved. Every write acknowledged before
      // then must still be there afterwards.
      const acknowledged: string[] = [];
      let refused: unknown = null;
      const long = 'x'.repeat(1900);
      for (let i = 0; i < 3000 && refused === null; i++) {
        const name = `After the disk filled ${i}`;
        const draft = sampleDraft({ text: { ...sampleDraft().text, name }, clinicianNotes: long });
        const reply = JSON.parse((await postCall(port, token, 'library.create', { draft })).body) as { ok: boolean };
        if (reply.ok) acknowledged.push(name);
        else refused = reply;
      }
      expect(refused).toMatchObject({ ok: false, error: { code: 'disk_problem' } });

      run.child.kill('SIGTERM');
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(run.stderr()).not.toMatch(/\n\s+at |Unhandled|uncaught/i);

      fs.rmSync(path.join(mountPoint, 'filler.bin'));
      const db = openDatabase(path.join(dataDir, DB_FILE_NAME));
      try {
        expect(db.prepare("SELECT count(*) FROM exercise_text WHERE name LIKE 'Kept exercise %'").pluck().get()).toBe(20);
        const after = db.prepare("SELECT name FROM exercise_text WHERE name LIKE 'After the disk filled %'").pluck().all() as string[];
        expect(after.sort()).toEqual([...acknowledged].sort());
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        closeDatabase(db);
      }
    } finally {
      spawnSync('umount', ['-l', mountPoint]);
    }
  });
});
