// Packages the app for this platform (unpacked, no installer) with the locally installed Electron
// and inspects the result. Needs the Electron binary, so it skips, saying why, where the download
// is blocked. It never damages the run it is part of: node_modules is not rebuilt (npmRebuild is
// false, and the test checks better-sqlite3's Node build is byte-for-byte what it was), and the
// package goes to a temporary folder.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { binaryTarget } from '../../../scripts/native-electron.mjs';
import { electronBinary } from '../../support/electron-binary';
import { tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const root = repoRoot;
const binary = electronBinary();
if (!binary.path) console.log(`Skipping the packaging test: ${binary.reason}`);

/** The unpacked app folder electron-builder made: linux-unpacked, win-unpacked, mac, mac-arm64, mac-universal… */
export function unpackedFolder(names: readonly string[]): string | undefined {
  return names.find((d) => /^(linux|win)(-[a-z0-9]+)?-unpacked$/.test(d) || /^mac(-[a-z0-9]+)?$/.test(d));
}

/** Resources folder and the binary whose fuse wire counts, inside an unpacked app folder. */
export function packagedLayout(appDir: string, platform: NodeJS.Platform): { resources: string; executable: string } {
  if (platform === 'darwin') {
    const app = path.join(appDir, 'Loadwise.app');
    return { resources: path.join(app, 'Contents', 'Resources'), executable: path.join(app, 'Contents', 'MacOS', 'Loadwise') };
  }
  return { resources: path.join(appDir, 'resources'), executable: path.join(appDir, platform === 'win32' ? 'Loadwise.exe' : 'loadwise') };
}

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('packaged-app folder names', () => {
  it('knows every folder electron-builder names, macOS included', () => {
    expect(unpackedFolder(['linux-unpacked'])).toBe('linux-unpacked');
    expect(unpackedFolder(['builder-debug.yml', 'linux-arm64-unpacked'])).toBe('linux-arm64-unpacked');
    expect(unpackedFolder(['win-unpacked'])).toBe('win-unpacked');
    expect(unpackedFolder(['mac'])).toBe('mac');
    expect(unpackedFolder(['latest-mac.yml', 'mac-arm64'])).toBe('mac-arm64');
    expect(unpackedFolder(['mac-universal'])).toBe('mac-universal');
    expect(unpackedFolder(['builder-effective-config.yaml'])).toBeUndefined();
    expect(packagedLayout('/d/mac-arm64', 'darwin')).toEqual({
      resources: path.join('/d/mac-arm64', 'Loadwise.app', 'Contents', 'Resources'),
      executable: path.join('/d/mac-arm64', 'Loadwise.app', 'Contents', 'MacOS', 'Loadwise'),
    });
  });
});

describe.skipIf(binary.path === null)('packaged app', () => {
  it('contains the built app, the seed library and the Electron database module, no browser mode, and has its fuses set', async () => {
    const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const before = sha(nodeBuild);
    const out = tempDir('loadwise-package-');
    // The folder holding the Electron binary (linux, win32) or Electron.app (macOS).
    const electronDist = path.join(path.dirname(require.resolve('electron/package.json')), 'dist');
    execFileSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--dir',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${out}`,
        '-c.npmRebuild=false',
      ],
      { cwd: root, stdio: 'inherit', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    expect(sha(nodeBuild)).toBe(before);

    const unpacked = unpackedFolder(fs.readdirSync(out));
    expect(unpacked, fs.readdirSync(out).join(', ')).toBeDefined();
    const { resources, executable } = packagedLayout(path.join(out, unpacked!), process.platform);
    const entries = listPackage(path.join(resources, 'app.asar'), { isPack: false });
    expect(entries).toContain(path.sep + path.join('out', 'main', 'index.cjs'));
    expect(entries).toContain(path.sep + path.join('out', 'renderer', 'index.html'));
    expect(entries.some((e) => e.includes(`${path.sep}out${path.sep}browser`))).toBe(false);
    expect(entries.some((e) => e.endsWith('.map'))).toBe(false);
    const sqlite = `${path.sep}node_modules${path.sep}better-sqlite3${path.sep}`;
    expect(entries.some((e) => e.startsWith(`${sqlite}lib`))).toBe(true);
    expect(entries.some((e) => /[\\/](deps|src|build)([\\/]|$)/.test(e.slice(sqlite.length - 1)) && e.startsWith(sqlite))).toBe(false);
    expect(fs.existsSync(path.join(resources, 'seed', 'manifest.json'))).toBe(true);
    expect(fs.existsSync(path.join(resources, 'templates', 'manifest.json'))).toBe(true);

    const native = path.join(resources, 'native', 'better_sqlite3.node');
    expect(binaryTarget(native)).toMatchObject({ arch: process.arch });

    const wire = await getCurrentFuseWire(executable);
    expect(wire[FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0));
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe('0'.charCodeAt(0));
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe('0'.charCodeAt(0));
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe('1'.charCodeAt(0));
  }, 900_000);
});
