// Moving a library to another computer on real files: exportAll writes one .tar.gz (readable by
// the system's tar) with the manifest first, the checked database and every photo; backups.importAll
// on another data folder brings back the same exercises and the same photo bytes, after backing up
// what was there. Refusals (a newer app's export, not an export, a tampered or missing photo)
// change nothing and leave nothing in staging.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { writeCheckedCopy } from '../../../../db/backup';
import type { ServiceContext } from '../../../../services/context';
import { photoFile } from '../../../../services/media/use-cases';
import { writeArchive, type ArchiveEntry } from '../../../../services/backups/archive';
import { exportAll, MANIFEST_NAME } from '../../../../services/backups/transfer';
import type { Exercise } from '../../../../common/domain/exercise';
import { bootTestServices, sampleDraft, tempDir } from '../../../support/fixtures';
import { call, dispatchLikeHost, failure } from '../../../support/call';

async function exercise(ctx: ServiceContext, name: string): Promise<Exercise> {
  return call(ctx, 'library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name } }) });
}

async function attach(ctx: ServiceContext, ex: Exercise, colour: number, format: 'png' | 'jpeg' = 'png'): Promise<string> {
  const img = sharp({ create: { width: 80, height: 60, channels: 3, background: { r: colour, g: 40, b: 160 } } });
  const bytes = await (format === 'png' ? img.png() : img.jpeg()).toBuffer();
  const after = await call(ctx, 'media.attach', { exerciseId: ex.id, fileName: `p.${format}`, dataBase64: bytes.toString('base64') });
  return after.photos.at(-1)!.sha256;
}

const exerciseNames = async (ctx: ServiceContext): Promise<string[]> =>
  (await call(ctx, 'library.search', { query: '', limit: 100 })).items.map((i) => i.name).sort();

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function importFile(ctx: ServiceContext, file: string): ReturnType<typeof dispatchLikeHost> {
  return dispatchLikeHost(ctx, 'backups.importAll', { replace: true, dataBase64: fs.readFileSync(file).toString('base64') });
}

const stagingLeftovers = (ctx: ServiceContext): string[] =>
  fs.existsSync(path.join(ctx.dataDir, 'staging')) ? fs.readdirSync(path.join(ctx.dataDir, 'staging')) : [];

describe('exportAll and backups.importAll', () => {
  it('round trip: the other computer gets the same exercises and the same photo bytes', async () => {
    const source = (await bootTestServices()).ctx;
    const a = await exercise(source, 'Exported with a PNG');
    const b = await exercise(source, 'Exported with a JPEG');
    const pa = await attach(source, a, 20);
    const pb = await attach(source, b, 220, 'jpeg');
    const destination = path.join(tempDir('loadwise-export-'), 'clinic.loadwise-backup');

    const result = await exportAll(source, destination);
    expect(result).toMatchObject({ path: destination, exercises: 5, photos: 2 });
    expect(result.bytes).toBe(fs.statSync(destination).size);
    expect(fs.existsSync(`${destination}.part`)).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(destination).mode & 0o777).toBe(0o600);
    expect(stagingLeftovers(source)).toEqual([]);

    // A plain tar.gz, manifest first: any tar lists it.
    const listed = spawnSync('tar', ['-tzf', destination], { encoding: 'utf8' });
    expect(listed.status, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([MANIFEST_NAME, 'loadwise.db']);
    expect(lines.slice(2).sort()).toEqual(
      [
        `media/${pa.slice(0, 2)}/${pa}.png`,
        `media/${pa.slice(0, 2)}/${pa}.thumb.png`,
        `media/${pb.slice(0, 2)}/${pb}.jpg`,
        `media/${pb.slice(0, 2)}/${pb}.thumb.jpg`,
      ].sort(),
    );

    const target = (await bootTestServices()).ctx;
    await exercise(target, 'On the new computer before the import');
    const imported = await call(target, 'backups.importAll', {
      replace: true,
      dataBase64: fs.readFileSync(destination).toString('base64'),
    });
    expect(imported).toMatchObject({ exercises: 5, photos: 2 });
    expect(imported.safetyBackup).toMatch(/-before-import\.db$/);
    expect(await exerciseNames(target)).toEqual(await exerciseNames(source));
    for (const [ex, p] of [
      [a, pa],
      [b, pb],
    ] as const) {
      expect((await call(target, 'library.get', { id: ex.id })).photos.map((x) => x.sha256)).toEqual([p]);
      for (const variant of ['full', 'thumb'] as const) {
        expect(sha(photoFile(target, p, variant)!.file)).toBe(sha(photoFile(source, p, variant)!.file));
      }
    }
    expect(stagingLeftovers(target)).toEqual([]);
    // What was there before is one restore away.
    await call(target, 'backups.restore', { name: imported.safetyBackup });
    expect(await exerciseNames(target)).toContain('On the new computer before the import');
  });

  it("refuses a newer app's export from its manifest, changing nothing", async () => {
    const source = (await bootTestServices()).ctx;
    const work = tempDir('loadwise-newer-');
    const db = path.join(work, 'loadwise.db');
    await writeCheckedCopy(source.db, db);
    const manifest = {
      format: 'loadwise-export',
      formatVersion: 1,
      appVersion: '9.0.0',
      schemaVersion: 99,
      createdAt: '',
      exercises: 3,
      photos: 0,
    };
    const file = path.join(work, 'newer.loadwise-backup');
    const entries: ArchiveEntry[] = [
      { name: MANIFEST_NAME, data: Buffer.from(JSON.stringify(manifest)) },
      { name: 'loadwise.db', file: db, size: fs.statSync(db).size },
    ];
    await writeArchive(file, entries, new Date());

    const target = (await bootTestServices()).ctx;
    const before = await exerciseNames(target);
    const err = await failure(target, 'backups.importAll', { replace: true, dataBase64: fs.readFileSync(file).toString('base64') });
    expect(err).toEqual({
      code: 'unsupported_media',
      message:
        'This export was made by a newer version of Loadwise (9.0.0, schema 99; this version reads up to schema ' +
        `${(await call(target, 'app.info', {})).schemaVersion}). Install the newer version to import it. Nothing was changed.`,
    });
    expect(await exerciseNames(target)).toEqual(before);
    expect(await call(target, 'backups.list', {})).toEqual([]);
    expect(stagingLeftovers(target)).toEqual([]);
  });

  it('refuses files that are not an export: random bytes, another gzip; and names a truncated export as incomplete', async () => {
    const source = (await bootTestServices()).ctx;
    await attach(source, await exercise(source, 'x'), 90);
    const good = path.join(tempDir('loadwise-export-'), 'good.loadwise-backup');
    await exportAll(source, good);
    const work = tempDir('loadwise-bad-');
    const candidates = {
      random: Buffer.from('not an archive at all, just words'),
      otherGzip: zlib.gzipSync(Buffer.from('hello')),
    };
    const target = (await bootTestServices()).ctx;
    const before = await exerciseNames(target);
    for (const [label, bytes] of Object.entries(candidates)) {
      const file = path.join(work, label);
      fs.writeFileSync(file, bytes);
      const r = await importFile(target, file);
      expect(r, label).toEqual({
        ok: false,
        error: { code: 'unsupported_media', message: 'This file is not a Loadwise library export. Nothing was changed.' },
      });
    }
    // Cut short (a copy or download that did not finish): the manifest reads, the rest is missing.
    const truncated = path.join(work, 'truncated');
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size / 2)));
    expect(await importFile(target, truncated)).toEqual({
      ok: false,
      error: {
        code: 'unsupported_media',
        message: 'This export is incomplete: the file ends early (the copy or download may not have finished). Nothing was changed.',
      },
    });
    expect(await exerciseNames(target)).toEqual(before);
    expect(await call(target, 'backups.list', {})).toEqual([]);
    expect(stagingLeftovers(target)).toEqual([]);
  });

  it('refuses an export whose photo bytes do not match their name, or that lacks a photo it shows', async () => {
    const source = (await bootTestServices()).ctx;
    const p = await attach(source, await exercise(source, 'Photo owner'), 140);
    const work = tempDir('loadwise-tamper-');
    const db = path.join(work, 'loadwise.db');
    await writeCheckedCopy(source.db, db);
    const full = photoFile(source, p, 'full')!.file;
    const thumb = photoFile(source, p, 'thumb')!.file;
    const manifest = Buffer.from(
      JSON.stringify({
        format: 'loadwise-export',
        formatVersion: 1,
        appVersion: 't',
        schemaVersion: 1,
        createdAt: '',
        exercises: 4,
        photos: 1,
      }),
    );
    const tampered = path.join(work, 'tampered');
    fs.writeFileSync(path.join(work, 'other.png'), Buffer.concat([fs.readFileSync(full), Buffer.from('x')]));
    await writeArchive(
      tampered,
      [
        { name: MANIFEST_NAME, data: manifest },
        { name: 'loadwise.db', file: db, size: fs.statSync(db).size },
        { name: `media/${p.slice(0, 2)}/${p}.png`, file: path.join(work, 'other.png'), size: fs.statSync(full).size + 1 },
        { name: `media/${p.slice(0, 2)}/${p}.thumb.png`, file: thumb, size: fs.statSync(thumb).size },
      ],
      new Date(),
    );
    const lacking = path.join(work, 'lacking');
    await writeArchive(
      lacking,
      [
        { name: MANIFEST_NAME, data: manifest },
        { name: 'loadwise.db', file: db, size: fs.statSync(db).size },
      ],
      new Date(),
    );
    const target = (await bootTestServices()).ctx;
    const before = await exerciseNames(target);
    expect(await importFile(target, tampered)).toMatchObject({
      ok: false,
      error: { code: 'unsupported_media', message: expect.stringMatching(/damaged/) },
    });
    expect(await importFile(target, lacking)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/2 files missing/) },
    });
    expect(await exerciseNames(target)).toEqual(before);
    expect(fs.existsSync(path.join(target.dataDir, 'media'))).toBe(false);
    expect(stagingLeftovers(target)).toEqual([]);
  });

  it('does not export a library whose photo files are missing, and leaves no partial file', async () => {
    const source = (await bootTestServices()).ctx;
    const p = await attach(source, await exercise(source, 'Photo owner'), 30);
    fs.rmSync(photoFile(source, p, 'thumb')!.file);
    const destination = path.join(tempDir('loadwise-export-'), 'x.loadwise-backup');
    await expect(exportAll(source, destination)).rejects.toThrow(/1 photo file is missing/);
    expect(fs.readdirSync(path.dirname(destination))).toEqual([]);
    expect(stagingLeftovers(source)).toEqual([]);
  });
});
