// The desktop view that browser mode cannot give: the real window, preload and session, and the
// --smoke-test run CI uses on the packaged app. Prepares what it needs: the Electron build of the
// database module (scripts/native-electron.mjs, as `npm start` does) and, on a Linux machine with
// no display, a virtual one (xvfb-run). Skips, saying why, where the Electron binary could not be
// downloaded or what it needs cannot be had.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CHANNELS } from '../../../common/contract';
import { electronBinary, electronLaunchTarget } from '../../support/electron-binary';
import { repoRoot } from '../../support/repo';

const root = repoRoot;
const binary = electronBinary();
const target = binary.path ? electronLaunchTarget(binary.path) : null;
const skipReason = binary.path === null ? binary.reason : target?.executablePath === null ? target.reason : '';

/** The environment the app runs with: no ELECTRON_RUN_AS_NODE (some IDE terminals set it), no data-folder variable. */
function appEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE' && k !== 'LOADWISE_DATA_DIR') env[k] = v;
  return { ...env, ...(target?.env ?? {}) };
}

const removeDir = (dir: string): void => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });

/** Runs scripts/native-electron.mjs (what `npm start` runs): a prebuilt download, else a compile. */
function prepareNative(): { ok: true } | { ok: false; reason: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'native-electron.mjs')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (r.status === 0) {
    console.log(`Database module for Electron: ${r.stdout.trim()}`);
    return { ok: true };
  }
  const why = `${r.stderr ?? ''}`.trim().split('\n').at(-1) || (r.error ? r.error.message : `exit ${r.status}`);
  return { ok: false, reason: why.replace(/^The database module for Electron could not be prepared: /, '') };
}

test.describe('Electron app', () => {
  // One worker, in order: the native module is prepared once and instances never overlap.
  test.describe.configure({ mode: 'default' });
  test.skip(skipReason !== '', skipReason);
  if (skipReason !== '') console.log(`Skipping Electron end-to-end tests: ${skipReason}`);

  let native: ReturnType<typeof prepareNative> = { ok: false, reason: 'not prepared' };
  let app: ElectronApplication | undefined;
  let page: Page;
  let dataDir: string | undefined;

  test.beforeAll(() => {
    test.setTimeout(900_000);
    native = prepareNative();
    if (!native.ok)
      console.log(`Skipping Electron end-to-end tests: the database module for Electron could not be prepared (${native.reason})`);
  });

  test.beforeEach(async ({}, testInfo) => {
    test.skip(!native.ok, native.ok ? '' : `the database module for Electron could not be prepared: ${native.reason}`);
    if (testInfo.title.startsWith('--smoke-test')) return;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-electron-'));
    app = await electron.launch({
      executablePath: target!.executablePath!,
      args: [root, `--data-dir=${dataDir}`],
      env: appEnv(),
    });
    page = await app.firstWindow();
    await expect(page.locator('.results-count')).toHaveText(/\d+ exercises/);
  });

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    if (dataDir) removeDir(dataDir);
    dataDir = undefined;
  });

  test('shows its one window, whether or not ready-to-show fired', async () => {
    await expect
      .poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())), { timeout: 5_000 })
      .toEqual([true]);
  });

  test('runs the renderer isolated, sandboxed and without Node', async () => {
    // The options themselves are unit-tested; here, their effect on the live page.
    const globals = await page.evaluate(() =>
      ['require', 'process', 'module', 'Buffer', 'ipcRenderer'].map((k) => typeof (window as unknown as Record<string, unknown>)[k]),
    );
    expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual([...CHANNELS].sort());
    expect(page.url()).toBe('app://loadwise/');
  });

  test('refuses new windows, navigation away and permission requests', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app!.windows()).toHaveLength(1);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect(page.locator('.results-count')).toBeVisible();
    expect(page.url()).toBe('app://loadwise/');
    const camera = await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ video: true }).then(
        () => 'granted',
        () => 'denied',
      ),
    );
    expect(camera).toBe('denied');
  });

  test('searches the library through IPC and keeps it, privately, in the --data-dir folder', async () => {
    await page.getByRole('searchbox', { name: 'Search exercises' }).fill('bird dog');
    await expect(page.getByRole('listbox', { name: 'Exercises' }).getByRole('option').first()).toContainText(/bird dog/i);
    const dir = dataDir!;
    expect(fs.existsSync(path.join(dir, 'loadwise.db'))).toBe(true);
    if (process.platform !== 'win32') {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, 'loadwise.db')).mode & 0o777).toBe(0o600);
    }
  });

  test('--smoke-test opens the database and the window, then quits with 0', async () => {
    // Started without Playwright, the way CI starts the packaged app. On Linux, Chromium's OS
    // sandbox is off here as Playwright has it off for the other tests (the unpacked dev binary's
    // chrome-sandbox is not setuid root; npm start decides that with scripts/linux-sandbox.mjs).
    const args = [...(process.platform === 'linux' ? ['--no-sandbox'] : []), root, '--smoke-test'];
    const child = spawn(target!.executablePath!, args, { env: appEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(output).toContain('smoke test passed');
    expect(code).toBe(0);
  });
});
