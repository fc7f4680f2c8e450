// cleanImage and sniffImage in this process, with the real sharp: what the image worker does with
// one photo. The worker's own tests (image-cleaner.test.ts, media.test.ts) run it in a child
// process, which coverage cannot see; these pin each check and its message, with the limits at
// their edges, and the files a cleaned photo leaves behind.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE } from '../../../../common/contract';
import { cleanImage, sniffImage, type CleanOutcome, type CleanRequest } from '../../../../services/media/clean-image';
import { tempDir } from '../../../support/fixtures';
import { PNG_SIGNATURE, pngHeaderOnly } from '../../../support/images';

const posixOnly = process.platform === 'win32' ? it.skip : it;

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

/** The upload on disk and the two output paths, in a fresh folder. */
function requestFor(bytes: Buffer, fileName: string): CleanRequest {
  const dir = tempDir('loadwise-clean-');
  const input = path.join(dir, 'upload.part');
  fs.writeFileSync(input, bytes);
  return { input, fileName, outFull: path.join(dir, 'out.full'), outThumb: path.join(dir, 'out.thumb') };
}

async function clean(bytes: Buffer, fileName: string): Promise<{ req: CleanRequest; outcome: CleanOutcome }> {
  const req = requestFor(bytes, fileName);
  return { req, outcome: await cleanImage(sharp, req) };
}

function expectNothingWritten(req: CleanRequest): void {
  expect(fs.existsSync(req.outFull)).toBe(false);
  expect(fs.existsSync(req.outThumb)).toBe(false);
}

describe('sniffImage', () => {
  it('knows a PNG by its 8-byte signature and a JPEG by FF D8 FF, whatever follows', () => {
    expect(sniffImage(PNG_SIGNATURE)).toBe('image/png');
    expect(sniffImage(Buffer.concat([PNG_SIGNATURE, Buffer.from('anything')]))).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toBe('image/jpeg');
  });

  it('knows nothing else: short or altered signatures, other formats, text, empty', async () => {
    expect(sniffImage(PNG_SIGNATURE.subarray(0, 7))).toBeNull();
    const almostPng = Buffer.from(PNG_SIGNATURE);
    almostPng[7] = 0x0b;
    expect(sniffImage(almostPng)).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xfe, 0x00]))).toBeNull();
    expect(sniffImage(Buffer.from([0xfe, 0xd8, 0xff, 0x00]))).toBeNull();
    expect(sniffImage(await solid(4, 4).webp().toBuffer())).toBeNull();
    expect(sniffImage(await solid(4, 4).gif().toBuffer())).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});

