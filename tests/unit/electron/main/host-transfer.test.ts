// Export everything and Import everything in Electron's main (electron/main/host-transfer.ts), with
// the native dialogs as recorders and real services on real files: the export lands at the chosen
// path with the dated default name offered; a cancel writes nothing; the chosen import file is read
// by main (the window sees only its name and size), imported after a before-import backup, and a
// file that is not an export is refused by name of the problem with the library unchanged. Calls
// from anything but the app's window are refused before any dialog opens.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hostTransfer } from '../../../../electron/main/host-transfer';
import type { ServiceContext } from '../../../../services/context';
import { call } from '../../../support/call';
import { bootTestServices, sampleDraft, tempDir } from '../../../support/fixtures';
import { buildClinicLibrary, previewOf, SHARE_ALL } from '../../../support/bundles';

vi.mock('electron', () => ({ ipcMain: { handle: () => undefined } }));

const APP = { senderFrame: { url: 'app://loadwise/', parent: null } } as unknown as IpcMainInvokeEvent;
const OTHER = { senderFrame: { url: 'https://example.com/', parent: null } } as unknown as IpcMainInvokeEvent;
const WINDOW = { id: 'the-window' } as unknown as BrowserWindow;

function recorders(ctx: ServiceContext, answers: { save?: string | null; open?: string | null }) {
  const asked: { save: SaveDialogOptions[]; open: OpenDialogOptions[] } = { save: [], open: [] };
  const transfer = hostTransfer({
    showSaveDialog: async (_w, options) => {
      asked.save.push(options);
      return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' };
    },
    showOpenDialog: async (_w, options) => {
      asked.open.push(options);
      return answers.open ? { canceled: false, filePaths: [answers.open] } : { canceled: true, filePaths: [] };
    },
    windowOf: () => WINDOW,
    ctx: () => ctx,
  });
  return { transfer, asked };
}

const names = async (ctx: ServiceContext): Promise<string[]> =>
  (await call(ctx, 'library.search', { query: '', limit: 200 })).items.map((i) => i.name).sort();

const create = (ctx: ServiceContext, name: string) =>
  call(ctx, 'library.create', { draft: sampleDraft({ text: { ...sampleDraft().text, name } }) });

