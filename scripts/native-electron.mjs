// better-sqlite3 is compiled against one runtime's ABI. Tests, browser mode and the tools use the
// copy in node_modules, built for Node, and nothing here ever writes to it. Electron needs a second
// build, which lives in out/native/<key>/better_sqlite3.node and is handed to better-sqlite3 through
// its `nativeBinding` option (electron/main/native-binding.ts): by main when unpackaged, and shipped
// as <resources>/native/better_sqlite3.node by the packaging hook (scripts/electron-builder-hooks.cjs).
//
// The key names everything the binary depends on: better-sqlite3's version, Electron's ABI
// (NODE_MODULE_VERSION), platform and arch. To get it:
//   1. a prebuilt binary, downloaded the way better-sqlite3's own install does (prebuild-install,
//      `--runtime electron --target <electron> --arch <arch>`), from the project's GitHub releases;
//   2. only when there is none, a compile with node-gyp against Electron's headers (Python 3 and a
//      C++20 toolchain: Xcode command line tools, Visual Studio 2022 Build Tools, or gcc/clang).
// Either runs in a scratch folder under out/native and the result is checked (it must be a
// library for the target platform and arch) before it is moved into place in one rename.
//
//   node scripts/native-electron.mjs [--arch x64|arm64] [--platform linux|darwin|win32]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
export const NATIVE_FILE = 'better_sqlite3.node';

/** Must equal electronNativeKey in electron/main/native-binding.ts (a unit test holds them together). */
export function electronNativeKey({ betterSqlite3, modules, platform, arch }) {
  return `better-sqlite3-${betterSqlite3}-electron-v${modules}-${platform}-${arch}`;
}

export function electronNativePath(root, key) {
  return path.join(root, 'out', 'native', key, NATIVE_FILE);
}

const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'arm', 0x3e: 'x64', 0xb7: 'arm64' };
const MACHO_CPUS = { 0x00000007: 'ia32', 0x01000007: 'x64', 0x0000000c: 'arm', 0x0100000c: 'arm64' };
const PE_MACHINES = { 0x014c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64', 0x01c4: 'arm' };

/**
 * What a binary was built for, read from its header: { format: 'elf'|'macho'|'pe', arch } or null.
 * ELF (Linux), Mach-O (macOS, thin only: Electron ships thin binaries) and PE (Windows).
 */
export function binaryTarget(file) {
  let buf;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      buf = Buffer.alloc(4096);
      buf = buf.subarray(0, fs.readSync(fd, buf, 0, 4096, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const machine = buf[5] === 2 ? buf.readUInt16BE(18) : buf.readUInt16LE(18);
    return { format: 'elf', arch: ELF_MACHINES[machine] ?? `elf-${machine}` };
  }
  if (buf.length >= 8 && (buf.readUInt32LE(0) === 0xfeedfacf || buf.readUInt32LE(0) === 0xfeedface)) {
    const cpu = buf.readUInt32LE(4);
    return { format: 'macho', arch: MACHO_CPUS[cpu] ?? `macho-${cpu}` };
  }
  if (buf.length >= 0x40 && buf.toString('latin1', 0, 2) === 'MZ') {
    const pe = buf.readUInt32LE(0x3c);
    if (pe + 6 <= buf.length && buf.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = buf.readUInt16LE(pe + 4);
      return { format: 'pe', arch: PE_MACHINES[machine] ?? `pe-${machine}` };
    }
  }
  return null;
}

const FORMAT_OF = { linux: 'elf', darwin: 'macho', mas: 'macho', win32: 'pe' };

/** Null when `file` is a binary for this platform and arch, else why not. */
export function checkBinary(file, platform, arch) {
  const found = binaryTarget(file);
  if (!found) return `${path.basename(file)} is not a library`;
  if (found.format !== FORMAT_OF[platform] || found.arch !== arch)
    return `${path.basename(file)} is built for ${found.format}/${found.arch}, not ${platform}/${arch}`;
  return null;
}

/** The installed electron package: version, ABI and binary (null when it was never downloaded). */
export function electronInfo(root) {
  const pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  let abi = null;
  try {
    abi = fs.readFileSync(path.join(pkgDir, 'abi_version'), 'utf8').trim();
  } catch {
    try {
      abi = require(require.resolve('node-abi', { paths: [root] })).getAbi(version, 'electron');
    } catch {
      abi = null;
    }
  }
  let bin = null;
  try {
    const rel = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
    if (fs.existsSync(path.join(dist, rel))) bin = path.join(dist, rel);
  } catch {
    bin = null;
  }
  return { pkgDir, version, abi, bin };
}

/**
 * The arch of the Electron that will run: read from the binary itself (under Rosetta, x64 Node
 * gets an arm64 Electron from electron's install.js); before the download, what install.js picks.
 */
export function electronArch(bin, env = process.env, hostArch = process.arch) {
  const found = bin ? binaryTarget(bin) : null;
  if (found && !found.arch.includes('-')) return found.arch;
  return env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || hostArch;
}

function betterSqlite3Dir(root) {
  return path.dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }));
}

/** node-gyp: the one npm runs scripts with, a hoisted copy, or the one inside npm; null if none. */
export function findNodeGyp(root, env = process.env) {
  const candidates = [
    env.npm_config_node_gyp,
    (() => {
      try {
        return require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] });
      } catch {
        return undefined;
      }
    })(),
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

