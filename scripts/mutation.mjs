// `npm run test:mutation`: StrykerJS over the pure kernel (scope and thresholds in stryker.config.mjs),
// then one closing line of JSON for machines:
//   {"mutation_score":91.2,"files":{"common/text/dosage.ts":95.0,...},"killed":..,"survived":..,
//    "no_coverage":..,"timeout":..,"seconds":..}
// The score is Stryker's: detected (killed + timed out) over valid mutants (detected + survived +
// no coverage), in percent to one decimal; mutants that do not compile or are disabled in the
// source do not count. Exits 1 when the score is under `thresholds.break`, 2 when Stryker fails.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const configFile = path.join(root, 'stryker.config.mjs');
const { default: config } = await import(pathToFileURL(configFile).href);
const breakAt = config.thresholds?.break ?? 85;

const started = Date.now();
const seconds = () => Math.round((Date.now() - started) / 100) / 10;
const round1 = (n) => Math.round(n * 10) / 10;
const score = (c) => {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.no_coverage;
  return valid === 0 ? null : (100 * detected) / valid;
};

let results;
try {
  const { Stryker } = await import('@stryker-mutator/core');
  results = await new Stryker({ configFile }).runMutationTest();
} catch (error) {
  console.error(error);
  console.log(JSON.stringify({ mutation_score: null, error: String(error?.message ?? error), seconds: seconds() }));
  process.exit(2);
}

const STATUS = { Killed: 'killed', Survived: 'survived', NoCoverage: 'no_coverage', Timeout: 'timeout' };
const empty = () => ({ killed: 0, survived: 0, no_coverage: 0, timeout: 0 });
const total = empty();
const perFile = new Map(config.mutate.map((f) => [f, empty()]));
const undetected = [];

for (const m of results) {
  const key = STATUS[m.status];
  if (!key) continue; // CompileError, RuntimeError, Ignored: not part of the score
  const file = path.relative(root, path.resolve(root, m.fileName)).split(path.sep).join('/');
  if (!perFile.has(file)) perFile.set(file, empty());
  perFile.get(file)[key]++;
  total[key]++;
  if (key === 'survived' || key === 'no_coverage') {
    undetected.push(`  ${m.status} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} -> ${m.replacement}`);
  }
}

const overall = score(total);
if (undetected.length > 0) console.log(`\nUndetected mutants (${undetected.length}):\n${undetected.join('\n')}`);
console.log(`\nMutation score ${overall === null ? 'n/a' : overall.toFixed(2)} (break at ${breakAt})`);

const files = Object.fromEntries([...perFile].map(([f, c]) => [f, score(c) === null ? null : round1(score(c))]));
console.log(
  JSON.stringify({
    mutation_score: overall === null ? null : round1(overall),
    files,
    killed: total.killed,
    survived: total.survived,
    no_coverage: total.no_coverage,
    timeout: total.timeout,
    seconds: seconds(),
  }),
);
process.exit(overall !== null && overall >= breakAt ? 0 : 1);
