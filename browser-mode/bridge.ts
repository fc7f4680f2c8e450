// Browser mode: the same renderer and services over HTTP on 127.0.0.1, for machines without
// Electron and for end-to-end tests. Any web page can reach loopback, so every request proves
// where it is going (Host allowlist, against DNS rebinding), where it comes from (Origin and
// Sec-Fetch-Site, against cross-site requests) and who sent it (the per-launch token).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { byteLimitOf, isByteChannel, isChannel, MEDIA_URL_PATTERN } from '../common/contract';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import type { ErrorCode } from '../common/contract/result';
import { megabytes, tooLargeMessage } from '../common/text/sizes';
import type { ServiceContext } from '../services/context';
import { dispatch } from '../services/dispatch';
import { photoFile } from '../services/media/use-cases';
import { DiskProblemError, stageStream, TooLargeError } from '../services/staging';
import { resolveStatic } from '../services/static-files';
import { BUNDLE_EXPORT_START_PATH, EXPORT_START_PATH, OPENED_FILES_PATH, type OfferedFile } from '../common/contract/transfer';
import { exportDownloads } from './export-downloads';
import { HANDOUT_DOWNLOAD_PREFIX } from '../common/contract/handout-files';
import { serveHandout } from './handout-downloads';

export const BIND_HOST = '127.0.0.1';
/** readJsonArgs: the body was refused and the answer sent. */
const NO_ARGS = Symbol('no arguments');
/** JSON bodies carry arguments only (files take the byte lane), so they stay small. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** Call arguments are shallow (an exercise draft is a few levels deep); deeper bodies are refused unparsed. */
export const MAX_JSON_DEPTH = 32;
/** Byte calls send their JSON arguments in this header, URI-encoded, beside the raw body. */
export const ARGS_HEADER = 'x-loadwise-args';
/** The cookie that lets <img> load photos: set by POST /session for a caller holding the token. */
export const MEDIA_COOKIE = 'loadwise_media';

/**
 * Connection limits. The server is for one person's browser on this computer, which opens a
 * handful of connections; anything on the machine can open more, so idle ones are capped and
 * timed out and never starve a real call.
 */
export interface BridgeLimits {
  /** Open connections kept at most; a new one beyond it evicts the longest-idle connection. */
  maxConnections: number;
  /** A request's headers must arrive within this (slow or silent clients are closed). */
  headersTimeoutMs: number;
  /** A whole request, body included (a library import can be large), must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection with no traffic at all for this long is closed. */
  socketIdleTimeoutMs: number;
  /** How often Node checks the header and request timeouts. */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: BridgeLimits = {
  maxConnections: 512,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 10 * 60_000,
  keepAliveTimeoutMs: 5_000,
  socketIdleTimeoutMs: 2 * 60_000,
  checkIntervalMs: 1_000,
};

export interface BridgeOptions {
  ctx: ServiceContext;
  token: string;
  rendererDir: string;
  port?: number;
  limits?: Partial<BridgeLimits>;
  /** Files to offer the page once (`--import FILE`): it opens them like dropped files. */
  openedFiles?: string[];
}

export interface Bridge {
  server: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const sendError = (res: http.ServerResponse, status: number, code: ErrorCode, message: string): void =>
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }));

export function tokensMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a JSON text nests arrays and objects deeper than `max`, found in one pass over the bytes
 * (brackets inside strings do not count). Checked before JSON.parse, so a body built to be deep
 * costs one linear scan and never reaches the parser or the schema check.
 */
