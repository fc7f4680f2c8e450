// The built main process (out/main/index.cjs), run for real under Node with a stand-in for the
// `electron` module (fake-electron/): the composition in electron/main/index.ts, not just its parts.
// Each run is a child process on a temporary copy of the app folder, with better-sqlite3's Node build
// placed where main looks for its native binding (the key carries Node's ABI here, Electron's there).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { electronNativeKey } from '../../../../electron/main/native-binding';
import { sampleDraft, tempDir } from '../../../support/fixtures';
import { repoRoot } from '../../../support/repo';

const register = path.join(__dirname, 'fake-electron', 'register.cjs');
const nodeBuild = path.join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const sqliteVersion = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }
).version;

/** A copy of the app folder: the built main bundle copied (so __dirname is here), the rest linked. */
function appFolder(): string {
  const app = tempDir('loadwise-main-');
  fs.mkdirSync(path.join(app, 'out', 'main'), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'out', 'main', 'index.cjs'), path.join(app, 'out', 'main', 'index.cjs'));
  for (const dir of ['renderer', 'preload', 'workers']) {
    if (fs.existsSync(path.join(repoRoot, 'out', dir))) fs.symlinkSync(path.join(repoRoot, 'out', dir), path.join(app, 'out', dir), 'dir');
  }
  fs.symlinkSync(path.join(repoRoot, 'resources'), path.join(app, 'resources'), 'dir');
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  const key = electronNativeKey({
    betterSqlite3: sqliteVersion,
    modules: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
  });
  fs.mkdirSync(path.join(app, 'out', 'native', key), { recursive: true });
  fs.copyFileSync(nodeBuild, path.join(app, 'out', 'native', key, 'better_sqlite3.node'));
  return app;
}

/** What an installed app carries in its resources folder. */
function resourcesFolder(): string {
  const res = tempDir('loadwise-resources-');
  fs.mkdirSync(path.join(res, 'native'));
  fs.copyFileSync(nodeBuild, path.join(res, 'native', 'better_sqlite3.node'));
  fs.symlinkSync(path.join(repoRoot, 'resources', 'seed'), path.join(res, 'seed'), 'dir');
  fs.symlinkSync(path.join(repoRoot, 'resources', 'search'), path.join(res, 'search'), 'dir');
  return res;
}

