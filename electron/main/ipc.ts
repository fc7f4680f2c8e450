// Electron transport: one ipcMain.handle per contract channel, each answering only the app's
// own top frame, and each handing its raw argument to the shared dispatcher.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../common/contract';
import { fail } from '../../common/contract/result';
import type { ServiceContext } from '../../services/context';
import { dispatch } from '../../services/dispatch';
import { ipcChannelName } from '../../common/contract/channels';
import { isTrustedSender } from './security';

function senderOf(event: IpcMainInvokeEvent): { url: string; isTopFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isTopFrame: frame.parent === null };
}

export function registerIpc(ctx: ServiceContext): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannelName(channel), (event, args: unknown) => {
      if (!isTrustedSender(senderOf(event))) return fail('forbidden_origin', 'Calls are accepted only from the Loadwise window.');
      return dispatch(ctx, channel, args);
    });
  }
}
