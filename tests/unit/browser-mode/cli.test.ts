// `npm run web` end to end at the process level: the built out/browser/cli.cjs, spawned as the
// npm script spawns it, with a temp data folder and the token handed over in the environment.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { postCall } from '../../support/cli-process';
import { tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const root = repoRoot;
const cli = path.join(root, 'out', 'browser', 'cli.cjs');
const LINE = /^Loadwise is running at http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)$/;
const TOKEN = 'cli_test_token_3b9e1f2a7c5d4e6f8a0b';

beforeAll(() => {
  // The same build step `npm run web` runs first.
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  // A build that fails is a failure of these tests, never a reason to skip them.
  if (r.status !== 0 || !fs.existsSync(cli))
    throw new Error(`out/browser/cli.cjs could not be built: ${`${r.stdout ?? ''}${r.stderr ?? ''}`.slice(0, 500)}`);
}, 130_000);

interface Launched {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  firstLine: Promise<string>;
}

function launch(ctx: TestContext, args: string[], env: Record<string, string | undefined> = {}, script = cli): Launched {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.LOADWISE_TOKEN;
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  // Each test stops only the process it started (tests below run concurrently).
  ctx.onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  // 'close', not 'exit': 'exit' can fire while stdout and stderr still hold unread output, and a
  // check that stdout is empty would then pass whatever the process printed. 'close' comes only
  // after both pipes are drained and shut, so every output check below sees all the output.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    void exited.then(({ code }) => reject(new Error(`cli exited (${code}) before printing its address. stderr:\n${err}`)));
  });
  child.stderr!.on('data', (d: string) => {
    err += d;
  });
  firstLine.catch(() => undefined);
  return { child, stdout: () => out, stderr: () => err, exited, firstLine };
}

const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('the launch harness', () => {
  it('waits for all output, even output that arrives after the exit, so the checks that stdout is empty are real', async (ctx) => {
    // The process exits at once; a helper it leaves behind holds its stdout and stderr and
    // writes 300 ms later. Waiting for 'exit' would see nothing; waiting for 'close' sees it all.
    const script = path.join(tempDir('loadwise-cli-harness-'), 'late.cjs');
    const late = "setTimeout(() => { process.stdout.write('late output\\n'); process.stderr.write('late error\\n'); }, 300)";
    fs.writeFileSync(
      script,
      `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(late)}], { stdio: ['ignore', 'inherit', 'inherit'] }).unref();\nprocess.exit(2);\n`,
    );
    const run = launch(ctx, [], {}, script);
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.stdout()).toBe('late output\n');
    expect(run.stderr()).toBe('late error\n');
  });
});

describe('out/browser/cli.cjs', () => {
  it('prints exactly one address line, serves the API with the env token, keeps data private and stops on SIGTERM', async (ctx) => {
    const dataDir = path.join(tempDir('loadwise-cli-'), 'data');
    const run = launch(ctx, ['--port', '0', '--data-dir', dataDir, '--no-open'], { LOADWISE_TOKEN: TOKEN });

    const line = await run.firstLine;
    const match = LINE.exec(line);
    expect(match, line).not.toBeNull();
    const port = Number(match![1]);
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
    expect(match![2]).toBe(TOKEN);

    // Nothing else on stdout: tests and scripts read the port from this one line.
    await settle(500);
    expect(run.stdout()).toBe(`${line}\n`);

    const ok = await postCall(port, TOKEN, 'app.info');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: 'Loadwise', transport: 'browser' } });
    expect((await postCall(port, `${TOKEN.slice(0, -1)}X`, 'app.info')).status).toBe(401);

    if (process.platform !== 'win32') {
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'loadwise.db')).mode & 0o777).toBe(0o600);
    }

    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    // The token goes to stdout only, never into the log on stderr.
    expect(run.stderr()).not.toContain(TOKEN);
    expect(run.stdout()).toBe(`${line}\n`);
  });

  it('makes its own 43-character token when none is given', async (ctx) => {
    const run = launch(ctx, ['--port', '0', '--data-dir', path.join(tempDir('loadwise-cli-'), 'data'), '--no-open']);
    const match = LINE.exec(await run.firstLine);
    expect(match).not.toBeNull();
    expect(match![2]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await postCall(Number(match![1]), match![2], 'app.info')).status).toBe(200);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
  });

  it.concurrent.for([['abc'], ['-1'], ['65536'], ['1.5'], [''], [' '], ['0x50'], ['1e3'], ['80abc']])(
    'refuses --port=%j with a clear message on stderr and exit code 2',
    async ([value], ctx) => {
      const { expect } = ctx;
      // Not a tempDir(): those are removed after each test, and these tests run side by side.
      const dataDir = path.join(os.tmpdir(), `loadwise-never-created-${randomUUID()}`);
      const run = launch(ctx, [`--port=${value}`, '--data-dir', dataDir, '--no-open'], { LOADWISE_TOKEN: TOKEN });
      expect(await run.exited).toEqual({ code: 2, signal: null });
      expect(run.stderr()).toMatch(/--port must be a whole number from 0 to 65535/);
      expect(run.stdout()).toBe('');
      expect(fs.existsSync(dataDir)).toBe(false);
    },
  );

  it('refuses an unknown option with usage on stderr and exit code 2', async (ctx) => {
    const run = launch(ctx, ['--bogus']);
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.stderr()).toContain('Usage: npm run web');
    expect(run.stdout()).toBe('');
  });

  it('prints usage for --help and exits 0 without starting', async (ctx) => {
    const dataDir = path.join(tempDir('loadwise-cli-'), 'data');
    const run = launch(ctx, ['--help', '--data-dir', dataDir]);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toMatch(/^Usage: npm run web -- \[--port N\] \[--data-dir DIR\] \[--no-open\] \[--import FILE\]\n$/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('refuses --import naming no file, saying so, before starting', async (ctx) => {
    const dataDir = path.join(tempDir('loadwise-cli-'), 'data');
    const run = launch(ctx, ['--import', path.join(dataDir, 'missing.loadwise-library'), '--data-dir', dataDir]);
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.stderr()).toContain('--import: there is no file at');
    expect(run.stdout()).toBe('');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it.for([
    [
      'a file that is not SQLite',
      (file: string) => fs.writeFileSync(file, 'these bytes are not a database at all'),
      /not a Loadwise database/,
    ],
    [
      'a database from a newer Loadwise',
      (file: string) => {
        const db = new Database(file);
        db.pragma('user_version = 99');
        db.exec('CREATE TABLE from_the_future (x)');
        db.close();
      },
      /newer version of Loadwise \(schema 99/,
    ],
  ] as const)('refuses to start on %s, says why in one line, and leaves the file as it was', async ([, make, message], ctx) => {
    const dataDir = tempDir('loadwise-cli-bad-');
    const file = path.join(dataDir, 'loadwise.db');
    make(file);
    const before = fs.readFileSync(file);
    const run = launch(ctx, ['--port', '0', '--data-dir', dataDir, '--no-open'], { LOADWISE_TOKEN: TOKEN });
    expect(await run.exited).toEqual({ code: 1, signal: null });
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toMatch(/^Loadwise could not start: /m);
    expect(run.stderr()).toMatch(message);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
