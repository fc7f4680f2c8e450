// Opens the browser-mode address in Chromium's app mode (a window without browser chrome), when a
// Chromium is installed. Failing to find one is fine: the printed address works in any browser.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(candidates = CANDIDATES): string | null {
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

export function chromiumAppArgs(url: string, profileDir: string, isRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to start as root without this; never add it otherwise.
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

export function openInChromium(url: string, dataDir: string): boolean {
  const chromium = findChromium();
  if (!chromium) return false;
  const profileDir = path.join(dataDir, 'browser-profile');
  fs.mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const child = spawn(chromium, chromiumAppArgs(url, profileDir, isRoot), { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return true;
}

