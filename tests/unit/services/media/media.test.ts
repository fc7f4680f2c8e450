// Exercise photos through dispatch, with real images made by sharp: metadata stripped, camera
// orientation applied, format kept, stored once by content, private files, every refusal in plain
// words with nothing changed, and unused photos collected on the next start.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../../services/context';
import { MEDIA_DIR_NAME } from '../../../../services/media/store';
import { photoFile } from '../../../../services/media/use-cases';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_EXERCISE } from '../../../../common/contract';
import type { Exercise } from '../../../../common/domain/exercise';
import { bootTestServices, sampleDraft, tempDir, tinySeedDir } from '../../../support/fixtures';
import { pngHeaderOnly } from '../../../support/images';
import { call, failure, tableCounts } from '../../../support/call';

const posixOnly = process.platform === 'win32' ? it.skip : it;

// --- images -------------------------------------------------------------------------------------

type Rgb = { r: number; g: number; b: number };
const RED: Rgb = { r: 220, g: 20, b: 20 };
const BLUE: Rgb = { r: 20, g: 20, b: 220 };

/** width × height, left half `left`, right half `right`: so a rotation can be seen in the pixels. */
function halves(width: number, height: number, left: Rgb, right: Rgb): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = x < width / 2 ? left : right;
      raw.set([c.r, c.g, c.b], (y * width + x) * 3);
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

const plain = (width: number, height: number, colour: Rgb): Sharp => sharp({ create: { width, height, channels: 3, background: colour } });

const CAMERA_EXIF = {
  IFD0: { Make: 'SecretCam', Model: 'PhoneModel-X9', Artist: 'Dr Private Person', Copyright: 'Clinic 2025' },
  IFD3: { GPSLatitudeRef: 'N', GPSLongitudeRef: 'W', GPSMapDatum: 'WGS-84' },
};

async function jpegWithExif(): Promise<Buffer> {
  return halves(320, 240, RED, BLUE).jpeg({ quality: 90 }).withExif(CAMERA_EXIF).toBuffer();
}

// --- helpers ------------------------------------------------------------------------------------

