// The packaging configuration: hardened fuses, an allow-list of files that keeps browser mode
// out, and the seed library beside the app. (Packaging itself needs the Electron binary.)
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/repo';

const root = repoRoot;
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('turns off every fuse an attacker could use and turns on integrity checks', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships only the built app: no browser mode, tools, sources, maps or tests', () => {
    const files = config.files as string[];
    const included = files.filter((x) => !x.startsWith('!'));
    expect(included).toContain('out/main/**');
    for (const f of included) {
      expect(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**']).toContain(f);
    }
    expect(files).toEqual(expect.arrayContaining(['!out/browser/**', '!out/tools/**', '!**/*.map']));
  });

  it('carries the seed library as an extra resource, where main reads it', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/seed', to: 'seed', filter: ['**/*.json'] }]);
    const main = fs.readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toContain("path.join(process.resourcesPath, 'seed')");
  });

  it('unpacks native modules and rebuilds them for Electron', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.appId).toBe('org.loadwise.desktop');
    expect(fs.readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8')).toContain(`const APP_ID = '${config.appId as string}'`);
  });

  it('points package.json main at the bundled main process', () => {
    expect(pkg.main).toBe('out/main/index.cjs');
  });

  it('skips the Electron download at install and approves only the native builds it needs', () => {
    expect(pkg.allowScripts).toMatchObject({ electron: false, 'better-sqlite3': true });
  });
});
