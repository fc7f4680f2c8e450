// "Export everything" in browser mode: POST /export (with the token) takes the export's checked
// database copy and answers a one-time URL; GET /export/<ticket> streams the archive to the
// browser as a download (a gzip-compressed tar written straight into the response, so memory stays
// flat and nothing is written twice). A ticket is 256 random bits, works once, and lapses after a
// minute, when its database copy is removed. A download needs no token in its request, since
// a download link cannot carry a header: the ticket is the proof.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { EXPORT_DOWNLOAD_PATTERN, type ExportTicket } from '../common/contract/transfer';
import { ok, type Result } from '../common/contract/result';
import type { ServiceContext } from '../services/context';
import { failureOf } from '../services/dispatch';
import { exportFileName, prepareExport, writePreparedExport, type PreparedExport } from '../services/backups/transfer';

export const EXPORT_TICKET_LIFETIME_MS = 60_000;

interface Pending {
  prepared: PreparedExport;
  fileName: string;
  timer: NodeJS.Timeout;
}

export interface ExportDownloads {
  /** Prepares an export and answers its one-time URL (or why it could not be made). */
  start(): Promise<Result<ExportTicket>>;
  /** Answers GET /export/<ticket>; false when the path is not a download's. */
  serve(pathname: string, res: http.ServerResponse, headers: Record<string, string>): boolean;
  /** Drops every ticket not yet used (the server is closing). */
  close(): void;
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

  return {
    async start() {
      let prepared: PreparedExport;
      try {
        prepared = await prepareExport(ctx);
      } catch (err) {
        return failureOf('export', err, ctx);
      }
      const ticket = randomBytes(32).toString('base64url');
      const fileName = exportFileName(prepared.createdAt);
      const timer = setTimeout(() => take(ticket)?.prepared.dispose(), lifetimeMs);
      timer.unref();
      pending.set(ticket, { prepared, fileName, timer });
      return ok({ url: `/export/${ticket}`, fileName, exercises: prepared.exercises, photos: prepared.photos });
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
        'Content-Type': 'application/gzip',
        'Content-Disposition': `attachment; filename="${found.fileName}"`,
      });
      void writePreparedExport(found.prepared, res)
        .catch((err: unknown) => {
          ctx.log.error('an export download failed', err);
          res.destroy();
        })
        .finally(() => found.prepared.dispose());
      return true;
    },

    close() {
      for (const ticket of [...pending.keys()]) take(ticket)?.prepared.dispose();
    },
  };
}
