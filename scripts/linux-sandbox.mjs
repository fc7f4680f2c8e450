// Can Electron's Chromium sandbox start on this Linux machine? Chromium first tries unprivileged
// user namespaces; where they are off it falls back to the setuid helper `chrome-sandbox`, and if
// that is not root-owned with mode 4755 it aborts ("The SUID sandbox helper binary was found, but
// is not configured correctly", electron/electron#42510). Ubuntu 23.10 and later restrict user
// namespaces through AppArmor (kernel.apparmor_restrict_unprivileged_userns=1) for any program
// without a profile, and node_modules/electron/dist/chrome-sandbox is owned by whoever ran npm.
//
// `npm start` asks `sandboxDecision` first and, where Electron would abort, starts browser mode
// with one line saying why. It never adds --no-sandbox for a normal user. The one-time fixes
// (either makes the desktop app start) are in docs/desktop.md, "Linux sandbox".
import fs from 'node:fs';
import path from 'node:path';

function readTrimmed(file, fsImpl) {
  try {
    return fsImpl.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** An AppArmor profile under /etc/apparmor.d that names this binary and allows `userns`. */
export function apparmorProfileFor(bin, fsImpl = fs, dir = '/etc/apparmor.d') {
  let real = bin;
  try {
    real = fsImpl.realpathSync(bin);
  } catch {
    // Keep the given path.
  }
  let names;
  try {
    names = fsImpl.readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let text;
    try {
      if (!fsImpl.statSync(file).isFile()) continue;
      text = fsImpl.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if ((text.includes(real) || text.includes(bin)) && /^\s*userns\s*,/m.test(text)) return file;
  }
  return null;
}

/** What the decision needs, read from the machine (tests build these by hand). */
export function readSandboxFacts(electronBin, options = {}) {
  const fsImpl = options.fs ?? fs;
  const helperPath = path.join(path.dirname(electronBin), 'chrome-sandbox');
  let helper = null;
  try {
    const st = fsImpl.statSync(helperPath);
    helper = { path: helperPath, uid: st.uid, mode: st.mode };
  } catch {
    helper = null;
  }
  return {
    platform: options.platform ?? process.platform,
    uid: options.uid ?? process.getuid?.() ?? null,
    restrictUserns: readTrimmed('/proc/sys/kernel/apparmor_restrict_unprivileged_userns', fsImpl),
    usernsClone: readTrimmed('/proc/sys/kernel/unprivileged_userns_clone', fsImpl),
    maxUserNamespaces: readTrimmed('/proc/sys/user/max_user_namespaces', fsImpl),
    helper,
    apparmorProfile: apparmorProfileFor(electronBin, fsImpl),
  };
}

/** The setuid helper is usable: owned by root, setuid, rwxr-xr-x. */
export function helperReady(helper) {
  return helper !== null && helper.uid === 0 && (helper.mode & 0o4000) !== 0 && (helper.mode & 0o777) === 0o755;
}

/**
 * { action: 'electron', args } to start Electron (args to prepend), or
 * { action: 'browser', reason } when Electron would abort on its sandbox.
 */
export function sandboxDecision(facts) {
  if (facts.platform !== 'linux') return { action: 'electron', args: [] };
  // Chromium refuses its sandbox as root; the renderer sandbox and isolation stay on.
  if (facts.uid === 0) return { action: 'electron', args: ['--no-sandbox'] };
  const blocked = [];
  if (facts.restrictUserns === '1' && !facts.apparmorProfile)
    blocked.push(
      "AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1) and Electron's binary has no profile",
    );
  if (facts.usernsClone === '0') blocked.push('unprivileged user namespaces are off (kernel.unprivileged_userns_clone=0)');
  if (facts.maxUserNamespaces === '0') blocked.push('user namespaces are off (user.max_user_namespaces=0)');
  if (blocked.length === 0) return { action: 'electron', args: [] };
  if (helperReady(facts.helper)) return { action: 'electron', args: [] };
  const helper = facts.helper === null ? 'chrome-sandbox is missing' : 'chrome-sandbox is not owned by root with mode 4755';
  return {
    action: 'browser',
    reason: `Electron's sandbox cannot start here: ${blocked[0]}, and ${helper}`,
    helperPath: facts.helper?.path ?? null,
  };
}