async function clinicExercise(ctx: ServiceContext, name = 'Photo target'): Promise<Exercise> {
  return call(ctx, 'library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name } }) });
}

async function attach(ctx: ServiceContext, exerciseId: string, fileName: string, bytes: Buffer, caption?: string): Promise<Exercise> {
  return call(ctx, 'media.attach', { exerciseId, fileName, dataBase64: bytes.toString('base64'), caption });
}

function mediaFiles(dataDir: string): string[] {
  const root = path.join(dataDir, MEDIA_DIR_NAME);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

function storedFile(dataDir: string, sha: string, variant: 'full' | 'thumb', ext: 'jpg' | 'png'): string {
  return path.join(dataDir, MEDIA_DIR_NAME, sha.slice(0, 2), `${sha}${variant === 'thumb' ? '.thumb' : ''}.${ext}`);
}

const mediaRows = (ctx: ServiceContext): unknown[] => ctx.db.prepare('SELECT * FROM media ORDER BY sha256').all();

// --- tests --------------------------------------------------------------------------------------

describe('media.attach', () => {
  it('strips EXIF (camera, owner, GPS) and keeps a JPEG a JPEG', async () => {
    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const input = await jpegWithExif();
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif).toBeDefined(); // the premise: the upload carries metadata
    expect(input.includes('SecretCam')).toBe(true);

    const after = await attach(ctx, ex.id, 'IMG_0001.JPG', input, '  Start position  ');
    expect(after.photos).toHaveLength(1);
    const photo = after.photos[0];
    expect(photo).toMatchObject({ mime: 'image/jpeg', width: 320, height: 240, caption: 'Start position' });
    expect(photo.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(after.contentVersion).toBe(ex.contentVersion + 1);

    for (const variant of ['full', 'thumb'] as const) {
      const file = storedFile(ctx.dataDir, photo.sha256, variant, 'jpg');
      const bytes = fs.readFileSync(file);
      const meta = await sharp(bytes).metadata();
      expect(meta.format, variant).toBe('jpeg');
      expect(meta.exif, variant).toBeUndefined();
      expect(meta.xmp, variant).toBeUndefined();
      expect(meta.iptc, variant).toBeUndefined();
      for (const secret of ['SecretCam', 'PhoneModel', 'Private Person', 'WGS-84', 'Exif']) {
        expect(bytes.includes(secret), `${variant} contains ${secret}`).toBe(false);
      }
    }
    const full = fs.readFileSync(storedFile(ctx.dataDir, photo.sha256, 'full', 'jpg'));
    expect(photo.bytes).toBe(full.length);
    // Stored under the SHA-256 of the cleaned bytes.
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(full).digest('hex')).toBe(photo.sha256);
  });

  it('applies the camera orientation before dropping it (200×100 with orientation 6 is stored 100×200)', async () => {
    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const input = await halves(200, 100, RED, BLUE).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    const inMeta = await sharp(input).metadata();
    expect([inMeta.width, inMeta.height, inMeta.orientation]).toEqual([200, 100, 6]);

    const { photos } = await attach(ctx, ex.id, 'portrait.jpg', input);
    expect([photos[0].width, photos[0].height]).toEqual([100, 200]);
    const file = storedFile(ctx.dataDir, photos[0].sha256, 'full', 'jpg');
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual([100, 200]);
    expect(meta.orientation === undefined || meta.orientation === 1).toBe(true);
    // Orientation 6 means "rotate 90° clockwise to view": the left (red) half ends up on top.
    const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number): number[] => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    const [tr, , tb] = at(50, 20);
    const [br, , bb] = at(50, 180);
    expect(tr).toBeGreaterThan(tb);
    expect(bb).toBeGreaterThan(br);
  });

  it('keeps a PNG a PNG, without its metadata', async () => {
    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const input = await sharp({ create: { width: 120, height: 80, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
      .png()
      .withExif(CAMERA_EXIF)
      .toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const { photos } = await attach(ctx, ex.id, 'diagram.png', input);
    expect(photos[0]).toMatchObject({ mime: 'image/png', width: 120, height: 80 });
    expect(mediaFiles(ctx.dataDir)).toEqual([
      path.join(photos[0].sha256.slice(0, 2), `${photos[0].sha256}.png`),
      path.join(photos[0].sha256.slice(0, 2), `${photos[0].sha256}.thumb.png`),
    ]);
    const meta = await sharp(storedFile(ctx.dataDir, photos[0].sha256, 'full', 'png')).metadata();
    expect(meta.format).toBe('png');
    expect(meta.hasAlpha).toBe(true);
    expect(meta.exif).toBeUndefined();
  });

  it('shrinks large photos to 2400 px and thumbnails to 480 px on the longest edge', async () => {
    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const input = await plain(3000, 1500, BLUE).jpeg().toBuffer();
    const { photos } = await attach(ctx, ex.id, 'big.jpg', input);
    expect([photos[0].width, photos[0].height]).toEqual([2400, 1200]);
    const thumb = await sharp(storedFile(ctx.dataDir, photos[0].sha256, 'thumb', 'jpg')).metadata();
    expect([thumb.width, thumb.height]).toEqual([480, 240]);
  });

  it('stores a photo attached to two exercises once', async () => {
    const { ctx } = await bootTestServices();
    const a = await clinicExercise(ctx, 'First');
    const b = await clinicExercise(ctx, 'Second');
    const input = await jpegWithExif();
    const pa = (await attach(ctx, a.id, 'one.jpg', input)).photos;
    const pb = (await attach(ctx, b.id, 'copy-of-one.jpg', input)).photos;
    expect(pb[0].sha256).toBe(pa[0].sha256);
    expect(mediaRows(ctx)).toHaveLength(1);
    expect(ctx.db.prepare('SELECT count(*) FROM exercise_media').pluck().get()).toBe(2);
    const sha = pa[0].sha256;
    expect(mediaFiles(ctx.dataDir)).toEqual([path.join(sha.slice(0, 2), `${sha}.jpg`), path.join(sha.slice(0, 2), `${sha}.thumb.jpg`)]);

    // The same photo again on the same exercise is not a second photo, nor a change.
    const again = await attach(ctx, a.id, 'one-again.jpg', input);
    expect(again.photos).toHaveLength(1);
    expect(again.contentVersion).toBe(a.contentVersion + 1);
  });

  it('keeps the order photos were attached in', async () => {
    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const colours = [RED, BLUE, { r: 20, g: 200, b: 20 }];
    let last: Exercise = ex;
    const shas: string[] = [];
    for (const [i, c] of colours.entries()) {
      last = await attach(ctx, ex.id, `p${i}.png`, await plain(40, 40, c).png().toBuffer(), `Step ${i + 1}`);
      shas.push(last.photos[i].sha256);
    }
    expect(last.photos.map((p) => p.sha256)).toEqual(shas);
    expect(last.photos.map((p) => p.caption)).toEqual(['Step 1', 'Step 2', 'Step 3']);
    const found = await call(ctx, 'library.search', { query: 'photo target' });
    expect(found.items[0].photoSha256).toBe(shas[0]);
  });

  posixOnly('writes photo files 0600 in 0700 folders', async () => {
    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const { photos } = await attach(ctx, ex.id, 'a.jpg', await jpegWithExif());
    for (const variant of ['full', 'thumb'] as const) {
      expect(fs.statSync(storedFile(ctx.dataDir, photos[0].sha256, variant, 'jpg')).mode & 0o777, variant).toBe(0o600);
    }
    expect(fs.statSync(path.join(ctx.dataDir, MEDIA_DIR_NAME)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(ctx.dataDir, MEDIA_DIR_NAME, photos[0].sha256.slice(0, 2))).mode & 0o777).toBe(0o700);
  });

  describe('refusals change nothing', () => {
    async function expectRefused(
      ctx: ServiceContext,
      ex: Exercise,
      fileName: string,
      bytes: Buffer,
      code: string,
      message: RegExp,
    ): Promise<void> {
      const before = await call(ctx, 'library.get', { id: ex.id });
      const counts = tableCounts(ctx);
      const files = mediaFiles(ctx.dataDir);
      const err = await failure(ctx, 'media.attach', { exerciseId: ex.id, fileName, dataBase64: bytes.toString('base64') });
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(err.message).not.toContain(fileName); // a file's name can carry a patient's name
      expect(err.message).not.toMatch(/vips|sharp|\n\s+at /i);
      expect(await call(ctx, 'library.get', { id: ex.id })).toEqual(before);
      expect(tableCounts(ctx)).toEqual(counts);
      expect(mediaFiles(ctx.dataDir)).toEqual(files);
    }

    it('refuses a file over MAX_PHOTO_BYTES as too_large, with its size in MB', async () => {
      const { ctx } = await bootTestServices();
      const ex = await clinicExercise(ctx);
      const big = Buffer.alloc(MAX_PHOTO_BYTES + 512 * 1024);
      big.set([0xff, 0xd8, 0xff, 0xe0]);
      await expectRefused(ctx, ex, 'huge.jpg', big, 'too_large', /^This file is 10\.5 MB\. Photos can be up to 10 MB\.$/);
      // One byte over is still refused; exactly at the limit is not refused for its size.
      const over = Buffer.alloc(MAX_PHOTO_BYTES + 1);
      over.set([0xff, 0xd8, 0xff, 0xe0]);
      await expectRefused(ctx, ex, 'over.jpg', over, 'too_large', /^This file is 10\.0 MB\. Photos can be up to 10 MB\.$/);
      const at = Buffer.alloc(MAX_PHOTO_BYTES);
      at.set([0xff, 0xd8, 0xff, 0xe0]);
      const atErr = await failure(ctx, 'media.attach', { exerciseId: ex.id, fileName: 'at.jpg', dataBase64: at.toString('base64') });
      expect(atErr.code).not.toBe('too_large');
    });

    it('refuses an image with too many pixels before decoding it', async () => {
      const { ctx } = await bootTestServices();
      const ex = await clinicExercise(ctx);
      const bomb = pngHeaderOnly(50_000, 50_000);
      expect(bomb.length).toBeLessThan(1024);
      await expectRefused(ctx, ex, 'bomb.png', bomb, 'too_large', /^This photo is 50000 × 50000 pixels/);
    });

    it('refuses a text file renamed .png as unsupported_media, without naming the file', async () => {
      const { ctx } = await bootTestServices();
      const ex = await clinicExercise(ctx);
      await expectRefused(
        ctx,
        ex,
        'notes.png',
        Buffer.from('Patient notes, not a picture.\n'),
        'unsupported_media',
        /^This file is not a PNG or JPEG/,
      );
    });

    it('refuses other image formats by their bytes, whatever the name', async () => {
      const { ctx } = await bootTestServices();
      const ex = await clinicExercise(ctx);
      const webp = await plain(30, 30, RED).webp().toBuffer();
      await expectRefused(ctx, ex, 'photo.png', webp, 'unsupported_media', /^This file is not a PNG or JPEG photo\.$/);
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      await expectRefused(ctx, ex, 'drawing.jpg', svg, 'unsupported_media', /^This file is not a PNG or JPEG photo\.$/);
    });

    it('refuses a truncated JPEG or PNG as unsupported_media', async () => {
      const { ctx } = await bootTestServices();
      const ex = await clinicExercise(ctx);
      const noise = (w: number, h: number): Sharp =>
        sharp(Buffer.from(Array.from({ length: w * h * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: w, height: h, channels: 3 } });
      const jpeg = await noise(400, 300).jpeg({ quality: 90 }).toBuffer();
      await expectRefused(
        ctx,
        ex,
        'cut.jpg',
        jpeg.subarray(0, Math.floor(jpeg.length / 2)),
        'unsupported_media',
        /^This photo is damaged or incomplete/,
      );
      const png = await noise(400, 300).png().toBuffer();
      await expectRefused(ctx, ex, 'cut.png', png.subarray(0, Math.floor(png.length / 2)), 'unsupported_media', /^This (file|photo) /);
      await expectRefused(ctx, ex, 'truncated.jpg', jpeg.subarray(0, 40), 'unsupported_media', /^This (file|photo) /);
    });

    it(`refuses a photo beyond MAX_PHOTOS_PER_EXERCISE (${MAX_PHOTOS_PER_EXERCISE}) as too_large`, async () => {
      const { ctx } = await bootTestServices();
      const ex = await clinicExercise(ctx);
      for (let i = 0; i < MAX_PHOTOS_PER_EXERCISE; i++) {
        await attach(
          ctx,
          ex.id,
          `p${i}.png`,
          await plain(20, 20, { r: i * 30, g: 0, b: 0 })
            .png()
            .toBuffer(),
        );
      }
      const full = await call(ctx, 'library.get', { id: ex.id });
      expect(full.photos).toHaveLength(MAX_PHOTOS_PER_EXERCISE);
      const before = tableCounts(ctx);
      const err = await failure(ctx, 'media.attach', {
        exerciseId: ex.id,
        fileName: 'one-more.png',
        dataBase64: (await plain(20, 20, BLUE).png().toBuffer()).toString('base64'),
      });
      expect(err.code).toBe('too_large');
      expect(err.message).toContain(`up to ${MAX_PHOTOS_PER_EXERCISE} photos`);
      expect(await call(ctx, 'library.get', { id: ex.id })).toEqual(full);
      expect(tableCounts(ctx)).toEqual(before);
    });

    it('refuses photos on a missing exercise as not_found', async () => {
      const { ctx } = await bootTestServices();
      const err = await failure(ctx, 'media.attach', {
        exerciseId: '00000000-0000-4000-8000-000000000000',
        fileName: 'a.jpg',
        dataBase64: (await jpegWithExif()).toString('base64'),
      });
      expect(err.code).toBe('not_found');
      expect(mediaFiles(ctx.dataDir)).toEqual([]);
    });
  });
});

describe('photos served by URL (photoFile)', () => {
  it('finds the stored file of the full photo and its thumbnail', async () => {
    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const { photos } = await attach(ctx, ex.id, 'wide.jpg', await plain(1000, 600, RED).jpeg().toBuffer());
    const sha = photos[0].sha256;
    const full = photoFile(ctx, sha, 'full')!;
    expect(full.mime).toBe('image/jpeg');
    expect(full.file).toBe(storedFile(ctx.dataDir, sha, 'full', 'jpg'));
    const thumb = photoFile(ctx, sha, 'thumb')!;
    expect(thumb.file).toBe(storedFile(ctx.dataDir, sha, 'thumb', 'jpg'));
    const thumbBytes = fs.readFileSync(thumb.file);
    expect(thumbBytes.equals(fs.readFileSync(storedFile(ctx.dataDir, sha, 'thumb', 'jpg')))).toBe(true);
    const meta = await sharp(thumbBytes).metadata();
    expect([meta.width, meta.height]).toEqual([480, 288]);
  });

  it('finds nothing for an unknown photo or a missing file', async () => {
    const { ctx } = await bootTestServices();
    expect(photoFile(ctx, 'a'.repeat(64), 'full')).toBeNull();
    const ex = await clinicExercise(ctx);
    const { photos } = await attach(ctx, ex.id, 'x.png', await plain(10, 10, RED).png().toBuffer());
    expect(photoFile(ctx, photos[0].sha256, 'thumb')).not.toBeNull();
    fs.rmSync(storedFile(ctx.dataDir, photos[0].sha256, 'thumb', 'png'));
    expect(photoFile(ctx, photos[0].sha256, 'thumb')).toBeNull();
    expect(photoFile(ctx, photos[0].sha256, 'full')).not.toBeNull();
  });
});

describe('media.remove and collecting unused photos', () => {
  it('detaches a photo, and the next start removes its row and files if nothing else uses them', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    const first = await bootTestServices({ dataDir, seedDir });
    const a = await clinicExercise(first.ctx, 'A');
    const b = await clinicExercise(first.ctx, 'B');
    const shared = (await attach(first.ctx, a.id, 'shared.jpg', await jpegWithExif())).photos[0].sha256;
    await attach(first.ctx, b.id, 'shared.jpg', await jpegWithExif());
    const only = (await attach(first.ctx, a.id, 'only.png', await plain(30, 30, BLUE).png().toBuffer())).photos[1].sha256;
    const vBefore = (await call(first.ctx, 'library.get', { id: a.id })).contentVersion;

    const afterRemove = await call(first.ctx, 'media.remove', { exerciseId: a.id, sha256: only });
    expect(afterRemove.photos.map((p) => p.sha256)).toEqual([shared]);
    expect(afterRemove.contentVersion).toBe(vBefore + 1);
    await call(first.ctx, 'media.remove', { exerciseId: a.id, sha256: shared }); // still used by B
    const again = await failure(first.ctx, 'media.remove', { exerciseId: a.id, sha256: only });
    expect(again.code).toBe('not_found');
    // Until the next start the unused photo is still stored.
    expect(mediaRows(first.ctx)).toHaveLength(2);
    // Leftovers of an interrupted write are collected too.
    fs.writeFileSync(path.join(dataDir, MEDIA_DIR_NAME, shared.slice(0, 2), `${shared}.jpg.12345.tmp`), 'partial');
    first.close();

    // The next start, past the age a write in flight could have (services/media/store.ts), moves
    // the unused files into media/.orphans/; the one after deletes them.
    const later = new Date(Date.now() + 60 * 60_000);
    const second = await bootTestServices({ dataDir, seedDir, now: () => later });
    expect((mediaRows(second.ctx) as { sha256: string }[]).map((r) => r.sha256)).toEqual([shared]);
    expect(mediaFiles(dataDir)).toEqual(
      [
        path.join('.orphans', `${only}.png`),
        path.join('.orphans', `${only}.thumb.png`),
        path.join(shared.slice(0, 2), `${shared}.jpg`),
        path.join(shared.slice(0, 2), `${shared}.thumb.jpg`),
      ].sort(),
    );
    expect((await call(second.ctx, 'library.get', { id: b.id })).photos.map((p) => p.sha256)).toEqual([shared]);
    expect(photoFile(second.ctx, shared, 'full')?.mime).toBe('image/jpeg');
    expect(photoFile(second.ctx, only, 'full')).toBeNull();
    second.close();
    await bootTestServices({ dataDir, seedDir, now: () => later });
    expect(mediaFiles(dataDir)).toEqual([
      path.join(shared.slice(0, 2), `${shared}.jpg`),
      path.join(shared.slice(0, 2), `${shared}.thumb.jpg`),
    ]);
  });

  it('collects files left by an upload that was refused after cleaning', async () => {
    const dataDir = tempDir();
    const seedDir = tinySeedDir();
    const first = await bootTestServices({ dataDir, seedDir });
    const ex = await clinicExercise(first.ctx);
    for (let i = 0; i < MAX_PHOTOS_PER_EXERCISE; i++) {
      await attach(
        first.ctx,
        ex.id,
        `p${i}.png`,
        await plain(20, 20, { r: 0, g: i * 30, b: 0 })
          .png()
          .toBuffer(),
      );
    }
    const kept = mediaFiles(dataDir);
    await failure(first.ctx, 'media.attach', {
      exerciseId: ex.id,
      fileName: 'seventh.png',
      dataBase64: (await plain(20, 20, RED).png().toBuffer()).toString('base64'),
    });
    first.close();
    const later = new Date(Date.now() + 60 * 60_000);
    (await bootTestServices({ dataDir, seedDir, now: () => later })).close();
    (await bootTestServices({ dataDir, seedDir, now: () => later })).close();
    expect(mediaFiles(dataDir)).toEqual(kept);
  });

  it('copies photos along when a clinic exercise is duplicated', async () => {
    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const { photos } = await attach(ctx, ex.id, 'a.jpg', await jpegWithExif(), 'Caption');
    const copy = await call(ctx, 'library.duplicate', { id: ex.id });
    expect(copy.photos).toEqual(photos);
    expect(mediaRows(ctx)).toHaveLength(1);
  });
});

// --- XMP, IPTC and comments ---------------------------------------------------------------------
// Uploads that carry every other place a camera or an editor puts names and places: XMP (with a
// GPS position and a creator), IPTC (APP13) and a comment in a JPEG; XMP and text chunks, plain
// and compressed, in a PNG. Each planted string is searched for in the stored files' bytes, and
// the PNG's compressed text is inflated first, so a kept chunk cannot hide behind zlib.

const PLANTED = {
  xmpCreator: 'Xmp Creatorname Hidden',
  xmpGps: '51,30.4417N',
  iptcByline: 'Iptc Bylinename Hidden',
  iptcCity: 'Iptc Cityname Hidden',
  jpegComment: 'Jpeg comment about Mrs Commentname',
  pngText: 'Png tEXt Textname Hidden',
  pngZtxt: 'Png zTXt Ztxtname Hidden',
  pngItxt: 'Png iTXt Itxtname Hidden',
};

const XMP_PACKET = [
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>',
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/">',
  `<dc:creator><rdf:Seq><rdf:li>${PLANTED.xmpCreator}</rdf:li></rdf:Seq></dc:creator>`,
  `<exif:GPSLatitude>${PLANTED.xmpGps}</exif:GPSLatitude><exif:GPSLongitude>0,7.5678W</exif:GPSLongitude>`,
  '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>',
].join('');

/** A JPEG marker segment: FF, marker, two-byte length (counting itself), payload. */
function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** APP13 as Photoshop writes it: an image resource block (8BIM 0x0404) holding IPTC records. */
function iptcSegment(): Buffer {
  const record = (dataset: number, text: string): Buffer => {
    const value = Buffer.from(text, 'latin1');
    const head = Buffer.from([0x1c, 2, dataset, 0, 0]);
    head.writeUInt16BE(value.length, 3);
    return Buffer.concat([head, value]);
  };
  const iptc = Buffer.concat([record(80, PLANTED.iptcByline), record(90, PLANTED.iptcCity)]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  const block = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0, 0]), size, iptc, Buffer.alloc(iptc.length % 2)]);
  return jpegSegment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), block]));
}

