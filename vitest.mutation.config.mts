// Vitest for Stryker (npm run test:mutation): only the unit tests of the mutated pure kernel, with
// no global build step (these files never read out/) and in a fixed order, so every mutant run is
// the same run. The main vitest.config.mts stays as it is for npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/common/text/**/*.test.ts',
      'tests/unit/db/search-terms.test.ts',
      'tests/unit/common/assessments/**/*.test.ts',
      'tests/unit/common/safety/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    allowOnly: false,
  },
});
