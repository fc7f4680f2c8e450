// Start-up decisions: where the library lives (overrides for development only, a temporary folder
// for the smoke test), the smoke-test flag, and how a command-line switch is recognised.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  debuggingSwitchesIn,
  isSmokeTest,
  optionValue,
  refusedSwitches,
  resolveDataLocation,
  switchName,
} from '../../../../electron/main/startup';

const USER_DATA = path.resolve('/home/pat/.config/Loadwise');
const CWD = path.resolve('/repo');

function locate(isPackaged: boolean, argv: string[] = [], env: NodeJS.ProcessEnv = {}, smokeDir: string | null = null) {
  return resolveDataLocation({ isPackaged, argv, env, defaultUserData: USER_DATA, cwd: CWD, smokeDir });
}

describe('resolveDataLocation', () => {
  it('keeps the library in <userData>/data by default, migrating from userData itself', () => {
    for (const packaged of [true, false]) {
      expect(locate(packaged)).toEqual({ userData: null, dataDir: path.join(USER_DATA, 'data'), migrateFrom: USER_DATA, ignored: [] });
    }
  });

  it('the installed app ignores LOADWISE_DATA_DIR, and says so', () => {
    const where = locate(true, [], { LOADWISE_DATA_DIR: '/mnt/share/evil' });
    expect(where.dataDir).toBe(path.join(USER_DATA, 'data'));
    expect(where.userData).toBeNull();
    expect(where.ignored).toEqual([expect.stringMatching(/^LOADWISE_DATA_DIR is for development only/)]);
  });

  it('the installed app ignores --data-dir too', () => {
    const where = locate(true, ['--data-dir=/mnt/share/evil'], {});
    expect(where.dataDir).toBe(path.join(USER_DATA, 'data'));
    expect(where.ignored).toEqual([expect.stringMatching(/^--data-dir is for development only/)]);
    expect(locate(true, ['--data-dir', '/x'], { LOADWISE_DATA_DIR: '/y' }).ignored).toHaveLength(2);
  });

  it('a development run takes --data-dir (either form), relative to the working folder, as userData and library', () => {
    for (const argv of [
      ['/repo', '--data-dir=my-data'],
      ['/repo', '--data-dir', 'my-data'],
    ]) {
      const where = locate(false, argv);
      expect(where).toEqual({ userData: path.join(CWD, 'my-data'), dataDir: path.join(CWD, 'my-data'), migrateFrom: null, ignored: [] });
    }
  });

  it('a development run takes LOADWISE_DATA_DIR when no flag is given; the flag wins over it', () => {
    expect(locate(false, [], { LOADWISE_DATA_DIR: '/tmp/t1' }).dataDir).toBe(path.resolve('/tmp/t1'));
    expect(locate(false, ['--data-dir=/tmp/flag'], { LOADWISE_DATA_DIR: '/tmp/t1' }).dataDir).toBe(path.resolve('/tmp/flag'));
    // An empty variable is no override.
    expect(locate(false, [], { LOADWISE_DATA_DIR: '' }).dataDir).toBe(path.join(USER_DATA, 'data'));
  });

  it('the smoke test runs on its own temporary folder, packaged or not, whatever else is given', () => {
    const smoke = path.resolve('/tmp/loadwise-smoke-1');
    for (const packaged of [true, false]) {
      expect(locate(packaged, ['--data-dir=/x'], { LOADWISE_DATA_DIR: '/y' }, smoke)).toEqual({
        userData: smoke,
        dataDir: path.join(smoke, 'data'),
        migrateFrom: null,
        ignored: [],
      });
    }
  });
});

describe('optionValue', () => {
  it('reads --name=value and --name value, and nothing after --', () => {
    expect(optionValue(['--data-dir=/a'], 'data-dir')).toBe('/a');
    expect(optionValue(['--data-dir', '/a'], 'data-dir')).toBe('/a');
    expect(optionValue(['--data-dir'], 'data-dir')).toBeUndefined();
    expect(optionValue(['--data-dir', '--smoke-test'], 'data-dir')).toBeUndefined();
    expect(optionValue(['--data-dir='], 'data-dir')).toBeUndefined();
    expect(optionValue(['--', '--data-dir=/a'], 'data-dir')).toBeUndefined();
    expect(optionValue(['--data-directory=/a'], 'data-dir')).toBeUndefined();
  });
});

describe('isSmokeTest', () => {
  it('is the exact flag, before any --', () => {
    expect(isSmokeTest(['--smoke-test'])).toBe(true);
    expect(isSmokeTest(['/repo', '--smoke-test'])).toBe(true);
    expect(isSmokeTest([])).toBe(false);
    expect(isSmokeTest(['--smoke-tests', '-smoke-test', '--smoke-test=1'])).toBe(false);
    expect(isSmokeTest(['--', '--smoke-test'])).toBe(false);
  });
});

describe('switchName', () => {
  it('reads switches the way Chromium does', () => {
    expect(switchName('--remote-debugging-port=9222', 'linux')).toBe('remote-debugging-port');
    expect(switchName('-remote-debugging-port', 'darwin')).toBe('remote-debugging-port');
    expect(switchName('--Inspect', 'linux')).toBe('inspect');
    expect(switchName('/inspect', 'win32')).toBe('inspect');
    expect(switchName('/inspect', 'linux')).toBeNull();
    expect(switchName('C:\\Users\\pat\\a.loadwise-library', 'win32')).toBeNull();
    expect(switchName('-', 'linux')).toBeNull();
    expect(switchName('--', 'linux')).toBeNull();
  });

  it('finds each debugging switch once', () => {
    expect(debuggingSwitchesIn(['--inspect', '--inspect=1', '--remote-debugging-pipe'], 'linux').sort()).toEqual([
      'inspect',
      'remote-debugging-pipe',
    ]);
    expect(refusedSwitches({ isPackaged: false, argv: ['--inspect'], platform: 'linux' })).toEqual([]);
    expect(refusedSwitches({ isPackaged: true, argv: ['--inspect'], platform: 'linux' })).toEqual(['inspect']);
  });
});
