// The staging folder on the byte lane: bytes land there privately and within their call's limit,
// a stream over the limit leaves no partial file, start-up clears leftovers, and dispatch removes
// the staged file of a call whatever the call's outcome.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../../common/contract';
import type { ServiceContext } from '../../../services/context';
import { dispatch } from '../../../services/dispatch';
import { clearStaging, stageBytes, stageStream, stagingDir, TooLargeError, type StagedFile } from '../../../services/staging';
import { bootTestServices, sampleDraft, tempDir, tinySeedDir } from '../../support/fixtures';
import { call } from '../../support/call';

const posixOnly = process.platform === 'win32' ? it.skip : it;
const MB = 1024 * 1024;
const LIMIT = { maxBytes: 1000, fileNoun: 'Photos' };
const PHOTO_LIMIT = { maxBytes: MAX_PHOTO_BYTES, fileNoun: 'Photos' };

function stagedFiles(dataDir: string): string[] {
  const dir = stagingDir(dataDir);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

/** A stream of `total` bytes in `chunk`-sized pieces, made as they are read. */
function bytesStream(total: number, chunk = 64 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const n = Math.min(chunk, total - sent);
      sent += n;
      this.push(Buffer.alloc(n, sent % 251));
    },
  });
}

async function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 200, b: 30 } } })
    .png()
    .toBuffer();
}

async function clinicExerciseId(ctx: ServiceContext): Promise<string> {
  return (await call(ctx, 'library.create', { draft: sampleDraft() })).id;
}

describe('stageBytes', () => {
  it('writes the bytes to a new file in <dataDir>/staging and reports its size', () => {
    const dataDir = tempDir();
    const bytes = Buffer.from('hello, staging');
    const staged = stageBytes(dataDir, bytes, LIMIT);
    expect(path.dirname(staged.path)).toBe(stagingDir(dataDir));
    expect(staged.size).toBe(bytes.length);
    expect(fs.readFileSync(staged.path).equals(bytes)).toBe(true);
    // Each call gets its own file.
    const again = stageBytes(dataDir, bytes, LIMIT);
    expect(again.path).not.toBe(staged.path);
    expect(stagedFiles(dataDir)).toHaveLength(2);
  });

  posixOnly('makes the file 0600 and the folder 0700', () => {
    const dataDir = tempDir();
    const staged = stageBytes(dataDir, new Uint8Array([1, 2, 3]), LIMIT);
    expect(modeOf(staged.path)).toBe(0o600);
    expect(modeOf(stagingDir(dataDir))).toBe(0o700);
  });

  it('accepts exactly the limit and refuses one byte more, writing nothing', () => {
    const dataDir = tempDir();
    expect(stageBytes(dataDir, new Uint8Array(LIMIT.maxBytes), LIMIT).size).toBe(LIMIT.maxBytes);
    expect(stagedFiles(dataDir)).toHaveLength(1);
    expect(() => stageBytes(dataDir, new Uint8Array(LIMIT.maxBytes + 1), LIMIT)).toThrow(TooLargeError);
    expect(stagedFiles(dataDir)).toHaveLength(1);
  });

  it('refuses with too_large and the size in the words every message uses', () => {
    const dataDir = tempDir();
    const size = Math.round(12.4 * MB);
    let thrown: unknown;
    try {
      stageBytes(dataDir, new Uint8Array(size), PHOTO_LIMIT);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(TooLargeError);
    expect(thrown).toMatchObject({ code: 'too_large', message: 'This file is 12.4 MB. Photos can be up to 10 MB.' });
    expect(stagedFiles(dataDir)).toEqual([]);
  });
});

describe('stageStream', () => {
  it('writes a stream to a staged file whole, with its size', async () => {
    const dataDir = tempDir();
    const total = 3 * MB + 17;
    const staged = await stageStream(dataDir, bytesStream(total), { maxBytes: 4 * MB, fileNoun: 'Files' });
    expect(staged.size).toBe(total);
    expect(fs.statSync(staged.path).size).toBe(total);
    expect(path.dirname(staged.path)).toBe(stagingDir(dataDir));
  });

  posixOnly('makes the staged file 0600', async () => {
    const dataDir = tempDir();
    const staged = await stageStream(dataDir, Readable.from([Buffer.from('abc')]), LIMIT);
    expect(modeOf(staged.path)).toBe(0o600);
  });

  it('accepts a stream of exactly the limit', async () => {
    const dataDir = tempDir();
    const staged = await stageStream(dataDir, bytesStream(LIMIT.maxBytes, 100), LIMIT);
    expect(staged.size).toBe(LIMIT.maxBytes);
  });

  it('stops past the limit, removes the partial file and rejects with TooLargeError', async () => {
    const dataDir = tempDir();
    const source = bytesStream(8 * MB);
    const refused = stageStream(dataDir, source, { maxBytes: 2 * MB, fileNoun: 'Photos' });
    await expect(refused).rejects.toBeInstanceOf(TooLargeError);
    await expect(refused).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/Photos can be up to 2 MB\.$/) });
    expect(stagedFiles(dataDir)).toEqual([]);
  });

  it('removes the partial file when the source fails midway', async () => {
    const dataDir = tempDir();
    let reads = 0;
    const source = new Readable({
      read() {
        reads++;
        if (reads > 4) this.destroy(new Error('connection reset'));
        else this.push(Buffer.alloc(64 * 1024, 1));
      },
    });
    await expect(stageStream(dataDir, source, { maxBytes: 10 * MB, fileNoun: 'Files' })).rejects.toThrow('connection reset');
    expect(stagedFiles(dataDir)).toEqual([]);
  });
});

