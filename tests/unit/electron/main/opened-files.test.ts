// Which command-line arguments are files to open, and how one is handed to the window: real files
// in a temp folder; the three routes (command line, double-click, second instance) with a recorder
// for the window.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  filesFromArgv,
  MAX_OPENED_FILE_BYTES,
  openedFileLimit,
  openedFiles,
  readOpenedFile,
  type OpenedFile,
} from '../../../../electron/main/opened-files';
import { MAX_BUNDLE_BYTES } from '../../../../common/contract/bundles';
import { IPC_FILE_OPENED } from '../../../../common/contract/channels';
import { tempDir } from '../../../support/fixtures';

function folderWithPhoto(): { dir: string; photo: string } {
  const dir = tempDir('loadwise-opened-');
  const photo = path.join(dir, 'photo.png');
  fs.writeFileSync(photo, 'png bytes');
  fs.mkdirSync(path.join(dir, 'folder'));
  return { dir, photo };
}

describe('filesFromArgv', () => {
  it('keeps existing files, relative to the working folder, and nothing else', () => {
    const { dir, photo } = folderWithPhoto();
    const argv = ['/opt/Loadwise/loadwise', '--smoke-test', 'photo.png', 'missing.png', 'folder', '--data-dir=x', photo];
    expect(filesFromArgv(argv, dir, true)).toEqual([photo, photo]);
  });

  it('skips the executable, and unpackaged also the app path electron was given', () => {
    const { dir, photo } = folderWithPhoto();
    fs.writeFileSync(path.join(dir, 'index.cjs'), '');
    expect(filesFromArgv([path.join(dir, 'index.cjs'), 'photo.png'], dir, true)).toEqual([photo]);
    expect(filesFromArgv(['/usr/bin/electron', path.join(dir, 'index.cjs'), 'photo.png'], dir, false)).toEqual([photo]);
    expect(filesFromArgv(['/usr/bin/electron', path.join(dir, 'index.cjs')], dir, false)).toEqual([]);
  });
});

describe('readOpenedFile', () => {
  it('hands over the name and bytes, never the folder', () => {
    const dir = tempDir('loadwise-opened-');
    const file = path.join(dir, 'wall press.jpg');
    fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 1]));
    const opened = readOpenedFile(file);
    expect(opened).toEqual({ name: 'wall press.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]) });
    expect(JSON.stringify(opened)).not.toContain(dir);
  });

  it('names a file over the limit without reading it', () => {
    const dir = tempDir('loadwise-opened-');
    const file = path.join(dir, 'big.bin');
    fs.writeFileSync(file, Buffer.alloc(2048));
    expect(readOpenedFile(file, 1024)).toEqual({ name: 'big.bin', tooLarge: true });
    expect(readOpenedFile(file, 2048)).toMatchObject({ name: 'big.bin' });
  });
});

describe('openedFiles: a library file from the command line, a double-click or a second instance', () => {
  function recorder() {
    const delivered: { channel: string; file: OpenedFile }[] = [];
    const warnings: string[] = [];
    const opened = openedFiles({
      deliver: (channel, file) => delivered.push({ channel, file }),
      warn: (m) => warnings.push(m),
      isPackaged: true,
    });
    return { opened, delivered, warnings };
  }

  function bundleIn(dir: string, name = 'North clinic.loadwise-library', size = 1024): { file: string; bytes: Buffer } {
    const bytes = Buffer.alloc(size, 7);
    bytes.write('PK\u0003\u0004', 0, 'latin1');
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return { file, bytes };
  }

  it('`loadwise FILE`: once started, the bundle named on the command line reaches the window with its bytes, on the file-opened channel', () => {
    const dir = tempDir('loadwise-opened-');
    const { bytes } = bundleIn(dir);
    const r = recorder();
    r.opened.started(['/opt/Loadwise/loadwise', 'North clinic.loadwise-library'], dir);
    expect(r.delivered).toEqual([
      { channel: IPC_FILE_OPENED, file: { name: 'North clinic.loadwise-library', bytes: new Uint8Array(bytes) } },
    ]);
  });

  it('a double-click before start-up waits for the services, then arrives after the command line’s files', () => {
    const dir = tempDir('loadwise-opened-');
    const first = bundleIn(dir, 'a.loadwise-library');
    const second = bundleIn(dir, 'b.loadwise-library');
    const r = recorder();
    r.opened.openFile(second.file); // macOS open-file, before the app is ready
    expect(r.delivered).toEqual([]);
    r.opened.started(['/opt/Loadwise/loadwise', first.file], dir);
    expect(r.delivered.map((d) => d.file.name)).toEqual(['a.loadwise-library', 'b.loadwise-library']);
    r.opened.openFile(first.file); // once running, at once
    expect(r.delivered).toHaveLength(3);
  });

  it('a second `loadwise FILE` goes to the window already open, and only once the app has started', () => {
    const dir = tempDir('loadwise-opened-');
    const { file } = bundleIn(dir);
    const r = recorder();
    r.opened.secondInstance(['/opt/Loadwise/loadwise', file], dir);
    expect(r.delivered).toEqual([]);
    r.opened.started(['/opt/Loadwise/loadwise'], dir);
    r.opened.secondInstance(['/opt/Loadwise/loadwise', '--flag', file], '/');
    expect(r.delivered.map((d) => d.file.name)).toEqual(['North clinic.loadwise-library']);
  });

  it('a bundle may be as large as the import accepts; other files keep the smaller limit; a vanished file is logged by kind only', () => {
    expect(openedFileLimit('/x/Shared.LOADWISE-LIBRARY')).toBe(MAX_BUNDLE_BYTES);
    expect(openedFileLimit('/x/photo.png')).toBe(MAX_OPENED_FILE_BYTES);
    expect(MAX_BUNDLE_BYTES).toBeGreaterThan(MAX_OPENED_FILE_BYTES);
    const dir = tempDir('loadwise-opened-');
    const { file } = bundleIn(dir, 'Secret Patient Name.loadwise-library');
    const r = recorder();
    r.opened.started([], dir);
    fs.rmSync(file);
    r.opened.openFile(file);
    expect(r.delivered).toEqual([]);
    expect(r.warnings).toEqual(['could not read a file the app was asked to open (Error)']);
  });
});