export function jsonNestedDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, not kept: destroying the socket mid-upload
    // would reset the connection and the client would never see the 413. Only a caller that
    // passed the token check gets this far.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  if (!options.token || options.token.length < 16) throw new Error('Browser mode needs a token of at least 16 characters');
  // A second secret for <img> requests, which cannot carry the Authorization header: handed out
  // as an HttpOnly, SameSite=Strict cookie only to a caller that proves it holds the token.
  const mediaKey = randomBytes(32).toString('base64url');
  const downloads = exportDownloads(options.ctx);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const limits: BridgeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    (req, res) => {
      markBusy(req.socket);
      res.on('close', () => markIdle(req.socket));
      void handle(req, res).catch(() => {
        if (!res.headersSent) sendError(res, 500, 'internal', 'The request could not be handled.');
      });
    },
  );
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.timeout = limits.socketIdleTimeoutMs;
  // A hard ceiling for file descriptors; below it, the eviction in 'connection' keeps the count.
  server.maxConnections = limits.maxConnections * 2;

  // Open connections in the order they last became idle; busy ones (a request in progress) are
  // never evicted. At the cap, a new connection takes the place of the longest-idle one, so idle
  // or half-open connections, however many, cannot keep a real caller out.
  const idle = new Map<Socket, true>();
  const busy = new Map<Socket, number>();
  function markBusy(socket: Socket): void {
    idle.delete(socket);
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
  }
  function markIdle(socket: Socket): void {
    const inFlight = (busy.get(socket) ?? 0) - 1;
    if (inFlight > 0) return void busy.set(socket, inFlight);
    busy.delete(socket);
    if (!socket.destroyed) idle.set(socket, true);
  }
  server.on('connection', (socket: Socket) => {
    if (idle.size + busy.size >= limits.maxConnections) {
      const oldest = idle.keys().next();
      if (oldest.done) {
        socket.destroy();
        return;
      }
      idle.delete(oldest.value);
      oldest.value.destroy();
    }
    idle.set(socket, true);
    // Node times out headers only once the first byte has arrived; a connection that stays silent
    // is closed here after the same time.
    const silent = setTimeout(() => {
      if (!busy.has(socket) && socket.bytesRead === 0) socket.destroy();
    }, limits.headersTimeoutMs);
    socket.once('close', () => {
      clearTimeout(silent);
      idle.delete(socket);
      busy.delete(socket);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendError(res, 421, 'wrong_host', 'This server answers only to its own loopback address.');
      return;
    }
    // The raw, still-encoded path: the static resolver refuses encoded dots and slashes itself,
    // exactly as the app:// handler does, so both transports answer the same paths.
    const pathname = (req.url ?? '/').split(/[?#]/)[0] || '/';
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    // Opening the page itself from elsewhere (the forwarding page Chromium starts on, a link) is
    // a harmless top-level navigation: the page holds no data and the token is not sent with it.
    // Calls and sub-resources from another site are refused.
    const pageNavigation =
      req.method === 'GET' &&
      !pathname.startsWith('/api/') &&
      req.headers['sec-fetch-mode'] === 'navigate' &&
      req.headers['sec-fetch-dest'] === 'document';
    const fromOtherSite = site === 'cross-site' || site === 'same-site';
    if ((origin !== undefined && !allowedOrigins.has(origin)) || (fromOtherSite && !pageNavigation)) {
      sendError(res, 403, 'forbidden_origin', 'Requests from other sites are refused.');
      return;
    }
    if (req.method === 'OPTIONS') {
      sendError(res, 405, 'method_not_allowed', 'Cross-origin requests are not supported.');
      return;
    }
    if (pathname.startsWith('/api/')) {
      await handleApi(req, res, pathname.slice('/api/'.length));
      return;
    }
    if (pathname === '/session') {
      handleSession(req, res);
      return;
    }
    if (pathname === EXPORT_START_PATH) {
      await handleExportStart(req, res);
      return;
    }
    if (pathname === OPENED_FILES_PATH) {
      handleOpenedFiles(req, res);
      return;
    }
    if (pathname === BUNDLE_EXPORT_START_PATH) {
      await handleBundleExportStart(req, res);
      return;
    }
    if (pathname.startsWith(`${EXPORT_START_PATH}/`)) {
      if (req.method !== 'GET') {
        res.setHeader('Allow', 'GET');
        sendError(res, 405, 'method_not_allowed', 'Only GET is allowed here.');
        return;
      }
      if (!downloads.serve(pathname, res, SECURITY_HEADERS)) send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    if (pathname.startsWith(HANDOUT_DOWNLOAD_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        sendError(res, 405, 'method_not_allowed', 'Only GET is allowed here.');
        return;
      }
      if (!serveHandout(options.ctx, req, pathname, res, SECURITY_HEADERS)) send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    if (pathname.startsWith('/media/')) {
      handleMedia(req, res, pathname);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'method_not_allowed', 'Only GET is allowed here.');
      return;
    }
    const found = resolveStatic(options.rendererDir, pathname);
    if (!found) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    send(res, 200, fs.readFileSync(found.file), found.mime);
  }

  const hasToken = (req: http.IncomingMessage): boolean => {
    const auth = req.headers.authorization ?? '';
    return tokensMatch(options.token, auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '');
  };

  function handleSession(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendError(res, 405, 'method_not_allowed', 'A session is opened with POST.');
      return;
    }
    if (!hasToken(req)) {
      sendError(res, 401, 'unauthorized', 'A valid token is required.');
      return;
    }
    res.setHeader('Set-Cookie', `${MEDIA_COOKIE}=${mediaKey}; Path=/media/; HttpOnly; SameSite=Strict`);
    send(res, 200, JSON.stringify({ ok: true, value: null }));
  }

  /** POST /export: prepares "Export everything" and answers its one-time download URL (export-downloads.ts). */
  async function handleExportStart(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!tokenPost(req, res, 'An export is started with POST.')) return;
    req.resume();
    send(res, 200, JSON.stringify(await downloads.start()));
  }

  /** A POST carrying the token; otherwise answered (405 naming how, or 401) and false. */
  function tokenPost(req: http.IncomingMessage, res: http.ServerResponse, howToCall: string): boolean {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendError(res, 405, 'method_not_allowed', howToCall);
      return false;
    }
    if (!hasToken(req)) {
      sendError(res, 401, 'unauthorized', 'A valid token is required.');
      return false;
    }
    return true;
  }

  // Offered once: a reload, or a second tab, does not open them again.
  const toOffer = [...(options.openedFiles ?? [])];
  /** POST /opened-files: the files this run was asked to open, each as a one-time download. */
  function handleOpenedFiles(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!tokenPost(req, res, 'Opened files are asked for with POST.')) return;
    req.resume();
    const offered = toOffer.splice(0).flatMap((file): OfferedFile[] => {
      const found = downloads.offer(file);
      return found ? [found] : [];
    });
    send(res, 200, JSON.stringify({ ok: true, value: offered }));
  }

  /** POST /export-bundle: makes a library bundle from the JSON export choices and answers its one-time download URL. */
  async function handleBundleExportStart(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!tokenPost(req, res, 'An export is started with POST.')) return;
    const args = await readJsonArgs(req, res);
    if (args === NO_ARGS) return;
    send(res, 200, JSON.stringify(await downloads.startBundle(args)));
  }

  /**
   * A call's JSON body under the size and depth limits, parsed; NO_ARGS once an error has been
   * answered (wrong type, too large, too deep, not JSON).
   */
  async function readJsonArgs(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendError(res, 415, 'unsupported_media', 'Calls are sent as application/json.');
      return NO_ARGS;
    }
    const tooLarge = `The request is larger than ${megabytes(MAX_JSON_BODY_BYTES)}.`;
    // A declared length over the limit is refused before one byte is read.
    if (Number(req.headers['content-length'] ?? 0) > MAX_JSON_BODY_BYTES) {
      refuseTooLarge(req, res, tooLarge);
      return NO_ARGS;
    }
    const body = await readBody(req, MAX_JSON_BODY_BYTES);
    if (body === null) {
      sendError(res, 413, 'too_large', tooLarge);
      return NO_ARGS;
    }
    if (jsonNestedDeeperThan(body, MAX_JSON_DEPTH)) {
      sendError(res, 400, 'invalid_argument', `The request nests deeper than ${MAX_JSON_DEPTH} levels.`);
      return NO_ARGS;
    }
    try {
      return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendError(res, 400, 'invalid_argument', 'The request body is not valid JSON.');
      return NO_ARGS;
    }
  }

  function mediaCookie(req: http.IncomingMessage): string {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === MEDIA_COOKIE) return value.join('=');
    }
    return '';
  }

  function handleMedia(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'method_not_allowed', 'Only GET is allowed here.');
      return;
    }
    if (!tokensMatch(mediaKey, mediaCookie(req))) {
      sendError(res, 401, 'unauthorized', 'A valid session is required.');
      return;
    }
    const match = MEDIA_URL_PATTERN.exec(pathname);
    const found = match ? photoFile(options.ctx, match[1], match[2] as 'full' | 'thumb') : null;
    if (!found) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    const bytes = fs.readFileSync(found.file);
    // Content-addressed: the same URL always means the same bytes, so the browser may keep it.
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Type': found.mime,
      'Content-Length': bytes.length,
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  /** Answers 413 at once and drops the rest of the body unread into memory. */
  function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse, message: string): void {
    res.setHeader('Connection', 'close');
    sendError(res, 413, 'too_large', message);
    req.resume();
  }

  async function handleByteCall(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    const limit = isChannel(channel) ? byteLimitOf(channel) : undefined;
    if (!limit) throw new Error('not a byte call');
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/octet-stream')) {
      sendError(res, 415, 'unsupported_media', 'Files are sent as application/octet-stream.');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit.maxBytes) {
      refuseTooLarge(req, res, tooLargeMessage(declared, limit.maxBytes, limit.fileNoun));
      return;
    }
    let args: unknown;
    try {
      const header = req.headers[ARGS_HEADER];
      args = typeof header === 'string' && header.length > 0 ? JSON.parse(decodeURIComponent(header)) : {};
    } catch {
      sendError(res, 400, 'invalid_argument', `The ${ARGS_HEADER} header is not URI-encoded JSON.`);
      return;
    }
    let file;
    try {
      file = await stageStream(options.ctx.dataDir, req, limit);
    } catch (err) {
      if (err instanceof TooLargeError) refuseTooLarge(req, res, err.message);
      else if (err instanceof DiskProblemError) {
        // The rest of the body is dropped unread, as for 413, so the client sees the answer.
        res.setHeader('Connection', 'close');
        sendError(res, 507, 'disk_problem', err.message);
        req.resume();
      } else sendError(res, 400, 'invalid_argument', 'The file did not arrive whole. Try again.');
      return;
    }
    const result = await dispatch(options.ctx, channel, args, file);
    send(res, 200, JSON.stringify(result));
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendError(res, 405, 'method_not_allowed', 'Calls are made with POST.');
      return;
    }
    if (!hasToken(req)) {
      sendError(res, 401, 'unauthorized', 'A valid token is required.');
      return;
    }
    if (isByteChannel(channel)) {
      await handleByteCall(req, res, channel);
      return;
    }
    const args = await readJsonArgs(req, res);
    if (args === NO_ARGS) return;
    const result = await dispatch(options.ctx, channel, args);
    const status = !result.ok && result.error.code === 'unknown_call' ? 404 : 200;
    send(res, status, JSON.stringify(result));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, BIND_HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return {
    server,
    port,
    url: `http://${BIND_HOST}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        downloads.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
