// lockDownContents on a stand-in webContents: a real EventEmitter (so listeners run the way
// Electron calls them) plus a captured window-open handler.
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

function fakeEvent(): { preventDefault: () => void; prevented: number } {
  const e = {
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
  lockDownContents(contents as unknown as LockableContents, (url) => opened.push(url));
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
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.openHandler).toBeTypeOf('function');
  });

  describe.each(['will-navigate', 'will-redirect'])('%s', (eventName) => {
    it.each(FOREIGN)('prevents %s', (url) => {
      const { contents } = setup();
      const e = fakeEvent();
      contents.emit(eventName, e, url);
      expect(e.prevented).toBe(1);
    });

    it.each(['app://loadwise/', 'app://loadwise/index.html#/library'])('lets the app itself through (%s)', (url) => {
      const { contents } = setup();
      const e = fakeEvent();
      contents.emit(eventName, e, url);
      expect(e.prevented).toBe(0);
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
});
