// Per test: a fresh data folder, browser mode started on it as a child process, and Chromium
// pointed at the address it printed. Every request the page makes must go to that bridge.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { test as base, expect, type Page } from '@playwright/test';
import { startBridgeProcess, type BridgeProcess } from './bridge-process';

export interface AppUnderTest {
  dataDir: string;
  bridge: BridgeProcess;
  /** Opens the printed address and waits until the library shows its first results. */
  open(): Promise<void>;
  /** Stops browser mode and starts it again on the same data folder (a new port and token), with extra arguments if given. */
  restart(extraArgs?: string[]): Promise<void>;
  /** A read-only connection to the real database file, for asserting what was saved. */
  db(): Database.Database;
}

export async function waitForLibrary(page: Page): Promise<void> {
  const count = page.getByRole('region', { name: 'Search results' }).getByRole('status');
  await expect(count).toHaveText(/^(\d[\d,]*|More than [\d,]+) exercises?$|^No exercises match$/);
}

export const test = base.extend<{ app: AppUnderTest }>({
  app: async ({ page }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-e2e-'));
    const origins = new Set<string>();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const opened: Database.Database[] = [];
    let bridge = await startBridgeProcess(dataDir);
    origins.add(bridge.origin);
    const app: AppUnderTest = {
      dataDir,
      get bridge() {
        return bridge;
      },
      async open() {
        await page.goto(bridge.url);
        await waitForLibrary(page);
      },
      async restart(extraArgs: string[] = []) {
        await bridge.stop();
        bridge = await startBridgeProcess(dataDir, extraArgs);
        origins.add(bridge.origin);
      },
      db() {
        const db = new Database(path.join(dataDir, 'loadwise.db'), { readonly: true });
        opened.push(db);
        return db;
      },
    };
    await use(app);
    for (const db of opened) db.close();
    await bridge.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    // Allowed: the bridge, in-page blobs, and the private forwarding page in the data folder.
    const local = pathToFileURL(dataDir).href;
    const foreign = requests.filter((u) => ![...origins].some((o) => u.startsWith(o)) && !/^(blob|data):/.test(u) && !u.startsWith(local));
    expect(foreign, 'requests that left the loopback bridge').toEqual([]);
  },
});

export { expect };
