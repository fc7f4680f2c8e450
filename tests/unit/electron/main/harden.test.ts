// App and session hardening, driven with recorders in place of Electron's app, protocol and session:
// every call main relies on (scheme privileges, sandbox, lockdown, permission and request handlers,
// the app:// handler) and the packaged app's refusal of debugging switches.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hardenApp, hardenSession, type HardenAppOptions, type HardenSessionOptions } from '../../../../electron/main/harden';
import { DEBUGGING_SWITCHES } from '../../../../electron/main/startup';
import type { Logger } from '../../../../services/log';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function recorder(options: { isPackaged: boolean; argv?: string[]; switches?: string[]; platform?: NodeJS.Platform }) {
  const calls: string[] = [];
  const schemes: unknown[] = [];
  const exits: number[] = [];
  const logged: string[] = [];
  const opened: string[] = [];
  const app = new (class extends EventEmitter {
    isPackaged = options.isPackaged;
    commandLine = { hasSwitch: (name: string) => (options.switches ?? []).includes(name) };
    enableSandbox(): void {
      calls.push('enableSandbox');
    }
    exit(code?: number): void {
      calls.push('exit');
      exits.push(code ?? 0);
    }
  })();
  const protocol = {
    registerSchemesAsPrivileged(list: unknown[]): void {
      calls.push('registerSchemesAsPrivileged');
      schemes.push(...list);
    },
  };
  const log: Logger = { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };
  const ok = hardenApp({
    app: app as unknown as HardenAppOptions['app'],
    protocol: protocol as unknown as HardenAppOptions['protocol'],
    argv: options.argv ?? [],
    platform: options.platform ?? 'linux',
    log,
    openExternal: (url) => opened.push(url),
  });
  return { ok, app, calls, schemes, exits, logged, opened };
}

describe('hardenApp', () => {
  it('registers app:// once with exactly standard, secure and fetch, and enables the sandbox for every renderer', () => {
    const r = recorder({ isPackaged: true, argv: ['--smoke-test'] });
    expect(r.ok).toBe(true);
    expect(r.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(r.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
    expect(r.exits).toEqual([]);
  });

  it('locks down every webContents Electron creates, opening allowlisted links through the given function only', async () => {
    const r = recorder({ isPackaged: true });
    expect(r.app.listenerCount('web-contents-created')).toBe(1);
    const contents = new FakeContents();
    r.app.emit('web-contents-created', {}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview'])
      expect(contents.listenerCount(event), event).toBe(1);
    const nav = { url: 'https://evil.example/', prevented: false, preventDefault: () => (nav.prevented = true) };
    contents.emit('will-navigate', nav);
    expect(nav.prevented).toBe(true);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://doi.org/10.1/x' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.opened).toEqual(['https://doi.org/10.1/x']);
  });

  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-pipe'],
    ['--remote-debugging-address=0.0.0.0', '--remote-debugging-port=1'],
    ['-remote-debugging-port=9222'],
    ['--REMOTE-DEBUGGING-PORT=9222'],
    ['--inspect'],
    ['--inspect=9229'],
    ['--inspect-brk=0'],
    ['--inspect-port=9229'],
    ['--debug'],
    ['--js-flags=--allow-natives-syntax'],
    ['--smoke-test', '--remote-debugging-port=0'],
  ])('the packaged app refuses %j: exits with 1 before registering anything', (...argv) => {
    const r = recorder({ isPackaged: true, argv });
    expect(r.ok).toBe(false);
    expect(r.calls).toEqual(['exit']);
    expect(r.exits).toEqual([1]);
    expect(r.app.listenerCount('web-contents-created')).toBe(0);
    expect(r.logged.join('\n')).toMatch(/refusing to start with debugging switches: --/);
  });

  it('the packaged app on Windows also refuses the /switch form', () => {
    expect(recorder({ isPackaged: true, argv: ['/remote-debugging-port=9222'], platform: 'win32' }).exits).toEqual([1]);
    // On Linux and macOS a leading slash is a path, not a switch.
    expect(recorder({ isPackaged: true, argv: ['/remote-debugging-port=9222'], platform: 'linux' }).ok).toBe(true);
  });

  it('the packaged app refuses a debugging switch Chromium reports even when argv does not show it', () => {
    for (const name of DEBUGGING_SWITCHES) {
      const r = recorder({ isPackaged: true, switches: [name] });
      expect(r.exits, name).toEqual([1]);
    }
  });

  it('the packaged app starts with ordinary arguments, and treats what follows -- as no switch', () => {
    for (const argv of [[], ['--smoke-test'], ['/home/pat/clinic.loadwise-library'], ['--', '--inspect'], ['--no-inspection-here']]) {
      const r = recorder({ isPackaged: true, argv });
      expect(r.ok, argv.join(' ')).toBe(true);
      expect(r.exits).toEqual([]);
    }
  });

  it('development runs keep the switches Playwright and debuggers use', () => {
    const r = recorder({
      isPackaged: false,
      argv: ['--inspect=0', '--remote-debugging-port=0', '/repo'],
      switches: ['remote-debugging-port'],
    });
    expect(r.ok).toBe(true);
    expect(r.exits).toEqual([]);
    expect(r.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
  });
});

describe('hardenSession', () => {
  type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  type CheckHandler = (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
  type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

  function setup() {
    const seen: { request?: RequestHandler; check?: CheckHandler; beforeRequest?: BeforeRequest; handled: [string, unknown][] } = {
      handled: [],
    };
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => (seen.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (seen.check = h),
      webRequest: { onBeforeRequest: (h: BeforeRequest) => (seen.beforeRequest = h) },
    };
    const protocol = { handle: (scheme: string, handler: unknown) => seen.handled.push([scheme, handler]) };
    const serveApp = (): Response => new Response('ok');
    hardenSession({
      session: session as unknown as HardenSessionOptions['session'],
      protocol: protocol as unknown as HardenSessionOptions['protocol'],
      serveApp,
    });
    return { seen, serveApp };
  }

  it('denies every permission request and check', () => {
    const { seen } = setup();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      const answers: boolean[] = [];
      seen.request!({}, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(seen.check!({}, permission, 'app://loadwise', {}), permission).toBe(false);
    }
  });

  it('cancels every request but the app’s own, blob: and data:', () => {
    const { seen } = setup();
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined;
      seen.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel!;
    };
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:9222/json', 'file:///etc/passwd', 'app://evil/', 'ws://localhost/'])
      expect(decide(url), url).toBe(true);
    for (const url of ['app://loadwise/', 'app://loadwise/assets/app.js', 'data:image/png;base64,AA=='])
      expect(decide(url), url).toBe(false);
  });

  it('serves app:// with the handler it is given, and registers nothing else', () => {
    const { seen, serveApp } = setup();
    expect(seen.handled).toEqual([['app', serveApp]]);
  });
});
