// The renderer's only door to main: one function per contract call, and a listener for menu
// commands that hands over the command id alone (never the IpcRendererEvent). It imports names
// only (no zod, no schemas), so the sandboxed preload stays a few kilobytes.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, IPC_COMMAND, HOST_SAVE_FILE, ipcChannelName } from '../../common/contract/channels';
import { MENU_COMMANDS, type MenuCommand } from '../../common/contract/commands';

// Byte calls pass the file's bytes as a second argument (a Uint8Array, structured-cloned).
const api = Object.fromEntries(
  CALL_NAMES.map((channel) => [channel, (args: unknown, bytes?: Uint8Array) => ipcRenderer.invoke(ipcChannelName(channel), args, bytes)]),
);

/** What only the host can do: save a file where the clinician chooses (native dialog). */
const host = {
  saveFile: (suggestedName: string, bytes: Uint8Array): Promise<unknown> =>
    ipcRenderer.invoke(ipcChannelName(HOST_SAVE_FILE), { suggestedName, bytes }),
};

const appEvents = {
  onCommand(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_event: unknown, command: unknown): void => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(IPC_COMMAND, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_COMMAND, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('appEvents', appEvents);
contextBridge.exposeInMainWorld('host', host);
