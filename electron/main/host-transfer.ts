// "Export everything" and "Import everything" in Electron: main shows the native dialogs and
// moves the file itself, so a library of any size never crosses IPC and the window never learns a
// path. Export writes with the service's exportAll (streamed, written beside, then renamed). Import
// remembers the chosen path in main, shows the window only its name and size (for the
// confirmation), then streams the file into staging and runs backups.importAll on it like any call.
// A shared library bundle is exported the same way: the window sends only its export choices
// (checked here), main asks where and writes the `.loadwise-library` file there.
import fs from 'node:fs';
import path from 'node:path';
import {
  ipcMain,
  type BrowserWindow,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type OpenDialogReturnValue,
  type SaveDialogOptions,
  type SaveDialogReturnValue,
} from 'electron';
import { byteLimitOf } from '../../common/contract';
import {
  HOST_CHOOSE_LIBRARY_FILE,
  HOST_EXPORT_ALL,
  HOST_EXPORT_BUNDLE,
  HOST_IMPORT_CHOSEN,
  ipcChannelName,
} from '../../common/contract/channels';
import { fail, ok, type Result } from '../../common/contract/result';
import { tooLargeMessage } from '../../common/text/sizes';
import type { BundleExportOutcome, ChosenLibraryFile, ExportOutcome } from '../../common/contract/transfer';
import { BUNDLE_EXTENSION } from '../../common/domain/bundle';
import { parseExportSelection, suggestedBundleName, writeBundle } from '../../services/bundles/export';
import type { ImportResult } from '../../common/contract/backups';
import type { ServiceContext } from '../../services/context';
import { dispatch, failureOf } from '../../services/dispatch';
import { stageStream, TooLargeError, DiskProblemError } from '../../services/staging';
import { EXPORT_EXTENSION, exportAll, exportFileName } from '../../services/backups/transfer';
import { fromOtherSender, refusedSender } from './ipc';

export interface HostTransferDeps {
  showSaveDialog(window: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: BrowserWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
  /** The running services' context (read at each call: a restore replaces its connection, not the context). */
  ctx(): ServiceContext;
}

const LIBRARY_FILTERS = [{ name: 'Loadwise full backup', extensions: [EXPORT_EXTENSION] }];
const BUNDLE_FILTERS = [{ name: 'Loadwise shared library', extensions: [BUNDLE_EXTENSION.slice(1)] }];

export function hostTransfer(deps: HostTransferDeps) {
  // The file chosen for import, kept here until the window confirms (or chooses again).
  let chosen: string | null = null;

  return {
    async exportAll(event: IpcMainInvokeEvent): Promise<Result<ExportOutcome>> {
      if (fromOtherSender(event)) return refusedSender();
      const ctx = deps.ctx();
      const choice = await deps.showSaveDialog(deps.windowOf(event), {
        defaultPath: exportFileName(ctx.now()),
        filters: LIBRARY_FILTERS,
      });
      if (choice.canceled || !choice.filePath) return ok({ saved: false });
      try {
        const written = await exportAll(ctx, choice.filePath);
        return ok({
          saved: true,
          fileName: path.basename(written.path),
          exercises: written.exercises,
          photos: written.photos,
          downloading: false,
        });
      } catch (err) {
        return failureOf(HOST_EXPORT_ALL, err, ctx);
      }
    },

    /** A shared library bundle: the choices are checked before the dialog opens; main writes the file. */
    async exportBundle(event: IpcMainInvokeEvent, choices: unknown): Promise<Result<BundleExportOutcome>> {
      if (fromOtherSender(event)) return refusedSender();
      const ctx = deps.ctx();
      try {
        const selection = parseExportSelection(choices);
        const choice = await deps.showSaveDialog(deps.windowOf(event), {
          defaultPath: suggestedBundleName(ctx),
          filters: BUNDLE_FILTERS,
        });
        if (choice.canceled || !choice.filePath) return ok({ saved: false });
        const done = writeBundle(ctx, selection, choice.filePath);
        const { fileName, bytes, counts, fingerprint } = done;
        return ok({ saved: true, fileName, bytes, counts, fingerprint, downloading: false });
      } catch (err) {
        return failureOf(HOST_EXPORT_BUNDLE, err, ctx);
      }
    },

    async chooseLibraryFile(event: IpcMainInvokeEvent): Promise<Result<ChosenLibraryFile | null>> {
      if (fromOtherSender(event)) return refusedSender();
      chosen = null;
      const choice = await deps.showOpenDialog(deps.windowOf(event), {
        properties: ['openFile'],
        filters: [...LIBRARY_FILTERS, { name: 'All files', extensions: ['*'] }],
      });
      const file = choice.canceled ? undefined : choice.filePaths[0];
      if (!file) return ok(null);
      let bytes: number;
      try {
        bytes = fs.statSync(file).size;
      } catch {
        return fail('not_found', 'That file could not be read. Choose it again.');
      }
      const limit = byteLimitOf('backups.importAll')!;
      if (bytes > limit.maxBytes) return fail('too_large', tooLargeMessage(bytes, limit.maxBytes, limit.fileNoun));
      chosen = file;
      return ok({ name: path.basename(file), bytes });
    },

    async importChosen(event: IpcMainInvokeEvent): Promise<Result<ImportResult>> {
      if (fromOtherSender(event)) return refusedSender();
      const file = chosen;
      chosen = null;
      if (!file) return fail('invalid_argument', 'Choose the file to import first.');
      const ctx = deps.ctx();
      const limit = byteLimitOf('backups.importAll')!;
      let staged;
      const source = fs.createReadStream(file);
      try {
        // A file that cannot be opened fails the stream at once; say so rather than "did not arrive".
        await new Promise<void>((resolve, reject) => {
          source.once('open', () => resolve());
          source.once('error', reject);
        });
        staged = await stageStream(ctx.dataDir, source, limit);
      } catch (err) {
        source.destroy();
        if (err instanceof TooLargeError || err instanceof DiskProblemError) return fail(err.code, err.message);
        return fail('not_found', 'That file could not be read (was it moved, or is the disk gone?). Nothing was changed.');
      }
      return (await dispatch(ctx, 'backups.importAll', { replace: true }, staged)) as Result<ImportResult>;
    },
  };
}

export function registerHostTransfer(deps: HostTransferDeps): void {
  const transfer = hostTransfer(deps);
  ipcMain.handle(ipcChannelName(HOST_EXPORT_ALL), (event) => transfer.exportAll(event));
  ipcMain.handle(ipcChannelName(HOST_EXPORT_BUNDLE), (event, choices: unknown) => transfer.exportBundle(event, choices));
  ipcMain.handle(ipcChannelName(HOST_CHOOSE_LIBRARY_FILE), (event) => transfer.chooseLibraryFile(event));
  ipcMain.handle(ipcChannelName(HOST_IMPORT_CHOSEN), (event) => transfer.importChosen(event));
}
