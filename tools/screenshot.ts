// `npm run screenshot`: starts browser mode on a fresh data folder and saves the README's picture
// (docs/screenshot.png) plus extra views to look at (out/screenshots/) after UI changes.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-shot-'));
  const child = spawn(process.execPath, [path.join(root, 'out/browser/cli.cjs'), '--port', '0', '--data-dir', dataDir, '--no-open'], {
    env: { ...process.env, LOADWISE_TOKEN: randomBytes(24).toString('base64url') },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line: string = await new Promise((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  const url = line.slice('Loadwise is running at '.length);
  const isRoot = process.getuid?.() === 0;
  const browser = await chromium.launch({
    executablePath: process.env.LOADWISE_CHROMIUM ?? '/usr/bin/chromium',
    args: isRoot ? ['--no-sandbox'] : [],
  });
  const extra = path.join(root, 'out', 'screenshots');
  fs.mkdirSync(extra, { recursive: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 820 }, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.locator('.result').first().waitFor();
    await page.getByRole('button', { name: 'Low back' }).click();
    await page.getByRole('checkbox', { name: 'Disc loading' }).check();
    await page.getByRole('searchbox', { name: 'Search exercises' }).fill('bird dog');
    await page
      .getByRole('option')
      .filter({ hasText: /^Bird dog \(quadruped/ })
      .first()
      .click();
    await page
      .getByTestId('patient-name')
      .filter({ hasText: /^Bird dog$/ })
      .waitFor();
    await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
    await page
      .locator('.pane')
      .last()
      .evaluate((el) => el.scrollTo(0, 900));
    await page.screenshot({ path: path.join(extra, 'detail-lower.png') });
    await page.getByRole('button', { name: 'Duplicate to edit' }).click();
    await page.getByRole('form').waitFor();
    await page.screenshot({ path: path.join(extra, 'editor.png') });
    await page
      .locator('.pane')
      .last()
      .evaluate((el) => el.scrollTo(0, 1400));
    await page.screenshot({ path: path.join(extra, 'editor-lower.png') });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('searchbox', { name: 'Search exercises' }).fill('s');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(extra, 'broad-search.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: path.join(extra, 'small-window.png') });
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
  process.stderr.write(`saved docs/screenshot.png and ${extra}\n`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
