// "Export everything" in browser mode: POST /export (with the token) takes the export's checked
// database copy and answers a one-time URL; GET /export/<ticket> streams the archive to the
// browser as a download (a gzip-compressed tar written straight into the response, so memory stays
// flat and nothing is written twice). A ticket is 256 random bits, works once, and lapses after a
// minute, when its database copy is removed. A download needs no token in its request, since
// a download link cannot carry a header: the ticket is the proof.
// A shared library bundle (POST /export-bundle with the export choices) takes the same tickets:
// the bundle is made into the staging folder and streamed from there once, then removed.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_DOWNLOAD_PATTERN, type BundleTicket, type ExportTicket, type OfferedFile } from '../common/contract/transfer';
import { ok, type Result } from '../common/contract/result';
import type { ServiceContext } from '../services/context';
import { failureOf } from '../services/dispatch';
import { exportFileName, prepareExport, writePreparedExport } from '../services/backups/transfer';
import { parseExportSelection, prepareBundle } from '../services/bundles/export';

export const EXPORT_TICKET_LIFETIME_MS = 60_000;

/** What a ticket streams, once. */
interface Pending {
  fileName: string;
  contentType: string;
  write(out: Writable): Promise<unknown>;
  dispose(): void;
  timer: NodeJS.Timeout;
}

export interface ExportDownloads {
  /** Prepares an export and answers its one-time URL (or why it could not be made). */
  start(): Promise<Result<ExportTicket>>;
  /** Makes a library bundle from the export choices (checked here) and answers its one-time URL. */
  startBundle(choices: unknown): Promise<Result<BundleTicket>>;
  /** A file the server was asked to open (`--import FILE`), as a one-time download; null when it is gone. */
  offer(file: string): OfferedFile | null;
  /** Answers GET /export/<ticket>; false when the path is not a download's. */
  serve(pathname: string, res: http.ServerResponse, headers: Record<string, string>): boolean;
  /** Drops every ticket not yet used (the server is closing). */
  close(): void;
}

/** A download's file name: plain when it is printable ASCII, else UTF-8 encoded (a clinic named “Clínica Sur”). */
function attachment(fileName: string): string {
  return /^[\x20-\x7e]+$/.test(fileName) && !/["\\]/.test(fileName)
    ? `attachment; filename="${fileName}"`
    : `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function exportDownloads(ctx: ServiceContext, lifetimeMs = EXPORT_TICKET_LIFETIME_MS): ExportDownloads {
  const pending = new Map<string, Pending>();
  const take = (ticket: string): Pending | undefined => {
    const p = pending.get(ticket);
    if (p) {
      pending.delete(ticket);
      clearTimeout(p.timer);
    }
    return p;
  };
  /** Keeps a prepared download under a new ticket for its lifetime; answers the ticket's URL. */
  const issue = (download: Omit<Pending, 'timer'>): string => {
    const ticket = randomBytes(32).toString('base64url');
    const timer = setTimeout(() => take(ticket)?.dispose(), lifetimeMs);
    timer.unref();
    pending.set(ticket, { ...download, timer });
    return `/export/${ticket}`;
  };

  return {
    async start() {
      try {
        const prepared = await prepareExport(ctx);
        const fileName = exportFileName(prepared.createdAt);
        const url = issue({
          fileName,
          contentType: 'application/gzip',
          write: (out) => writePreparedExport(prepared, out),
          dispose: () => prepared.dispose(),
        });
        return ok({ url, fileName, exercises: prepared.exercises, photos: prepared.photos });
      } catch (err) {
        return failureOf('export', err, ctx);
      }
    },

    async startBundle(choices) {
      try {
        const prepared = prepareBundle(ctx, parseExportSelection(choices));
        const url = issue({
          fileName: prepared.fileName,
          contentType: 'application/octet-stream',
          write: (out) => pipeline(fs.createReadStream(prepared.file), out),
          dispose: () => prepared.dispose(),
        });
        const { fileName, bytes, counts, fingerprint } = prepared.summary;
        return ok({ url, fileName, bytes, counts, fingerprint });
      } catch (err) {
        return failureOf('export-bundle', err, ctx);
      }
    },

    offer(file) {
      let bytes: number;
      try {
        bytes = fs.statSync(file).size;
      } catch {
        return null;
      }
      const name = path.basename(file);
      const url = issue({
        fileName: name,
        contentType: 'application/octet-stream',
        // Read from where the clinician keeps it, never moved or removed.
        write: (out) => pipeline(fs.createReadStream(file), out),
        dispose: () => undefined,
      });
      return { name, bytes, url };
    },

    serve(pathname, res, headers) {
      const match = EXPORT_DOWNLOAD_PATTERN.exec(pathname);
      if (!match) return false;
      const found = take(match[1]);
      if (!found) {
        const body = 'This download link has expired or was already used. Export again from the Backups screen.';
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
        return true;
      }
      // The size is known only once written: sent chunked. A failure half-way ends the connection
      // without the closing chunk, so the browser marks the download failed instead of keeping half.
      res.writeHead(200, {
        ...headers,
        'Content-Type': found.contentType,
        'Content-Disposition': attachment(found.fileName),
      });
      void found
        .write(res)
        .catch((err: unknown) => {
          ctx.log.error('an export download failed', err);
          res.destroy();
        })
        .finally(() => found.dispose());
      return true;
    },

    close() {
      for (const ticket of [...pending.keys()]) take(ticket)?.dispose();
    },
  };
}
