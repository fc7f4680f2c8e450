// The preload's host.onFileOpened: passes on a well-formed opened file (name and bytes, or a name
// marked too large) and drops anything else; unsubscribing stops it. `electron` is a recorder.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_FILE_OPENED } from '../../../../common/contract/channels';

const recorded = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
  ipcRenderer: {
    invoke: () => Promise.resolve(null),
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

beforeEach(() => {
  vi.resetModules();
  recorded.exposed.clear();
  recorded.listeners.clear();
});

describe('preload host.onFileOpened', () => {
  it('passes on opened files by name and bytes, drops malformed ones, and can unsubscribe', async () => {
    await import('../../../../electron/preload/index');
    const host = recorded.exposed.get('host') as { onFileOpened(fn: (f: unknown) => void): () => void };
    const got: unknown[] = [];
    const stop = host.onFileOpened((f) => got.push(f));
    const fire = (payload: unknown) => (recorded.listeners.get(IPC_FILE_OPENED) ?? []).forEach((l) => l({ sender: 'ipc-event' }, payload));
    const bytes = new Uint8Array([1, 2]);
    fire({ name: 'a.png', bytes });
    fire({ name: 'big.zip', tooLarge: true });
    fire({ name: 'x.png', bytes: 'not bytes' });
    fire({ name: 42, bytes });
    fire(null);
    fire({ name: 'y.png', tooLarge: 'yes' });
    expect(got).toEqual([
      { name: 'a.png', bytes },
      { name: 'big.zip', tooLarge: true },
    ]);
    stop();
    fire({ name: 'a.png', bytes });
    expect(got).toHaveLength(2);
  });
});
