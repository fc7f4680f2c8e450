// Serves the built renderer on app://loadwise/ in place of file://, which would grant the page
// the whole file system's origin. Only files inside the renderer folder are answered.
import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { resolveStatic } from '../../services/static-files';
import { APP_HOST, APP_SCHEME } from './security';

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

export function appProtocolResponse(requestUrl: string, method: string, rendererDir: string): Response {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Bad request', { status: 400, headers: HEADERS });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response('Not found', { status: 404, headers: HEADERS });
  if (method !== 'GET' && method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: HEADERS });
  // Read the still-encoded path from the raw string: URL parsing would resolve %2e%2e for us.
  const rawPath = requestUrl.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0] || '/';
  const found = resolveStatic(rendererDir, rawPath);
  if (!found) return new Response('Not found', { status: 404, headers: HEADERS });
  return new Response(fs.readFileSync(found.file), { status: 200, headers: { ...HEADERS, 'Content-Type': found.mime } });
}
