// Who may import whom, as one table (the shape of VS Code's `code-layering` rule). Each folder says
// where its code runs; a folder may import only the folders and packages its row names. Imports are
// collected with the TypeScript scanner, so `import()`, `require()` and `export … from` count too.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo';

type Target = { kind: 'folder'; folder: string } | { kind: 'node' } | { kind: 'package'; name: string };

interface Layer {
  folder: string;
  /** Repository folders this layer may import (its own folder is always allowed). */
  folders: string[];
  /** Node built-ins allowed? */
  node: boolean;
  /** npm packages allowed; '*' for any. */
  packages: string[] | '*';
  why: string;
}

export const LAYERS: Layer[] = [
  { folder: 'common', folders: [], node: false, packages: ['zod'], why: 'common code runs in every process: pure TypeScript and zod' },
  {
    folder: 'db',
    folders: ['common/domain', 'common/copy'],
    node: true,
    packages: ['better-sqlite3'],
    why: 'the database layer knows domain types (and indexes the words clinicians see), never the contract or a transport',
  },
  {
    folder: 'services',
    folders: ['common', 'db'],
    node: true,
    // fflate: shared library bundles (zip) are written and read here. pdfkit: handouts are laid out here.
    // papaparse: CSV files from other tools are read here.
    packages: ['zod', 'sharp', 'better-sqlite3', 'fflate', 'pdfkit', 'papaparse'],
    why: 'use cases serve both hosts and know neither',
  },
  {
    folder: 'browser-mode',
    folders: ['common', 'services', 'db'],
    node: true,
    packages: [],
    why: 'browser mode runs where Electron cannot',
  },
  {
    folder: 'electron/main',
    folders: ['common', 'services', 'db'],
    node: true,
    packages: ['electron'],
    why: 'the Electron host never carries the loopback bridge',
  },
  {
    folder: 'electron/preload',
    folders: ['common/contract/channels.ts', 'common/contract/commands.ts'],
    node: false,
    packages: ['electron'],
    why: 'a sandboxed preload loads only electron and the name lists (no zod, no schemas)',
  },
  {
    folder: 'renderer/src',
    folders: ['common'],
    node: false,
    // dnd-kit: the program builder's accessible drag and drop; pdfjs-dist: the print preview.
    packages: ['react', 'react-dom', '@dnd-kit/core', '@dnd-kit/sortable', '@dnd-kit/utilities', 'pdfjs-dist'],
    why: 'the renderer never touches Node; it reaches main through renderer/src/api',
  },
];

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}

/** Every module specifier a file loads: static, dynamic, require and re-export. */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function classify(file: string, spec: string): Target {
  if (spec.startsWith('.')) {
    const resolved = path.relative(repoRoot, path.resolve(repoRoot, path.dirname(file), spec.replace(/\?raw$/, '')));
    return { kind: 'folder', folder: resolved.split(path.sep).join('/') };
  }
  const bare = spec.replace(/^node:/, '');
  if (spec.startsWith('node:') || builtinModules.includes(bare.split('/')[0])) return { kind: 'node' };
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  return { kind: 'package', name };
}

const within = (target: string, folder: string): boolean =>
  target === folder || target.startsWith(`${folder}/`) || target === folder.replace(/\.ts$/, '');

function allowed(layer: Layer, target: Target): boolean {
  if (target.kind === 'node') return layer.node;
  if (target.kind === 'package')
    return (
      layer.packages === '*' ||
      layer.packages.includes(target.name) ||
      (target.name.startsWith('react') && layer.packages.includes('react'))
    );
  return within(target.folder, layer.folder) || layer.folders.some((f) => within(target.folder, f));
}

function offences(layer: Layer): string[] {
  return sources(layer.folder).flatMap((file) =>
    importsOf(fs.readFileSync(path.join(repoRoot, file), 'utf8'))
      .map((spec) => ({ spec, target: classify(file, spec) }))
      .filter(({ target }) => !allowed(layer, target))
      .map(({ spec }) => `${file} imports ${spec} (${layer.why})`),
  );
}

describe('layering', () => {
  it.each(LAYERS.map((l) => [l.folder, l] as const))('%s imports only what its row allows', (_folder, layer) => {
    expect(sources(layer.folder).length).toBeGreaterThan(0);
    expect(offences(layer)).toEqual([]);
  });

  it('lets only renderer/src/api know how calls travel', () => {
    const offenders = sources('renderer/src')
      .filter((f) => !f.startsWith('renderer/src/api/'))
      .filter((f) => /\bwindow\.api\b|\bfetch\(|ipcRenderer/.test(fs.readFileSync(path.join(repoRoot, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps SQL text in db/: no statement is prepared or written anywhere else', () => {
    const sql = /\.prepare\(|\.exec\(\s*[`'"]|\.pragma\(|\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)/;
    const offenders = ['common', 'services', 'browser-mode', 'electron', 'renderer/src'].flatMap((folder) =>
      sources(folder).filter((f) => sql.test(fs.readFileSync(path.join(repoRoot, f), 'utf8'))),
    );
    expect(offenders).toEqual([]);
    expect(sql.test("db.prepare('SELECT 1')")).toBe(true);
    expect(sql.test('const s = `DELETE FROM media WHERE sha256 = ?`;')).toBe(true);
  });

  it('sees dynamic imports, require calls and re-exports', () => {
    const text = [
      "const a = await import('../../db/open');",
      "const b = require('node:fs');",
      "export { x } from '../services/boot';",
      "import type { Y } from 'electron';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['../../db/open', 'node:fs', '../services/boot', 'electron']);
  });

  it('refuses what each row forbids', () => {
    const layer = (folder: string): Layer => LAYERS.find((l) => l.folder === folder)!;
    const renderer = layer('renderer/src');
    expect(allowed(renderer, classify('renderer/src/x.ts', '../../db/open'))).toBe(false);
    expect(allowed(renderer, classify('renderer/src/x.ts', 'node:fs'))).toBe(false);
    expect(allowed(renderer, classify('renderer/src/x.ts', 'fs'))).toBe(false);
    expect(allowed(renderer, classify('renderer/src/x.ts', 'electron'))).toBe(false);
    expect(allowed(renderer, classify('renderer/src/x.ts', '../../common/contract'))).toBe(true);
    expect(allowed(layer('common'), classify('common/x.ts', '../services/boot'))).toBe(false);
    expect(allowed(layer('db'), classify('db/queries/x.ts', '../../common/contract'))).toBe(false);
    expect(allowed(layer('db'), classify('db/queries/x.ts', '../../common/domain/exercise'))).toBe(true);
    expect(allowed(layer('services'), classify('services/x.ts', 'electron'))).toBe(false);
    expect(allowed(layer('electron/main'), classify('electron/main/x.ts', '../../browser-mode/bridge'))).toBe(false);
    expect(allowed(layer('electron/preload'), classify('electron/preload/index.ts', '../../common/contract/channels'))).toBe(true);
    expect(allowed(layer('electron/preload'), classify('electron/preload/index.ts', '../../common/contract'))).toBe(false);
    expect(allowed(layer('electron/preload'), classify('electron/preload/index.ts', 'zod'))).toBe(false);
  });
});
