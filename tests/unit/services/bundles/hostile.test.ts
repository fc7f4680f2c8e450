// The hostile-bundle suite: each case is a bundle built to attack the reader (names, links,
// bombs, lying sizes, tampering, forged signatures, bad JSON and records, fake images, truncated
// or enormous archives). Each is refused by preview and by apply with a message naming the file,
// the entry and the problem, and leaves the database's content, the media folder and the staging
// folder exactly as they were.
import { createHash, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, failure } from '../../../support/call';
import { bootTestServices } from '../../../support/fixtures';
import { pngHeaderOnly } from '../../../support/images';
import { buildClinicLibrary, databaseContent, exportBytes, folderHashes, photo, previewOf } from '../../../support/bundles';
import { rawZip, type RawEntry } from '../../../support/zip-writer';
import { rawPublicKey } from '../../../../services/bundles/clinic-key';
import { MEDIA_DIR_NAME } from '../../../../services/media/store';

const FILE = 'From North.loadwise-library';
const list = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let valid: Map<string, Buffer>;
let validBytes: Buffer;
const otherKey = generateKeyPairSync('ed25519').privateKey;

beforeAll(async () => {
  const { ctx } = await bootTestServices({ now: () => new Date('2026-05-04T10:00:00Z') });
  await buildClinicLibrary(ctx);
  validBytes = await exportBytes(ctx);
  valid = new Map(Object.entries(unzipSync(new Uint8Array(validBytes))).map(([k, v]) => [k, Buffer.from(v)]));
});

interface Build {
  /** The entries to start from (the valid bundle's by default). */
  base?: Map<string, Buffer>;
  /** Changes to the entries before the manifest is recomputed. */
  files?: (f: Map<string, Buffer>) => void;
  /** Changes to the manifest after its entries were recomputed. */
  manifest?: (m: Record<string, unknown>) => void;
  /** Keep the manifest as it was (its hashes then disagree with changed entries). */
  keepManifest?: boolean;
  /** 'keep': the original signature.json; a key: signed anew with it; null: unsigned. */
  signature?: 'keep' | KeyObject | null;
  entry?: Record<string, Partial<RawEntry>>;
  extra?: RawEntry[];
}

function records(f: Map<string, Buffer>, name = 'records/exercises.json'): Record<string, unknown>[] {
  return JSON.parse(f.get(name)!.toString('utf8')) as Record<string, unknown>[];
}

function build(b: Build = {}): Buffer {
  const files = new Map(b.base ?? valid);
  b.files?.(files);
  if (!b.keepManifest) {
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    manifest.entries = [...files.keys()]
      .filter((n) => n !== 'manifest.json' && n !== 'signature.json')
      .sort()
      .map((name) => ({ name, sha256: sha(files.get(name)!), bytes: files.get(name)!.length }));
    b.manifest?.(manifest);
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  }
  const signature = b.signature === undefined ? otherKey : b.signature;
  if (signature === null) files.delete('signature.json');
  else if (signature !== 'keep') {
    files.set(
      'signature.json',
      Buffer.from(
        JSON.stringify({
          algorithm: 'ed25519',
          publicKey: rawPublicKey(createPublicKey(signature)).toString('base64'),
          signature: sign(null, files.get('manifest.json')!, signature).toString('base64'),
        }),
      ),
    );
  }
  const entries = [...files.keys()].sort().map((name): RawEntry => ({ name, data: files.get(name)!, ...b.entry?.[name] }));
  return rawZip([...entries, ...(b.extra ?? [])]);
}

const exercisesWith = (change: (e: Record<string, unknown>) => void) => (f: Map<string, Buffer>) => {
  const list = records(f);
  change(list[0]);
  f.set('records/exercises.json', Buffer.from(JSON.stringify(list)));
};

