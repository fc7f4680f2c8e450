// A rendered handout's PDF in browser mode: GET /handouts/<id>.pdf streams the file the service
// kept (services/handouts/use-cases.ts) for the preview, a save or the browser's own print. The id
// is 256 random bits from handouts.render, which needed the token, so it is the proof here (a tab
// opened for printing cannot carry a header), like an export ticket; it lapses when the service
// drops the file. The PDF is served inline, without the page's Content-Security-Policy, which
// would stop Chromium's PDF viewer.
import fs from 'node:fs';
import type http from 'node:http';
import { HANDOUT_DOWNLOAD_PATTERN } from '../common/contract/handout-files';
import type { ServiceContext } from '../services/context';
import { handoutFile } from '../services/handouts/use-cases';

/** Answers GET/HEAD /handouts/<id>.pdf; false when the path is not a handout's. */
export function serveHandout(
  ctx: ServiceContext,
  req: http.IncomingMessage,
  pathname: string,
  res: http.ServerResponse,
  headers: Record<string, string>,
): boolean {
  const match = HANDOUT_DOWNLOAD_PATTERN.exec(pathname);
  if (!match) return false;
  const found = handoutFile(ctx, match[1] as string);
  const { 'Content-Security-Policy': _csp, ...rest } = headers;
  if (!found) {
    const body = 'This handout is no longer ready. Make the preview again from the program.';
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return true;
  }
  const size = fs.statSync(found.file).size;
  res.writeHead(200, {
    ...rest,
    'Content-Type': 'application/pdf',
    'Content-Length': size,
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  fs.createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}
