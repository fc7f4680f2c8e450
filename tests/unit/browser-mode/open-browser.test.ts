// Opening Chromium in app mode must not put the launch token on a command line (readable by
// every user through ps): it goes through a private forwarding page instead.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAppArgs, findChromium, openInChromium, removeLaunchPages, writeLaunchPage } from '../../../browser-mode/open-browser';
import { tempDir } from '../../support/fixtures';

const URL_WITH_TOKEN = 'http://127.0.0.1:4321/#token=s3cr3t-token-value';

describe('browser-mode launch', () => {
  it('writes a private forwarding page that carries the address', () => {
    const dir = tempDir();
    const page = writeLaunchPage(URL_WITH_TOKEN, dir);
    expect(path.dirname(page)).toBe(dir);
    if (process.platform !== 'win32') expect(fs.statSync(page).mode & 0o777).toBe(0o600);
    const html = fs.readFileSync(page, 'utf8');
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${URL_WITH_TOKEN}">`);
  });

  it('escapes the address so it cannot break out of the attribute', () => {
    const page = writeLaunchPage('http://127.0.0.1:1/#token="><script>x</script>', tempDir());
    const html = fs.readFileSync(page, 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;');
  });

  it('builds Chromium arguments from the page, never from the token', () => {
    const dir = tempDir();
    const page = writeLaunchPage(URL_WITH_TOKEN, dir);
    const args = chromiumAppArgs(`file://${page}`, path.join(dir, 'profile'), false);
    expect(args.join(' ')).not.toContain('s3cr3t');
    expect(args).toContain(`--app=file://${page}`);
    expect(args).not.toContain('--no-sandbox');
    expect(chromiumAppArgs('file:///x', '/p', true)).toContain('--no-sandbox');
    expect(args).toContain('--disable-background-networking');
  });

  it('removes forwarding pages left behind, and nothing else', () => {
    const dir = tempDir();
    const page = writeLaunchPage(URL_WITH_TOKEN, dir);
    fs.writeFileSync(path.join(dir, 'loadwise.db'), '');
    fs.writeFileSync(path.join(dir, 'open-notes.html'), '');
    removeLaunchPages(dir);
    expect(fs.existsSync(page)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['loadwise.db', 'open-notes.html']);
  });

  it('finds Chromium only where it exists', () => {
    const dir = tempDir();
    const fake = path.join(dir, 'chromium');
    fs.writeFileSync(fake, '');
    expect(findChromium([path.join(dir, 'missing'), fake])).toBe(fake);
    expect(findChromium([path.join(dir, 'missing')])).toBeNull();
  });

  it.skipIf(process.platform === 'win32')(
    'closes the window it opened, and whatever that window started, when asked (Ctrl+C)',
    async () => {
      const dir = tempDir();
      // A stand-in browser: a process group of two long sleeps, like Chromium and its helpers.
      const fake = path.join(dir, 'fake-chromium.sh');
      fs.writeFileSync(fake, '#!/bin/sh\nsleep 60 &\nexec sleep 60\n', { mode: 0o755 });
      const opened = openInChromium('http://127.0.0.1:9/#token=abc', dir, fake);
      expect(opened).not.toBeNull();
      const alive = (): boolean => {
        try {
          process.kill(-opened!.pid!, 0);
          return true;
        } catch {
          return false;
        }
      };
      await expect.poll(alive, { timeout: 5_000 }).toBe(true);
      opened!.close();
      await expect.poll(alive, { timeout: 5_000 }).toBe(false);
      opened!.close(); // a second close is harmless
    },
  );

  it('opens nothing without a Chromium', () => {
    expect(openInChromium('http://127.0.0.1:9/#token=abc', tempDir(), null)).toBeNull();
  });
});