/** The valid entries with the first photo replaced by `bytes`, named and referenced by their own hash. */
function withPhoto(bytes: Buffer, ext: 'png' | 'jpg'): Map<string, Buffer> {
  const f = new Map(valid);
  const old = [...f.keys()].find((n) => n.startsWith('media/'))!;
  const oldHash = /media\/([a-f0-9]{64})/.exec(old)![1];
  f.delete(old);
  f.set(`media/${sha(bytes)}.${ext}`, bytes);
  f.set('records/exercises.json', Buffer.from(f.get('records/exercises.json')!.toString('utf8').replaceAll(oldHash, sha(bytes))));
  return f;
}

type Case = [title: string, make: () => Buffer | Promise<Buffer>, entry: string | null, problem: RegExp];

const CASES: Case[] = [
  ['path traversal', () => build({ extra: [{ name: '../../evil.json', data: Buffer.from('{}') }] }), '../../evil.json', /path traversal/],
  [
    'traversal inside a path',
    () => build({ extra: [{ name: 'media/../../x.png', data: Buffer.from('x') }] }),
    'media/../../x.png',
    /traversal/,
  ],
  ['absolute name', () => build({ extra: [{ name: '/etc/cron.d/evil', data: Buffer.from('x') }] }), '/etc/cron.d/evil', /absolute path/],
  ['backslash name', () => build({ extra: [{ name: '..\\..\\evil.json', data: Buffer.from('x') }] }), '..\\..\\evil.json', /backslash/],
  [
    'drive letter',
    () => build({ extra: [{ name: 'C:/Windows/evil.json', data: Buffer.from('x') }] }),
    'C:/Windows/evil.json',
    /drive letter/,
  ],
  [
    'symbolic link',
    () =>
      build({
        extra: [{ name: 'records/link.json', data: Buffer.from('/etc/passwd'), os: 3, externalAttributes: (0o120777 << 16) >>> 0 }],
      }),
    'records/link.json',
    /symbolic link/,
  ],
  [
    'duplicate name',
    () => build({ extra: [{ name: 'records/exercises.json', data: Buffer.from('[]') }] }),
    'records/exercises.json',
    /appears twice/,
  ],
  [
    'duplicate after Unicode normalisation',
    () =>
      build({
        extra: [
          { name: 'caf\u00e9.json', data: Buffer.from('{}') },
          { name: 'cafe\u0301.json', data: Buffer.from('{}') },
        ],
      }),
    'cafe\u0301.json',
    /Unicode normalisation/,
  ],
  ['duplicate by case', () => build({ extra: [{ name: 'MANIFEST.json', data: Buffer.from('{}') }] }), 'MANIFEST.json', /case folding/],
  [
    'zip bomb (70 MB of zeros as records)',
    () =>
      build({ entry: { 'records/templates.json': { data: Buffer.alloc(70 * 1024 * 1024, 0x20) } }, keepManifest: true, signature: 'keep' }),
    'records/templates.json',
    /can be up to/,
  ],
  [
    'ratio bomb (5 MB of zeros as a photo)',
    () => build({ extra: [{ name: `media/${'0'.repeat(64)}.png`, data: Buffer.alloc(5 * 1024 * 1024) }] }),
    `media/${'0'.repeat(64)}.png`,
    /zip bomb/,
  ],
  [
    'a size that lies',
    () => build({ entry: { 'records/templates.json': { declaredSize: 10 } }, keepManifest: true, signature: 'keep' }),
    'records/templates.json',
    /size that lies/,
  ],
  [
    'wrong manifest hash',
    () => build({ files: exercisesWith((e) => (e.contentVersion = 99)), keepManifest: true, signature: null }),
    'records/exercises.json',
    /does not match its SHA-256/,
  ],
  [
    'tampered record under a valid signature',
    () => build({ files: exercisesWith((e) => (e.contentVersion = 99)), keepManifest: true, signature: 'keep' }),
    'records/exercises.json',
    /does not match its SHA-256/,
  ],
  [
    'tampered manifest under the original signature',
    () => build({ manifest: (m) => (m.clinicName = 'Someone Else'), signature: 'keep' }),
    'signature.json',
    /does not match/,
  ],
  [
    'a signature by another key than the one it names',
    () =>
      build({
        files: (f) => {
          const real = JSON.parse(f.get('signature.json')!.toString('utf8')) as { publicKey: string };
          const forged = sign(null, f.get('manifest.json')!, otherKey).toString('base64');
          f.set('signature.json', Buffer.from(JSON.stringify({ algorithm: 'ed25519', publicKey: real.publicKey, signature: forged })));
        },
        keepManifest: true,
        signature: 'keep',
      }),
    'signature.json',
    /does not match/,
  ],
  [
    'invalid JSON',
    () => build({ files: (f) => f.set('records/exercises.json', Buffer.from('[{"id": "x",')) }),
    'records/exercises.json',
    /not valid JSON/,
  ],
  ['wrong format version', () => build({ manifest: (m) => (m.formatVersion = 2) }), 'manifest.json', /format 2.*format 1/],
  [
    'not a Loadwise manifest',
    () => build({ manifest: (m) => (m.format = 'other-app') }),
    'manifest.json',
    /not a Loadwise library manifest/,
  ],
  ['newer app version', () => build({ manifest: (m) => (m.appVersion = '99.0.0') }), 'manifest.json', /newer than this one/],
  ['unknown manifest field', () => build({ manifest: (m) => (m.script = 'x') }), 'manifest.json', /unknown field/],
  [
    '__proto__ in JSON',
    () => build({ files: (f) => f.set('records/templates.json', Buffer.from('[{"__proto__": {"polluted": true}}]')) }),
    'records/templates.json',
    /__proto__/,
  ],
  [
    'JSON nested 100 deep',
    () => build({ files: (f) => f.set('records/templates.json', Buffer.from(`${'['.repeat(100)}${']'.repeat(100)}`)) }),
    'records/templates.json',
    /nests deeper/,
  ],
  [
    'oversized text',
    () => build({ files: exercisesWith((e) => ((e.draft as { text: { name: string } }).text.name = 'x'.repeat(10_000))) }),
    'records/exercises.json',
    /draft\.text\.name/,
  ],
  [
    'SVG payload in text',
    () =>
      build({ files: exercisesWith((e) => ((e.draft as { text: { summary: string } }).text.summary = '<svg onload="alert(1)"></svg>')) }),
    'records/exercises.json',
    /HTML or SVG markup at \[0\]\.draft\.text\.summary/,
  ],
  [
    'HTML payload in a template',
    () =>
      build({
        files: (f) => {
          const list = records(f, 'records/templates.json') as { template: { description: string } }[];
          list[0].template.description = 'Fine <img src=x onerror=alert(1)>';
          f.set('records/templates.json', Buffer.from(JSON.stringify(list)));
        },
      }),
    'records/templates.json',
    /HTML or SVG markup/,
  ],
  [
    'a record the schema refuses (bad stage)',
    () => build({ files: exercisesWith((e) => ((e.draft as { stage: number }).stage = 9)) }),
    'records/exercises.json',
    /draft\.stage/,
  ],
  [
    'a PNG that is not a PNG',
    () => build({ base: withPhoto(Buffer.from('GIF89a this is not a png at all'), 'png') }),
    'media/',
    /not a PNG or JPEG/,
  ],
  [
    'a PNG header claiming 50000 × 50000 pixels',
    () => build({ base: withPhoto(pngHeaderOnly(50_000, 50_000), 'png') }),
    'media/',
    /50000 × 50000/,
  ],
  [
    'a photo with a text chunk (metadata)',
    async () => {
      const png = await photo({ r: 1, g: 2, b: 3 }, 'png');
      const text = Buffer.from('Comment\0Patient: Jane Doe');
      const chunk = Buffer.alloc(12 + text.length);
      chunk.writeUInt32BE(text.length, 0);
      chunk.write('tEXt', 4, 'latin1');
      text.copy(chunk, 8);
      const tagged = Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
      return build({ base: withPhoto(tagged, 'png') });
    },
    'media/',
    /metadata/,
  ],
  [
    'a nested archive',
    () => build({ extra: [{ name: 'media/more.zip', data: validBytes, method: 0 }] }),
    'media/more.zip',
    /nested archives/,
  ],
  ['an encrypted entry', () => build({ entry: { 'records/templates.json': { flags: 0x801 } } }), 'records/templates.json', /encrypted/],
  [
    'an unknown compression method',
    () => build({ entry: { 'records/templates.json': { method: 12 } } }),
    'records/templates.json',
    /compression method 12/,
  ],
  [
    'overlapping entries',
    () => build({ extra: [{ name: 'records/copy.json', data: Buffer.from('x'), sameOffsetAs: 0 }] }),
    null,
    /overlaps|different name/,
  ],
  ['an entry a bundle never holds', () => build({ extra: [{ name: 'run.sh', data: Buffer.from('rm -rf ~') }] }), 'run.sh', /not something/],
  [
    'an entry missing from the manifest',
    () => build({ manifest: (m) => (m.entries = (m.entries as { name: string }[]).filter((e) => !e.name.startsWith('media/'))) }),
    'media/',
    /not listed in its manifest/,
  ],
  ['a truncated zip', () => validBytes.subarray(0, Math.floor(validBytes.length / 2)), null, /cut short/],
  ['not a zip at all', () => Buffer.from('Name,Stage\nBird dog,2\n'), null, /not a zip archive/],
  [
    '100,000 entries',
    () =>
      rawZip(
        Array.from({ length: 100 }, (_, i) => ({ name: `media/${i}.png`, data: Buffer.alloc(0), method: 0 })),
        { entryCount: 100_000 },
      ),
    null,
    /65535 entries; bundles can have up to 5000/,
  ],
];

