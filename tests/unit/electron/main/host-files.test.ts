// host.saveFile with the native dialog injected as a recorder and real files in a temp folder:
// the bytes land at the chosen path whole (written beside it, then renamed), a cancel writes
// nothing, and only the app's own window with a well-formed request gets as far as the dialog.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_SAVE_FILE, ipcChannelName } from '../../../../common/contract/channels';
import { MAX_SAVE_BYTES, registerHostFiles, safeFileName, saveFile, type HostFileDeps } from '../../../../electron/main/host-files';
import { tempDir } from '../../../support/fixtures';

const recorded = vi.hoisted(() => ({ handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>() }));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => recorded.handlers.set(channel, fn) },
}));

const APP = { senderFrame: { url: 'app://loadwise/', parent: null } } as unknown as IpcMainInvokeEvent;
const WINDOW = { id: 'the-loadwise-window' } as unknown as BrowserWindow;
const PDF = Buffer.from('%PDF-1.7\n% a handout\n%%EOF\n');

interface DialogRecorder {
  deps: HostFileDeps;
  calls: { window: BrowserWindow | null; options: SaveDialogOptions }[];
  windowsAsked: IpcMainInvokeEvent[];
}

function dialog(answer: SaveDialogReturnValue): DialogRecorder {
  const calls: DialogRecorder['calls'] = [];
  const windowsAsked: IpcMainInvokeEvent[] = [];
  return {
    calls,
    windowsAsked,
    deps: {
      showSaveDialog: async (window, options) => {
        calls.push({ window, options });
        return answer;
      },
      windowOf: (event) => {
        windowsAsked.push(event);
        return WINDOW;
      },
    },
  };
}

let folder: string;
beforeEach(() => {
  folder = tempDir('loadwise-save-');
});

const listing = (dir = folder): string[] => fs.readdirSync(dir).sort();

