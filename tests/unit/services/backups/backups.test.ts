// Backups through dispatch, on real files: the rotation under a simulated clock, what the list
// says of each backup, restore round trips with photos (also across restarts, when the photo
// sweep runs), refusals that leave everything as it was (damaged, newer, photos gone), and the
// automatic schedule that backs up only when something changed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { BACKUP_DIR_NAME, backupsToKeep, DEFAULT_ROTATION } from '../../../../db/backup';
import { DB_FILE_NAME } from '../../../../db/open';
import type { ServiceContext } from '../../../../services/context';
import { photoFile } from '../../../../services/media/use-cases';
import { startBackupSchedule } from '../../../../services/backups/schedule';
import type { BackupInfo } from '../../../../common/contract/backups';
import type { Exercise } from '../../../../common/domain/exercise';
import { samplePatient } from '../../../support/patients';
import { bootTestServices, sampleDraft, tempDir, tinySeedDir } from '../../../support/fixtures';
import { call, failure } from '../../../support/call';

const HOUR = 3600_000;

/** A clock the test moves by hand. */
function clock(start: Date): { now: () => Date; set(d: Date): void; advance(ms: number): void } {
  let t = start.getTime();
  return { now: () => new Date(t), set: (d) => (t = d.getTime()), advance: (ms) => (t += ms) };
}

