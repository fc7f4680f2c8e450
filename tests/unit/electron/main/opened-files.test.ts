// Which command-line arguments are files to open, and how one is handed to the window: real files
// in a temp folder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, readOpenedFile } from '../../../../electron/main/opened-files';
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