describe('Electron: Export everything', () => {
  it('offers the dated name, writes the export at the chosen path, and a cancel writes nothing', async () => {
    const ctx = (await bootTestServices({ now: () => new Date(2026, 10, 29, 16, 5) })).ctx;
    await create(ctx, 'Exported from the desktop');
    const folder = tempDir('loadwise-electron-export-');
    const target = path.join(folder, 'Clinic library.loadwise-backup');

    const cancelled = recorders(ctx, { save: null });
    expect(await cancelled.transfer.exportAll(APP)).toEqual({ ok: true, value: { saved: false } });
    expect(cancelled.asked.save[0]).toMatchObject({
      defaultPath: 'Loadwise everything 2026-11-29.loadwise-backup',
      filters: [{ name: 'Loadwise full backup', extensions: ['loadwise-backup'] }],
    });
    expect(fs.readdirSync(folder)).toEqual([]);

    const r = recorders(ctx, { save: target });
    expect(await r.transfer.exportAll(APP)).toMatchObject({
      ok: true,
      value: { saved: true, fileName: 'Clinic library.loadwise-backup', photos: 0, downloading: false },
    });
    expect(fs.readdirSync(folder)).toEqual(['Clinic library.loadwise-backup']);
    expect(fs.readFileSync(target).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it('refuses other senders before any dialog', async () => {
    const ctx = (await bootTestServices()).ctx;
    const r = recorders(ctx, { save: path.join(tempDir(), 'x'), open: path.join(tempDir(), 'y') });
    expect(await r.transfer.exportAll(OTHER)).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(await r.transfer.chooseLibraryFile(OTHER)).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(await r.transfer.importChosen(OTHER)).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(r.asked).toEqual({ save: [], open: [] });
  });
});

describe('Electron: export a shared library bundle', () => {
  it('checks the choices, offers the clinic’s dated name, writes the bundle at the chosen path in main, and a cancel writes nothing', async () => {
    const ctx = (await bootTestServices({ now: () => new Date('2026-11-29T16:05:00Z') })).ctx;
    await buildClinicLibrary(ctx, 'North Spine Clinic');
    const folder = tempDir('loadwise-electron-bundle-');
    const target = path.join(folder, 'For the south site.loadwise-library');

    const refused = recorders(ctx, { save: target });
    expect(await refused.transfer.exportBundle(APP, { ...SHARE_ALL, licence: 'mine' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringMatching(/^Export choices: licence/) },
    });
    expect(refused.asked.save).toEqual([]); // no dialog for choices that are refused

    const cancelled = recorders(ctx, { save: null });
    expect(await cancelled.transfer.exportBundle(APP, SHARE_ALL)).toEqual({ ok: true, value: { saved: false } });
    expect(cancelled.asked.save[0]).toMatchObject({
      defaultPath: 'North Spine Clinic library 2026-11-29.loadwise-library',
      filters: [{ name: 'Loadwise shared library', extensions: ['loadwise-library'] }],
    });
    expect(fs.readdirSync(folder)).toEqual([]);

    const r = recorders(ctx, { save: target });
    const answer = await r.transfer.exportBundle(APP, SHARE_ALL);
    expect(answer).toMatchObject({
      ok: true,
      value: { saved: true, fileName: 'For the south site.loadwise-library', counts: { exercises: 3, templates: 1 }, downloading: false },
    });
    // Nothing but the file (no temporary name left beside it); the answer carries no bytes.
    expect(fs.readdirSync(folder)).toEqual(['For the south site.loadwise-library']);
    expect(JSON.stringify(answer)).not.toMatch(/base64/i);
    const bytes = fs.readFileSync(target);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(answer.ok && answer.value.saved && answer.value.bytes).toBe(bytes.length);
    expect((await previewOf(ctx, bytes)).counts.exercises).toBe(3);
    expect(await r.transfer.exportBundle(OTHER, SHARE_ALL)).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(r.asked.save).toHaveLength(1);
  });
});

describe('Electron: Import everything', () => {
  it('imports the chosen file from disk after a before-import backup; the window sees only name and size', async () => {
    const source = (await bootTestServices()).ctx;
    await create(source, 'Made on the old computer');
    const file = path.join(tempDir('loadwise-electron-import-'), 'Old clinic.loadwise-backup');
    await recorders(source, { save: file }).transfer.exportAll(APP);

    const target = (await bootTestServices()).ctx;
    await create(target, 'Only on the new computer');
    const r = recorders(target, { open: file });
    expect(await r.transfer.importChosen(APP)).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'Choose the file to import first.' },
    });
    expect(await r.transfer.chooseLibraryFile(APP)).toEqual({
      ok: true,
      value: { name: 'Old clinic.loadwise-backup', bytes: fs.statSync(file).size },
    });
    const imported = await r.transfer.importChosen(APP);
    expect(imported).toMatchObject({ ok: true, value: { safetyBackup: expect.stringMatching(/-before-import\.db$/) } });
    expect(await names(target)).toEqual(await names(source));
    expect(fs.existsSync(file)).toBe(true); // the clinician's file is read, never moved or removed
    expect(fs.readdirSync(path.join(target.dataDir, 'staging'))).toEqual([]);
    // The choice is used once.
    expect(await r.transfer.importChosen(APP)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('refuses a file that is not an export, saying so, and the library stays as it was', async () => {
    const target = (await bootTestServices()).ctx;
    await create(target, 'Still here after the refusal');
    const before = await names(target);
    const bad = path.join(tempDir('loadwise-electron-bad-'), 'notes.loadwise-backup');
    fs.writeFileSync(bad, 'not a library');
    const r = recorders(target, { open: bad });
    await r.transfer.chooseLibraryFile(APP);
    expect(await r.transfer.importChosen(APP)).toEqual({
      ok: false,
      error: { code: 'unsupported_media', message: 'This file is not a Loadwise library export. Nothing was changed.' },
    });
    expect(await names(target)).toEqual(before);
    expect(await call(target, 'backups.list', {})).toEqual([]);
  });

  it('a cancelled open dialog chooses nothing; a file gone before the import is reported', async () => {
    const ctx = (await bootTestServices()).ctx;
    expect(await recorders(ctx, { open: null }).transfer.chooseLibraryFile(APP)).toEqual({ ok: true, value: null });
    const file = path.join(tempDir('loadwise-electron-gone-'), 'gone.loadwise-backup');
    fs.writeFileSync(file, 'x');
    const r = recorders(ctx, { open: file });
    await r.transfer.chooseLibraryFile(APP);
    fs.rmSync(file);
    expect(await r.transfer.importChosen(APP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
