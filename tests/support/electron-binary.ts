// Finds the Electron binary without triggering its download (since Electron 42, requiring the
// electron package from Node downloads the binary on first use, which fails where the download is
// blocked), and says how to launch it here: directly, or on a virtual display (xvfb-run) on a
// Linux machine with no display.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function electronBinary(): { path: string | null; reason: string } {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { path: null, reason: 'Electron binary not available (download blocked or skipped at install)' };
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  const bin = path.join(dist, fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? { path: bin, reason: '' } : { path: null, reason: `Electron binary missing at ${bin}` };
}

/** Runs Electron under xvfb-run: Playwright launches it in place of the binary. */
export const XVFB_WRAPPER = path.join(__dirname, '..', 'e2e', 'electron', 'xvfb-electron.sh');

export type LaunchTarget =
  | { executablePath: string; env: Record<string, string>; viaXvfb: boolean; reason: '' }
  | { executablePath: null; env: Record<string, string>; viaXvfb: false; reason: string };

/**
 * How to start `bin` on this machine. Linux with neither DISPLAY nor WAYLAND_DISPLAY (CI, a
 * container) gets a virtual X display through xvfb-run when it is installed, else a reason to skip.
 */
export function electronLaunchTarget(
  bin: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  hasXvfbRun: () => boolean = () => spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined,
): LaunchTarget {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return { executablePath: bin, env: {}, viaXvfb: false, reason: '' };
  if (!hasXvfbRun())
    return {
      executablePath: null,
      env: {},
      viaXvfb: false,
      reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset) and xvfb-run is not installed (Debian/Ubuntu: apt-get install xvfb)',
    };
  return { executablePath: XVFB_WRAPPER, env: { LOADWISE_ELECTRON_BIN: bin }, viaXvfb: true, reason: '' };
}
