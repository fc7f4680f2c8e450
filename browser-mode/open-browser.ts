// Opens the browser-mode address in Chromium's app mode (a window without browser chrome), when a
// Chromium is installed. Failing to find one is fine: the printed address works in any browser.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** `launchUrl` must not carry the token: see writeLaunchPage. */
export function chromiumAppArgs(launchUrl: string, profileDir: string, isRoot: boolean): string[] {
  return [
    `--app=${launchUrl}`,
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

const LAUNCH_FILE_LIFETIME_MS = 30_000;

/**
 * The address carries the token, and a command line is readable by every user of the machine
 * (ps), so Chromium is pointed at a small page in the private data folder that forwards to the
 * address instead. The page is deleted once Chromium has had time to read it.
 */
export function writeLaunchPage(url: string, dataDir: string): string {
  const file = path.join(dataDir, `open-${randomBytes(8).toString('hex')}.html`);
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  fs.writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escaped}"><title>Opening Loadwise…</title>\n`,
    { mode: 0o600 },
  );
  return file;
}

/** Removes forwarding pages left by an earlier run that ended before deleting its own. */
export function removeLaunchPages(dataDir: string): void {
  if (!fs.existsSync(dataDir)) return;
  for (const f of fs.readdirSync(dataDir)) if (/^open-[a-f0-9]{16}\.html$/.test(f)) fs.rmSync(path.join(dataDir, f), { force: true });
}

/** A Chromium window browser mode opened; `close()` ends it (Ctrl+C on the server closes it too). */
export interface OpenedBrowser {
  readonly pid: number | undefined;
  close(): void;
}

/** Ends a process started detached, with everything it started (its process group, off Windows). */
export function endProcessGroup(pid: number | undefined, platform: NodeJS.Platform = process.platform): void {
  if (pid === undefined) return;
  try {
    if (platform === 'win32') process.kill(pid, 'SIGTERM');
    else process.kill(-pid, 'SIGTERM');
  } catch {
    // Already gone (the window was closed by hand, or handed over to a running Chromium).
  }
}

export function openInChromium(url: string, dataDir: string, chromiumPath: string | null = findChromium()): OpenedBrowser | null {
  const chromium = chromiumPath;
  if (!chromium) return null;
  const profileDir = path.join(dataDir, 'browser-profile');
  fs.mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const launchPage = writeLaunchPage(url, dataDir);
  setTimeout(() => fs.rmSync(launchPage, { force: true }), LAUNCH_FILE_LIFETIME_MS).unref();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const child = spawn(chromium, chromiumAppArgs(pathToFileURL(launchPage).href, profileDir, isRoot), { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return { pid: child.pid, close: () => endProcessGroup(child.pid) };
}
