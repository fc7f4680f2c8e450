// Packages the app for this platform (unpacked, no installer) with the locally installed Electron
// and inspects the result. Needs the Electron binary, so it skips, saying why, where the
// download is blocked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../support/electron-binary';
import { repoRoot } from '../../support/repo';

const root = repoRoot;
const binary = electronBinary();
if (!binary.path) console.log(`Skipping the packaging test: ${binary.reason}`);

describe.skipIf(binary.path === null)('packaged app', () => {
  it('contains the built app and seed library, no browser mode, and has its fuses set', async () => {
    const out = path.join(root, 'dist', 'test-package');
    fs.rmSync(out, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--dir',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${path.dirname(binary.path!)}`,
        `-c.directories.output=${out}`,
      ],
      { cwd: root, stdio: 'inherit' },
    );
    const unpacked = fs.readdirSync(out).find((d) => d.endsWith('-unpacked') || d === 'mac')!;
    const resources =
      process.platform === 'darwin'
        ? path.join(out, unpacked, 'Loadwise.app', 'Contents', 'Resources')
        : path.join(out, unpacked, 'resources');
    const entries = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    expect(entries).toContain(path.sep + path.join('out', 'main', 'index.cjs'));
    expect(entries).toContain(path.sep + path.join('out', 'renderer', 'index.html'));
    expect(entries.some((e) => e.includes(`${path.sep}out${path.sep}browser`))).toBe(false);
    expect(entries.some((e) => e.endsWith('.map'))).toBe(false);
    expect(fs.existsSync(path.join(resources, 'seed', 'manifest.json'))).toBe(true);
    const exe = process.platform === 'win32' ? 'Loadwise.exe' : process.platform === 'darwin' ? path.join('Loadwise.app') : 'loadwise';
    const wire = await getCurrentFuseWire(path.join(out, unpacked, exe));
    expect(wire[FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0));
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe('1'.charCodeAt(0));
  }, 600_000);
});
