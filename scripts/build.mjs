// Builds everything the app runs: the Node-side bundles with esbuild (main, preload, browser
// mode, tools) and the renderer with Vite. Each target keeps its own stamp, so `--if-stale`
// rebuilds exactly the targets whose sources changed, and `--only-node` never marks the renderer
// fresh.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { rawPlugin } from './esbuild-raw-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const args = new Set(process.argv.slice(2));
const TARGETS = {
  node: ['common', 'services', 'browser-mode', 'electron', 'db', 'tools', 'package.json', 'scripts/build.mjs'],
  renderer: ['renderer', 'common', 'package.json', 'vite.config.mts', 'scripts/build.mjs'],
};
const stampFile = (target) => path.join(out, `.build-stamp-${target}`);

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((f) => newestMtime(path.join(p, f))));
}

function isStale(target) {
  if (!args.has('--if-stale') || !fs.existsSync(stampFile(target))) return true;
  return Math.max(...TARGETS[target].map(newestMtime)) >= fs.statSync(stampFile(target)).mtimeMs;
}
const wanted = args.has('--only-node') ? ['node'] : ['node', 'renderer'];
const toBuild = new Set(wanted.filter(isStale));
if (toBuild.size === 0) process.exit(0);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [rawPlugin],
  // Native modules and Electron itself load at run time from node_modules.
  external: ['electron', 'better-sqlite3', 'sharp'],
  // pdfkit's CommonJS build: its ES module build reads `import.meta.url`, which a CommonJS bundle
  // leaves empty (it then fails at load). Its standard AFM fonts stay unread: handouts open with
  // their own embedded faces (services/handouts/fonts.ts).
  alias: { pdfkit: path.join(root, 'node_modules', 'pdfkit', 'js', 'pdfkit.js') },
};

const started = Date.now();
if (toBuild.has('node'))
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { index: 'electron/main/index.ts' }, outdir: 'out/main', outExtension: { '.js': '.cjs' } }),
    // A sandboxed preload may require only 'electron' and a few built-ins: bundle everything else.
    esbuild.build({
      ...common,
      entryPoints: { index: 'electron/preload/index.ts' },
      outdir: 'out/preload',
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    }),
    esbuild.build({ ...common, entryPoints: { cli: 'browser-mode/cli.ts' }, outdir: 'out/browser', outExtension: { '.js': '.cjs' } }),
    // Workers the services start (image cleaning, handout layout); loaded beside either host's bundle.
    esbuild.build({
      ...common,
      entryPoints: { 'image-worker': 'services/media/image-worker.ts', 'handout-worker': 'services/handouts/handout-worker.ts' },
      outdir: 'out/workers',
      outExtension: { '.js': '.cjs' },
    }),
    esbuild.build({
      ...common,
      entryPoints: fs.existsSync(path.join(root, 'tools'))
        ? Object.fromEntries(
            fs
              .readdirSync(path.join(root, 'tools'))
              .filter((f) => f.endsWith('.ts'))
              .map((f) => [f.replace(/\.ts$/, ''), `tools/${f}`]),
          )
        : {},
      outdir: 'out/tools',
      outExtension: { '.js': '.cjs' },
      // Tools run from the checkout, next to node_modules: load packages from there.
      packages: 'external',
    }),
  ]);
fs.mkdirSync(out, { recursive: true });
if (toBuild.has('node')) fs.writeFileSync(stampFile('node'), new Date().toISOString());
if (toBuild.has('renderer')) {
  // The config imports the shared CSP module (TypeScript), which only Vite's bundling loader reads.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  // Always the production renderer, even when a test runner (NODE_ENV=test) starts this build.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
  fs.writeFileSync(stampFile('renderer'), new Date().toISOString());
}
process.stderr.write(`built ${[...toBuild].join(' and ')} in ${Date.now() - started} ms\n`);
