import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // Builds the Node bundles and the renderer once, so tests that read `out/` fail rather than skip.
    globalSetup: ['tests/support/unit-global-setup.ts'],
    // Every run shuffles files and tests: a test that leans on the one before it fails here first.
    sequence: { shuffle: { files: true, tests: true } },
    allowOnly: false,
    coverage: {
      provider: 'v8',
      include: ['common/**', 'services/**', 'db/**', 'browser-mode/**', 'electron/**', 'renderer/src/**'],
      exclude: ['**/*.d.ts', '**/*.sql', '**/*.md'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
