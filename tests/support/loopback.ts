// One HTTP request to the browser-mode bridge on 127.0.0.1, answered as status, headers and body.
import http from 'node:http';

export interface LoopbackAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function loopbackRequest(port: number, method: string, pathname: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<LoopbackAnswer>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
