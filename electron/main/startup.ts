// Start-up decisions main makes before `ready`, as pure functions of argv, the environment and
// app.isPackaged, so the unit tests exercise the exact rules (electron/main/index.ts only wires them).
import path from 'node:path';
import { dataDirIn } from '../../services/paths';

/**
 * Chromium and Node switches that open the app to a debugger. The fuses already switch off Node's
 * --inspect family and ELECTRON_RUN_AS_NODE, but Chromium's remote debugging is no fuse
 * (docs/tutorial/fuses.md): any process of the same user could start the installed app with
 * --remote-debugging-port and drive the window, and with it every `window.api` call, over CDP.
 */
export const DEBUGGING_SWITCHES: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-io-pipes',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'debug-port',
  'js-flags',
];

/**
 * The switch an argument names, the way Chromium's CommandLine reads it: `--name`, `-name`, or on
 * Windows also `/name`, with an optional `=value`; names compared in lower case. Null for a
 * plain argument.
 */
export function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const prefix = /^--?/.exec(arg)?.[0] ?? (platform === 'win32' && arg.startsWith('/') ? '/' : null);
  if (prefix === null || arg.length === prefix.length) return null;
  return arg.slice(prefix.length).split('=')[0].toLowerCase();
}

/**
 * The debugging switches present on a command line (argv without the executable). Arguments after
 * a bare `--` are not switches (Chromium stops there too). `hasSwitch` is app.commandLine's view,
 * consulted as well in case Chromium was handed a switch some other way.
 */
export function debuggingSwitchesIn(argv: readonly string[], platform: NodeJS.Platform, hasSwitch?: (name: string) => boolean): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    if (arg === '--') break;
    const name = switchName(arg, platform);
    if (name !== null && DEBUGGING_SWITCHES.includes(name)) found.add(name);
  }
  if (hasSwitch) for (const name of DEBUGGING_SWITCHES) if (hasSwitch(name)) found.add(name);
  return [...found];
}

/** The packaged app refuses to run with a debugging switch; development runs (and Playwright) need them. */
export function refusedSwitches(options: {
  isPackaged: boolean;
  argv: readonly string[];
  platform: NodeJS.Platform;
  hasSwitch?: (name: string) => boolean;
}): string[] {
  return options.isPackaged ? debuggingSwitchesIn(options.argv, options.platform, options.hasSwitch) : [];
}

/** The value of `--name=value` or `--name value`; undefined when absent or empty. */
export function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3) || undefined;
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('-') ? next : undefined;
    }
  }
  return undefined;
}

export const SMOKE_TEST_FLAG = '--smoke-test';

/**
 * `--smoke-test`: start on a fresh temporary folder, open the database and the window, check the
 * window can call the library, then quit with 0 (or 1, saying why). CI runs it on the packaged
 * app. Harmless in installed builds: it touches no user data and exits by itself.
 */
export function isSmokeTest(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes(SMOKE_TEST_FLAG);
}

export interface DataLocation {
  /** A folder to pass to app.setPath('userData') before anything else, or null for Electron's default. */
  userData: string | null;
  /** Where the library (database, media, backups) lives. */
  dataDir: string;
  /** A first-version userData folder to migrate the library out of, once; null for overrides. */
  migrateFrom: string | null;
  /** One line per override that was given and ignored (the packaged app logs them). */
  ignored: string[];
}

/**
 * Where this run keeps its library.
 * - `--smoke-test`: a fresh temporary folder (`smokeDir`), for userData and the library alike.
 * - Unpackaged (development, tests): `--data-dir DIR`, else LOADWISE_DATA_DIR, else the default.
 *   The override becomes userData too, so test instances never share Chromium's profile or the
 *   single-instance lock, and DIR/loadwise.db is where browser mode's `--data-dir DIR` puts it.
 * - Packaged: always the default, `<userData>/data`. An environment variable or a flag could point
 *   the installed app at a database someone else prepared (on a share, say); both are ignored.
 */
export function resolveDataLocation(options: {
  isPackaged: boolean;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  defaultUserData: string;
  cwd: string;
  smokeDir?: string | null;
}): DataLocation {
  const flag = optionValue(options.argv, 'data-dir');
  const fromEnv = options.env.LOADWISE_DATA_DIR || undefined;
  if (options.smokeDir) return { userData: options.smokeDir, dataDir: dataDirIn(options.smokeDir), migrateFrom: null, ignored: [] };
  if (!options.isPackaged && (flag ?? fromEnv)) {
    const dir = path.resolve(options.cwd, (flag ?? fromEnv)!);
    return { userData: dir, dataDir: dir, migrateFrom: null, ignored: [] };
  }
  const ignored: string[] = [];
  if (flag !== undefined) ignored.push('--data-dir is for development only; the installed app keeps its library in its own folder.');
  if (fromEnv !== undefined)
    ignored.push('LOADWISE_DATA_DIR is for development only; the installed app keeps its library in its own folder.');
  return { userData: null, dataDir: dataDirIn(options.defaultUserData), migrateFrom: options.defaultUserData, ignored };
}