async function exercise(ctx: ServiceContext, name: string): Promise<Exercise> {
  return call(ctx, 'library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name } }) });
}

async function withPhoto(ctx: ServiceContext, ex: Exercise, colour: number): Promise<string> {
  const png = await sharp({ create: { width: 60, height: 40, channels: 3, background: { r: colour, g: 90, b: 30 } } })
    .png()
    .toBuffer();
  const after = await call(ctx, 'media.attach', { exerciseId: ex.id, fileName: 'p.png', dataBase64: png.toString('base64') });
  return after.photos.at(-1)!.sha256;
}

const names = async (ctx: ServiceContext): Promise<string[]> => (await call(ctx, 'backups.list', {})).map((b) => b.name);
const exerciseNames = async (ctx: ServiceContext): Promise<string[]> =>
  (await call(ctx, 'library.search', { query: '', limit: 100 })).items.map((i) => i.name).sort();

describe('rotation (simulated clock)', () => {
  /** The name a backup taken at `d` gets. */
  const nameAt = (d: Date, n = 0): string =>
    `loadwise-${d.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18)}-${String(n).padStart(2, '0')}-auto.db`;

  it('keeps the newest few of today, the newest of each earlier day, ten in all', () => {
    const now = new Date(2026, 2, 20, 17, 0); // local time: days are the clinic's days
    const taken: string[] = [];
    for (let day = 14; day >= 0; day--) for (const hour of [9, 12, 15]) taken.push(nameAt(new Date(2026, 2, 20 - day, hour, 5)));
    taken.push(nameAt(new Date(2026, 2, 20, 16, 30)));
    const keep = backupsToKeep(taken, now);
    // Today: 9:05, 12:05, 15:05, 16:30 (four); then one per earlier day, the newest (15:05), six days back.
    expect(keep).toEqual([
      nameAt(new Date(2026, 2, 20, 16, 30)),
      nameAt(new Date(2026, 2, 20, 15, 5)),
      nameAt(new Date(2026, 2, 20, 12, 5)),
      nameAt(new Date(2026, 2, 20, 9, 5)),
      ...[19, 18, 17, 16, 15, 14].map((d) => nameAt(new Date(2026, 2, d, 15, 5))),
    ]);
    expect(keep).toHaveLength(DEFAULT_ROTATION.maxTotal);
    expect(backupsToKeep(taken, now, { keepToday: 2, maxTotal: 3 })).toEqual([
      nameAt(new Date(2026, 2, 20, 16, 30)),
      nameAt(new Date(2026, 2, 20, 15, 5)),
      nameAt(new Date(2026, 2, 19, 15, 5)),
    ]);
  });

  it('applies as backups are taken while the clock runs over days, and is configurable', async () => {
    const c = clock(new Date(2026, 0, 5, 8, 0));
    const { ctx } = await bootTestServices({ now: c.now });
    const takenPerDay = new Map<number, string[]>();
    for (let day = 0; day < 5; day++) {
      c.set(new Date(2026, 0, 5 + day, 8, 0));
      for (let i = 0; i < 6; i++) {
        await exercise(ctx, `Day ${day} exercise ${i}`);
        const b = await call(ctx, 'backups.create', {});
        takenPerDay.set(day, [...(takenPerDay.get(day) ?? []), b.name]);
        c.advance(HOUR);
      }
    }
    const today = takenPerDay.get(4)!;
    expect(await names(ctx)).toEqual([...today.slice(-4).reverse(), ...[3, 2, 1, 0].map((d) => takenPerDay.get(d)!.at(-1)!)]);

    ctx.backupRotation = { keepToday: 1, maxTotal: 2 };
    c.advance(HOUR);
    const last = await call(ctx, 'backups.create', {});
    expect(await names(ctx)).toEqual([last.name, takenPerDay.get(3)!.at(-1)!]);
    expect(fs.readdirSync(path.join(ctx.dataDir, BACKUP_DIR_NAME))).toHaveLength(2);
  });
});

describe('backups.list', () => {
  it('says when, why, how big and what each backup holds; an unreadable one says so', async () => {
    const c = clock(new Date(Date.UTC(2026, 4, 1, 10, 0, 0)));
    const { ctx } = await bootTestServices({ now: c.now });
    const ex = await exercise(ctx, 'Listed exercise');
    await withPhoto(ctx, ex, 40);
    const patient = await call(ctx, 'patients.create', { patient: samplePatient() });
    await call(ctx, 'programs.create', { patientId: patient.id, title: 'Listed program' });
    const made = await call(ctx, 'backups.create', {});
    expect(made).toMatchObject({
      takenAt: '2026-05-01T10:00:00.000Z',
      reason: 'manual',
      readable: true,
      exercises: 4, // three built-in, one clinic
      photos: 1,
      patients: 1,
      programs: 1,
    });
    expect(made.bytes).toBe(fs.statSync(path.join(ctx.dataDir, BACKUP_DIR_NAME, made.name)).size);

    // A backup from before patients existed says nothing about them.
    const older = path.join(ctx.dataDir, BACKUP_DIR_NAME, 'loadwise-20260502-090000000-00-manual.db');
    fs.copyFileSync(path.join(ctx.dataDir, BACKUP_DIR_NAME, made.name), older);
    const db = new Database(older);
    db.exec(
      'DROP TABLE IF EXISTS measurements; DROP TABLE program_steps; DROP TABLE program_versions; DROP TABLE programs; DROP TABLE patients',
    );
    db.close();
    fs.writeFileSync(path.join(ctx.dataDir, BACKUP_DIR_NAME, 'loadwise-20260503-090000000-00-manual.db'), 'garbage');

    const list: BackupInfo[] = await call(ctx, 'backups.list', {});
    expect(list.map((b) => [b.name, b.readable, b.patients, b.programs])).toEqual([
      ['loadwise-20260503-090000000-00-manual.db', false, null, null],
      ['loadwise-20260502-090000000-00-manual.db', true, null, null],
      [made.name, true, 1, 1],
    ]);
  });
});

describe('backups.restore', () => {
  it('round trip with photos: restores a backup, and the safety backup undoes it', async () => {
    const { ctx } = await bootTestServices();
    const kept = await exercise(ctx, 'Kept exercise');
    const p1 = await withPhoto(ctx, kept, 10);
    const b1 = await call(ctx, 'backups.create', {});

    const later = await exercise(ctx, 'Added later');
    const p2 = await withPhoto(ctx, later, 200);
    await call(ctx, 'media.remove', { exerciseId: kept.id, sha256: p1 });
    const oldDb = ctx.db;

    const result = await call(ctx, 'backups.restore', { name: b1.name });
    expect(result).toMatchObject({ restored: b1.name, exercises: 4, photos: 1 });
    expect(result.safetyBackup).toMatch(/-before-restore\.db$/);
    // The context holds a new connection; the old one is closed.
    expect(ctx.db).not.toBe(oldDb);
    expect(oldDb.open).toBe(false);
    expect(await exerciseNames(ctx)).toContain('Kept exercise');
    expect(await exerciseNames(ctx)).not.toContain('Added later');
    const restored = await call(ctx, 'library.get', { id: kept.id });
    expect(restored.photos.map((p) => p.sha256)).toEqual([p1]);
    expect(photoFile(ctx, p1, 'full')).not.toBeNull();
    expect(photoFile(ctx, p1, 'thumb')).not.toBeNull();
    // Writes go on in the restored library.
    await exercise(ctx, 'After restore');
    expect(await exerciseNames(ctx)).toContain('After restore');

    // Undo: the safety backup holds the library as it was just before.
    await call(ctx, 'backups.restore', { name: result.safetyBackup });
    expect(await exerciseNames(ctx)).toEqual(expect.arrayContaining(['Added later', 'Kept exercise']));
    expect((await call(ctx, 'library.get', { id: later.id })).photos.map((p) => p.sha256)).toEqual([p2]);
    expect(photoFile(ctx, p2, 'full')).not.toBeNull();
    expect(fs.existsSync(path.join(ctx.dataDir, `${DB_FILE_NAME}-journal`))).toBe(false);
  });

  it('restores while another connection has the library file open (a viewer, a test reading it)', async () => {
    const { ctx } = await bootTestServices();
    await exercise(ctx, 'In the backup');
    const b1 = await call(ctx, 'backups.create', {});
    for (let i = 0; i < 30; i++) await exercise(ctx, `Added later ${i}`);
    const reader = new Database(path.join(ctx.dataDir, DB_FILE_NAME), { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) FROM exercises').pluck().get()).toBe(34);
      await call(ctx, 'backups.restore', { name: b1.name });
      expect(await exerciseNames(ctx)).not.toContain('Added later 0');
      expect(await exerciseNames(ctx)).toContain('In the backup');
    } finally {
      reader.close();
    }
    const again = new Database(path.join(ctx.dataDir, DB_FILE_NAME), { readonly: true });
    try {
      expect(again.prepare('SELECT count(*) FROM exercises').pluck().get()).toBe(4);
      expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      again.close();
    }
  });

  it('keeps the library as it was, open and working, when the file cannot be put in place', async () => {
    const { ctx } = await bootTestServices();
    await exercise(ctx, 'In the backup');
    const b1 = await call(ctx, 'backups.create', {});
    await exercise(ctx, 'Added later');
    const before = await exerciseNames(ctx);
    const realRename = fs.renameSync;
    const rename = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to) === path.join(ctx.dataDir, DB_FILE_NAME)) throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
      realRename(from, to);
    });
    try {
      const err = await failure(ctx, 'backups.restore', { name: b1.name });
      expect(err).toEqual({ code: 'disk_problem', message: 'Loadwise could not replace the library file, so nothing was changed.' });
    } finally {
      rename.mockRestore();
    }
    expect(ctx.db.open).toBe(true);
    expect(await exerciseNames(ctx)).toEqual(before);
    await exercise(ctx, 'Still writable');
    expect(fs.readdirSync(path.join(ctx.dataDir, 'staging'))).toEqual([]);
  });

  it('still finds the photos after restarts in between (the sweep keeps what backups show)', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    const c = clock(new Date());
    const first = await bootTestServices({ dataDir, seedDir, now: c.now });
    const ex = await exercise(first.ctx, 'Photo owner');
    const p1 = await withPhoto(first.ctx, ex, 77);
    const b1 = await call(first.ctx, 'backups.create', {});
    await call(first.ctx, 'media.remove', { exerciseId: ex.id, sha256: p1 });
    first.close();
    // Two starts far apart: an unused photo would be quarantined and then deleted.
    c.advance(48 * HOUR);
    (await bootTestServices({ dataDir, seedDir, now: c.now })).close();
    const third = await bootTestServices({ dataDir, seedDir, now: c.now });
    await call(third.ctx, 'backups.restore', { name: b1.name });
    expect((await call(third.ctx, 'library.get', { id: ex.id })).photos.map((p) => p.sha256)).toEqual([p1]);
    expect(photoFile(third.ctx, p1, 'full')).not.toBeNull();
    third.close();
    // And the restored library opens again as it was.
    const fourth = await bootTestServices({ dataDir, seedDir, now: c.now });
    expect((await call(fourth.ctx, 'library.get', { id: ex.id })).photos.map((p) => p.sha256)).toEqual([p1]);
  });

  it('refuses when a photo the backup shows is gone, and changes nothing', async () => {
    const { ctx } = await bootTestServices();
    const ex = await exercise(ctx, 'Photo owner');
    const p1 = await withPhoto(ctx, ex, 120);
    const b1 = await call(ctx, 'backups.create', {});
    await call(ctx, 'media.remove', { exerciseId: ex.id, sha256: p1 });
    fs.rmSync(photoFileAnyway(ctx.dataDir, p1));
    const before = await exerciseNames(ctx);
    const backupsBefore = await names(ctx);

    const err = await failure(ctx, 'backups.restore', { name: b1.name });
    expect(err.code).toBe('conflict');
    expect(err.message).toBe(
      'This backup shows photos whose files are no longer in the data folder (1 file missing), so it was not used. Nothing was changed.',
    );
    expect(await exerciseNames(ctx)).toEqual(before);
    expect(await names(ctx)).toEqual(backupsBefore); // no safety backup was needed
    expect(fs.readdirSync(path.join(ctx.dataDir, 'staging'))).toEqual([]);
  });

  it('refuses a damaged backup and one from a newer Loadwise, changing nothing', async () => {
    const { ctx } = await bootTestServices();
    await exercise(ctx, 'Current');
    const b1 = await call(ctx, 'backups.create', {});
    const dir = path.join(ctx.dataDir, BACKUP_DIR_NAME);

    // Garbage over a few pages in the middle of the file.
    const damaged = 'loadwise-20200101-000000000-00-manual.db';
    const bytes = fs.readFileSync(path.join(dir, b1.name));
    const pageSize = bytes.readUInt16BE(16);
    expect(bytes.length / pageSize).toBeGreaterThan(10);
    for (const page of [4, 5, 6]) bytes.fill(0x5a, (page - 1) * pageSize, page * pageSize);
    fs.writeFileSync(path.join(dir, damaged), bytes);

    const newer = 'loadwise-20200102-000000000-00-manual.db';
    fs.copyFileSync(path.join(dir, b1.name), path.join(dir, newer));
    const db = new Database(path.join(dir, newer));
    db.pragma('user_version = 99');
    db.close();

    const before = await exerciseNames(ctx);
    const damagedErr = await failure(ctx, 'backups.restore', { name: damaged });
    expect(damagedErr).toEqual({
      code: 'unsupported_media',
      message: 'This backup is damaged (it fails its integrity check) and cannot be used. Nothing was changed.',
    });
    const newerErr = await failure(ctx, 'backups.restore', { name: newer });
    expect(newerErr.message).toMatch(/^This backup was made by a newer version of Loadwise \(schema 99;/);
    const missing = await failure(ctx, 'backups.restore', { name: 'loadwise-20200103-000000000-00-manual.db' });
    expect(missing.code).toBe('not_found');
    expect(await exerciseNames(ctx)).toEqual(before);
    expect((await names(ctx)).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('refuses a name that is a path, before touching anything', async () => {
    const { ctx } = await bootTestServices();
    const err = await failure(ctx, 'backups.restore', { name: '../loadwise.db' });
    expect(err.code).toBe('invalid_argument');
  });
});

/** Where the store keeps a PNG photo's full-size file. */
function photoFileAnyway(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'media', sha256.slice(0, 2), `${sha256}.png`);
}

describe('automatic backups', () => {
  it('back up only when something changed since the last backup, and at quit', async () => {
    const c = clock(new Date(2026, 5, 1, 9, 0));
    const { ctx } = await bootTestServices({ now: c.now });
    const schedule = startBackupSchedule(ctx, { intervalMs: 60_000 });
    try {
      // Start-up's own writes (the built-in library) do not count.
      expect(await schedule.runIfChanged()).toBeNull();
      await exercise(ctx, 'Changed once');
      c.advance(15 * 60_000);
      const first = await schedule.runIfChanged();
      expect(first).toMatch(/-auto\.db$/);
      expect(await schedule.runIfChanged()).toBeNull();
      // A manual backup counts as a backup too.
      await exercise(ctx, 'Changed twice');
      await call(ctx, 'backups.create', {});
      expect(await schedule.runIfChanged()).toBeNull();
      await exercise(ctx, 'Changed before quitting');
      c.advance(60_000);
      expect(await schedule.atQuit()).toMatch(/-at-quit\.db$/);
      expect(await schedule.atQuit()).toBeNull();
    } finally {
      schedule.stop();
    }
  });

  it('runs by itself on its interval', async () => {
    const { ctx } = await bootTestServices();
    const schedule = startBackupSchedule(ctx, { intervalMs: 50 });
    try {
      await exercise(ctx, 'Changed');
      const deadline = Date.now() + 5000;
      while ((await names(ctx)).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await names(ctx)).toEqual([expect.stringMatching(/-auto\.db$/)]);
    } finally {
      schedule.stop();
    }
  });
});