function runMain(app: string, args: string[], env: Record<string, string>): { code: number | null; out: string } {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['CI', 'LOADWISE_DATA_DIR', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS']) delete base[k];
  const r = spawnSync(process.execPath, ['-r', register, path.join(app, 'out', 'main', 'index.cjs'), ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(process.platform === 'win32')('the built main process, on a stand-in Electron', () => {
  it('--smoke-test: hardens, boots the library on a temporary folder, loads the window, answers a call and exits 0', () => {
    const app = appFolder();
    const tmp = tempDir('loadwise-tmp-');
    const userData = tempDir('loadwise-userdata-');
    const { code, out } = runMain(app, ['--smoke-test'], { FAKE_USER_DATA: userData, TMPDIR: tmp });
    expect(out).toContain('smoke test: database ok');
    expect(out).toContain('smoke test: window ok');
    expect(out).toContain('smoke test passed');
    expect(code).toBe(0);
    // Hardening, in order, before the window.
    const order = [
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
      'session.setPermissionRequestHandler',
      'protocol.handle app',
      'new BrowserWindow',
    ];
    const at = order.map((line) => out.indexOf(`[fake] ${line}`));
    expect(
      at.every((i) => i >= 0),
      out,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(out).toContain('new BrowserWindow show=false sandbox=true contextIsolation=true');
    expect(out).toMatch(/app:\/\/ answered 200 text\/html[^\n]* with the app page/);
    // No ready-to-show from this stand-in (as on Wayland): the window was shown anyway.
    expect(out).toContain('[fake] window.show');
    // The user's folder was never touched, and the temporary one is gone.
    expect(fs.readdirSync(userData)).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('the installed app passes its smoke test with the database module from resources/native', () => {
    const app = appFolder();
    // Nothing under out/native: the installed app must not need it.
    fs.rmSync(path.join(app, 'out', 'native'), { recursive: true });
    const { code, out } = runMain(app, ['--smoke-test'], {
      FAKE_PACKAGED: '1',
      FAKE_RESOURCES: resourcesFolder(),
      FAKE_USER_DATA: tempDir('loadwise-userdata-'),
      TMPDIR: tempDir('loadwise-tmp-'),
    });
    expect(out).toContain('smoke test passed');
    expect(code).toBe(0);
  });

  it('the installed app keeps its library in userData/data, whatever LOADWISE_DATA_DIR or --data-dir say', () => {
    const elsewhere = tempDir('loadwise-elsewhere-');
    const userData = tempDir('loadwise-userdata-');
    const { code, out } = runMain(appFolder(), ['--data-dir', elsewhere], {
      FAKE_PACKAGED: '1',
      FAKE_RESOURCES: resourcesFolder(),
      FAKE_USER_DATA: userData,
      LOADWISE_DATA_DIR: elsewhere,
      FAKE_QUIT_AFTER_LOAD: '1',
    });
    expect(code, out).toBe(0);
    expect(out).toContain('LOADWISE_DATA_DIR is for development only');
    expect(out).toContain('--data-dir is for development only');
    expect(out).not.toContain('[fake] app.setPath');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.existsSync(path.join(userData, 'data', 'loadwise.db'))).toBe(true);
  });

  it('the installed app refuses --remote-debugging-port: exit 1 before anything is registered', () => {
    const { code, out } = runMain(appFolder(), ['--remote-debugging-port=9222'], {
      FAKE_PACKAGED: '1',
      FAKE_RESOURCES: resourcesFolder(),
      FAKE_USER_DATA: tempDir('loadwise-userdata-'),
    });
    expect(code).toBe(1);
    expect(out).toContain('refusing to start with debugging switches: --remote-debugging-port');
    expect(out).not.toContain('[fake] protocol.registerSchemesAsPrivileged');
    expect(out).not.toContain('[fake] new BrowserWindow');
  });

  it('moves a first-version library into userData/data on the first start, once', () => {
    const app = appFolder();
    const userData = tempDir('loadwise-userdata-');
    // A first-version library: made by this build with its data folder pointed at userData itself.
    const first = runMain(app, ['--data-dir', userData], { FAKE_USER_DATA: userData, FAKE_QUIT_AFTER_LOAD: '1' });
    expect(first.code, first.out).toBe(0);
    expect(fs.existsSync(path.join(userData, 'loadwise.db'))).toBe(true);
    const db = new Database(path.join(userData, 'loadwise.db'));
    const exercises = db.prepare('SELECT count(*) FROM exercises').pluck().get() as number;
    db.close();
    expect(exercises).toBeGreaterThan(0);

    const second = runMain(app, [], { FAKE_USER_DATA: userData, FAKE_QUIT_AFTER_LOAD: '1' });
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/library moved into its data\/ folder \(\d+ moved, 0 copied\)/);
    expect(fs.existsSync(path.join(userData, 'loadwise.db'))).toBe(false);
    const moved = new Database(path.join(userData, 'data', 'loadwise.db'), { readonly: true });
    expect(moved.prepare('SELECT count(*) FROM exercises').pluck().get()).toBe(exercises);
    moved.close();

    const third = runMain(app, [], { FAKE_USER_DATA: userData, FAKE_QUIT_AFTER_LOAD: '1' });
    expect(third.code).toBe(0);
    expect(third.out).not.toContain('library moved');
  });

  it('quitting after a write waits for a checked at-quit backup holding it (electron/main/quit-backup.ts), then exits 0', () => {
    const dataDir = path.join(tempDir('loadwise-data-'), 'data');
    const draft = sampleDraft({ text: { ...sampleDraft().text, name: 'Saved in Electron before quit' } });
    const { code, out } = runMain(appFolder(), ['--data-dir', dataDir], {
      FAKE_USER_DATA: tempDir('loadwise-userdata-'),
      FAKE_CALL_BEFORE_QUIT: JSON.stringify({ channel: 'library.create', args: { draft } }),
    });
    expect(code, out).toBe(0);
    expect(out).toContain('[fake] call library.create answered ok=true');
    const made = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(made).toEqual([expect.stringMatching(/^loadwise-\d{8}-\d{9}-00-at-quit\.db$/)]);
    const copy = new Database(path.join(dataDir, 'backups', made[0]), { readonly: true });
    try {
      expect(copy.prepare("SELECT count(*) FROM exercise_text WHERE name = 'Saved in Electron before quit'").pluck().get()).toBe(1);
    } finally {
      copy.close();
    }
  });

  it('a preload failure offers Reload or Quit, with the window shown', () => {
    const { code, out } = runMain(appFolder(), [], {
      FAKE_USER_DATA: tempDir('loadwise-userdata-'),
      FAKE_PRELOAD_ERROR: '1',
      FAKE_ANSWER: '1',
    });
    expect(out).toContain('[fake] window.show');
    expect(out).toContain('dialog.showMessageBox Loadwise could not connect its window to your library. [Reload|Quit]');
    expect(out).toContain('[fake] app.quit');
    expect(code).toBe(0);
  });

  it('under CI a failed load ends the run with 1 instead of waiting on a dialog', () => {
    const { code, out } = runMain(appFolder(), [], { FAKE_USER_DATA: tempDir('loadwise-userdata-'), FAKE_LOAD_FAIL: '1', CI: 'true' });
    expect(code).toBe(1);
    expect(out).toContain('stopping: the window failed to load (-6 ERR_FILE_NOT_FOUND)');
    expect(out).not.toContain('dialog.');
  });

  it('a missing database module stops the smoke test with 1, saying what to do', () => {
    const app = appFolder();
    fs.rmSync(path.join(app, 'out', 'native'), { recursive: true });
    const { code, out } = runMain(app, ['--smoke-test'], {
      FAKE_USER_DATA: tempDir('loadwise-userdata-'),
      TMPDIR: tempDir('loadwise-tmp-'),
    });
    expect(code).toBe(1);
    expect(out).toMatch(/smoke test failed: start-up failed: The database module built for Electron is missing .*npm start/);
  });
});
