// Files the app is asked to open: `loadwise FILE` on the command line (first start or a second
// instance), a double-click on an associated file, or macOS's open-file event. Main reads each
// (up to a limit) and hands its name and bytes to the window, which treats it like a dropped file:
// a shared library file (.loadwise-library) opens the Share screen's import preview, whatever
// screen is open (renderer/src/app/file-targets.tsx).
import fs from 'node:fs';
import path from 'node:path';
import { MAX_BUNDLE_BYTES } from '../../common/contract/bundles';
import { IPC_FILE_OPENED } from '../../common/contract/channels';

/** Largest file handed to the window this way; larger ones are reported, not read. */
export const MAX_OPENED_FILE_BYTES = 64 * 1024 * 1024;

/** A library bundle may be as large as the import takes; any other file is held to the smaller limit. */
export const openedFileLimit = (file: string): number => (/\.loadwise-library$/i.test(file) ? MAX_BUNDLE_BYTES : MAX_OPENED_FILE_BYTES);

/**
 * The file paths among command-line arguments: not switches, not the app itself (Electron's
 * argv holds the executable, and unpackaged runs also the app folder), existing regular files.
 */
export function filesFromArgv(argv: readonly string[], cwd: string, isPackaged: boolean): string[] {
  // argv[0] is the executable; unpackaged, argv[1] is the app path given to electron.
  const rest = argv.slice(isPackaged ? 1 : 2);
  const files: string[] = [];
  for (const arg of rest) {
    if (arg.startsWith('-')) continue;
    const full = path.resolve(cwd, arg);
    try {
      if (fs.statSync(full).isFile()) files.push(full);
    } catch {
      // Not a file on this machine: ignored, as a browser would ignore a broken link.
    }
  }
  return files;
}

export type OpenedFile = { name: string; bytes: Uint8Array } | { name: string; tooLarge: true };

/** Reads one opened file for the window; a file over the limit is named, not read. */
export function readOpenedFile(file: string, limit = openedFileLimit(file)): OpenedFile {
  const name = path.basename(file);
  if (fs.statSync(file).size > limit) return { name, tooLarge: true };
  return { name, bytes: new Uint8Array(fs.readFileSync(file)) };
}

export interface OpenedFilesDeps {
  /** Sends a message to the window once it has loaded (MainWindow.deliver). */
  deliver(channel: string, file: OpenedFile): void;
  warn(message: string): void;
  isPackaged: boolean;
}

/**
 * The three ways a file reaches the app, in one place: macOS's open-file event (a double-click, the
 * dock; before start-up it waits), the first command line once the services run, and a second
 * `loadwise FILE` while the app is open (its files go to the window already open).
 */
export function openedFiles(deps: OpenedFilesDeps) {
  let started = false;
  const early: string[] = [];
  const open = (file: string): void => {
    try {
      deps.deliver(IPC_FILE_OPENED, readOpenedFile(file));
    } catch (err) {
      deps.warn(`could not read a file the app was asked to open (${(err as Error).name})`);
    }
  };
  return {
    openFile(file: string): void {
      if (started) open(file);
      else early.push(file);
    },
    started(argv: readonly string[], cwd: string): void {
      started = true;
      for (const file of [...filesFromArgv(argv, cwd, deps.isPackaged), ...early.splice(0)]) open(file);
    },
    secondInstance(argv: readonly string[], cwd: string): void {
      if (!started) return;
      for (const file of filesFromArgv(argv, cwd, deps.isPackaged)) open(file);
    },
  };
}
