// host.handoutBytes in Electron's main, on real services: the window names a handout by the id
// handouts.render answered and receives exactly the bytes the service kept and hashed; a
// malformed or unknown id is refused with a message, and so is any sender but the app's window.
import { createHash } from 'node:crypto';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { HOST_HANDOUT_BYTES, ipcChannelName } from '../../../../common/contract/channels';
import { handoutBytes, registerHostHandouts } from '../../../../electron/main/host-handouts';
import { call } from '../../../support/call';
import { bootTestServices } from '../../../support/fixtures';
import { issuedProgram } from '../../../support/handouts';

const recorded = vi.hoisted(() => ({ handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>() }));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => recorded.handlers.set(channel, fn) },
}));

const APP = { senderFrame: { url: 'app://loadwise/', parent: null } } as unknown as IpcMainInvokeEvent;
const WEB = { senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as IpcMainInvokeEvent;

describe('host.handoutBytes', () => {
  it('answers the kept PDF by id to the app window only', async () => {
    const { ctx } = await bootTestServices();
    const { program } = await issuedProgram(ctx);
    const handout = await call(ctx, 'handouts.render', { programId: program.id, version: 1 });
    registerHostHandouts(() => ctx);
    const handler = recorded.handlers.get(ipcChannelName(HOST_HANDOUT_BYTES))!;
    const answer = (await handler(APP, handout.id)) as { ok: true; value: Uint8Array };
    expect(answer.ok).toBe(true);
    expect(createHash('sha256').update(answer.value).digest('hex')).toBe(handout.sha256);
    expect(await handoutBytes(ctx, WEB, handout.id)).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(await handoutBytes(ctx, APP, '../../etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await handoutBytes(ctx, APP, 'B'.repeat(43))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