describe('hostile bundles', () => {
  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('refuses %s, naming the file, the entry and the problem, changing nothing', async (_title, make, entry, problem) => {
    const { ctx } = await bootTestServices({ now: () => new Date('2026-05-05T10:00:00Z') });
    await buildClinicLibrary(ctx, 'South Clinic');
    const bytes = await make();
    const before = databaseContent(ctx);
    const media = folderHashes(path.join(ctx.dataDir, MEDIA_DIR_NAME));
    const backups = list(path.join(ctx.dataDir, 'backups'));
    const dataBase64 = bytes.toString('base64');
    for (const [channel, args] of [
      ['bundles.preview', { fileName: FILE, dataBase64 }],
      ['bundles.apply', { fileName: FILE, bundleSha256: sha(bytes), allConflicts: 'theirs', trustSigner: true, dataBase64 }],
    ] as const) {
      const err = await failure(ctx, channel, args);
      expect(err.code, err.message).toBe('unsupported_media');
      expect(err.message.startsWith(`“${FILE}” was not imported: `), err.message).toBe(true);
      if (entry) expect(err.message, err.message).toContain(entry);
      expect(err.message).toMatch(problem);
      expect(err.message).toMatch(/Nothing was changed\.$/);
      expect(err.message).not.toMatch(/\n\s+at /);
    }
    expect(databaseContent(ctx)).toBe(before);
    expect(folderHashes(path.join(ctx.dataDir, MEDIA_DIR_NAME))).toEqual(media);
    expect(list(path.join(ctx.dataDir, 'backups'))).toEqual(backups);
    expect(list(path.join(ctx.dataDir, 'staging'))).toEqual([]);
  });

  it('a valid signature by an unknown key using a trusted clinic’s name is not trusted', async () => {
    const { ctx } = await bootTestServices();
    const trustedKey = generateKeyPairSync('ed25519').privateKey;
    await call(ctx, 'bundles.trust', {
      clinicName: 'North Spine Clinic',
      publicKey: rawPublicKey(createPublicKey(trustedKey)).toString('base64'),
    });
    const preview = await previewOf(ctx, build({ signature: otherKey }));
    expect(preview.clinicName).toBe('North Spine Clinic');
    expect(preview.signature).toMatchObject({ state: 'unknown', trustedAs: null });
    const trusted = await previewOf(ctx, build({ signature: trustedKey }));
    expect(trusted.signature).toMatchObject({ state: 'trusted', trustedAs: 'North Spine Clinic' });
  });
});
