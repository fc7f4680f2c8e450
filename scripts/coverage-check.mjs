// Checks line coverage per folder against its target, after `vitest run --coverage` has written
// coverage/coverage-summary.json (the json-summary reporter). Prints one line per folder and exits
// 1 when any folder is below its target, has no files in the report, or the report is missing.
//   node scripts/coverage-check.mjs [path/to/coverage-summary.json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folder (from the checkout's root) → lowest line coverage accepted, in percent. */
const TARGETS = [
  ['common', 90],
  ['services', 90],
  ['db', 90],
  ['renderer/src', 60],
];

const summaryFile = path.resolve(process.argv[2] ?? path.join(root, 'coverage', 'coverage-summary.json'));
let summary;
try {
  summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
} catch (err) {
  const shownPath = path.relative(process.cwd(), summaryFile);
  console.error(`coverage-check: cannot read ${shownPath.startsWith('..') ? summaryFile : shownPath} (${err.code ?? err.message}).`);
  console.error('Run `vitest run --coverage` first; its json-summary reporter writes that file.');
  process.exit(1);
}

const totals = new Map(TARGETS.map(([folder]) => [folder, { covered: 0, total: 0, files: 0 }]));
for (const [file, entry] of Object.entries(summary)) {
  if (file === 'total') continue;
  const rel = path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
  const folder = TARGETS.map(([f]) => f).find((f) => rel.startsWith(`${f}/`));
  if (!folder) continue;
  const t = totals.get(folder);
  t.covered += entry.lines.covered;
  t.total += entry.lines.total;
  t.files += 1;
}

let failed = false;
for (const [folder, target] of TARGETS) {
  const { covered, total, files } = totals.get(folder);
  if (files === 0) {
    failed = true;
    console.log(`${folder.padEnd(13)} no files in the coverage report (target ${target}%)  FAIL`);
    continue;
  }
  // A folder whose files have no executable lines counts as fully covered, as istanbul reports it.
  const pct = total === 0 ? 100 : (100 * covered) / total;
  const ok = pct >= target;
  // Rounded down, so a folder just under its target never prints as reaching it.
  const shown = (Math.floor(pct * 100) / 100).toFixed(2);
  if (!ok) failed = true;
  console.log(`${folder.padEnd(13)} ${shown.padStart(6)}% of lines (${covered}/${total}), target ${target}%  ${ok ? 'ok' : 'FAIL'}`);
}
process.exit(failed ? 1 : 0);