describe('clearStaging', () => {
  it('removes files and folders left in staging and says how many', () => {
    const dataDir = tempDir();
    stageBytes(dataDir, Buffer.from('a'), LIMIT);
    stageBytes(dataDir, Buffer.from('b'), LIMIT);
    fs.mkdirSync(path.join(stagingDir(dataDir), 'half-written-folder'));
    fs.writeFileSync(path.join(stagingDir(dataDir), 'half-written-folder', 'x'), 'x');
    expect(clearStaging(dataDir)).toBe(3);
    expect(stagedFiles(dataDir)).toEqual([]);
  });

  it('is a no-op when there is no staging folder', () => {
    expect(clearStaging(tempDir())).toBe(0);
  });

  it('runs at boot: leftovers of an earlier run are gone once the services start', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    // A first run, so the data folder is a real one.
    const first = await bootTestServices({ dataDir, seedDir });
    first.close();
    const leftover = stageBytes(dataDir, Buffer.from('left behind by a crash'), LIMIT);
    fs.writeFileSync(`${leftover.path}.full`, 'half a cleaned photo');
    expect(stagedFiles(dataDir)).toHaveLength(2);
    await bootTestServices({ dataDir, seedDir });
    expect(stagedFiles(dataDir)).toEqual([]);
  });
});

describe('dispatch and the staged file', () => {
  it('removes the staged file after a successful call', async () => {
    const { ctx } = await bootTestServices();
    const exerciseId = await clinicExerciseId(ctx);
    const staged = stageBytes(ctx.dataDir, await smallPng(), PHOTO_LIMIT);
    const result = await dispatch(ctx, 'media.attach', { exerciseId, fileName: 'a.png' }, staged);
    expect(result).toMatchObject({ ok: true, value: { photos: [{ mime: 'image/png', width: 40, height: 30 }] } });
    expect(fs.existsSync(staged.path)).toBe(false);
    expect(stagedFiles(ctx.dataDir)).toEqual([]);
  });

  it.each([
    ['arguments that fail the schema', (_id: string) => ({ exerciseId: 'not-an-id', fileName: 'a.png' }), 'invalid_argument'],
    ['a missing exercise', (_id: string) => ({ exerciseId: '00000000-0000-4000-8000-000000000000', fileName: 'a.png' }), 'not_found'],
    ['bytes that are not a photo', (id: string) => ({ exerciseId: id, fileName: 'a.png' }), 'unsupported_media'],
  ])('removes the staged file after a refusal: %s', async (_label, args, code) => {
    const { ctx } = await bootTestServices();
    const exerciseId = await clinicExerciseId(ctx);
    const staged = stageBytes(ctx.dataDir, Buffer.from('plain text, not a photo'), PHOTO_LIMIT);
    const result = await dispatch(ctx, 'media.attach', args(exerciseId), staged);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(stagedFiles(ctx.dataDir)).toEqual([]);
  });

  it('removes the staged file after a thrown error (answered as internal)', async () => {
    const { ctx } = await bootTestServices();
    const exerciseId = await clinicExerciseId(ctx);
    vi.spyOn(ctx.images, 'clean').mockRejectedValue(new Error('the decoder fell over'));
    vi.spyOn(ctx.log, 'error').mockImplementation(() => undefined);
    const staged = stageBytes(ctx.dataDir, await smallPng(), PHOTO_LIMIT);
    const result = await dispatch(ctx, 'media.attach', { exerciseId, fileName: 'a.png' }, staged);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(stagedFiles(ctx.dataDir)).toEqual([]);
  });

  it('refuses a byte call without a file', async () => {
    const { ctx } = await bootTestServices();
    const exerciseId = await clinicExerciseId(ctx);
    const result = await dispatch(ctx, 'media.attach', { exerciseId, fileName: 'a.png' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'media.attach: this call needs a file.' } });
  });

  it('refuses a JSON call with a file, and removes that file', async () => {
    const { ctx } = await bootTestServices();
    const staged = stageBytes(ctx.dataDir, Buffer.from('{}'), LIMIT);
    const result = await dispatch(ctx, 'app.info', {}, staged);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'app.info: this call takes no file.' } });
    expect(stagedFiles(ctx.dataDir)).toEqual([]);
  });

  it('refuses a staged file over the call limit as too_large, in MB, and removes it', async () => {
    const { ctx } = await bootTestServices();
    const exerciseId = await clinicExerciseId(ctx);
    const clean = vi.spyOn(ctx.images, 'clean');
    // Staged without a limit, as a careless host might: dispatch still holds the call's own.
    const staged: StagedFile = stageBytes(ctx.dataDir, new Uint8Array(Math.round(12.4 * MB)), { maxBytes: Infinity, fileNoun: 'Files' });
    const result = await dispatch(ctx, 'media.attach', { exerciseId, fileName: 'big.png' }, staged);
    expect(result).toEqual({ ok: false, error: { code: 'too_large', message: 'This file is 12.4 MB. Photos can be up to 10 MB.' } });
    expect(clean).not.toHaveBeenCalled();
    expect(stagedFiles(ctx.dataDir)).toEqual([]);
  });

  it('accepts a file of exactly the limit as far as the size check', async () => {
    const { ctx } = await bootTestServices();
    const exerciseId = await clinicExerciseId(ctx);
    const staged = stageBytes(ctx.dataDir, new Uint8Array(MAX_PHOTO_BYTES), PHOTO_LIMIT);
    const result = await dispatch(ctx, 'media.attach', { exerciseId, fileName: 'zeros.png' }, staged);
    // Past the size check, the worker looks at the bytes: zeros are no photo.
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_media' } });
    expect(stagedFiles(ctx.dataDir)).toEqual([]);
  });
});
