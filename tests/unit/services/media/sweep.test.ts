// The start-up sweep of the photo store on real files with real modification times: a file is
// never deleted the first time it is found unused (it waits in media/.orphans/ for a later
// start), a file younger than a write in flight could be is not touched at all, photos a backup
// shows are kept, a quarantined photo that is used again goes back, and an unreadable backup
// stops the sweep.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BACKUP_DIR_NAME, backupDatabase } from '../../../../db/backup';
import { MEDIA_DIR_NAME, ORPHAN_MIN_AGE_MS, ORPHANS_DIR_NAME } from '../../../../services/media/store';
import { photoFile } from '../../../../services/media/use-cases';
import type { ServiceContext } from '../../../../services/context';
import { bootTestServices, sampleDraft, tempDir, tinySeedDir } from '../../../support/fixtures';
import { call } from '../../../support/call';

const HOUR = 60 * 60_000;

function storeFiles(dataDir: string): string[] {
  const root = path.join(dataDir, MEDIA_DIR_NAME);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

/** A file in the store that no row refers to, written `ageMs` before the real clock's now. */
function strayFile(dataDir: string, name: string, ageMs: number): string {
  const file = path.join(dataDir, MEDIA_DIR_NAME, name.slice(0, 2), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `bytes of ${name}`);
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(file, when, when);
  return path.relative(path.join(dataDir, MEDIA_DIR_NAME), file);
}

async function photoOn(ctx: ServiceContext, colour: number): Promise<{ exerciseId: string; sha256: string }> {
  const ex = await call(ctx, 'library.create', { draft: sampleDraft() });
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: colour, g: 80, b: 120 } } })
    .png()
    .toBuffer();
  const after = await call(ctx, 'media.attach', { exerciseId: ex.id, fileName: 'p.png', dataBase64: png.toString('base64') });
  return { exerciseId: ex.id, sha256: after.photos[0].sha256 };
}

const orphan = (name: string): string => path.join(ORPHANS_DIR_NAME, name);

describe('the start-up sweep of unused photo files', () => {
  it('leaves recent files alone, moves old ones to media/.orphans/, and deletes them only at a later start', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    (await bootTestServices({ dataDir, seedDir })).close();
    const old = strayFile(dataDir, `${'a1'.repeat(32)}.png`, 2 * HOUR);
    // Just under the age a write in flight could have: it may be a photo whose row is being written.
    const recent = strayFile(dataDir, `${'b2'.repeat(32)}.jpg`, ORPHAN_MIN_AGE_MS - 60_000);
    const oldLeftover = strayFile(dataDir, `${'c3'.repeat(32)}.jpg.4242.tmp`, 2 * HOUR);
    const recentLeftover = strayFile(dataDir, `${'d4'.repeat(32)}.jpg.4343.tmp`, 60_000);

    (await bootTestServices({ dataDir, seedDir })).close();
    expect(storeFiles(dataDir)).toEqual([recent, recentLeftover, orphan(path.basename(old))].sort());
    expect(fs.readFileSync(path.join(dataDir, MEDIA_DIR_NAME, orphan(path.basename(old))), 'utf8')).toContain('bytes of');
    expect(storeFiles(dataDir)).not.toContain(oldLeftover);

    // The next start deletes what waited in quarantine; the recent files are still too recent.
    (await bootTestServices({ dataDir, seedDir })).close();
    expect(storeFiles(dataDir)).toEqual([recent, recentLeftover].sort());
  });

  it('never touches a photo that a row uses, however old', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    const first = await bootTestServices({ dataDir, seedDir });
    const { sha256 } = await photoOn(first.ctx, 10);
    first.close();
    const before = storeFiles(dataDir);
    expect(before).toHaveLength(2);
    const later = new Date(Date.now() + 5 * HOUR);
    (await bootTestServices({ dataDir, seedDir, now: () => later })).close();
    const again = await bootTestServices({ dataDir, seedDir, now: () => later });
    expect(storeFiles(dataDir)).toEqual(before);
    expect(photoFile(again.ctx, sha256, 'full')).not.toBeNull();
  });

  it('keeps the files of a photo that only a backup still shows', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    const first = await bootTestServices({ dataDir, seedDir });
    const { exerciseId, sha256 } = await photoOn(first.ctx, 20);
    await backupDatabase(first.ctx.db, dataDir, 'test');
    await call(first.ctx, 'media.remove', { exerciseId, sha256 });
    first.close();
    const inStore = storeFiles(dataDir);
    expect(inStore).toHaveLength(2);

    const later = new Date(Date.now() + 5 * HOUR);
    (await bootTestServices({ dataDir, seedDir, now: () => later })).close();
    (await bootTestServices({ dataDir, seedDir, now: () => later })).close();
    expect(storeFiles(dataDir)).toEqual(inStore);

    // Once no backup shows it any more, it goes the usual way.
    fs.rmSync(path.join(dataDir, BACKUP_DIR_NAME), { recursive: true });
    (await bootTestServices({ dataDir, seedDir, now: () => later })).close();
    expect(storeFiles(dataDir)).toEqual(inStore.map((f) => orphan(path.basename(f))).sort());
  });

  it('sweeps nothing when a backup cannot be read', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    (await bootTestServices({ dataDir, seedDir })).close();
    const old = strayFile(dataDir, `${'e5'.repeat(32)}.png`, 2 * HOUR);
    fs.mkdirSync(path.join(dataDir, BACKUP_DIR_NAME), { recursive: true });
    fs.writeFileSync(path.join(dataDir, BACKUP_DIR_NAME, 'loadwise-20250101-120000000-00-manual.db'), 'not a database');
    (await bootTestServices({ dataDir, seedDir })).close();
    expect(storeFiles(dataDir)).toEqual([old]);
  });

  it('puts a quarantined photo back when the library uses it again', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    const first = await bootTestServices({ dataDir, seedDir });
    const { sha256 } = await photoOn(first.ctx, 30);
    first.close();
    // As after a restore: the library shows a photo whose files wait in quarantine.
    const orphans = path.join(dataDir, MEDIA_DIR_NAME, ORPHANS_DIR_NAME);
    fs.mkdirSync(orphans, { recursive: true });
    const files = storeFiles(dataDir);
    for (const f of files) fs.renameSync(path.join(dataDir, MEDIA_DIR_NAME, f), path.join(orphans, path.basename(f)));

    const second = await bootTestServices({ dataDir, seedDir });
    expect(storeFiles(dataDir)).toEqual(files);
    expect(photoFile(second.ctx, sha256, 'thumb')).not.toBeNull();
  });
});
