// lockDownContents on a stand-in webContents: a real EventEmitter (so listeners run the way
// Electron calls them) plus a captured window-open handler. Navigation events carry their URL in
// the event's details, as Electron 45 documents it; the deprecated positional URL is ignored.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lockDownContents, type LockableContents } from '../../../../electron/main/lockdown';

type OpenHandler = (details: { url: string }) => { action: 'deny' | 'allow' };

class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
}

function fakeEvent(url?: string): { url?: string; preventDefault: () => void; prevented: number } {
  const e = {
    url,
    prevented: 0,
    preventDefault() {
      e.prevented += 1;
    },
  };
  return e;
}

function setup(): { contents: FakeContents; opened: string[] } {
  const contents = new FakeContents();
  const opened: string[] = [];
  lockDownContents(
    contents as unknown as LockableContents,
    (url) => opened.push(url),
    (task) => task(),
  );
  return { contents, opened };
}

const FOREIGN = [
  'https://evil',
  'https://evil.com/x',
  'app://evil/',
  'app://loadwise.evil/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,x',
  'https://pubmed.ncbi.nlm.nih.gov/1',
];

describe('lockDownContents', () => {
  it('installs exactly the guards it promises', () => {
    const { contents } = setup();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.openHandler).toBeTypeOf('function');
  });

  describe.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s', (eventName) => {
    it.each(FOREIGN)('prevents %s', (url) => {
      const { contents } = setup();
      const e = fakeEvent(url);
      contents.emit(eventName, e);
      expect(e.prevented).toBe(1);
    });

    it.each(['app://loadwise/', 'app://loadwise/index.html#/library'])('lets the app itself through (%s)', (url) => {
      const { contents } = setup();
      const e = fakeEvent(url);
      contents.emit(eventName, e);
      expect(e.prevented).toBe(0);
    });

    it('reads the URL from the event, not the deprecated positional argument', () => {
      const { contents } = setup();
      const foreign = fakeEvent('https://evil.com/');
      contents.emit(eventName, foreign, 'app://loadwise/');
      expect(foreign.prevented).toBe(1);
      // An event without a URL fails closed.
      const bare = fakeEvent();
      contents.emit(eventName, bare, 'app://loadwise/');
      expect(bare.prevented).toBe(1);
    });
  });

  it('always prevents will-attach-webview', () => {
    const { contents } = setup();
    for (const src of ['app://loadwise/', 'https://evil/']) {
      const e = fakeEvent();
      contents.emit('will-attach-webview', e, { src }, { src });
      expect(e.prevented).toBe(1);
    }
  });

  it.each([
    'https://evil/',
    'app://loadwise/',
    'about:blank',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://pubmed.ncbi.nlm.nih.gov/1',
    'https://pubmed.ncbi.nlm.nih.gov@evil.com/',
    'https://pubmed.ncbi.nlm.nih.gov.evil.com/',
    'smb://pubmed.ncbi.nlm.nih.gov/x',
    '',
  ])('denies window.open(%j) and opens nothing outside', (url) => {
    const { contents, opened } = setup();
    expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('denies the window but hands an allowlisted https link to the browser, once', () => {
    const { contents, opened } = setup();
    expect(contents.openHandler!({ url: 'https://pubmed.ncbi.nlm.nih.gov/123' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://pubmed.ncbi.nlm.nih.gov/123']);
  });

  it('opens the link only after the handler has returned (setImmediate by default)', async () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    lockDownContents(contents as unknown as LockableContents, (url) => opened.push(url));
    expect(contents.openHandler!({ url: 'https://doi.org/10.1/x' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened).toEqual(['https://doi.org/10.1/x']);
  });
});
