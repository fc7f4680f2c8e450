// .github/workflows/desktop.yml cannot run here; this holds its shape: three OSes (macOS on Apple
// Silicon), Node 20 and 22, the Electron spec under a virtual display on Linux, packaging on Node 22,
// a --smoke-test of every packaged app, and the installers uploaded.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/repo';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
const workflow = yaml.load(fs.readFileSync(path.join(repoRoot, '.github', 'workflows', 'desktop.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { strategy: { matrix: { os: string[]; node: number[] } }; env: Record<string, string>; steps: Step[] }>;
};
const job = workflow.jobs.desktop;
const step = (name: RegExp): Step => {
  const found = job.steps.find((s) => s.name !== undefined && name.test(s.name));
  expect(found, String(name)).toBeDefined();
  return found!;
};

describe('the desktop CI workflow', () => {
  it('runs on Windows, macOS and Ubuntu with Node 20 and 22, read-only', () => {
    expect(job.strategy.matrix.os.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(job.strategy.matrix.node).toEqual([20, 22]);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('prepares Electron and its database module, then runs the Electron spec under xvfb on Linux', () => {
    expect(step(/^Electron binary/).run).toBe('node node_modules/electron/install.js');
    expect(step(/^Database module for Electron/).run).toBe('node scripts/native-electron.mjs');
    expect(step(/^Virtual display/).if).toBe("runner.os == 'Linux'");
    const e2e = step(/^Electron end-to-end spec/).run!;
    expect(e2e).toMatch(/xvfb-run [^\n]*npx playwright test -c tests\/e2e\/playwright\.config\.ts --project electron/);
  });

  it('packages on Node 22 (what Electron’s tooling requires), unsigned, without publishing', () => {
    expect(job.env.PACKAGE).toBe('${{ matrix.node == 22 }}');
    expect(job.env.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
    const pack = step(/^Package$/);
    expect(pack.if).toBe("env.PACKAGE == 'true'");
    expect(pack.run).toBe('npm run dist -- --publish never');
    // And proves node_modules was left built for Node.
    expect(step(/still work after packaging/).run).toMatch(/require\('better-sqlite3'\)/);
  });

  it('smoke-starts every packaged app with --smoke-test, and checks the debugging switch is refused', () => {
    const smokes = job.steps.filter((s) => /smoke-start/i.test(s.name ?? ''));
    expect(smokes.length).toBeGreaterThanOrEqual(4);
    for (const s of smokes) expect(s.run, s.name).toContain('--smoke-test');
    expect(step(/Smoke-start the packaged app \(macOS\)/).run).toContain('codesign --verify --deep --strict');
    expect(step(/Install the deb/).run).toContain('/opt/Loadwise/loadwise --smoke-test');
    expect(step(/Refuses a debugging switch/).run).toMatch(/--remote-debugging-port=9222[\s\S]*test "\$code" = 1/);
  });

  it('uploads the installers', () => {
    const upload = step(/^Upload installers/);
    expect(upload.uses).toMatch(/^actions\/upload-artifact@v4/);
    expect(upload.with!['if-no-files-found']).toBe('error');
    for (const ext of ['exe', 'dmg', 'zip', 'deb', 'AppImage']) expect(upload.with!.path).toContain(`dist/*.${ext}`);
  });
});
