// One private file written whole: created new (never over another file), owner-only (0600), and
// flushed to disk before the caller renames it into place or hands it on. Used for cleaned photos,
// the clinic key and library bundles.
import fs from 'node:fs';

export function writePrivateFile(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
