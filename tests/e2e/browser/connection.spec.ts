// How a window gets into browser mode: only with the launch token, which reaches Chromium through
// a private forwarding page rather than its command line.
import { writeLaunchPage } from '../../../browser-mode/open-browser';
import { expect, test } from './fixtures';

test('the forwarding page Chromium is launched with opens the app, token included', async ({ page, app }) => {
  const launch = writeLaunchPage(app.bridge.url, app.dataDir);
  await page.goto(`file://${launch}`);
  await expect(page.locator('.results-count')).toHaveText(/\d+ exercises/);
  // The app keeps the token for this tab and takes it out of the address bar.
  expect(page.url()).toBe(app.bridge.origin);
});

test('opened without its token, says how to connect instead of showing errors', async ({ page, app }) => {
  await page.goto(app.bridge.origin);
  await expect(page.getByRole('heading', { name: 'This window is not connected' })).toBeVisible();
  await expect(page.getByText('#token=')).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Exercises' })).toHaveCount(0);
});

test('an old token from an earlier launch is refused the same way', async ({ page, app }) => {
  const old = app.bridge.url;
  await app.restart();
  await page.goto(old.replace(/:\d+\//, `:${app.bridge.port}/`));
  await expect(page.getByRole('heading', { name: 'This window is not connected' })).toBeVisible();
});
