// Finds the Electron binary without triggering its download (the electron package downloads on
// first use when the binary is missing, which fails on machines with the download blocked).
import fs from 'node:fs';
import path from 'node:path';

export function electronBinary(): { path: string | null; reason: string } {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { path: null, reason: 'Electron binary not available (download blocked or skipped at install)' };
  const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? { path: bin, reason: '' } : { path: null, reason: `Electron binary missing at ${bin}` };
}
