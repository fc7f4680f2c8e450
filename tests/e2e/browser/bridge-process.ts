// Starts `out/browser/cli.cjs` (what `npm run web` runs) as a child process on a data folder,
// hands it a fresh token through the environment, and reads the address it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from '../../support/repo';

const CLI = path.join(repoRoot, 'out/browser/cli.cjs');
export const ADDRESS_LINE = /^Loadwise is running at (http:\/\/127\.0\.0\.1:(\d+)\/)#token=(\S+)$/;

export interface BridgeProcess {
  child: ChildProcess;
  origin: string;
  port: number;
  token: string;
  url: string;
  stderr: string[];
  stop(): Promise<void>;
}

export function startBridgeProcess(dataDir: string, extraArgs: string[] = []): Promise<BridgeProcess> {
  const token = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data-dir', dataDir, '--no-open', ...extraArgs], {
    env: { ...process.env, LOADWISE_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${stderr.join('')}`)), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}: ${stderr.join('')}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = ADDRESS_LINE.exec(line);
      if (!m) {
        reject(new Error(`unexpected first line: ${line}`));
        return;
      }
      child.removeAllListeners('exit');
      resolve({
        child,
        origin: m[1],
        port: Number(m[2]),
        token: m[3],
        url: line.slice('Loadwise is running at '.length),
        stderr,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
