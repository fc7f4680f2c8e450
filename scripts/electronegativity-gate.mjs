// Runs electronegativity over electron/ and fails on any finding of medium severity or higher.
// The tool itself always exits 0 (doyensec/electronegativity#108), so this reads its results.
// The built index.html is scanned beside electron/ so the CSP check sees the policy the page carries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = require('electron/package.json').version;
const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'tests/security/electronegativity-reviewed.json'), 'utf8')).reviewed;

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-eneg-'));
fs.cpSync(path.join(root, 'electron'), path.join(stage, 'electron'), { recursive: true });
fs.mkdirSync(path.join(stage, 'renderer'));
fs.copyFileSync(path.join(root, 'out/renderer/index.html'), path.join(stage, 'renderer/index.html'));

// The tool tries to fetch translations and release lists; offline it carries on without them.
const quiet = console.log;
console.log = () => undefined;
let result;
try {
  result = await run({ input: stage, isRelative: true, electronVersionOverride: electronVersion, parserPlugins: [] });
} finally {
  console.log = quiet;
  fs.rmSync(stage, { recursive: true, force: true });
}

const SEVERE = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const severityName = (i) => String(i.severity.name ?? i.severity.format?.() ?? i.severity).toUpperCase();
const severe = result.issues.filter((i) => SEVERE.has(severityName(i)));
const matches = (r, i) => r.check === i.id && path.normalize(i.file) === path.normalize(r.file);
const unreviewed = severe.filter((i) => !reviewed.some((r) => matches(r, i)));
const stale = reviewed.filter((r) => !severe.some((i) => matches(r, i)));

for (const i of result.issues) {
  const mark = unreviewed.includes(i) ? 'FAIL' : SEVERE.has(severityName(i)) ? 'reviewed' : 'info';
  console.log(`  [${mark}] ${i.id} ${severityName(i)}/${String(i.confidence.name ?? '').toUpperCase()} ${i.file}:${i.location.line}`);
}
for (const r of stale) console.log(`  [FAIL] reviewed entry ${r.check} in ${r.file} matches no finding any more: remove it`);
if (result.errors?.length) console.log(`  ${result.errors.length} file(s) could not be parsed`);
const failed = unreviewed.length + stale.length + (result.errors?.length ?? 0);
console.log(
  `electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks, ${result.issues.length} finding(s)`,
);
console.log(`${failed === 0 ? 1 : 0} passed, ${failed === 0 ? 0 : 1} failed`);
process.exit(failed === 0 ? 0 : 1);