describe('saveFile', () => {
  it('writes the bytes to the chosen path and leaves no partial file', async () => {
    const target = path.join(folder, 'Handout for Sam.pdf');
    const d = dialog({ canceled: false, filePath: target });
    const answer = await saveFile(d.deps, APP, { suggestedName: 'Handout for Sam.pdf', bytes: new Uint8Array(PDF) });
    expect(answer).toEqual({ ok: true, value: { saved: true } });
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
    expect(listing()).toEqual(['Handout for Sam.pdf']);
  });

  it('asks the dialog for the window the call came from, with the safe name as default', async () => {
    const d = dialog({ canceled: false, filePath: path.join(folder, 'x.pdf') });
    await saveFile(d.deps, APP, { suggestedName: '../../Handout.pdf', bytes: new Uint8Array(PDF) });
    expect(d.windowsAsked).toEqual([APP]);
    expect(d.calls).toHaveLength(1);
    expect(d.calls[0].window).toBe(WINDOW);
    expect(d.calls[0].options.defaultPath).toBe('Handout.pdf');
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(folder, 'Handout.pdf');
    fs.writeFileSync(target, 'an older, longer handout that must not survive in part');
    const answer = await saveFile(dialog({ canceled: false, filePath: target }).deps, APP, { suggestedName: 'Handout.pdf', bytes: PDF });
    expect(answer).toEqual({ ok: true, value: { saved: true } });
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
    expect(listing()).toEqual(['Handout.pdf']);
  });

  it('answers {saved:false} and writes nothing when the clinician cancels', async () => {
    for (const answer of [
      { canceled: true, filePath: path.join(folder, 'Handout.pdf') },
      { canceled: true, filePath: '' },
      { canceled: false, filePath: '' },
    ]) {
      const d = dialog(answer);
      expect(await saveFile(d.deps, APP, { suggestedName: 'Handout.pdf', bytes: PDF })).toEqual({ ok: true, value: { saved: false } });
      expect(d.calls).toHaveLength(1);
    }
    expect(listing()).toEqual([]);
  });

  it.each([
    ['a web page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a sub-frame of the app', { senderFrame: { url: 'app://loadwise/', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s without showing the dialog', async (_label, event) => {
    const d = dialog({ canceled: false, filePath: path.join(folder, 'x.pdf') });
    const answer = await saveFile(d.deps, event as unknown as IpcMainInvokeEvent, { suggestedName: 'x.pdf', bytes: PDF });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(d.calls).toEqual([]);
    expect(listing()).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'Handout.pdf'],
    ['no name', { bytes: PDF }],
    ['a number for a name', { suggestedName: 42, bytes: PDF }],
    ['no bytes', { suggestedName: 'x.pdf' }],
    ['base64 text for bytes', { suggestedName: 'x.pdf', bytes: PDF.toString('base64') }],
    ['an array of numbers for bytes', { suggestedName: 'x.pdf', bytes: [...PDF] }],
    ['an ArrayBuffer for bytes', { suggestedName: 'x.pdf', bytes: new ArrayBuffer(4) }],
  ])('refuses a request with %s as invalid_argument, without the dialog', async (_label, request) => {
    const d = dialog({ canceled: false, filePath: path.join(folder, 'x.pdf') });
    const answer = await saveFile(d.deps, APP, request);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'host.saveFile: a suggested name and the file bytes are needed.' },
    });
    expect(d.calls).toEqual([]);
    expect(listing()).toEqual([]);
  });

  it(`refuses a file over MAX_SAVE_BYTES (${MAX_SAVE_BYTES / 1024 / 1024} MB) as too_large, without the dialog`, async () => {
    const d = dialog({ canceled: false, filePath: path.join(folder, 'x.pdf') });
    const answer = await saveFile(d.deps, APP, { suggestedName: 'x.pdf', bytes: new Uint8Array(MAX_SAVE_BYTES + 1) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(d.calls).toEqual([]);
    expect(listing()).toEqual([]);
  });

  it('answers disk_problem when the write fails, leaving no partial file beside the target', async () => {
    // The chosen path is a folder: the write beside it succeeds, the rename onto it cannot.
    const target = path.join(folder, 'Handout.pdf');
    fs.mkdirSync(target);
    const answer = await saveFile(dialog({ canceled: false, filePath: target }).deps, APP, { suggestedName: 'Handout.pdf', bytes: PDF });
    expect(answer).toMatchObject({ ok: false, error: { code: 'disk_problem' } });
    expect(listing()).toEqual(['Handout.pdf']);
    expect(listing(target)).toEqual([]);
  });

  it('keeps an existing file whole when a write fails midway (disk full), and leaves no partial file', async () => {
    const target = path.join(folder, 'Handout.pdf');
    fs.writeFileSync(target, 'the handout saved last week');
    const realWrite = fs.writeFileSync;
    const write = vi.spyOn(fs, 'writeFileSync').mockImplementationOnce((file, data) => {
      realWrite(file, (data as Uint8Array).subarray(0, 5));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    try {
      const answer = await saveFile(dialog({ canceled: false, filePath: target }).deps, APP, { suggestedName: 'Handout.pdf', bytes: PDF });
      expect(answer).toMatchObject({ ok: false, error: { code: 'disk_problem' } });
    } finally {
      write.mockRestore();
    }
    expect(fs.readFileSync(target, 'utf8')).toBe('the handout saved last week');
    expect(listing()).toEqual(['Handout.pdf']);
  });

  it('answers disk_problem for a folder that does not exist', async () => {
    const target = path.join(folder, 'gone', 'Handout.pdf');
    const answer = await saveFile(dialog({ canceled: false, filePath: target }).deps, APP, { suggestedName: 'Handout.pdf', bytes: PDF });
    expect(answer).toMatchObject({ ok: false, error: { code: 'disk_problem' } });
    expect(listing()).toEqual([]);
  });

  it.each([
    ['Handout.pdf', [{ name: 'PDF document', extensions: ['pdf'] }]],
    ['HANDOUT.PDF', [{ name: 'PDF document', extensions: ['pdf'] }]],
    ['Clinic.loadwise-library', [{ name: 'Loadwise library', extensions: ['loadwise-library'] }]],
    ['notes.txt', [{ name: 'TXT', extensions: ['txt'] }]],
    ['no extension', undefined],
  ])('gives the dialog the filter for %s', async (name, filters) => {
    const d = dialog({ canceled: true, filePath: '' });
    await saveFile(d.deps, APP, { suggestedName: name, bytes: PDF });
    expect(d.calls[0].options.filters).toEqual(filters);
  });
});

describe('safeFileName', () => {
  it.each([
    ['Handout.pdf', 'Handout.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['/etc/passwd', 'passwd'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['C:\\Users\\sam\\Handout.pdf', 'Handout.pdf'],
    ['folder/sub/Handout.pdf', 'Handout.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['tab\there\nnewline\u0000nul.pdf', 'tab_here_newline_nul.pdf'],
    ['  spaced.pdf  ', 'spaced.pdf'],
    ['..', 'Loadwise file'],
    ['.', 'Loadwise file'],
    ['dir/..', 'Loadwise file'],
    ['', 'Loadwise file'],
    ['   ', 'Loadwise file'],
    ['/', 'Loadwise file'],
    ['Übung „Brücke“.pdf', 'Übung „Brücke“.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('never keeps a folder separator or "..", and stays under 200 characters', () => {
    for (const name of ['../x', '..\\x', 'a/../../b', `${'n'.repeat(500)}.pdf`, '....//....//x']) {
      const safe = safeFileName(name);
      expect(safe, name).not.toMatch(/[\\/]/);
      expect(safe, name).not.toBe('..');
      expect(safe.length, name).toBeLessThanOrEqual(200);
    }
  });
});

describe('registerHostFiles', () => {
  it('answers the prefixed host.saveFile channel through saveFile', async () => {
    const target = path.join(folder, 'Handout.pdf');
    registerHostFiles(dialog({ canceled: false, filePath: target }).deps);
    const handler = recorded.handlers.get(ipcChannelName(HOST_SAVE_FILE));
    expect(handler).toBeDefined();
    expect(await handler!(APP, { suggestedName: 'Handout.pdf', bytes: PDF })).toEqual({ ok: true, value: { saved: true } });
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
    expect(await handler!({ senderFrame: null }, { suggestedName: 'Handout.pdf', bytes: PDF })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_origin' },
    });
  });
});
