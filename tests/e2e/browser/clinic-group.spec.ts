// A clinic group without a server, in Chromium: two workstations (this browser's data folder and a
// second browser-mode process on its own data folder) and one shared folder. Settings names the
// folder (a relative path is refused in words); the other site publishes; once its key is trusted
// here, a start of the app says there is something new, the Share screen lists it as new, its
// review opens the usual preview, and after the import the list says it is already imported. This
// workstation's own publication is listed as its own. Axe-clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../../common/contract/result';
import { DEFAULT_SETTINGS } from '../../../common/contract/settings';
import { seriousViolations } from './axe';
import { startBridgeProcess } from './bridge-process';
import { expect, test, waitForLibrary } from './fixtures';
import { importedCount, inPage } from './sharing-page';

test('publishes to the shared folder and imports what a trusted site published there', async ({ page, app }) => {
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-group-e2e-'));
  const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-group-site-'));
  const other = await startBridgeProcess(otherDir);
  try {
    const ask = async <T>(channel: string, args: unknown): Promise<T> => {
      const res = await fetch(`${other.origin}api/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      const r = (await res.json()) as Result<T>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    await ask('settings.save', { settings: { ...DEFAULT_SETTINGS, clinicName: 'South Rehab' } });
    const found = await ask<{ items: { id: string }[] }>('library.search', { query: 'bird dog', limit: 1 });
    await ask('library.duplicate', { id: found.items[0].id });
    await ask('bundles.setGroupFolder', { folder: shared });
    await ask('bundles.publish', { licence: 'cc-by-4.0' });
    const southKey = await ask<{ publicKey: string }>('bundles.keyInfo', {});

    await app.open();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    const panel = page.getByRole('region', { name: 'Clinic group folder' });
    await panel.getByLabel('Full path of the shared folder').fill('relative/folder');
    await panel.getByRole('button', { name: 'Use this folder' }).click();
    await expect(panel.getByRole('alert')).toHaveText('Name the shared folder by its full path (for example /Volumes/Clinic/Loadwise).');
    await panel.getByLabel('Full path of the shared folder').fill(shared);
    await panel.getByRole('button', { name: 'Use this folder' }).click();
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('This computer now uses the clinic group folder.');
    expect(await seriousViolations(page)).toEqual([]);

    // Trusted here (its fingerprint read out by phone, say); the next start says there is something new.
    await inPage(page, 'bundles.trust', { clinicName: 'South Rehab', publicKey: southKey.publicKey });
    await page.reload();
    await waitForLibrary(page);
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('There is a new library file from your clinic group.');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Share' }).click();
    const group = page.getByRole('region', { name: 'Clinic group' });
    await group.getByRole('button', { name: 'Publish our library to the group' }).click();
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Published “');
    const files = group.getByRole('list', { name: 'Library files in the shared folder' });
    await expect(files.getByRole('listitem')).toHaveCount(2);
    await expect(files).toContainText('Published from this computer');
    await expect(files.getByRole('listitem').filter({ hasText: 'South Rehab' })).toContainText('New, from a trusted clinic');
    expect(await seriousViolations(page)).toEqual([]);

    await files.getByRole('button', { name: 'Review South Rehab' }).click();
    const preview = page.getByRole('region', { name: 'Library from South Rehab' });
    await expect(preview).toContainText('trusted');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Imported: 1 added, 0 updated.');
    await expect.poll(() => importedCount(app)).toBe(1);
    await group.getByRole('button', { name: 'Check the folder now' }).click();
    await expect(files.getByRole('listitem').filter({ hasText: 'South Rehab' })).toContainText('Already imported');
  } finally {
    await other.stop();
  }
});
