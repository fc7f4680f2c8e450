// Size budgets on the built output (the unit suite's global setup builds what is stale): the
// sandboxed preload stays a few kilobytes of names, with no schema library in it; and the
// renderer's first load carries no zod either (the editor and its schemas load lazily).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../support/repo';

const PRELOAD = path.join(repoRoot, 'out/preload/index.cjs');
const RENDERER = path.join(repoRoot, 'out/renderer');
const PRELOAD_BUDGET = 8 * 1024;
// Strings zod 4 keeps in any build, minified or not: its error class and its base type's name.
const ZOD_MARKS = ['ZodError', '$ZodType'];

const read = (file: string) => fs.readFileSync(file, 'utf8');

/**
 * The chunks the page loads before anything is clicked: the entry <script> of index.html, the
 * modules it preloads, and every chunk they import statically (not `import(…)`), transitively.
 */
function firstLoadChunks(): string[] {
  const html = read(path.join(RENDERER, 'index.html'));
  const entries = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="\/?([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\/?([^"]+)"/g)].map((m) => m[1]);
  expect(entries, 'index.html loads one module script').toHaveLength(1);
  expect(entries[0]).toMatch(/^assets\/index-[\w-]+\.js$/);
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const source = read(path.join(RENDERER, rel));
    // import "./x.js" / import{a}from"./x.js" / export{a}from"./x.js" — but not import("./x.js").
    for (const m of source.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g))
      visit(path.posix.join(path.posix.dirname(rel), m[1]));
  };
  for (const rel of [...entries, ...preloads]) visit(rel);
  return [...seen];
}

describe('the preload', () => {
  it(`is under ${PRELOAD_BUDGET / 1024} KB`, () => {
    const size = fs.statSync(PRELOAD).size;
    expect(size).toBeGreaterThan(0);
    expect(size, `out/preload/index.cjs is ${size} bytes`).toBeLessThan(PRELOAD_BUDGET);
  });

  it('contains no zod', () => {
    const source = read(PRELOAD);
    // (Booleans, so a failure names the mark rather than printing the whole bundle.)
    for (const mark of ZOD_MARKS) expect(source.includes(mark), `out/preload/index.cjs contains ${mark}`).toBe(false);
    // Its source map names every file bundled into it: none from zod, none of the app's schemas.
    const { sources } = JSON.parse(read(`${PRELOAD}.map`)) as { sources: string[] };
    expect(sources.some((s) => s.includes('electron/preload/index.ts'))).toBe(true);
    expect(sources.filter((s) => /node_modules[\\/]zod[\\/]|[\\/]contract[\\/]index\.ts$/.test(s))).toEqual([]);
  });
});

describe('the renderer’s first load', () => {
  it('contains no zod; the chunk that validates (the editor) carries it and loads later', () => {
    const first = firstLoadChunks();
    for (const rel of first) {
      const source = read(path.join(RENDERER, rel));
      for (const mark of ZOD_MARKS) expect(source.includes(mark), `${rel} contains ${mark}`).toBe(false);
    }
    // The marks are what a build of zod really contains: some chunk has them, loaded on demand.
    const all = fs.readdirSync(path.join(RENDERER, 'assets')).filter((f) => f.endsWith('.js'));
    const withZod = all.filter((f) => read(path.join(RENDERER, 'assets', f)).includes('ZodError'));
    expect(withZod.length, 'a chunk with zod in it').toBeGreaterThan(0);
    for (const f of withZod) expect(first).not.toContain(`assets/${f}`);
  });
});
