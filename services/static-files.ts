// Resolves a request path to a file inside the built renderer, and nowhere else. Used by the
// app:// protocol in Electron and by browser mode, so both refuse the same escapes.
import fs from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  file: string;
  mime: string;
}

/**
 * `pathname` is the raw, still-encoded URL path. Returns null for anything that is not a regular
 * file inside `root`: encoded dots or slashes, backslashes, NUL, absolute paths and symlinks
 * pointing outside.
 */
export function resolveStatic(root: string, pathname: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c|%2e/i.test(pathname)) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const realRoot = fs.realpathSync(root);
  const candidate = path.resolve(realRoot, relative);
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  const rel = path.relative(realRoot, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  if (!fs.statSync(real).isFile()) return null;
  const mime = MIME[path.extname(real).toLowerCase()];
  return mime ? { file: real, mime } : null;
}