describe('cleanImage', () => {
  it('writes a PNG and its thumbnail, and reports the stored photo (not its thumbnail) exactly', async () => {
    const { req, outcome } = await clean(await solid(600, 400).png().toBuffer(), 'photo.png');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const full = fs.readFileSync(req.outFull);
    const thumb = fs.readFileSync(req.outThumb);
    expect(full.equals(thumb)).toBe(false);
    expect(outcome.image).toEqual({
      mime: 'image/png',
      width: 600,
      height: 400,
      bytes: full.length,
      sha256: createHash('sha256').update(full).digest('hex'),
    });
    expect(await sharp(full).metadata()).toMatchObject({ format: 'png', width: 600, height: 400 });
    expect(await sharp(thumb).metadata()).toMatchObject({ format: 'png', width: 480, height: 320 });
  });

  it('does not enlarge a small photo, nor its thumbnail', async () => {
    const { req, outcome } = await clean(await solid(64, 48).png().toBuffer(), 'small.png');
    expect(outcome).toMatchObject({ ok: true, image: { width: 64, height: 48 } });
    expect(await sharp(fs.readFileSync(req.outFull)).metadata()).toMatchObject({ width: 64, height: 48 });
    expect(await sharp(fs.readFileSync(req.outThumb)).metadata()).toMatchObject({ width: 64, height: 48 });
  });

  posixOnly('writes both files readable by their owner only', async () => {
    const { req, outcome } = await clean(await solid(8, 8).jpeg().toBuffer(), 'photo.jpg');
    expect(outcome.ok).toBe(true);
    expect(fs.statSync(req.outFull).mode & 0o777).toBe(0o600);
    expect(fs.statSync(req.outThumb).mode & 0o777).toBe(0o600);
  });

  it('keeps a JPEG a JPEG and fits it in 2400 px, its thumbnail in 480 px, keeping the shape', async () => {
    const { req, outcome } = await clean(await solid(3000, 1000).jpeg().toBuffer(), 'wide.jpg');
    expect(outcome).toMatchObject({ ok: true, image: { mime: 'image/jpeg', width: 2400, height: 800 } });
    expect(await sharp(fs.readFileSync(req.outFull)).metadata()).toMatchObject({ format: 'jpeg', width: 2400, height: 800 });
    expect(await sharp(fs.readFileSync(req.outThumb)).metadata()).toMatchObject({ format: 'jpeg', width: 480, height: 160 });
  });

  it('turns a photo upright by its camera orientation, then drops the EXIF that held it', async () => {
    const upload = await solid(200, 100)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'SecretCam', Artist: 'Dr Private Person' } })
      .toBuffer();
    expect((await sharp(upload).metadata()).orientation).toBe(6);
    expect(upload.includes('SecretCam')).toBe(true);
    const { req, outcome } = await clean(upload, 'turned.jpg');
    expect(outcome).toMatchObject({ ok: true, image: { width: 100, height: 200 } });
    for (const file of [req.outFull, req.outThumb]) {
      const bytes = fs.readFileSync(file);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation ?? 1).toBe(1);
      expect(bytes.includes('SecretCam')).toBe(false);
      expect(bytes.includes('Private Person')).toBe(false);
    }
  });

  it('refuses a file over MAX_PHOTO_BYTES as too_large, saying both sizes without the file name; the limit itself is not too large', async () => {
    const over = Buffer.alloc(MAX_PHOTO_BYTES + 1);
    over.set([0xff, 0xd8, 0xff, 0xe0]);
    const refused = await clean(over, 'big.jpg');
    expect(refused.outcome).toEqual({ ok: false, code: 'too_large', message: 'This photo is 10.0 MB. Photos can be up to 10 MB.' });
    expectNothingWritten(refused.req);

    const at = Buffer.alloc(MAX_PHOTO_BYTES);
    at.set([0xff, 0xd8, 0xff, 0xe0]);
    const atLimit = await clean(at, 'at.jpg');
    expect(atLimit.outcome).toMatchObject({ ok: false, code: 'unsupported_media' });
  });

  it('refuses what is not a PNG or JPEG by its bytes, whatever its name', async () => {
    for (const [bytes, name] of [
      [Buffer.from('Patient notes, not a picture.\n'), 'notes.png'],
      [await solid(10, 10).webp().toBuffer(), 'photo.jpg'],
    ] as const) {
      const { req, outcome } = await clean(bytes, name);
      expect(outcome).toEqual({ ok: false, code: 'unsupported_media', message: 'This file is not a PNG or JPEG photo.' });
      expectNothingWritten(req);
    }
  });

  it('refuses a file whose header cannot be read, naming the format its bytes claim', async () => {
    const png = await clean(Buffer.concat([PNG_SIGNATURE, Buffer.from('no chunks here at all')]), 'broken.png');
    expect(png.outcome).toEqual({ ok: false, code: 'unsupported_media', message: 'This file could not be read as a PNG image.' });
    expectNothingWritten(png.req);
    const jpeg = await clean(Buffer.from([0xff, 0xd8, 0xff]), 'broken.jpg');
    expect(jpeg.outcome).toEqual({ ok: false, code: 'unsupported_media', message: 'This file could not be read as a JPEG image.' });
    expectNothingWritten(jpeg.req);
  });

  it(`refuses more than ${MAX_PHOTO_PIXELS / 1_000_000} million pixels from the header alone; exactly that many passes the check`, async () => {
    const bomb = await clean(pngHeaderOnly(8001, 5000), 'bomb.png');
    expect(bomb.outcome).toEqual({
      ok: false,
      code: 'too_large',
      message: 'This photo is 8001 × 5000 pixels. Photos can have up to 40 million pixels.',
    });
    expectNothingWritten(bomb.req);
    // 8000 × 5000 is exactly the limit: past the size checks, it is refused only for its missing pixels.
    const edge = await clean(pngHeaderOnly(8000, 5000), 'edge.png');
    expect(edge.outcome).toEqual({
      ok: false,
      code: 'unsupported_media',
      message: 'This photo is damaged or incomplete and could not be read.',
    });
  });

  it(`refuses a side longer than ${MAX_PHOTO_SIDE} px, wide or tall; exactly ${MAX_PHOTO_SIDE} is cleaned`, async () => {
    for (const [w, h] of [
      [MAX_PHOTO_SIDE + 1, 1],
      [1, MAX_PHOTO_SIDE + 1],
    ]) {
      const { req, outcome } = await clean(pngHeaderOnly(w, h), 'strip.png');
      expect(outcome).toEqual({
        ok: false,
        code: 'too_large',
        message: `This photo is ${w} × ${h} pixels. Each side can be up to 16,000 pixels.`,
      });
      expectNothingWritten(req);
    }
    const { outcome } = await clean(await solid(MAX_PHOTO_SIDE, 2).png().toBuffer(), 'long.png');
    expect(outcome).toMatchObject({ ok: true, image: { width: 2400, height: 1 } });
  });

  it('refuses a truncated photo as damaged and writes nothing', async () => {
    const noise = (w: number, h: number) =>
      sharp(Buffer.from(Array.from({ length: w * h * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: w, height: h, channels: 3 } });
    const jpeg = await noise(400, 300).jpeg({ quality: 90 }).toBuffer();
    const png = await noise(400, 300).png().toBuffer();
    for (const [bytes, name] of [
      [jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg'],
      [png.subarray(0, Math.floor(png.length / 2)), 'cut.png'],
    ] as const) {
      const { req, outcome } = await clean(bytes, name);
      expect(outcome).toEqual({
        ok: false,
        code: 'unsupported_media',
        message: 'This photo is damaged or incomplete and could not be read.',
      });
      expectNothingWritten(req);
    }
  });

  it('never overwrites a file already at an output path', async () => {
    const req = requestFor(await solid(16, 16).png().toBuffer(), 'photo.png');
    fs.writeFileSync(req.outFull, 'someone else’s file');
    // A clash of output paths is a fault of ours, not the photo's or the disk's: it is thrown (the
    // worker then answers that photos cannot be processed), and nothing is overwritten.
    await expect(cleanImage(sharp, req)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(req.outFull, 'utf8')).toBe('someone else’s file');
  });

  it('blames the disk, not the photo, when the cleaned copy cannot be written (disk full, folder gone)', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.part');
    fs.writeFileSync(
      input,
      await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } })
        .png()
        .toBuffer(),
    );
    const gone = path.join(dir, 'no-such-folder');
    const outcome = await cleanImage(sharp, { input, fileName: 'fine.png', outFull: path.join(gone, 'f'), outThumb: path.join(gone, 't') });
    expect(outcome).toEqual({
      ok: false,
      code: 'disk_problem',
      message: 'Loadwise could not write the photo to its data folder (is the disk full?). Nothing was saved.',
    });
  });
});
