// electron-builder hooks (electron-builder.yml). CommonJS because electron-builder require()s them.
//
// beforePack, once per platform and arch being packed: gets better-sqlite3 built for this Electron
// (scripts/native-electron.mjs: a prebuilt download first, a compile only as a fallback) and stages
// it in out/native/package/<arch>/, which extraResources copies to <resources>/native. node_modules
// is never rebuilt (npmRebuild: false), so tests and browser mode keep their Node build.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

/** builder-util's Arch enum (ia32 = 0, x64 = 1, armv7l = 2, arm64 = 3, universal = 4). */
const BUILDER_ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
/** electron-builder's arch names as Node (and prebuild-install, node-gyp) spell them. */
const NODE_ARCH = { ia32: 'ia32', x64: 'x64', armv7l: 'arm', arm64: 'arm64' };

/**
 * Null when a package for `platform`/`arch` can be made here, else why not. sharp's @img packages are
 * optional dependencies npm installs for the host only, and a compiled better-sqlite3 needs the
 * target's toolchain: each OS and arch is packaged on its own machine.
 */
function cannotPackHere(platform, builderArch, host = { platform: process.platform, arch: process.arch }) {
  const samePlatform = platform === host.platform || (platform === 'mas' && host.platform === 'darwin');
  if (!samePlatform)
    return `Loadwise packages for ${platform} only on ${platform} itself (this is ${host.platform}): run npm run dist there.`;
  if (builderArch === 'universal') return 'Universal macOS builds are not supported: build arm64 and x64 on their own Macs.';
  if (NODE_ARCH[builderArch] !== host.arch)
    return `Loadwise packages for ${builderArch} only on a ${builderArch} machine (this is ${host.arch}): sharp's binaries are installed for the host only.`;
  return null;
}

/** Where the hook leaves the binary for extraResources (`out/native/package/${arch}`). */
function stagedBinary(root, builderArch) {
  return path.join(root, 'out', 'native', 'package', builderArch, 'better_sqlite3.node');
}

async function beforePack(context) {
  const platform = context.electronPlatformName;
  const builderArch = BUILDER_ARCH[context.arch] ?? String(context.arch);
  const why = cannotPackHere(platform, builderArch);
  if (why) throw new Error(why);
  const root = context.packager.projectDir;
  const native = await import(pathToFileURL(path.join(__dirname, 'native-electron.mjs')).href);
  const result = native.ensureElectronNative({ root, platform: platform === 'mas' ? 'darwin' : platform, arch: NODE_ARCH[builderArch] });
  if (!result.ok) throw new Error(`The database module for Electron could not be prepared: ${result.reason}`);
  const staged = stagedBinary(root, builderArch);
  fs.rmSync(path.dirname(staged), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(staged), { recursive: true });
  fs.copyFileSync(result.path, staged);
  console.log(`  • database module for Electron (${result.source}): ${path.relative(root, result.path)}`);
}

module.exports = { beforePack, cannotPackHere, stagedBinary, BUILDER_ARCH, NODE_ARCH };
