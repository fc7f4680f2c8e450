// Host capabilities only Electron's main process has: saving a file where the clinician chooses
// (the native save dialog, then a write to that path). Browser mode offers the same through a
// download. The renderer asks with a suggested name and the bytes; it never learns the path.
import fs from 'node:fs';
import path from 'node:path';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type SaveDialogOptions, type SaveDialogReturnValue } from 'electron';
import { HOST_SAVE_FILE, ipcChannelName } from '../../common/contract/channels';
import { fail, ok, type Result } from '../../common/contract/result';
import { fromOtherSender, refusedSender } from './ipc';

/** Largest file the renderer may hand over for saving (a long handout PDF is a few MB). */
export const MAX_SAVE_BYTES = 200 * 1024 * 1024;

export interface SaveRequest {
  suggestedName: string;
  bytes: Uint8Array;
}

export interface HostFileDeps {
  showSaveDialog(window: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
}

/** A file name with no folder part and no characters file systems refuse. */
export function safeFileName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .trim();
  return base.length > 0 && base !== '.' && base !== '..' ? base.slice(0, 200) : 'Loadwise file';
}

function filtersFor(name: string): SaveDialogOptions['filters'] {
  const ext = path.extname(name).slice(1).toLowerCase();
  if (ext === 'pdf') return [{ name: 'PDF document', extensions: ['pdf'] }];
  if (ext === 'loadwise-library') return [{ name: 'Loadwise library', extensions: ['loadwise-library'] }];
  if (ext === 'loadwise-backup') return [{ name: 'Loadwise full backup', extensions: ['loadwise-backup'] }];
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : undefined;
}

/** Answers `{saved: true}` once written, `{saved: false}` when the clinician cancels. */
export async function saveFile(deps: HostFileDeps, event: IpcMainInvokeEvent, request: unknown): Promise<Result<{ saved: boolean }>> {
  if (fromOtherSender(event)) return refusedSender();
  const r = request as Partial<SaveRequest> | null;
  if (!r || typeof r.suggestedName !== 'string' || !(r.bytes instanceof Uint8Array)) {
    return fail('invalid_argument', 'host.saveFile: a suggested name and the file bytes are needed.');
  }
  if (r.bytes.byteLength > MAX_SAVE_BYTES) return fail('too_large', 'This file is too large to save.');
  const name = safeFileName(r.suggestedName);
  const choice = await deps.showSaveDialog(deps.windowOf(event), { defaultPath: name, filters: filtersFor(name) });
  if (choice.canceled || !choice.filePath) return ok({ saved: false });
  // Written beside the target, then renamed: a failed write never leaves half a file there.
  const tmp = `${choice.filePath}.loadwise-partial`;
  try {
    fs.writeFileSync(tmp, r.bytes);
    fs.renameSync(tmp, choice.filePath);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the answer below already says the file was not saved.
    }
    return fail('disk_problem', 'The file could not be saved there. Choose another folder or check the disk.');
  }
  return ok({ saved: true });
}

export function registerHostFiles(deps: HostFileDeps): void {
  ipcMain.handle(ipcChannelName(HOST_SAVE_FILE), (event, request: unknown) => saveFile(deps, event, request));
}