/** The marker segments before the image data (the scan starts at SOS). */
function jpegSegments(bytes: Buffer): { marker: number; payload: Buffer }[] {
  const segments: { marker: number; payload: Buffer }[] = [];
  let at = 2; // after SOI
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker === 0xda || marker === 0xd9) break;
    const length = bytes.readUInt16BE(at + 2);
    segments.push({ marker, payload: bytes.subarray(at + 4, at + 2 + length) });
    at += 2 + length;
  }
  return segments;
}

const APP1 = 0xe1;
const APP13 = 0xed;
const COM = 0xfe;

/** A sharp-made JPEG with EXIF and XMP, and an IPTC segment and a comment spliced in after SOI. */
async function jpegWithEverything(): Promise<Buffer> {
  const made = await halves(160, 120, RED, BLUE).jpeg({ quality: 90 }).withExif(CAMERA_EXIF).withXmp(XMP_PACKET).toBuffer();
  return Buffer.concat([
    made.subarray(0, 2),
    iptcSegment(),
    jpegSegment(COM, Buffer.from(PLANTED.jpegComment, 'latin1')),
    made.subarray(2),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function pngChunks(bytes: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    chunks.push({ type: bytes.toString('latin1', at + 4, at + 8), data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** Every text a PNG's tEXt, zTXt and iTXt chunks hold, compressed ones inflated. */
function pngTexts(bytes: Buffer): string[] {
  const texts: string[] = [];
  for (const { type, data } of pngChunks(bytes)) {
    const keywordEnd = data.indexOf(0);
    if (type === 'tEXt') texts.push(data.toString('latin1', keywordEnd + 1));
    if (type === 'zTXt') texts.push(zlib.inflateSync(data.subarray(keywordEnd + 2)).toString('latin1'));
    if (type === 'iTXt') {
      const compressed = data[keywordEnd + 1] === 1;
      const languageEnd = data.indexOf(0, keywordEnd + 3);
      const translatedEnd = data.indexOf(0, languageEnd + 1);
      const text = data.subarray(translatedEnd + 1);
      texts.push((compressed ? zlib.inflateSync(text) : text).toString('utf8'));
    }
  }
  return texts;
}

/** A sharp-made PNG with EXIF, and XMP (iTXt), a comment (tEXt) and compressed text (zTXt, iTXt) spliced in after IHDR. */
async function pngWithEverything(): Promise<Buffer> {
  const made = await plain(90, 60, BLUE).png().withExif(CAMERA_EXIF).toBuffer();
  const afterHeader = 8 + 12 + 13; // signature, then IHDR (length, type, 13 bytes, CRC)
  const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
  const spliced = [
    pngChunk('iTXt', Buffer.concat([latin1('XML:com.adobe.xmp\0\0\0\0\0'), Buffer.from(XMP_PACKET, 'utf8')])),
    pngChunk('tEXt', latin1(`Comment\0${PLANTED.pngText}`)),
    pngChunk('zTXt', Buffer.concat([latin1('Author\0\0'), zlib.deflateSync(latin1(PLANTED.pngZtxt))])),
    pngChunk('iTXt', Buffer.concat([latin1('Description\0\x01\0\0\0'), zlib.deflateSync(Buffer.from(PLANTED.pngItxt, 'utf8'))])),
  ];
  return Buffer.concat([made.subarray(0, afterHeader), ...spliced, made.subarray(afterHeader)]);
}

describe('media.attach drops XMP, IPTC and comments', () => {
  it('from a JPEG: no XMP (GPS, creator), IPTC or comment segment, and none of their words, in the photo or its thumbnail', async () => {
    const input = await jpegWithEverything();
    // The premise: the upload carries each of them, where a reader finds them.
    const inMeta = await sharp(input).metadata();
    expect(inMeta.xmp).toBeDefined();
    expect(inMeta.iptc).toBeDefined();
    expect(inMeta.exif).toBeDefined();
    const inMarkers = jpegSegments(input).map((s) => s.marker);
    expect(inMarkers).toEqual(expect.arrayContaining([APP1, APP13, COM]));
    const planted = [PLANTED.xmpCreator, PLANTED.xmpGps, 'GPSLatitude', PLANTED.iptcByline, PLANTED.iptcCity, PLANTED.jpegComment];
    for (const s of planted) expect(input.includes(s), `input carries ${s}`).toBe(true);

    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const { photos } = await attach(ctx, ex.id, 'everything.jpg', input);
    expect(photos[0]).toMatchObject({ mime: 'image/jpeg', width: 160, height: 120 });
    for (const variant of ['full', 'thumb'] as const) {
      const bytes = fs.readFileSync(storedFile(ctx.dataDir, photos[0].sha256, variant, 'jpg'));
      const markers = jpegSegments(bytes).map((s) => s.marker);
      expect(markers.length, variant).toBeGreaterThan(0); // the parser read the stored file
      expect(markers, variant).not.toContain(APP1);
      expect(markers, variant).not.toContain(APP13);
      expect(markers, variant).not.toContain(COM);
      for (const s of planted) expect(bytes.includes(s), `${variant} contains ${s}`).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect(meta.xmp, variant).toBeUndefined();
      expect(meta.iptc, variant).toBeUndefined();
      expect(meta.exif, variant).toBeUndefined();
    }
  });

  it('from a PNG: no XMP, text chunks (plain or compressed) or EXIF, and none of their words, in the photo or its thumbnail', async () => {
    const input = await pngWithEverything();
    const inMeta = await sharp(input).metadata();
    expect(inMeta.xmp).toBeDefined();
    expect(inMeta.exif).toBeDefined();
    expect(inMeta.comments?.map((c) => c.text)).toEqual(expect.arrayContaining([PLANTED.pngText, PLANTED.pngZtxt, PLANTED.pngItxt]));
    const planted = [PLANTED.xmpCreator, PLANTED.xmpGps, PLANTED.pngText, PLANTED.pngZtxt, PLANTED.pngItxt];
    const inText = pngTexts(input).join('\n');
    for (const s of planted) expect(inText, `input carries ${s}`).toContain(s);

    const { ctx } = await bootTestServices();
    const ex = await clinicExercise(ctx);
    const { photos } = await attach(ctx, ex.id, 'everything.png', input);
    expect(photos[0]).toMatchObject({ mime: 'image/png', width: 90, height: 60 });
    for (const variant of ['full', 'thumb'] as const) {
      const bytes = fs.readFileSync(storedFile(ctx.dataDir, photos[0].sha256, variant, 'png'));
      const types = pngChunks(bytes).map((c) => c.type);
      expect(types, variant).toContain('IDAT'); // the parser read the stored file
      for (const t of ['tEXt', 'zTXt', 'iTXt', 'eXIf']) expect(types, variant).not.toContain(t);
      const searchable = `${bytes.toString('latin1')}\n${pngTexts(bytes).join('\n')}`;
      for (const s of planted) expect(searchable, `${variant} contains ${s}`).not.toContain(s);
      const meta = await sharp(bytes).metadata();
      expect(meta.xmp, variant).toBeUndefined();
      expect(meta.exif, variant).toBeUndefined();
      expect(meta.comments, variant).toBeUndefined();
    }
  });
});
