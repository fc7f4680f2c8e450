// The packaging configuration, checked without the Electron binary: electron-builder's own schema
// validation and file matcher run on the real electron-builder.yml; fuses, metadata the deb target
// requires, Linux categories, icon, macOS targets and minimum version, file associations, the
// native module shipped beside the app, and the hook that stages it.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { packagedNativeBinding } from '../../../electron/main/native-binding';
import { templatesDir } from '../../../services/programs/builtin-templates';
import { BUILDER_ARCH, cannotPackHere, NODE_ARCH, stagedBinary } from '../../../scripts/electron-builder-hooks.cjs';
import { repoRoot } from '../../support/repo';

const root = repoRoot;
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, any>;
const lib = (p: string) => path.join(root, 'node_modules', 'app-builder-lib', 'out', p);

/** freedesktop.org menu specification: registered main and additional categories. */
const MAIN_CATEGORIES = [
  'AudioVideo',
  'Audio',
  'Video',
  'Development',
  'Education',
  'Game',
  'Graphics',
  'Network',
  'Office',
  'Science',
  'Settings',
  'System',
  'Utility',
];
const ADDITIONAL_CATEGORIES = [
  'MedicalSoftware',
  'Biology',
  'Chemistry',
  'DataVisualization',
  'Math',
  'Physics',
  'Documentation',
  'Database',
];

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require(lib('util/config/config.js')) as {
      validateConfiguration(c: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('turns off every fuse an attacker could use, and the cookie fuse Loadwise has no use for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('re-signs the macOS app ad hoc right after flipping the fuses, so Apple Silicon launches an unsigned build', () => {
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
    // electron-builder hands the flag to @electron/fuses, which runs `codesign --sign -` after the flip.
    const packager = fs.readFileSync(lib('platformPackager.js'), 'utf8');
    expect(packager).toContain('resetAdHocDarwinSignature: fuses.resetAdHocDarwinSignature');
    const fuses = fs.readFileSync(path.join(root, 'node_modules', '@electron', 'fuses', 'dist', 'index.js'), 'utf8');
    expect(fuses).toMatch(/resetAdHocDarwinSignature[\s\S]{0,200}codesign[\s\S]{0,60}'--sign',\s*'-'/);
  });

  it('ships only the built app: no browser mode, tools, native scratch, sources or maps', () => {
    const files = config.files as string[];
    for (const f of files.filter((x) => !x.startsWith('!'))) {
      expect(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', 'out/workers/**']).toContain(f);
    }
    expect(files).toEqual(expect.arrayContaining(['!out/browser/**', '!out/tools/**', '!out/native/**', '!**/*.map']));
  });

  it('leaves better-sqlite3’s build leftovers and prebuild-install out of the package, keeping its JavaScript', () => {
    // electron-builder's own matcher for node_modules, on the real files.
    const { getNodeModuleFileMatcher } = require(lib('fileMatcher.js')) as {
      getNodeModuleFileMatcher(...a: unknown[]): { createFilter(): (file: string, stat: fs.Stats) => boolean };
    };
    const filter = getNodeModuleFileMatcher(
      root,
      '/dest',
      (p: string) => p,
      {},
      { config, debugLogger: { isEnabled: false } },
    ).createFilter();
    const kept = (rel: string): boolean => {
      const file = path.join(root, rel);
      return filter(file, fs.statSync(file));
    };
    const sqlite = path.join('node_modules', 'better-sqlite3');
    for (const rel of ['lib/index.js', 'lib/database.js', 'package.json']) expect(kept(path.join(sqlite, rel)), rel).toBe(true);
    expect(kept(path.join('node_modules', 'bindings', 'package.json'))).toBe(true);
    let dropped = 0;
    for (const dir of ['src', 'deps', 'build']) {
      for (const rel of fs.readdirSync(path.join(root, sqlite, dir), { recursive: true, encoding: 'utf8' }) as string[]) {
        const file = path.join(sqlite, dir, rel);
        if (!fs.statSync(path.join(root, file)).isFile()) continue;
        expect(kept(file), file).toBe(false);
        dropped += fs.statSync(path.join(root, file)).size;
      }
    }
    expect(kept(path.join(sqlite, 'binding.gyp'))).toBe(false);
    expect(kept(path.join('node_modules', 'prebuild-install', 'bin.js'))).toBe(false);
    // The review measured ~27 MB of sources, objects and the Node build.
    expect(dropped).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('never rebuilds node_modules in place: better-sqlite3 for Electron comes from the beforePack hook', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('./scripts/electron-builder-hooks.cjs');
    expect(fs.existsSync(path.join(root, config.beforePack))).toBe(true);
    expect(pkg.scripts['rebuild:electron']).not.toMatch(/install-app-deps/);
  });

  it('carries the seed library and the Electron build of better-sqlite3 as extra resources, where main reads them', () => {
    const extra = config.extraResources as { from: string; to: string; filter: string[] }[];
    const [seed, search] = extra;
    const native = extra.find((e) => e.to === 'native' || e.from.includes('native'))!;
    expect(seed).toEqual({ from: 'resources/seed', to: 'seed', filter: ['**/*.json'] });
    // Search words sit beside the seed, where main points the services (resourcesDir).
    expect(search).toEqual({ from: 'resources/search', to: 'search', filter: ['**/*.json'] });
    // The starter templates sit beside the seed too, where the programs service looks for them.
    const templates = extra.find((e) => e.to === 'templates');
    expect(templates).toEqual({ from: 'resources/templates', to: 'templates', filter: ['**/*.json'] });
    const packagedSeed = path.join('/opt', 'Loadwise', 'resources', seed!.to);
    expect(templatesDir({ seedDir: packagedSeed })).toBe(path.join('/opt', 'Loadwise', 'resources', templates!.to));
    const main = fs.readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toContain("path.join(process.resourcesPath, 'seed')");
    // The hook stages out/native/package/<arch>/better_sqlite3.node; ${arch} is electron-builder's arch name.
    for (const arch of ['x64', 'arm64']) {
      const staged = stagedBinary(root, arch);
      expect(path.join(root, native.from.replace('${arch}', arch), native.filter[0])).toBe(staged);
    }
    // …and it lands where main loads it.
    const resources = path.join('/opt', 'Loadwise', 'resources');
    expect(path.join(resources, native.to, native.filter[0])).toBe(packagedNativeBinding(resources));
  });

  it('unpacks native modules and sharp from the archive', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', '**/node_modules/sharp/**/*', '**/node_modules/@img/**', 'out/workers/**']),
    );
    expect(config.appId).toBe('org.loadwise.desktop');
    expect(fs.readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8')).toContain(`const APP_ID = '${config.appId as string}'`);
  });

  it('gives the deb target what it refuses to build without: a homepage and the author’s email', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/^[^@\s]+@[^@\s]+\.[a-z]+$/) });
    // The check in electron-builder's FpmTarget that made `npm run dist` fail on Linux.
    const fpm = fs.readFileSync(lib('targets/FpmTarget.js'), 'utf8');
    expect(fpm).toContain('Please specify project homepage');
    expect(fpm).toContain('authorEmailIsMissed');
  });

  it('uses registered freedesktop categories: a main one and MedicalSoftware', () => {
    const categories = (config.linux.category as string).split(';').filter(Boolean);
    expect(categories).toEqual(['Science', 'MedicalSoftware']);
    for (const c of categories) expect([...MAIN_CATEGORIES, ...ADDITIONAL_CATEGORIES]).toContain(c);
    expect(categories.some((c) => MAIN_CATEGORIES.includes(c))).toBe(true);
  });

  it('names the .desktop file after desktopName, which Electron uses as the window’s app_id', () => {
    expect(pkg.desktopName).toBe('loadwise.desktop');
    expect(config.linux.syncDesktopName).toBe(true);
    expect(`${config.linux.executableName as string}.desktop`).toBe(pkg.desktopName);
  });

  it('ships deb first, and an AppImage whose desktop entry does not switch the sandbox off everywhere', () => {
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.appImage.executableArgs).toEqual([]);
  });

  it('has a 1024 px icon, rendered from the SVG, for every platform', () => {
    const icon = path.join(root, 'resources', 'icons', 'icon.png');
    const png = fs.readFileSync(icon);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(fs.existsSync(path.join(root, 'resources', 'icons', 'icon.svg'))).toBe(true);
    for (const platform of ['linux', 'mac', 'win']) expect(config[platform].icon, platform).toBe('resources/icons/icon.png');
  });

  it('builds a dmg and a zip on macOS, for macOS 13 or later, with the hardened runtime', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.minimumSystemVersion).toBe('13.0');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.category).toBe('public.app-category.medical');
  });

  it('prepares the .loadwise-library file association', () => {
    expect(config.fileAssociations).toEqual([
      {
        ext: 'loadwise-library',
        name: 'Loadwise library',
        description: 'Loadwise exercise library',
        role: 'Viewer',
        mimeType: 'application/x-loadwise-library',
      },
    ]);
  });

  it('points package.json main at the bundled main process', () => {
    expect(pkg.main).toBe('out/main/index.cjs');
  });
});

describe('package.json says what is true about Node and install scripts', () => {
  const semver = require(path.join(root, 'node_modules', 'semver')) as {
    subset(a: string, b: string): boolean;
    satisfies(version: string, range: string): boolean;
    minVersion(range: string): { version: string } | null;
  };
  const dep = (name: string) =>
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, any>;

  it('engines: every Node it allows runs the dev toolchain (Vite’s range), and packaging’s 22.12 is inside it', () => {
    const ours = pkg.engines.node as string;
    expect(semver.subset(ours, dep('vite').engines.node as string)).toBe(true);
    // Electron's download and rebuild tooling declares 22.12: README and docs say that npm start and
    // npm run dist want it; the range must include it.
    const electronTooling = dep('@electron/get').engines.node as string;
    expect(semver.minVersion(electronTooling)!.version).toBe('22.12.0');
    expect(semver.satisfies('22.12.0', ours)).toBe(true);
    expect(semver.satisfies('20.19.0', ours)).toBe(true);
    expect(semver.satisfies('20.18.0', ours)).toBe(false);
  });

  it('has no switch for an Electron install script that no longer exists (Electron 42+ downloads on first use)', () => {
    expect(dep('electron').scripts).toBeUndefined();
    expect(pkg.allowScripts).not.toHaveProperty('electron');
    expect(pkg.allowScripts).toMatchObject({ 'better-sqlite3': true });
  });
});

describe('the beforePack hook', () => {
  it('knows electron-builder’s arch numbers', () => {
    const { Arch } = require(path.join(root, 'node_modules', 'builder-util', 'out', 'arch.js')) as { Arch: Record<number, string> };
    BUILDER_ARCH.forEach((name, i) => expect(Arch[i]).toBe(name));
    expect(NODE_ARCH).toEqual({ ia32: 'ia32', x64: 'x64', armv7l: 'arm', arm64: 'arm64' });
  });

  it('packages each OS and arch on its own machine only', () => {
    const linux = { platform: 'linux', arch: 'x64' };
    const mac = { platform: 'darwin', arch: 'arm64' };
    expect(cannotPackHere('linux', 'x64', linux)).toBeNull();
    expect(cannotPackHere('darwin', 'arm64', mac)).toBeNull();
    expect(cannotPackHere('mas', 'arm64', mac)).toBeNull();
    expect(cannotPackHere('win32', 'x64', linux)).toMatch(/only on win32 itself/);
    expect(cannotPackHere('darwin', 'x64', mac)).toMatch(/only on a x64 machine/);
    expect(cannotPackHere('darwin', 'universal', mac)).toMatch(/Universal macOS builds are not supported/);
  });
});
