// The renderer's only door to main: one function per contract call, and a listener for menu
// commands that hands over the command name alone (never the IpcRendererEvent).
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Api } from '../shared/contract';
import { APP_COMMANDS, IPC_COMMAND, ipcChannelName, type AppCommand } from '../shared/ipc-names';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (args: unknown) => ipcRenderer.invoke(ipcChannelName(channel), args)]),
) as Api;

const appEvents = {
  onCommand(listener: (command: AppCommand) => void): () => void {
    const wrapped = (_event: unknown, command: unknown): void => {
      if ((APP_COMMANDS as readonly unknown[]).includes(command)) listener(command as AppCommand);
    };
    ipcRenderer.on(IPC_COMMAND, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_COMMAND, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('appEvents', appEvents);
