// `npm start`: builds what changed, then runs Loadwise in Electron. When the Electron binary is
// missing it is fetched first; when it cannot be fetched (no network, blocked download), one line
// says so and the same app starts in browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './native-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function run(cmd, args, options = {}) {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

/** The binary's path, downloading it once if it is missing; null when it cannot be had. */
function electronBinary() {
  const pkgDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  const resolve = () => {
    if (!fs.existsSync(pathFile)) return null;
    const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  };
  if (resolve()) return { bin: resolve() };
  const install = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { encoding: 'utf8', timeout: 180_000 });
  if (install.status === 0 && resolve()) return { bin: resolve() };
  const reason = `${install.stderr ?? ''}${install.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /error|fail|ENOTFOUND|EAI_AGAIN/i.test(l));
  return { bin: null, reason: reason ? reason.slice(0, 120) : 'the download did not complete' };
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
const native = electron.bin ? ensureElectronNative(root, require('electron/package.json').version) : null;
if (electron.bin && native?.ok) {
  // Chromium's OS sandbox cannot start as root; the renderer sandbox and isolation stay on.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  run(electron.bin, [...rootArgs, root, ...passThrough]);
} else {
  const why = electron.bin ? `its database module could not be built: ${native.reason}` : electron.reason;
  console.log(`Electron is not available (${why}); starting Loadwise in browser mode instead.`);
  run(process.execPath, [path.join(root, 'out', 'browser', 'cli.cjs'), ...passThrough]);
}
