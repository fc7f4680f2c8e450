// "Export everything" in browser mode, on real services and a real socket: POST /export needs the
// token and answers a one-time URL; GET on it streams a gzip tar (chunked, as a download with the
// dated file name) that backups.importAll on another data folder reads back whole; the URL works
// once, lapses after its lifetime (its database copy removed), and nothing stays in staging.
// A library with a photo file gone is refused at POST, with the reason, before any download.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../browser-mode/bridge';
import { exportDownloads } from '../../../browser-mode/export-downloads';
import type { BundleTicket, ExportTicket, OfferedFile } from '../../../common/contract/transfer';
import { buildClinicLibrary, exportBytes, previewOf, SHARE_ALL } from '../../support/bundles';
import type { Result } from '../../../common/contract/result';
import type { ServiceContext } from '../../../services/context';
import { photoFile } from '../../../services/media/use-cases';
import { stagingDir } from '../../../services/staging';
import { call, dispatchLikeHost } from '../../support/call';
import { bootTestServices, sampleDraft, tempDir } from '../../support/fixtures';
import sharp from 'sharp';

const TOKEN = 'tok_5be1d07c2a9f4e3b8c6d1a0f7e2b9c4d';

let bridge: Bridge;
let ctx: ServiceContext;

beforeEach(async () => {
  const rendererDir = tempDir('loadwise-export-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Loadwise</title>');
  ctx = (await bootTestServices({ now: () => new Date(2026, 10, 29, 9, 30) })).ctx;
  bridge = await startBridge({ ctx, token: TOKEN, rendererDir });
});

afterEach(async () => {
  await bridge.close();
});

