// The Electron build of better-sqlite3 (scripts/native-electron.mjs): a prebuilt download first,
// a compile only as a fallback, both in scratch folders; the result checked for platform and arch
// and cached under a key main computes the same way; node_modules/better-sqlite3 never touched.
// Downloads and compiles are replaced by stand-ins that write what the real tools would.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { electronNativeKey as mainKey, nativeBindingPath, packagedNativeBinding } from '../../../electron/main/native-binding';
import {
  binaryTarget,
  checkBinary,
  electronArch,
  electronNativeKey,
  electronNativePath,
  ensureElectronNative,
  type Run,
} from '../../../scripts/native-electron.mjs';
import { tempDir } from '../../support/fixtures';
import { repoRoot } from '../../support/repo';

const sqliteDir = path.join(repoRoot, 'node_modules', 'better-sqlite3');
const sqliteVersion = (JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')) as { version: string }).version;
const ELECTRON = { version: '45.4.1', abi: '150', bin: null };

/** The first bytes of a shared library for each format and arch. */
function fakeBinary(format: 'elf' | 'macho' | 'pe', arch: 'x64' | 'arm64' | 'ia32'): Buffer {
  const buf = Buffer.alloc(512);
  if (format === 'elf') {
    buf.writeUInt32BE(0x7f454c46, 0);
    buf[4] = 2;
    buf[5] = 1;
    buf.writeUInt16LE({ x64: 0x3e, arm64: 0xb7, ia32: 0x03 }[arch], 18);
  } else if (format === 'macho') {
    buf.writeUInt32LE(0xfeedfacf, 0);
    buf.writeUInt32LE({ x64: 0x01000007, arm64: 0x0100000c, ia32: 0x7 }[arch], 4);
  } else {
    buf.write('MZ', 0, 'latin1');
    buf.writeUInt32LE(0x80, 0x3c);
    buf.write('PE\0\0', 0x80, 'latin1');
    buf.writeUInt16LE({ x64: 0x8664, arm64: 0xaa64, ia32: 0x014c }[arch], 0x84);
  }
  return buf;
}

function writeFake(file: string, format: 'elf' | 'macho' | 'pe', arch: 'x64' | 'arm64' | 'ia32'): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, fakeBinary(format, arch));
  return file;
}

