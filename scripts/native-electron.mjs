// better-sqlite3 is compiled against one runtime's ABI. Tests and browser mode use the copy in
// node_modules, built for Node. Running unpackaged Electron needs a second copy built against
// Electron's headers; it lives in out/native/ and main selects it with better-sqlite3's
// `nativeBinding` option, so neither build ever overwrites the other. (Packaged apps are rebuilt
// in place by electron-builder: npmRebuild in electron-builder.yml.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function electronNativePath(root, electronVersion) {
  return path.join(root, 'out', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** Builds the Electron copy if it is missing. Returns { ok: true } or { ok: false, reason }. */
export function ensureElectronNative(root, electronVersion) {
  const target = electronNativePath(root, electronVersion);
  if (fs.existsSync(target)) return { ok: true, path: target };
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = path.join(root, 'out', 'native', 'src-better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.startsWith(path.join(source, 'build')) });
  console.log(`Building the database module for Electron ${electronVersion} (once, about a minute)…`);
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const r = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, encoding: 'utf8' },
  );
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (r.status !== 0 || !fs.existsSync(built)) {
    const line = `${r.stderr ?? ''}`.split('\n').find((l) => /gyp ERR!|error/i.test(l)) ?? 'the build failed';
    return { ok: false, reason: line.trim().slice(0, 160) };
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, target);
  fs.rmSync(work, { recursive: true, force: true });
  return { ok: true, path: target };
}