function request(method: string, pathname: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: bridge.port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const startExport = async (token = TOKEN) => {
  const r = await request('POST', '/export', { Authorization: `Bearer ${token}` });
  return { status: r.status, result: JSON.parse(r.body.toString('utf8')) as Result<ExportTicket> };
};

const staged = (): string[] => (fs.existsSync(stagingDir(ctx.dataDir)) ? fs.readdirSync(stagingDir(ctx.dataDir)) : []);

describe('browser mode: Export everything', () => {
  it('streams a dated download that another data folder imports whole, once', async () => {
    const ex = await call(ctx, 'library.create', {
      draft: sampleDraft({ text: { ...sampleDraft().text, name: 'Travels in the export' } }),
    });
    await call(ctx, 'media.attach', { exerciseId: ex.id, fileName: 'a.png', dataBase64: (await png()).toString('base64') });

    const started = await startExport();
    expect(started.status).toBe(200);
    expect(started.result).toMatchObject({ ok: true, value: { fileName: 'Loadwise everything 2026-11-29.loadwise-backup', photos: 1 } });
    if (!started.result.ok) throw new Error('no ticket');
    expect(started.result.value.url).toMatch(/^\/export\/[A-Za-z0-9_-]{43}$/);

    const download = await request('GET', started.result.value.url);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/gzip');
    expect(download.headers['content-disposition']).toBe('attachment; filename="Loadwise everything 2026-11-29.loadwise-backup"');
    expect(download.headers['transfer-encoding']).toBe('chunked');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(staged()).toEqual([]); // the database copy is gone once written

    const file = path.join(tempDir('loadwise-download-'), 'export.loadwise-backup');
    fs.writeFileSync(file, download.body);
    const listed = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.split('\n').slice(0, 2)).toEqual(['loadwise-export.json', 'loadwise.db']);

    const other = (await bootTestServices()).ctx;
    const imported = await dispatchLikeHost(other, 'backups.importAll', { replace: true, dataBase64: download.body.toString('base64') });
    expect(imported).toMatchObject({ ok: true, value: { photos: 1 } });
    const names = (await call(other, 'library.search', { query: 'Travels', limit: 5 })).items.map((i) => i.name);
    expect(names).toEqual(['Travels in the export']);
    expect(photoFile(other, (await call(other, 'library.get', { id: ex.id })).photos[0].sha256, 'full')).not.toBeNull();

    // The same URL again: gone.
    const again = await request('GET', started.result.value.url);
    expect(again.status).toBe(404);
    expect(again.body.toString('utf8')).toContain('This download link has expired or was already used.');
  });

  it('starts only with the token, by POST; downloads only by GET and a ticket it handed out', async () => {
    expect((await startExport('tok_00000000000000000000000000000000')).status).toBe(401);
    expect((await request('GET', '/export')).status).toBe(405);
    expect((await request('GET', `/export/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await request('GET', '/export/../api/app.info')).status).toBe(404);
    const started = await startExport();
    if (!started.result.ok) throw new Error('no ticket');
    expect((await request('POST', started.result.value.url, { Authorization: `Bearer ${TOKEN}` })).status).toBe(405);
    // From another site, refused like every call.
    expect((await request('GET', started.result.value.url, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await request('GET', started.result.value.url)).status).toBe(200);
  });

  it('refuses at POST, with the reason, when a photo file is gone, and leaves nothing in staging', async () => {
    const ex = await call(ctx, 'library.create', { draft: sampleDraft() });
    const after = await call(ctx, 'media.attach', {
      exerciseId: ex.id,
      fileName: 'a.png',
      dataBase64: (await png()).toString('base64'),
    });
    fs.rmSync(photoFile(ctx, after.photos[0].sha256, 'thumb')!.file);
    const started = await startExport();
    expect(started.result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: '1 photo file is missing from the data folder, so the library was not exported (it could not be opened elsewhere).',
      },
    });
    expect(staged()).toEqual([]);
  });

  it('a ticket not used in time lapses, and its database copy is removed', async () => {
    const downloads = exportDownloads(ctx, 50);
    const started = await downloads.start();
    if (!started.ok) throw new Error('no ticket');
    expect(staged()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(staged()).toEqual([]);
    const res = { writeHead: () => res, end: () => res, status: 0 } as unknown as http.ServerResponse;
    let status = 0;
    (res as unknown as { writeHead: (s: number) => void }).writeHead = (s: number) => (status = s);
    expect(downloads.serve(started.value.url, res, {})).toBe(true);
    expect(status).toBe(404);
    downloads.close();
  });
});

describe('browser mode: export a shared library bundle', () => {
  const startBundle = async (body: unknown, token = TOKEN) => {
    const r = await request(
      'POST',
      '/export-bundle',
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      JSON.stringify(body),
    );
    return { status: r.status, result: JSON.parse(r.body.toString('utf8')) as Result<BundleTicket> };
  };

  it('makes the bundle from the choices and streams it once as a download another library previews', async () => {
    await buildClinicLibrary(ctx, 'Clínica Sur');
    const started = await startBundle(SHARE_ALL);
    expect(started.status).toBe(200);
    if (!started.result.ok) throw new Error(JSON.stringify(started.result));
    expect(started.result.value).toMatchObject({
      url: expect.stringMatching(/^\/export\/[A-Za-z0-9_-]{43}$/),
      fileName: 'Clínica Sur library 2026-11-29.loadwise-library',
      counts: { exercises: 3, templates: 1, photos: 2 },
    });
    expect(staged()).toHaveLength(1); // the bundle waits in staging for its download

    const download = await request('GET', started.result.value.url);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('Clínica Sur library 2026-11-29.loadwise-library')}`,
    );
    expect(download.body.length).toBe(started.result.value.bytes);
    expect(download.body.equals(await exportBytes(ctx))).toBe(true); // the same bytes Electron's main writes
    await expect.poll(staged).toEqual([]);
    expect((await request('GET', started.result.value.url)).status).toBe(404);

    const other = (await bootTestServices()).ctx;
    expect((await previewOf(other, download.body)).items.filter((i) => i.status === 'new')).toHaveLength(4);
  });

  it('needs the token and JSON; refuses choices naming the field, with nothing left in staging', async () => {
    expect((await startBundle(SHARE_ALL, 'tok_00000000000000000000000000000000')).status).toBe(401);
    expect((await request('GET', '/export-bundle')).status).toBe(405);
    const asText = await request('POST', '/export-bundle', { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' }, '{}');
    expect(asText.status).toBe(415);
    const refused = await startBundle({ ...SHARE_ALL, licence: 'PATIENT-Jane-Roe' });
    expect(refused.result).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringMatching(/^Export choices: licence/) },
    });
    expect(JSON.stringify(refused.result)).not.toContain('Jane');
    expect(staged()).toEqual([]);
  });
});

describe('browser mode: files offered by --import', () => {
  it('offers each file once, with the token, as a one-time download of its bytes; a file gone is skipped', async () => {
    const folder = tempDir('loadwise-offered-');
    const file = path.join(folder, 'North clinic.loadwise-library');
    fs.writeFileSync(file, Buffer.from('PK\u0003\u0004 the bundle', 'latin1'));
    const gone = path.join(folder, 'gone.loadwise-library');
    const rendererDir = tempDir('loadwise-offered-renderer-');
    const offering = await startBridge({ ctx, token: TOKEN, rendererDir, openedFiles: [file, gone] });
    const ask = (token: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: offering.port, method: 'POST', path: '/opened-files', headers: { Authorization: `Bearer ${token}` } },
          (res) => {
            let body = '';
            res.setEncoding('utf8').on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    try {
      expect((await ask('tok_00000000000000000000000000000000')).status).toBe(401);
      const first = JSON.parse((await ask(TOKEN)).body) as Result<OfferedFile[]>;
      if (!first.ok) throw new Error('not offered');
      expect(first.value).toEqual([
        {
          name: 'North clinic.loadwise-library',
          bytes: fs.statSync(file).size,
          url: expect.stringMatching(/^\/export\/[A-Za-z0-9_-]{43}$/),
        },
      ]);
      expect(JSON.stringify(first.value)).not.toContain(folder); // the page learns the name, never the folder
      expect(JSON.parse((await ask(TOKEN)).body)).toEqual({ ok: true, value: [] }); // once
      const got = await new Promise<Buffer>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: offering.port, path: first.value[0].url }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(Buffer.concat(chunks)));
          })
          .on('error', reject);
      });
      expect(got.equals(fs.readFileSync(file))).toBe(true);
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      await offering.close();
    }
  });
});

/** A small real PNG the image worker accepts. */
function png(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .png()
    .toBuffer();
}
