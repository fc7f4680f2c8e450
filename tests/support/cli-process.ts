// Starts the built browser mode (out/browser/cli.cjs) as a real process, for tests about what
// happens between processes: two owners of one folder, a kill -9, a read-only folder. Each test
// stops only the processes it started.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { repoRoot } from './repo';

export const CLI = path.join(repoRoot, 'out', 'browser', 'cli.cjs');
export const ADDRESS_LINE = /^Loadwise is running at http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)$/;

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Settles on 'close', once both pipes are drained. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The address line's port and token; rejects when the process ends before printing it. */
  ready: Promise<{ port: number; token: string }>;
}

export function startCli(
  ctx: TestContext,
  dataDir: string,
  options: { env?: Record<string, string>; spawn?: Pick<SpawnOptions, 'uid' | 'gid'> } = {},
): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.LOADWISE_DATA_DIR;
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data-dir', dataDir, '--no-open'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options.spawn,
  });
  ctx.onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ port: number; token: string }>((resolve, reject) => {
    child.stdout!.on('data', (d: string) => {
      out += d;
      const match = ADDRESS_LINE.exec(out.split('\n')[0]);
      if (match && out.includes('\n')) resolve({ port: Number(match[1]), token: match[2] });
    });
    void exited.then(({ code }) => reject(new Error(`cli exited (${code}) before printing its address. stderr:\n${err}`)));
  });
  ready.catch(() => undefined);
  child.stderr!.on('data', (d: string) => (err += d));
  return { child, stdout: () => out, stderr: () => err, exited, ready };
}

/** Every file and folder under `dir`: its bytes' SHA-256 (files), size and modification time. */
export function snapshotTree(dir: string, skip: (relative: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (skip(rel)) continue;
    const full = path.join(dir, rel);
    const st = fs.statSync(full);
    out[rel] = st.isDirectory()
      ? `dir mtime=${st.mtimeMs}`
      : `${createHash('sha256').update(fs.readFileSync(full)).digest('hex')} size=${st.size} mtime=${st.mtimeMs}`;
  }
  return out;
}

/** POSTs one call to a running browser mode, as the renderer would: its status and raw body. */
export function postCall(port: number, token: string, channel: string, args: unknown = {}): Promise<{ status: number; body: string }> {
  return post(port, channel, { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, JSON.stringify(args));
}

/** A byte call: the file as the raw body, the arguments in the header, as the renderer sends them. */
export function postBytes(
  port: number,
  token: string,
  channel: string,
  args: unknown,
  bytes: Buffer,
): Promise<{ status: number; body: string }> {
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(bytes.length),
    'X-Loadwise-Args': encodeURIComponent(JSON.stringify(args)),
  };
  return post(port, channel, headers, bytes);
}

function post(
  port: number,
  channel: string,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${channel}`,
        headers,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
