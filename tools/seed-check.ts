// `npm run seed:check`: reads the built-in library the way start-up does and says what it holds, or
// lists every problem (file, field, message) and exits 1. For whoever edits resources/seed.
import path from 'node:path';
import { REGIONS, STAGES } from '../common/domain/vocabulary';
import { loadSeedLibrary, SeedError } from '../services/seed/load-seed';

const seedDir = path.resolve(__dirname, '..', '..', 'resources', 'seed');

try {
  const library = loadSeedLibrary(seedDir);
  const counts = REGIONS.map((region) => {
    const perStage = STAGES.map((stage) => library.exercises.filter((e) => e.region === region && e.stage === stage).length);
    return `${region} ${perStage.join('/')}`;
  });
  console.log(
    `Built-in library v${library.seedVersion}: ${library.exercises.length} exercises (by stage: ${counts.join(', ')}). No problems found.`,
  );
} catch (err) {
  if (!(err instanceof SeedError)) throw err;
  console.error(`The built-in library has ${err.problems.length} problem(s):`);
  for (const p of err.problems) console.error(`  ${p}`);
  process.exit(1);
}
