// Linux: whether Electron's sandbox can start (`npm start` falls back to browser mode, saying why,
// where it would abort), and what the AppImage's launcher does where user namespaces are blocked.
// The AppImage launcher is electron-builder's own AppRun script, generated and run here for real
// with stand-ins for `unshare` and the app binary.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apparmorProfileFor, helperReady, readSandboxFacts, sandboxDecision, type SandboxFacts } from '../../../scripts/linux-sandbox.mjs';
import { tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const HELPER = '/repo/node_modules/electron/dist/chrome-sandbox';
const userOwned = { path: HELPER, uid: 1000, mode: 0o100755 };
const rootSetuid = { path: HELPER, uid: 0, mode: 0o104755 };

/** Ubuntu 24.04 as a normal user, with node_modules unpacked by that user. */
function ubuntu2404(overrides: Partial<SandboxFacts> = {}): SandboxFacts {
  return {
    platform: 'linux',
    uid: 1000,
    restrictUserns: '1',
    usernsClone: '1',
    maxUserNamespaces: '63413',
    helper: userOwned,
    apparmorProfile: null,
    ...overrides,
  };
}

describe('sandboxDecision', () => {
  it('Ubuntu 23.10+ with AppArmor’s user-namespace restriction and a user-owned chrome-sandbox: browser mode, saying why', () => {
    const decision = sandboxDecision(ubuntu2404());
    expect(decision.action).toBe('browser');
    if (decision.action !== 'browser') return;
    expect(decision.reason).toMatch(/AppArmor restricts unprivileged user namespaces/);
    expect(decision.reason).toMatch(/chrome-sandbox is not owned by root with mode 4755/);
    expect(decision.reason).not.toMatch(/\n/);
    expect(decision.helperPath).toBe(HELPER);
  });

  it('starts Electron with its sandbox once chrome-sandbox is root-owned 4755 (the documented fix)', () => {
    expect(sandboxDecision(ubuntu2404({ helper: rootSetuid }))).toEqual({ action: 'electron', args: [] });
  });

  it('starts Electron with its sandbox once an AppArmor profile allows userns for the binary (the other fix)', () => {
    expect(sandboxDecision(ubuntu2404({ apparmorProfile: '/etc/apparmor.d/loadwise-dev-electron' }))).toEqual({
      action: 'electron',
      args: [],
    });
  });

  it('starts Electron where user namespaces are allowed (Ubuntu 22.04, Fedora, Arch, the restriction turned off)', () => {
    for (const restrictUserns of [null, '0'])
      expect(sandboxDecision(ubuntu2404({ restrictUserns }))).toEqual({ action: 'electron', args: [] });
  });

  it('older Debian with unprivileged_userns_clone=0, or max_user_namespaces=0, needs the setuid helper too', () => {
    const debian = ubuntu2404({ restrictUserns: null, usernsClone: '0' });
    expect(sandboxDecision(debian)).toMatchObject({ action: 'browser', reason: expect.stringMatching(/unprivileged_userns_clone=0/) });
    expect(sandboxDecision({ ...debian, helper: rootSetuid }).action).toBe('electron');
    expect(sandboxDecision(ubuntu2404({ restrictUserns: null, maxUserNamespaces: '0' }))).toMatchObject({
      action: 'browser',
      reason: expect.stringMatching(/max_user_namespaces=0/),
    });
  });

  it('says when chrome-sandbox is missing altogether', () => {
    expect(sandboxDecision(ubuntu2404({ helper: null }))).toMatchObject({
      action: 'browser',
      reason: expect.stringMatching(/chrome-sandbox is missing/),
    });
  });

  it('as root keeps the old rule: Chromium’s OS sandbox cannot run as root', () => {
    expect(sandboxDecision(ubuntu2404({ uid: 0 }))).toEqual({ action: 'electron', args: ['--no-sandbox'] });
  });

  it('never adds --no-sandbox for a normal user, and never on macOS or Windows', () => {
    for (const platform of ['darwin', 'win32']) expect(sandboxDecision(ubuntu2404({ platform }))).toEqual({ action: 'electron', args: [] });
    const cases = [ubuntu2404(), ubuntu2404({ helper: rootSetuid }), ubuntu2404({ restrictUserns: '0' }), ubuntu2404({ helper: null })];
    for (const facts of cases) {
      const d = sandboxDecision(facts);
      expect(d.action === 'electron' ? d.args : []).not.toContain('--no-sandbox');
    }
  });

  it('accepts only a helper that is root-owned, setuid and rwxr-xr-x', () => {
    expect(helperReady(rootSetuid)).toBe(true);
    expect(helperReady({ ...rootSetuid, mode: 0o100755 })).toBe(false);
    expect(helperReady({ ...rootSetuid, uid: 1000 })).toBe(false);
    expect(helperReady({ ...rootSetuid, mode: 0o104777 })).toBe(false);
    expect(helperReady(null)).toBe(false);
  });
});

describe('reading the machine', () => {
  it('finds an AppArmor profile that names the binary and allows userns, and nothing else', () => {
    const dir = tempDir('loadwise-apparmor-');
    const bin = path.join(tempDir('loadwise-electron-'), 'electron');
    fs.writeFileSync(bin, '');
    expect(apparmorProfileFor(bin, fs, dir)).toBeNull();
    fs.writeFileSync(path.join(dir, 'other'), `profile other /usr/bin/other flags=(unconfined) {\n  userns,\n}\n`);
    fs.writeFileSync(path.join(dir, 'no-userns'), `profile x ${bin} flags=(unconfined) {\n}\n`);
    fs.mkdirSync(path.join(dir, 'abstractions'));
    expect(apparmorProfileFor(bin, fs, dir)).toBeNull();
    fs.writeFileSync(
      path.join(dir, 'loadwise-dev'),
      `abi <abi/4.0>,\nprofile loadwise-dev ${fs.realpathSync(bin)} flags=(unconfined) {\n  userns,\n}\n`,
    );
    expect(apparmorProfileFor(bin, fs, dir)).toBe(path.join(dir, 'loadwise-dev'));
    expect(apparmorProfileFor(bin, fs, path.join(dir, 'missing'))).toBeNull();
  });

  it('reads the helper beside the binary, and the platform and uid it is given', () => {
    const dist = tempDir('loadwise-dist-');
    const bin = path.join(dist, 'electron');
    fs.writeFileSync(bin, '');
    expect(readSandboxFacts(bin, { platform: 'linux', uid: 1000 })).toMatchObject({ platform: 'linux', uid: 1000, helper: null });
    fs.writeFileSync(path.join(dist, 'chrome-sandbox'), '', { mode: 0o755 });
    const facts = readSandboxFacts(bin, { platform: 'linux', uid: 1000 });
    expect(facts.helper).toMatchObject({ path: path.join(dist, 'chrome-sandbox') });
    expect(facts.helper!.mode & 0o777).toBe(0o755);
  });
});

describe('scripts/start.mjs', () => {
  it('asks the sandbox decision before starting Electron and passes only its arguments', () => {
    const start = fs.readFileSync(path.join(repoRoot, 'scripts', 'start.mjs'), 'utf8');
    expect(start).toMatch(/sandboxDecision\(readSandboxFacts\(electron\.bin\)\)/);
    expect(start).toMatch(/run\(electron\.bin, \[\.\.\.sandbox\.args, root, \.\.\.passThrough\], env\)/);
    expect(start).not.toMatch(/'--no-sandbox'/);
    expect(start).toMatch(/delete env\.ELECTRON_RUN_AS_NODE/);
  });
});

describe.skipIf(process.platform === 'win32')("the AppImage's launcher (electron-builder's AppRun)", () => {
  const { generateAppRunScript } = require(
    path.join(repoRoot, 'node_modules', 'app-builder-lib', 'out', 'targets', 'appimage', 'appImageUtil.js'),
  ) as {
    generateAppRunScript(config: Record<string, string>): string;
  };

  /** Runs AppRun in a fake AppDir where `unshare -Ur true` exits with `unshareStatus`; returns the app's argv. */
  function launch(unshareStatus: number, args: string[]): string[] {
    const appDir = tempDir('loadwise-appdir-');
    const seen = path.join(appDir, 'argv.txt');
    fs.writeFileSync(
      path.join(appDir, 'AppRun'),
      generateAppRunScript({
        ExecutableName: 'loadwise',
        ProductName: 'Loadwise',
        ProductFilename: 'Loadwise',
        DesktopFileName: 'loadwise.desktop',
        ResourceName: 'appimagekit-loadwise',
      }),
      { mode: 0o755 },
    );
    fs.writeFileSync(path.join(appDir, 'loadwise'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${seen}"\n`, { mode: 0o755 });
    fs.mkdirSync(path.join(appDir, 'usr', 'sbin'), { recursive: true });
    fs.writeFileSync(path.join(appDir, 'usr', 'sbin', 'unshare'), `#!/bin/sh\nexit ${unshareStatus}\n`, { mode: 0o755 });
    execFileSync('bash', [path.join(appDir, 'AppRun'), ...args], {
      env: { ...process.env, APPDIR: appDir, APPIMAGE: path.join(appDir, 'Loadwise.AppImage') },
    });
    return fs.readFileSync(seen, 'utf8').split('\n').filter(Boolean);
  }

  it('starts the app without the OS sandbox where user namespaces are blocked (Ubuntu 24.04), instead of aborting', () => {
    expect(launch(1, ['--smoke-test'])).toEqual(['--no-sandbox', '--smoke-test']);
  });

  it('keeps the sandbox wherever user namespaces work', () => {
    expect(launch(0, ['--smoke-test'])).toEqual(['--smoke-test']);
  });
});
