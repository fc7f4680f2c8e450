// @vitest-environment happy-dom
// The Backups screen through the component: the list says when, why and what each backup holds;
// "Back up now" takes one; "Restore…" asks first, saying what happens, and only "Restore this
// backup" restores; Cancel (or Esc) restores nothing. Only the services are faked.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo } from '../../../../../common/contract/backups';
import { ToastProvider } from '../../../../../renderer/src/components/Toasts';
import { BackupsScreen, whenLabel } from '../../../../../renderer/src/features/backups/BackupsScreen';
import { answer, callsOf, ok, resetFakeApi } from '../../fake-api';

vi.mock('../../../../../renderer/src/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  api: (await import('../../fake-api')).fakeApi,
}));

const backup = (name: string, takenAt: string, reason: string, extra: Partial<BackupInfo> = {}): BackupInfo => ({
  name,
  takenAt,
  reason,
  bytes: 2.5 * 1024 * 1024,
  readable: true,
  schemaVersion: 1,
  exercises: 108,
  photos: 3,
  patients: null,
  programs: null,
  ...extra,
});

const OLDER = backup('loadwise-20260301-090000000-00-auto.db', '2026-03-01T09:00:00.000Z', 'auto');
const BROKEN = backup('loadwise-20260302-090000000-00-manual.db', '2026-03-02T09:00:00.000Z', 'manual', {
  readable: false,
  exercises: null,
  photos: null,
});

beforeEach(() => {
  resetFakeApi();
  answer('backups.list', () => ok([BROKEN, OLDER]));
});
afterEach(cleanup);

function renderScreen() {
  return render(
    <ToastProvider>
      <BackupsScreen />
    </ToastProvider>,
  );
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('BackupsScreen', () => {
  it('lists each backup with when, why, what it holds and its size; an unreadable one cannot be restored', async () => {
    renderScreen();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[1].textContent).toContain(whenLabel(OLDER.takenAt));
    expect(rows()[1].textContent).toContain('Automatic');
    expect(rows()[1].textContent).toContain('108 exercises, 3 photos');
    expect(rows()[1].textContent).toContain('2.5 MB');
    expect(within(rows()[0]).getByRole('button', { name: /Restore/ })).toHaveProperty('disabled', true);
    expect(rows()[0].textContent).toContain('Cannot be read');
  });

  it('"Back up now" takes a backup and shows the new list', async () => {
    const made = backup('loadwise-20260303-090000000-00-manual.db', '2026-03-03T09:00:00.000Z', 'manual');
    answer('backups.create', () => {
      answer('backups.list', () => ok([made, BROKEN, OLDER]));
      return ok(made);
    });
    renderScreen();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(callsOf('backups.create')).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status', { name: 'Notifications' }).textContent).toContain('Backup saved (108 exercises, 3 photos).');
  });

  it('asks before restoring, says what happens, and Cancel restores nothing', async () => {
    renderScreen();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: `Restore the backup from ${whenLabel(OLDER.takenAt)}` }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe(`Restore the backup from ${whenLabel(OLDER.takenAt)}?`);
    expect(dialog.textContent).toContain('Your library will be replaced by this backup (108 exercises, 3 photos).');
    expect(dialog.textContent).toContain('First, Loadwise backs up your library as it is now.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf('backups.restore')).not.toHaveBeenCalled();
  });

  it('restores the chosen backup once confirmed, and says so', async () => {
    answer('backups.restore', (args) =>
      ok({ restored: args.name, safetyBackup: 'loadwise-20260304-090000000-00-before-restore.db', exercises: 108, photos: 3 }),
    );
    renderScreen();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: `Restore the backup from ${whenLabel(OLDER.takenAt)}` }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(callsOf('backups.restore')).toHaveBeenCalledWith({ name: OLDER.name }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Notifications' }).textContent).toContain(
        `Restored the backup from ${whenLabel(OLDER.takenAt)}.`,
      ),
    );
    expect(callsOf('backups.list').mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('shows a refusal in its own words', async () => {
    answer('backups.restore', () => ({
      ok: false,
      error: { code: 'conflict', message: 'This backup shows photos whose files are gone.' },
    }));
    renderScreen();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: `Restore the backup from ${whenLabel(OLDER.takenAt)}` }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Notifications' }).textContent).toContain('This backup shows photos whose files are gone.'),
    );
  });
});
