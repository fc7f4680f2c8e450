// Debian's Chromium, launched the way this machine allows: no downloads, no background network,
// and --no-sandbox only when running as root (Chromium refuses to start as root otherwise).
import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const CHROMIUM_PATH = process.env.LOADWISE_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumLaunchOptions(): LaunchOptions {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return {
    executablePath: CHROMIUM_PATH,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...(isRoot ? ['--no-sandbox'] : []),
    ],
  };
}
