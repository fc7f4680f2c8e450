// How the Electron spec starts Electron here: directly where there is a display, through the
// xvfb-run wrapper on a Linux machine with none, or not at all (a reason to skip). The wrapper runs
// for real where xvfb-run is installed, with a stand-in binary that reports its display and argv.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronLaunchTarget, XVFB_WRAPPER } from '../../support/electron-binary';
import { tempDir } from '../../support/fixtures';

const has = (): boolean => true;
const hasNot = (): boolean => false;

describe('electronLaunchTarget', () => {
  it('starts the binary directly on macOS, Windows, and Linux with a display', () => {
    for (const [env, platform] of [
      [{}, 'darwin'],
      [{}, 'win32'],
      [{ DISPLAY: ':0' }, 'linux'],
      [{ WAYLAND_DISPLAY: 'wayland-0' }, 'linux'],
    ] as const) {
      expect(electronLaunchTarget('/e/electron', env, platform, hasNot)).toEqual({
        executablePath: '/e/electron',
        env: {},
        viaXvfb: false,
        reason: '',
      });
    }
  });

  it('uses the xvfb-run wrapper on Linux with no display', () => {
    expect(electronLaunchTarget('/e/electron', {}, 'linux', has)).toEqual({
      executablePath: XVFB_WRAPPER,
      env: { LOADWISE_ELECTRON_BIN: '/e/electron' },
      viaXvfb: true,
      reason: '',
    });
    expect(fs.statSync(XVFB_WRAPPER).mode & 0o111).not.toBe(0);
  });

  it('gives a reason to skip when there is neither a display nor xvfb-run', () => {
    const target = electronLaunchTarget('/e/electron', {}, 'linux', hasNot);
    expect(target.executablePath).toBeNull();
    expect(target.reason).toMatch(/no display .* xvfb-run is not installed/);
  });
});

const xvfbRun = process.platform === 'linux' && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined;

describe.skipIf(!xvfbRun)('the xvfb-run wrapper', () => {
  it('starts the binary on a virtual display with every argument, and passes its exit code and stderr on', () => {
    const dir = tempDir('loadwise-xvfb-');
    const fake = path.join(dir, 'electron');
    fs.writeFileSync(fake, '#!/bin/sh\necho "display=$DISPLAY"\nprintf "%s\\n" "$@"\necho "DevTools listening on ws://x" >&2\nexit 7\n', {
      mode: 0o755,
    });
    const env: NodeJS.ProcessEnv = { ...process.env, LOADWISE_ELECTRON_BIN: fake };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const r = spawnSync(XVFB_WRAPPER, ['--inspect=0', '--remote-debugging-port=0', '/repo', '--data-dir=/tmp/x y'], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(7);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^display=:\d+$/);
    expect(lines.slice(1)).toEqual(['--inspect=0', '--remote-debugging-port=0', '/repo', '--data-dir=/tmp/x y']);
    expect(r.stderr).toContain('DevTools listening on ws://x');
  });
});
