// The packaged-app view that browser mode cannot give: the real window, preload and session.
// Skips, saying why, where the Electron binary could not be downloaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CHANNELS } from '../../../common/contract';
import { electronBinary } from '../../support/electron-binary';
import { repoRoot } from '../../support/repo';

const binary = electronBinary();
const root = repoRoot;

test.describe('Electron app', () => {
  test.skip(binary.path === null, binary.reason);
  if (binary.path === null) console.log(`Skipping Electron end-to-end tests: ${binary.reason}`);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-electron-'));
    const isRoot = process.getuid?.() === 0;
    app = await electron.launch({
      executablePath: binary.path!,
      args: [...(isRoot ? ['--no-sandbox'] : []), root],
      env: { ...process.env, LOADWISE_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    await expect(page.locator('.results-count')).toHaveText(/\d+ exercises/);
  });

  test.afterEach(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
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
    expect(app.windows()).toHaveLength(1);
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

  test('searches the library through IPC and opens the data folder privately', async () => {
    await page.getByRole('searchbox', { name: 'Search exercises' }).fill('bird dog');
    await expect(page.getByRole('listbox', { name: 'Exercises' }).getByRole('option').first()).toContainText(/bird dog/i);
    if (process.platform !== 'win32') {
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'loadwise.db')).mode & 0o777).toBe(0o600);
    }
  });
});
