// The two halves of the Electron transport, with the `electron` module replaced by recorders
// (its binary is not needed): main answers only the app's own top frame, and the preload
// exposes one function per contract call, the menu-command listener and the host's save, and
// nothing of ipcRenderer. Byte calls over IPC: byte-ipc.test.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../../common/contract';
import { IPC_COMMAND, ipcChannelName } from '../../../../common/contract/channels';
import { bootTestServices } from '../../../support/fixtures';

const recorded = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, args: unknown) => unknown>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown }[],
  listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, args: unknown) => unknown) => recorded.handlers.set(channel, fn) },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, args: unknown) => {
      recorded.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: 'answered' });
    },
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
      recorded.listeners.set(channel, [...(recorded.listeners.get(channel) ?? []), fn]);
    },
    removeListener: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
      recorded.listeners.set(
        channel,
        (recorded.listeners.get(channel) ?? []).filter((f) => f !== fn),
      );
    },
  },
}));

const frame = (url: string, top = true) => ({ senderFrame: { url, parent: top ? null : {} } });

describe('main process IPC', () => {
  beforeEach(() => recorded.handlers.clear());

  it('registers one prefixed handler per contract call, answering through the dispatcher', async () => {
    const { registerIpc } = await import('../../../../electron/main/ipc');
    const services = await bootTestServices();
    registerIpc(services.ctx);
    expect([...recorded.handlers.keys()].sort()).toEqual(CHANNELS.map(ipcChannelName).sort());
    const search = recorded.handlers.get(ipcChannelName('library.search'))!;
    const answer = (await search(frame('app://loadwise/'), { query: 'bird' })) as { ok: boolean; value: { total: number } };
    expect(answer.ok).toBe(true);
    expect(answer.value.total).toBe(1);
    const bad = (await search(frame('app://loadwise/'), { query: 42 })) as { ok: boolean; error: { code: string } };
    expect(bad.error.code).toBe('invalid_argument');
  });

  it.each([
    ['a destroyed or navigated frame', { senderFrame: null }],
    ['a sub-frame of the app', frame('app://loadwise/', false)],
    ['another app:// host', frame('app://evil/')],
    ['a web page', frame('https://evil.example/')],
    ['a file', frame('file:///tmp/x.html')],
  ])('refuses calls from %s', async (_name, event) => {
    const { registerIpc } = await import('../../../../electron/main/ipc');
    registerIpc((await bootTestServices()).ctx);
    const answer = (await recorded.handlers.get(ipcChannelName('app.info'))!(event, {})) as { ok: boolean; error: { code: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
  });
});

describe('preload', () => {
  it('exposes exactly api, appEvents and host; api has one function per call, invoking its prefixed channel', async () => {
    await import('../../../../electron/preload/index');
    expect([...recorded.exposed.keys()].sort()).toEqual(['api', 'appEvents', 'host']);
    expect(Object.keys(recorded.exposed.get('host') as object)).toEqual([
      'saveFile',
      'exportAll',
      'exportBundle',
      'chooseLibraryFile',
      'importChosen',
      'handoutBytes',
      'onFileOpened',
    ]);
    const api = recorded.exposed.get('api') as Record<string, (args: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
    await expect(api['library.search']({ query: 'x' })).resolves.toEqual({ ok: true, value: 'answered' });
    expect(recorded.invoked.at(-1)).toEqual({ channel: ipcChannelName('library.search'), args: { query: 'x' } });
  });

  it('passes menu commands on by name only, drops unknown ones, and can unsubscribe', async () => {
    await import('../../../../electron/preload/index');
    const events = recorded.exposed.get('appEvents') as { onCommand(fn: (...a: unknown[]) => void): () => void };
    const got: unknown[][] = [];
    const stop = events.onCommand((...args) => got.push(args));
    const fire = (...args: unknown[]) => (recorded.listeners.get(IPC_COMMAND) ?? []).forEach((l) => l({ sender: 'ipc-event' }, ...args));
    fire('library.focusSearch');
    fire('rm -rf /');
    fire('library.newExercise');
    expect(got).toEqual([['library.focusSearch'], ['library.newExercise']]);
    stop();
    fire('library.focusSearch');
    expect(got).toHaveLength(2);
  });
});
