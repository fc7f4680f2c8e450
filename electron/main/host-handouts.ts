// A rendered handout's PDF bytes for the window (Electron): the preview draws them with pdf.js and
// Save as PDF hands them back to host.saveFile. The window names the handout by the id
// handouts.render answered; main reads the file the service kept (never a path from the window).
import fs from 'node:fs';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { HOST_HANDOUT_BYTES, ipcChannelName } from '../../common/contract/channels';
import { HANDOUT_ID_PATTERN } from '../../common/contract/handout-files';
import { fail, ok, type Result } from '../../common/contract/result';
import type { ServiceContext } from '../../services/context';
import { handoutFile } from '../../services/handouts/use-cases';
import { fromOtherSender, refusedSender } from './ipc';

export async function handoutBytes(ctx: ServiceContext, event: IpcMainInvokeEvent, id: unknown): Promise<Result<Uint8Array>> {
  if (fromOtherSender(event)) return refusedSender();
  if (typeof id !== 'string' || !HANDOUT_ID_PATTERN.test(id)) return fail('invalid_argument', 'host.handoutBytes: a handout id is needed.');
  const found = handoutFile(ctx, id);
  if (!found) return fail('not_found', 'This handout is no longer ready. Make the preview again.');
  return ok(new Uint8Array(await fs.promises.readFile(found.file)));
}

export function registerHostHandouts(ctx: () => ServiceContext): void {
  ipcMain.handle(ipcChannelName(HOST_HANDOUT_BYTES), (event, id: unknown) => handoutBytes(ctx(), event, id));
}
