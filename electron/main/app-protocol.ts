// Serves the built renderer on app://loadwise/ in place of file://, which would grant the page
// the whole file system's origin. Only files inside the renderer folder are answered, plus the
// clinic's photos at /media/<sha256>/<full|thumb>, looked up by hash in the photo store.
import fs from 'node:fs';
import { MEDIA_URL_PATTERN, type MediaVariant } from '../../common/contract/media';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import { resolveStatic } from '../../services/static-files';
import { APP_HOST, APP_SCHEME } from './security';

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Finds a stored photo by hash (services/media/use-cases.ts photoFile, bound to the services). */
export type MediaLookup = (sha256: string, variant: MediaVariant) => { file: string; mime: string } | null;

export function appProtocolResponse(requestUrl: string, method: string, rendererDir: string, media?: MediaLookup): Response {
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
  if (rawPath.startsWith('/media/')) {
    const match = MEDIA_URL_PATTERN.exec(rawPath);
    const photo = match && media ? media(match[1], match[2] as MediaVariant) : null;
    if (!photo) return new Response('Not found', { status: 404, headers: HEADERS });
    // Content-addressed: the same URL always means the same bytes.
    const headers = { ...HEADERS, 'Content-Type': photo.mime, 'Cache-Control': 'private, max-age=31536000, immutable' };
    return new Response(fs.readFileSync(photo.file), { status: 200, headers });
  }
  const found = resolveStatic(rendererDir, rawPath);
  if (!found) return new Response('Not found', { status: 404, headers: HEADERS });
  return new Response(fs.readFileSync(found.file), { status: 200, headers: { ...HEADERS, 'Content-Type': found.mime } });
}
