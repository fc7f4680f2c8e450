// Which better-sqlite3 binary main hands to the database (better-sqlite3's `nativeBinding` option).
// node_modules/better-sqlite3 stays built for Node (tests, browser mode, tools) and is never
// rebuilt in place. Electron's build lives elsewhere:
// - unpackaged: out/native/<key>/better_sqlite3.node, made by scripts/native-electron.mjs
//   (a prebuilt download first, a compile only as a fallback) when `npm start` runs;
// - packaged: <resources>/native/better_sqlite3.node, put there by electron-builder's beforePack
//   hook (scripts/electron-builder-hooks.cjs, extraResources in electron-builder.yml).
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

/**
 * The cache key of one Electron build: the module's version, Electron's ABI (NODE_MODULE_VERSION,
 * `process.versions.modules` inside Electron), platform and arch. scripts/native-electron.mjs
 * computes the same key (a unit test holds the two together).
 */
export function electronNativeKey(v: { betterSqlite3: string; modules: string; platform: string; arch: string }): string {
  return `better-sqlite3-${v.betterSqlite3}-electron-v${v.modules}-${v.platform}-${v.arch}`;
}

/** Where the packaged app carries its Electron build of better-sqlite3. */
export function packagedNativeBinding(resourcesPath: string): string {
  return path.join(resourcesPath, 'native', NATIVE_FILE);
}

export function nativeBindingPath(options: {
  isPackaged: boolean;
  resourcesPath: string;
  appRoot: string;
  betterSqlite3: string;
  modules: string;
  platform: string;
  arch: string;
}): string {
  if (options.isPackaged) return packagedNativeBinding(options.resourcesPath);
  return path.join(options.appRoot, 'out', 'native', electronNativeKey(options), NATIVE_FILE);
}
