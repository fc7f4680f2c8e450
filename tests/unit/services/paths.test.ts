// The browser-mode data folder must be the folder Electron uses as userData for this app
// (app name = package.json productName), so both transports open the same database.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_DIR_NAME, defaultDataDir } from '../../../services/paths';
import { repoRoot } from '../../support/repo';

const home = os.homedir();

describe('defaultDataDir', () => {
  it("uses Electron's app name for the folder", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { productName?: string; name: string };
    expect(APP_DIR_NAME).toBe('Loadwise');
    expect(APP_DIR_NAME).toBe(pkg.productName ?? pkg.name);
  });

  it('linux: $XDG_CONFIG_HOME/Loadwise when set', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/custom/config' }, 'linux')).toBe(path.join('/custom/config', 'Loadwise'));
  });

  it('linux: ~/.config/Loadwise when XDG_CONFIG_HOME is unset', () => {
    expect(defaultDataDir({}, 'linux')).toBe(path.join(home, '.config', 'Loadwise'));
  });

  it('linux: ~/.config/Loadwise when XDG_CONFIG_HOME is empty (Chromium treats empty as unset)', () => {
    const dir = defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux');
    expect(dir).toBe(path.join(home, '.config', 'Loadwise'));
    expect(path.isAbsolute(dir)).toBe(true);
  });

  it('other unix-likes follow the linux rule', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/c' }, 'freebsd')).toBe(path.join('/c', 'Loadwise'));
  });

  it('darwin: ~/Library/Application Support/Loadwise, whatever XDG says', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/custom/config' }, 'darwin')).toBe(
      path.join(home, 'Library', 'Application Support', 'Loadwise'),
    );
  });

  it('win32: %APPDATA%\\Loadwise', () => {
    const appData = 'C:\\Users\\pat\\AppData\\Roaming';
    expect(defaultDataDir({ APPDATA: appData }, 'win32')).toBe(path.join(appData, 'Loadwise'));
  });

  it('win32: falls back to the roaming folder under home when APPDATA is unset or empty', () => {
    const expected = path.join(home, 'AppData', 'Roaming', 'Loadwise');
    expect(defaultDataDir({}, 'win32')).toBe(expected);
    expect(defaultDataDir({ APPDATA: '' }, 'win32')).toBe(expected);
  });

  it('always ends in the Loadwise folder', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(path.basename(defaultDataDir({ XDG_CONFIG_HOME: '/x', APPDATA: '/y' }, platform))).toBe('Loadwise');
    }
  });
});
