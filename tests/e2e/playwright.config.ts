import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

const root = path.resolve(__dirname, '..', '..');

export default defineConfig({
  testDir: __dirname,
  globalSetup: path.join(__dirname, 'global-setup.ts'),
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  forbidOnly: true,
  outputDir: path.join(root, 'test-results', 'e2e-artifacts'),
  reporter: [['list'], ['json', { outputFile: path.join(root, 'test-results', 'e2e.json') }]],
  projects: [
    {
      name: 'browser',
      testDir: path.join(__dirname, 'browser'),
      use: { launchOptions: chromiumLaunchOptions(), viewport: { width: 1366, height: 800 } },
    },
    { name: 'electron', testDir: path.join(__dirname, 'electron') },
  ],
});
