// Files the app is asked to open: `loadwise FILE` on the command line (first start or a second
// instance), a double-click on an associated file, or macOS's open-file event. Main reads each
// (up to a limit) and hands its name and bytes to the window, which treats it like a dropped file.
import fs from 'node:fs';
import path from 'node:path';

/** Largest file handed to the window this way; larger ones are reported, not read. */
export const MAX_OPENED_FILE_BYTES = 64 * 1024 * 1024;

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
export function readOpenedFile(file: string, limit = MAX_OPENED_FILE_BYTES): OpenedFile {
  const name = path.basename(file);
  if (fs.statSync(file).size > limit) return { name, tooLarge: true };
  return { name, bytes: new Uint8Array(fs.readFileSync(file)) };
}
