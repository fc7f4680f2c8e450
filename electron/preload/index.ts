// The renderer's only door to main: one function per contract call, and a listener for menu
// commands that hands over the command id alone (never the IpcRendererEvent). It imports names
// only (no zod, no schemas), so the sandboxed preload stays a few kilobytes.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, IPC_COMMAND, ipcChannelName } from '../../common/contract/channels';
import { MENU_COMMANDS, type MenuCommand } from '../../common/contract/commands';

const api = Object.fromEntries(
  CALL_NAMES.map((channel) => [channel, (args: unknown) => ipcRenderer.invoke(ipcChannelName(channel), args)]),
);

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
