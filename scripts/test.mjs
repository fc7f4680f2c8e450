// `npm test`: every check the project has, in one run, with one closing count.
//   1. type checks (main side and renderer)     3. electronegativity security gate
//   2. unit tests (vitest, real SQLite files)     4. end-to-end tests (Playwright: browser mode in
//                                                   Debian Chromium, Electron where its binary exists)
// Steps all run even when one fails, so a single run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, cmd, args) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR },
  });
  return { ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const tally = [];
/** `kind`: 'check' (build, type checks, gates: one pass or fail each) or 'tests' (counted test cases). */
const add = (name, passed, failed, skipped, seconds, kind = 'tests') => tally.push({ name, passed, failed, skipped, seconds, kind });
const skipReasons = new Set();

const build = step('Build', process.execPath, [path.join(root, 'scripts/build.mjs')]);
add('build', build.ok ? 1 : 0, build.ok ? 0 : 1, 0, build.seconds, 'check');

for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json']) {
  const r = step(`Type check (${project})`, bin('tsc'), ['-p', project, '--noEmit']);
  add(`typecheck ${project}`, r.ok ? 1 : 0, r.ok ? 0 : 1, 0, r.seconds, 'check');
}

fs.rmSync(path.join(results, 'unit.json'), { force: true });
const unit = step('Unit tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(results, 'unit.json')}`,
]);
const u = readJson(path.join(results, 'unit.json'));
for (const file of u?.testResults ?? []) {
  for (const a of file.assertionResults ?? []) if (a.status === 'pending' || a.status === 'skipped') skipReasons.add(`unit: ${a.fullName}`);
}
if (u)
  add(
    'unit',
    u.numPassedTests,
    u.numFailedTests + (unit.ok || u.numFailedTests > 0 ? 0 : 1),
    u.numPendingTests + u.numTodoTests,
    unit.seconds,
  );
else add('unit', 0, 1, 0, unit.seconds);

const gate = step('Security gate (electronegativity)', process.execPath, [path.join(root, 'scripts/electronegativity-gate.mjs')]);
add('electronegativity', gate.ok ? 1 : 0, gate.ok ? 0 : 1, 0, gate.seconds, 'check');

const format = step('Formatting (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
add('prettier', format.ok ? 1 : 0, format.ok ? 0 : 1, 0, format.seconds, 'check');

fs.rmSync(path.join(results, 'e2e.json'), { force: true });
const e2e = step('End-to-end tests (Playwright)', bin('playwright'), ['test', '-c', path.join(root, 'tests/e2e/playwright.config.ts')]);
const e = readJson(path.join(results, 'e2e.json'));
if (e) {
  add(
    'e2e',
    e.stats.expected + e.stats.flaky,
    e.stats.unexpected + (e2e.ok || e.stats.unexpected > 0 ? 0 : 1),
    e.stats.skipped,
    e2e.seconds,
  );
  const reasons = new Set();
  const walk = (suite) => {
    for (const s of suite.suites ?? []) walk(s);
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        for (const a of t.annotations ?? []) if (a.type === 'skip') reasons.add(`${t.projectName}: ${a.description}`);
  };
  for (const s of e.suites ?? []) walk(s);
  for (const r of reasons) skipReasons.add(r);
} else add('e2e', 0, 1, 0, e2e.seconds);

console.log('\n=== Summary');
for (const t of tally) {
  const counts = t.kind === 'check' ? (t.failed ? 'FAILED' : 'ok') : `${t.passed} passed ${t.failed} failed ${t.skipped} skipped`;
  console.log(`${t.name.padEnd(32)} ${counts.padEnd(36)} ${t.seconds} s`);
}
const checks = tally.filter((t) => t.kind === 'check');
const tests = tally.filter((t) => t.kind === 'tests');
const sum = (rows, k) => rows.reduce((n, t) => n + t[k], 0);
console.log(`Checks: ${checks.length - sum(checks, 'failed')} of ${checks.length} passed (${checks.map((c) => c.name).join(', ')}).`);
for (const r of skipReasons) console.log(`Not covered on this machine (skipped): ${r}`);
// The closing line counts test cases; a failed check counts as one more failure.
console.log(`${sum(tests, 'passed')} passed, ${sum(tests, 'failed') + sum(checks, 'failed')} failed, ${sum(tests, 'skipped')} skipped`);
process.exit(sum(tally, 'failed') === 0 ? 0 : 1);
