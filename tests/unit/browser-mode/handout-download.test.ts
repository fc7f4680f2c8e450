// A rendered handout's PDF in browser mode, on real services and a real socket: handouts.render
// (with the token) answers an id; GET /handouts/<id>.pdf streams the very bytes the service hashed,
// inline as a PDF, without the page's Content-Security-Policy (Chromium's viewer needs that);
// an unknown id is 404, another method 405, and a request from another site is refused.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../browser-mode/bridge';
import type { RenderedHandout } from '../../../common/contract/handouts';
import type { Result } from '../../../common/contract/result';
import type { ServiceContext } from '../../../services/context';
import { bootTestServices, tempDir } from '../../support/fixtures';
import { issuedProgram } from '../../support/handouts';
import { loopbackRequest } from '../../support/loopback';

const TOKEN = 'tok_5be1d07c2a9f4e3b8c6d1a0f7e2b9c4d';
let bridge: Bridge;
let ctx: ServiceContext;

beforeEach(async () => {
  const rendererDir = tempDir('loadwise-handout-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  ctx = (await bootTestServices()).ctx;
  bridge = await startBridge({ ctx, token: TOKEN, rendererDir });
});
afterEach(async () => {
  await bridge.close();
});

const request = (method: string, pathname: string, headers: Record<string, string> = {}, body?: string) =>
  loopbackRequest(bridge.port, method, pathname, headers, body);

describe('browser mode: handout PDFs', () => {
  it('streams the rendered PDF by its id, inline, byte for byte', async () => {
    const { program } = await issuedProgram(ctx);
    const args = JSON.stringify({ programId: program.id, version: 1, options: { language: 'en' } });
    const rendered = await request(
      'POST',
      '/api/handouts.render',
      { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(args)) },
      args,
    );
    const result = JSON.parse(rendered.body.toString('utf8')) as Result<RenderedHandout>;
    if (!result.ok) throw new Error(result.error.message);
    const pdf = await request('GET', `/handouts/${result.value.id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent(result.value.fileName)}`);
    expect(pdf.headers['content-security-policy']).toBeUndefined();
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf.body).digest('hex')).toBe(result.value.sha256);
    // A second fetch (the print tab after the preview) still works.
    expect((await request('GET', `/handouts/${result.value.id}.pdf`)).status).toBe(200);

    expect((await request('POST', `/handouts/${result.value.id}.pdf`)).status).toBe(405);
    expect(
      (await request('GET', `/handouts/${result.value.id}.pdf`, { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' })).status,
    ).toBe(403);
    const unknown = await request('GET', `/handouts/${'A'.repeat(43)}.pdf`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.toString()).toMatch(/no longer ready/);
    expect((await request('GET', '/handouts/short.pdf')).status).toBe(404);
  });
});
