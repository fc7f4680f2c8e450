// Who may import whom. The renderer reaches main only through the contract; services run in both
// transports and so never import Electron; shared code is pure.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]);
}

/** The repository folder an import lands in, for relative imports. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), spec)) : spec;
}

const rules: { layer: string; forbid: (t: string) => boolean; why: string }[] = [
  { layer: 'electron/shared', forbid: (t) => !t.startsWith('electron/shared') && t !== 'zod', why: 'shared code is pure TypeScript and zod' },
  { layer: 'db', forbid: (t) => t === 'electron' || t.startsWith('electron/services') || t.startsWith('electron/main') || t.startsWith('renderer'), why: 'the database layer knows no transport' },
  { layer: 'electron/services', forbid: (t) => t === 'electron' || t.startsWith('electron/main') || t.startsWith('electron/browser-mode') || t.startsWith('renderer'), why: 'services serve both transports' },
  { layer: 'electron/browser-mode', forbid: (t) => t === 'electron' || t.startsWith('electron/main'), why: 'browser mode runs where Electron cannot' },
  { layer: 'electron/preload', forbid: (t) => !t.startsWith('electron/shared') && t !== 'electron', why: 'a sandboxed preload can load only electron and bundled shared code' },
  {
    layer: 'renderer/src',
    forbid: (t) => t.startsWith('node:') || t === 'electron' || t.startsWith('electron/services') || t.startsWith('electron/main') || t.startsWith('db') || ['fs', 'path', 'better-sqlite3', 'sharp'].includes(t),
    why: 'the renderer never touches Node; it calls main through renderer/src/api',
  },
];

describe('layering', () => {
  it.each(rules.map((r) => [r.layer, r] as const))('%s imports only what it may', (_layer, rule) => {
    const files = sources(rule.layer);
    expect(files.length).toBeGreaterThan(0);
    const offences = files.flatMap((f) => imports(f).map((s) => ({ f, t: target(f, s) })).filter(({ t }) => rule.forbid(t)));
    expect(offences.map(({ f, t }) => `${f} imports ${t} (${rule.why})`)).toEqual([]);
  });

  it('lets only renderer/src/api know how calls travel', () => {
    const offenders = sources('renderer/src')
      .filter((f) => !f.startsWith(path.join('renderer', 'src', 'api')))
      .filter((f) => /\bwindow\.api\b|fetch\(|ipcRenderer/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('catches a forbidden import when there is one', () => {
    const rule = rules.find((r) => r.layer === 'renderer/src')!;
    expect(rule.forbid(target('renderer/src/x.ts', '../../db/open'))).toBe(true);
    expect(rule.forbid('node:fs')).toBe(true);
    expect(rule.forbid(target('renderer/src/x.ts', '../../electron/shared/contract'))).toBe(false);
  });
});
