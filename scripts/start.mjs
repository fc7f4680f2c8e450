// `npm start`: builds what changed, then runs Loadwise in Electron. What Electron needs comes first:
// its binary (downloaded once, ~110 MB), the database module built for it (scripts/native-electron.mjs:
// a prebuilt download, a compile only as a fallback), and on Linux a sandbox that can start
// (scripts/linux-sandbox.mjs). Where any of them cannot be had, one line says why and the same app
// starts in browser mode instead.
//
//   npm start -- [--data-dir DIR]     (a development library folder; the installed app ignores it)
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxDecision, readSandboxFacts } from './linux-sandbox.mjs';
import { electronInfo, ensureElectronNative } from './native-electron.mjs';
import { browserModeLine, electronUnavailable } from './start-messages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

function run(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

/** The binary's path, downloading it once if it is missing; { bin: null, reason } when it cannot be had. */
function electronBinary() {
  let info = electronInfo(root);
  if (info.bin) return { bin: info.bin };
  console.log(`Downloading Electron ${info.version} (about 110 MB, once)…`);
  const install = spawnSync(process.execPath, [path.join(info.pkgDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
  info = electronInfo(root);
  if (install.status === 0 && info.bin) return { bin: info.bin };
  const reason = `${install.stderr ?? ''}${install.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /error|fail|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONN/i.test(l));
  return { bin: null, reason: reason ? reason.slice(0, 120) : install.error ? install.error.message : 'the download did not complete' };
}

function browserMode(why) {
  console.log(browserModeLine(why));
  run(process.execPath, [path.join(root, 'out', 'browser', 'cli.cjs'), ...passThrough]);
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
if (!electron.bin) {
  browserMode(electronUnavailable(electron.reason));
} else {
  const sandbox = sandboxDecision(readSandboxFacts(electron.bin));
  if (sandbox.action === 'browser') {
    browserMode(`${sandbox.reason}; docs/desktop.md, "Linux sandbox", has the one-time fix`);
  } else {
    const native = ensureElectronNative({ root });
    if (!native.ok) {
      browserMode(`Electron's database module could not be prepared (${native.reason})`);
    } else {
      // Some IDE terminals set ELECTRON_RUN_AS_NODE, which would start Electron as plain Node.
      const env = { ...process.env };
      delete env.ELECTRON_RUN_AS_NODE;
      run(electron.bin, [...sandbox.args, root, ...passThrough], env);
    }
  }
}
