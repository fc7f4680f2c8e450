// A full disk during a photo write answers `disk_problem` and leaves nothing behind: no staged
// file, no file in the store, no photo row, the exercise unchanged. Where this machine allows it
// (root on Linux), on a real tmpfs filled to the last byte; everywhere, with ENOSPC injected at
// each write point (staging from memory, staging from a stream, the move into the store).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARGS_HEADER, startBridge } from '../../../../browser-mode/bridge';
import type { ServiceContext } from '../../../../services/context';
import { MEDIA_DIR_NAME } from '../../../../services/media/store';
import { DiskProblemError, stageStream, stagingDir } from '../../../../services/staging';
import { MAX_PHOTO_BYTES } from '../../../../common/contract';
import type { Exercise } from '../../../../common/domain/exercise';
import { bootTestServices, sampleDraft, tempDir } from '../../../support/fixtures';
import { call, dispatchLikeHost, tableCounts } from '../../../support/call';

afterEach(() => {
  vi.restoreAllMocks();
});

const enospc = (): NodeJS.ErrnoException => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 150, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .png()
    .toBuffer();
}

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile())
    : [];

async function exerciseToAttachTo(ctx: ServiceContext): Promise<Exercise> {
  return call(ctx, 'library.create', { draft: sampleDraft() });
}

/** The call answered disk_problem and nothing of the photo is anywhere. */
async function expectNothingSaved(ctx: ServiceContext, before: Exercise, counts: Record<string, number>): Promise<void> {
  expect(tableCounts(ctx)).toEqual(counts);
  const after = await call(ctx, 'library.get', { id: before.id });
  expect(after.contentVersion).toBe(before.contentVersion);
  expect(after.photos).toEqual([]);
  expect(filesUnder(path.join(ctx.dataDir, MEDIA_DIR_NAME))).toEqual([]);
  expect(filesUnder(stagingDir(ctx.dataDir))).toEqual([]);
}

describe('a full disk while a photo is written (ENOSPC injected)', () => {
  it('moving the cleaned photo into the store answers disk_problem, nothing saved', async () => {
    const { ctx } = await bootTestServices();
    const ex = await exerciseToAttachTo(ctx);
    const counts = tableCounts(ctx);
    const realRename = fs.renameSync;
    const renames = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).includes(`${path.sep}${MEDIA_DIR_NAME}${path.sep}`)) throw enospc();
      realRename(from, to);
    });
    const result = await dispatchLikeHost(ctx, 'media.attach', {
      exerciseId: ex.id,
      fileName: 'p.png',
      dataBase64: (await photo()).toString('base64'),
    });
    expect(renames).toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      error: { code: 'disk_problem', message: 'Loadwise could not write to the disk (is it full?). Nothing was saved.' },
    });
    await expectNothingSaved(ctx, ex, counts);
  });

  it('staging the bytes from memory (Electron) answers disk_problem and leaves no partial file', async () => {
    const { ctx } = await bootTestServices();
    const ex = await exerciseToAttachTo(ctx);
    const counts = tableCounts(ctx);
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file) => {
      fs.closeSync(fs.openSync(String(file), 'w')); // the file exists, half-written, when the disk fills
      throw enospc();
    });
    const result = await dispatchLikeHost(ctx, 'media.attach', {
      exerciseId: ex.id,
      fileName: 'p.png',
      dataBase64: (await photo()).toString('base64'),
    });
    vi.restoreAllMocks();
    expect(result).toMatchObject({ ok: false, error: { code: 'disk_problem' } });
    await expectNothingSaved(ctx, ex, counts);
  });

  it('staging a stream (browser mode) rejects with DiskProblemError and removes the partial file', async () => {
    const { ctx } = await bootTestServices();
    const realCreate = fs.createWriteStream;
    vi.spyOn(fs, 'createWriteStream').mockImplementation(((file: fs.PathLike, options?: object) => {
      const out = realCreate(file, options as Parameters<typeof fs.createWriteStream>[1]);
      let written = 0;
      const write = out._write.bind(out);
      out._write = (chunk: Buffer, encoding: BufferEncoding, done: (err?: Error | null) => void) => {
        written += chunk.length;
        if (written > 64 * 1024) return done(enospc());
        write(chunk, encoding, done);
      };
      return out;
    }) as typeof fs.createWriteStream);
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 8; i++) yield Buffer.alloc(32 * 1024, i);
      })(),
    );
    await expect(stageStream(ctx.dataDir, body, { maxBytes: MAX_PHOTO_BYTES, fileNoun: 'Photos' })).rejects.toBeInstanceOf(
      DiskProblemError,
    );
    expect(filesUnder(stagingDir(ctx.dataDir))).toEqual([]);
  });
});

const canMount = process.getuid?.() === 0 && process.platform === 'linux';

function fillDisk(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler.bin'), 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  // Small writes fill the last partial blocks too.
  const small = fs.openSync(path.join(dir, 'filler-small.bin'), 'w');
  try {
    for (;;) fs.writeSync(small, Buffer.alloc(512, 1));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(small);
  }
}

function post(port: number, pathName: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: pathName, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('a real full disk (a small tmpfs)', () => {
  it.skipIf(!canMount)('(needs root on Linux) a photo uploaded in browser mode answers disk_problem, nothing saved', async () => {
    const mountPoint = tempDir('loadwise-full-');
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', mountPoint], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mount: ${r.stderr}`);
    const services = await bootTestServices({ dataDir: path.join(mountPoint, 'data') });
    const { ctx } = services;
    const rendererDir = tempDir('loadwise-full-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const token = 'tok_full_disk_0123456789abcdef012345';
    const bridge = await startBridge({ ctx, token, rendererDir });
    try {
      const ex = await exerciseToAttachTo(ctx);
      const counts = tableCounts(ctx);
      fillDisk(mountPoint);
      const reply = await post(
        bridge.port,
        '/api/media.attach',
        {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/octet-stream',
          [ARGS_HEADER]: encodeURIComponent(JSON.stringify({ exerciseId: ex.id, fileName: 'p.png' })),
        },
        await photo(),
      );
      expect(reply.status).toBe(507);
      expect(reply.json).toMatchObject({ ok: false, error: { code: 'disk_problem' } });
      await expectNothingSaved(ctx, ex, counts);
    } finally {
      await bridge.close();
      services.close();
      spawnSync('umount', ['-l', mountPoint]);
    }
  });
});