/** A fingerprint of node_modules/better-sqlite3: every file's path, size and content hash. */
function fingerprint(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const rel of (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    const full = path.join(dir, rel);
    const st = fs.lstatSync(full);
    hash.update(`${rel}:${st.size}:${st.mtimeMs}\n`);
    if (st.isFile() && st.size < 64 * 1024 * 1024) hash.update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

interface Call {
  tool: 'prebuild-install' | 'node-gyp';
  args: readonly string[];
  cwd: string;
}

let root: string;
let calls: Call[];
let lines: string[];

beforeEach(() => {
  root = tempDir('loadwise-native-');
  calls = [];
  lines = [];
});

/** A stand-in for spawnSync: `prebuilt` and `compile` say what each tool does in its folder. */
function fakeRun(prebuilt: (cwd: string) => number, compile: (cwd: string) => number): Run {
  return (_command, args, options) => {
    const tool = args[0].includes('prebuild-install') ? 'prebuild-install' : 'node-gyp';
    calls.push({ tool, args, cwd: options.cwd });
    const status = tool === 'prebuild-install' ? prebuilt(options.cwd) : compile(options.cwd);
    const stderr =
      status === 0
        ? ''
        : tool === 'prebuild-install'
          ? 'prebuild-install warn install No prebuilt binaries found (target=45.4.1 runtime=electron arch=x64 libc= platform=linux)'
          : 'gyp ERR! stack Error: not found: make';
    return { status, stdout: '', stderr };
  };
}

const built = (cwd: string): string => path.join(cwd, 'build', 'Release', 'better_sqlite3.node');

function ensure(run: Run, extra: { platform?: string; arch?: string; env?: NodeJS.ProcessEnv } = {}) {
  return ensureElectronNative({
    root,
    run,
    log: (line) => lines.push(line),
    env: { npm_config_node_gyp: path.join(repoRoot, 'package.json'), ...extra.env },
    platform: extra.platform ?? 'linux',
    arch: extra.arch ?? 'x64',
    betterSqlite3Dir: sqliteDir,
    electron: ELECTRON,
  });
}

describe('binaryTarget / checkBinary', () => {
  it.each([
    ['elf', 'x64'],
    ['elf', 'arm64'],
    ['macho', 'x64'],
    ['macho', 'arm64'],
    ['pe', 'x64'],
    ['pe', 'arm64'],
    ['pe', 'ia32'],
  ] as const)('reads a %s %s header', (format, arch) => {
    const file = writeFake(path.join(root, `${format}-${arch}.node`), format, arch);
    expect(binaryTarget(file)).toEqual({ format, arch });
  });

  it('refuses what is not a library, or is one for another platform or arch', () => {
    fs.writeFileSync(path.join(root, 'text.node'), 'not a binary');
    expect(binaryTarget(path.join(root, 'text.node'))).toBeNull();
    expect(binaryTarget(path.join(root, 'missing.node'))).toBeNull();
    const elf = writeFake(path.join(root, 'a.node'), 'elf', 'x64');
    expect(checkBinary(elf, 'linux', 'x64')).toBeNull();
    expect(checkBinary(elf, 'linux', 'arm64')).toMatch(/built for elf\/x64, not linux\/arm64/);
    expect(checkBinary(elf, 'darwin', 'x64')).toMatch(/not darwin\/x64/);
    expect(checkBinary(path.join(root, 'text.node'), 'linux', 'x64')).toMatch(/not a library/);
  });

  it('reads the real Node build in node_modules as this machine’s platform and arch', () => {
    const format = { linux: 'elf', darwin: 'macho', win32: 'pe' }[process.platform as 'linux'];
    expect(binaryTarget(path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node'))).toEqual({ format, arch: process.arch });
  });

  it('takes the arch of the Electron binary itself (Rosetta), else what electron’s install.js would pick', () => {
    const arm = writeFake(path.join(root, 'Electron'), 'macho', 'arm64');
    expect(electronArch(arm, {}, 'x64')).toBe('arm64');
    expect(electronArch(null, {}, 'x64')).toBe('x64');
    expect(electronArch(null, { npm_config_arch: 'arm64' }, 'x64')).toBe('arm64');
    expect(electronArch(null, { ELECTRON_INSTALL_ARCH: 'ia32', npm_config_arch: 'arm64' }, 'x64')).toBe('ia32');
  });
});

describe('the cache key and the paths main loads from', () => {
  it('is computed the same way by the script and by main', () => {
    for (const v of [
      { betterSqlite3: '12.11.1', modules: '150', platform: 'linux', arch: 'x64' },
      { betterSqlite3: '12.11.1', modules: '150', platform: 'darwin', arch: 'arm64' },
      { betterSqlite3: '13.0.0', modules: '151', platform: 'win32', arch: 'x64' },
    ]) {
      expect(electronNativeKey(v)).toBe(mainKey(v));
    }
    // Every input is part of the key.
    const keys = new Set(
      [
        { betterSqlite3: '1', modules: '150', platform: 'linux', arch: 'x64' },
        { betterSqlite3: '2', modules: '150', platform: 'linux', arch: 'x64' },
        { betterSqlite3: '1', modules: '151', platform: 'linux', arch: 'x64' },
        { betterSqlite3: '1', modules: '150', platform: 'darwin', arch: 'x64' },
        { betterSqlite3: '1', modules: '150', platform: 'linux', arch: 'arm64' },
      ].map(electronNativeKey),
    );
    expect(keys.size).toBe(5);
  });

  it('unpackaged, main loads out/native/<key>/better_sqlite3.node, where the script puts it', () => {
    const v = { betterSqlite3: sqliteVersion, modules: '150', platform: 'linux', arch: 'x64' };
    expect(nativeBindingPath({ isPackaged: false, resourcesPath: '/nowhere', appRoot: root, ...v })).toBe(
      electronNativePath(root, electronNativeKey(v)),
    );
  });

  it('packaged, main loads <resources>/native/better_sqlite3.node, inside the package and outside app.asar', () => {
    const resources = path.join('/opt', 'Loadwise', 'resources');
    const p = nativeBindingPath({
      isPackaged: true,
      resourcesPath: resources,
      appRoot: '/x',
      betterSqlite3: '',
      modules: '150',
      platform: 'linux',
      arch: 'x64',
    });
    expect(p).toBe(path.join(resources, 'native', 'better_sqlite3.node'));
    expect(p).toBe(packagedNativeBinding(resources));
    expect(path.relative(resources, p).startsWith('..')).toBe(false);
    expect(p).not.toContain('app.asar');
  });
});

describe('ensureElectronNative', () => {
  it('downloads a prebuilt binary for Electron’s ABI and arch, and compiles nothing', () => {
    const result = ensure(
      fakeRun(
        (cwd) => (writeFake(built(cwd), 'elf', 'x64'), 0),
        () => 1,
      ),
    );
    expect(result).toMatchObject({ ok: true, source: 'prebuilt', key: `better-sqlite3-${sqliteVersion}-electron-v150-linux-x64` });
    expect(calls.map((c) => c.tool)).toEqual(['prebuild-install']);
    const args = calls[0].args.slice(1);
    expect(args).toEqual(['--runtime', 'electron', '--target', '45.4.1', '--arch', 'x64', '--platform', 'linux', '--verbose']);
    // It ran in a scratch folder holding better-sqlite3's package.json only.
    expect(path.relative(path.join(root, 'out', 'native'), calls[0].cwd).startsWith('.work-')).toBe(true);
    expect(result.ok && binaryTarget(result.path)).toEqual({ format: 'elf', arch: 'x64' });
    expect(lines.join('\n')).toMatch(/Fetching the database module for Electron 45\.4\.1 \(linux-x64, ABI 150\)/);
  });

  it('reuses the binary it has: a second call runs nothing', () => {
    ensure(
      fakeRun(
        (cwd) => (writeFake(built(cwd), 'elf', 'x64'), 0),
        () => 1,
      ),
    );
    calls = [];
    expect(
      ensure(
        fakeRun(
          () => 1,
          () => 1,
        ),
      ),
    ).toMatchObject({ ok: true, source: 'cache' });
    expect(calls).toEqual([]);
  });

  it('compiles against Electron’s headers, for the same arch, only when there is no prebuilt binary', () => {
    const result = ensure(
      fakeRun(
        () => 1,
        (cwd) => {
          // The compile runs in a copy of the sources, never in node_modules.
          expect(fs.existsSync(path.join(cwd, 'binding.gyp'))).toBe(true);
          expect(fs.existsSync(path.join(cwd, 'build'))).toBe(false);
          writeFake(built(cwd), 'elf', 'x64');
          return 0;
        },
      ),
    );
    expect(result).toMatchObject({ ok: true, source: 'compiled' });
    expect(calls.map((c) => c.tool)).toEqual(['prebuild-install', 'node-gyp']);
    expect(calls[1].args.slice(1)).toEqual([
      'rebuild',
      '--release',
      '--target=45.4.1',
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
      '--arch=x64',
    ]);
    expect(path.resolve(calls[1].cwd).startsWith(path.join(root, 'out', 'native'))).toBe(true);
    expect(lines.join('\n')).toMatch(/No prebuilt database module \(prebuild-install warn install No prebuilt binaries found/);
  });

  it('refuses a download built for another arch, and compiles instead', () => {
    const result = ensure(
      fakeRun(
        (cwd) => (writeFake(built(cwd), 'elf', 'arm64'), 0),
        (cwd) => (writeFake(built(cwd), 'elf', 'x64'), 0),
      ),
    );
    expect(result).toMatchObject({ ok: true, source: 'compiled' });
    expect(lines.join('\n')).toMatch(/built for elf\/arm64, not linux\/x64/);
  });

  it('says why when neither works, and leaves nothing half-made', () => {
    const result = ensure(
      fakeRun(
        () => 1,
        () => 1,
      ),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(
      /^no prebuilt binary \(prebuild-install warn install No prebuilt.*\) and the compile failed: gyp ERR!/,
    );
    expect(fs.readdirSync(path.join(root, 'out', 'native'))).toEqual([]);
  });

  it('skips the download when npm was told to build from source', () => {
    const result = ensure(
      fakeRun(
        () => 0,
        (cwd) => (writeFake(built(cwd), 'elf', 'x64'), 0),
      ),
      { env: { npm_config_build_from_source: 'true' } },
    );
    expect(result).toMatchObject({ ok: true, source: 'compiled' });
    expect(calls.map((c) => c.tool)).toEqual(['node-gyp']);
  });

  it('keeps one binary per platform and arch (Apple Silicon beside Intel)', () => {
    const arm = ensure(
      fakeRun(
        (cwd) => (writeFake(built(cwd), 'macho', 'arm64'), 0),
        () => 1,
      ),
      { platform: 'darwin', arch: 'arm64' },
    );
    const intel = ensure(
      fakeRun(
        (cwd) => (writeFake(built(cwd), 'macho', 'x64'), 0),
        () => 1,
      ),
      { platform: 'darwin', arch: 'x64' },
    );
    expect(arm.ok && intel.ok && arm.path !== intel.path).toBe(true);
    expect(arm.ok && path.basename(path.dirname(arm.path))).toBe(`better-sqlite3-${sqliteVersion}-electron-v150-darwin-arm64`);
  });

  it('never writes to node_modules/better-sqlite3', () => {
    const before = fingerprint(sqliteDir);
    ensure(
      fakeRun(
        () => 1,
        (cwd) => (writeFake(built(cwd), 'elf', 'x64'), 0),
      ),
    );
    ensure(
      fakeRun(
        (cwd) => (writeFake(built(cwd), 'elf', 'arm64'), 0),
        () => 1,
      ),
      { arch: 'arm64' },
    );
    expect(fingerprint(sqliteDir)).toBe(before);
  });
});