function lastLine(result, re) {
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => re.test(l)) ?? lines.at(-1) ?? (result.error ? result.error.message : `exit ${result.status}`);
  return line.slice(0, 160);
}

/** Without npm's per-project variables, so a parent `npm start` cannot redirect the download. */
function cleanEnv(env) {
  const out = { ...env };
  for (const k of Object.keys(out))
    if (k.startsWith('npm_package_') || k === 'npm_config_runtime' || k === 'npm_config_target') delete out[k];
  delete out.ELECTRON_RUN_AS_NODE;
  return out;
}

/**
 * Makes sure out/native/<key>/better_sqlite3.node exists for this Electron, platform and arch.
 * Returns { ok: true, path, key, source: 'cache'|'prebuilt'|'compiled' } or { ok: false, reason }.
 * `run` is spawnSync (tests pass a stand-in); `log` prints progress lines.
 */
export function ensureElectronNative(options) {
  const root = options.root;
  const run = options.run ?? spawnSync;
  const log = options.log ?? ((line) => console.log(line));
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const sourceDir = options.betterSqlite3Dir ?? betterSqlite3Dir(root);
  const betterSqlite3 = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8')).version;
  const electron = options.electron ?? electronInfo(root);
  const arch = options.arch ?? electronArch(electron.bin, env);
  if (!electron.abi) return { ok: false, reason: `the ABI of Electron ${electron.version} is unknown` };
  const key = electronNativeKey({ betterSqlite3, modules: electron.abi, platform, arch });
  const target = electronNativePath(root, key);
  if (fs.existsSync(target) && checkBinary(target, platform, arch) === null) return { ok: true, path: target, key, source: 'cache' };

  const nativeDir = path.join(root, 'out', 'native');
  fs.mkdirSync(nativeDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(nativeDir, '.work-'));
  const place = (built, source) => {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(built, tmp);
    fs.renameSync(tmp, target);
    return { ok: true, path: target, key, source };
  };
  try {
    // 1. A prebuilt binary. prebuild-install reads name, version and repository from package.json
    //    and unpacks into ./build/Release: give it a folder holding only that file.
    let prebuiltWhy;
    if (env.npm_config_build_from_source === 'true' || env.npm_config_build_from_source === 'better-sqlite3') {
      prebuiltWhy = 'npm_config_build_from_source is set';
    } else {
      let prebuildBin = null;
      try {
        prebuildBin = require.resolve('prebuild-install/bin.js', { paths: [sourceDir, root] });
      } catch {
        prebuiltWhy = 'prebuild-install is not installed';
      }
      if (prebuildBin) {
        const dl = path.join(work, 'prebuilt');
        fs.mkdirSync(dl);
        fs.copyFileSync(path.join(sourceDir, 'package.json'), path.join(dl, 'package.json'));
        log(`Fetching the database module for Electron ${electron.version} (${platform}-${arch}, ABI ${electron.abi})…`);
        const r = run(
          process.execPath,
          [prebuildBin, '--runtime', 'electron', '--target', electron.version, '--arch', arch, '--platform', platform, '--verbose'],
          { cwd: dl, env: cleanEnv(env), encoding: 'utf8', timeout: 180_000 },
        );
        const got = path.join(dl, 'build', 'Release', NATIVE_FILE);
        if (r.status === 0 && fs.existsSync(got)) {
          const wrong = checkBinary(got, platform, arch);
          if (wrong === null) return place(got, 'prebuilt');
          prebuiltWhy = wrong;
        } else prebuiltWhy = lastLine(r, /not found|404|ENOTFOUND|EAI_AGAIN|ECONN|error|warn/i);
      }
    }

    // 2. A compile against Electron's headers, in a copy of the sources (never node_modules itself).
    const gyp = findNodeGyp(root, env);
    if (!gyp) return { ok: false, reason: `no prebuilt binary (${prebuiltWhy}) and node-gyp was not found to compile one` };
    const src = path.join(work, 'src');
    fs.cpSync(sourceDir, src, {
      recursive: true,
      filter: (p) => !p.startsWith(path.join(sourceDir, 'build')) && !p.startsWith(path.join(sourceDir, 'node_modules')),
    });
    log(`No prebuilt database module (${prebuiltWhy}); compiling it for Electron ${electron.version} (once, about a minute)…`);
    const r = run(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${electron.version}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
        `--arch=${arch}`,
      ],
      { cwd: src, env: cleanEnv(env), encoding: 'utf8', timeout: 900_000 },
    );
    const built = path.join(src, 'build', 'Release', NATIVE_FILE);
    if (r.status !== 0 || !fs.existsSync(built)) {
      return { ok: false, reason: `no prebuilt binary (${prebuiltWhy}) and the compile failed: ${lastLine(r, /gyp ERR!|error/i)}` };
    }
    const wrong = checkBinary(built, platform, arch);
    if (wrong !== null) return { ok: false, reason: `the compiled module is unusable: ${wrong}` };
    return place(built, 'compiled');
  } catch (err) {
    return { ok: false, reason: err.message.slice(0, 160) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// As a command: prepare the binary (CI, or by hand) and print where it is. (No top-level await:
// the TypeScript tests require() this module.)
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { arch: { type: 'string' }, platform: { type: 'string' } } });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const result = ensureElectronNative({ root, arch: values.arch, platform: values.platform });
  if (result.ok) console.log(`${result.source}: ${path.relative(root, result.path)}`);
  else console.error(`The database module for Electron could not be prepared: ${result.reason}`);
  process.exit(result.ok ? 0 : 1);
}
