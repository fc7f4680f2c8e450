// Electron transport: one ipcMain.handle per contract call, each answering only the app's own
// top frame and handing its raw argument to the shared dispatcher. Byte calls also receive the
// file as a Uint8Array (structured clone), which is checked against the call's limit and staged
// in the data folder before the call runs.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { byteLimitOf, CHANNELS } from '../../common/contract';
import { ipcChannelName } from '../../common/contract/channels';
import { fail, type Result } from '../../common/contract/result';
import type { ServiceContext } from '../../services/context';
import { dispatch } from '../../services/dispatch';
import { stageBytes, TooLargeError } from '../../services/staging';
import { isTrustedSender } from './security';

function senderOf(event: IpcMainInvokeEvent): { url: string; isTopFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isTopFrame: frame.parent === null };
}

export const fromOtherSender = (event: IpcMainInvokeEvent): boolean => !isTrustedSender(senderOf(event));
export const refusedSender = (): Result<never> => fail('forbidden_origin', 'Calls are accepted only from the Loadwise window.');

/**
 * Most bytes one call may carry over IPC (a structured-clone copy held whole in memory on both
 * sides). Photos are far below it; a whole library goes through host.importChosen instead.
 */
export const MAX_IPC_BYTES = 200 * 1024 * 1024;

export function registerIpc(ctx: ServiceContext): void {
  for (const channel of CHANNELS) {
    const declared = byteLimitOf(channel);
    const limit = declared && { ...declared, maxBytes: Math.min(declared.maxBytes, MAX_IPC_BYTES) };
    ipcMain.handle(ipcChannelName(channel), (event, args: unknown, bytes: unknown) => {
      if (fromOtherSender(event)) return refusedSender();
      if (!limit) return dispatch(ctx, channel, args);
      const received = bytes instanceof Uint8Array ? bytes : null;
      if (!received) return fail('invalid_argument', `${channel}: this call needs a file.`);
      try {
        return dispatch(ctx, channel, args, stageBytes(ctx.dataDir, received, limit));
      } catch (err) {
        if (err instanceof TooLargeError) return fail('too_large', err.message);
        return fail('disk_problem', 'Loadwise could not write the file to its data folder (is the disk full?). Nothing was saved.');
      }
    });
  }
}
