// The renderer's only door to main: one function per contract call, and a listener for menu (and
// close-question) commands that hands over the command id alone (never the IpcRendererEvent). It
// imports names only (no zod, no schemas), so the sandboxed preload stays a few kilobytes.
import { contextBridge, ipcRenderer } from 'electron';
import {
  CALL_NAMES,
  HOST_CHOOSE_LIBRARY_FILE,
  HOST_EXPORT_ALL,
  HOST_EXPORT_BUNDLE,
  HOST_HANDOUT_BYTES,
  HOST_IMPORT_CHOSEN,
  HOST_SAVE_FILE,
  IPC_COMMAND,
  IPC_FILE_OPENED,
  ipcChannelName,
} from '../../common/contract/channels';
import { APP_COMMANDS, type AppCommand } from '../../common/contract/commands';

// Byte calls pass the file's bytes as a second argument (a Uint8Array, structured-cloned).
const api = Object.fromEntries(
  CALL_NAMES.map((channel) => [channel, (args: unknown, bytes?: Uint8Array) => ipcRenderer.invoke(ipcChannelName(channel), args, bytes)]),
);

type OpenedFile = { name: string; bytes: Uint8Array } | { name: string; tooLarge: true };

/** What only the host can do: save a file where the clinician chooses, move a whole library, and files the app was asked to open. */
const host = {
  saveFile: (suggestedName: string, bytes: Uint8Array): Promise<unknown> =>
    ipcRenderer.invoke(ipcChannelName(HOST_SAVE_FILE), { suggestedName, bytes }),
  // A whole library moves by path in main, never over IPC (electron/main/host-transfer.ts).
  exportAll: (): Promise<unknown> => ipcRenderer.invoke(ipcChannelName(HOST_EXPORT_ALL)),
  // A shared library bundle: the export choices go to main, which asks where and writes the file.
  exportBundle: (choices: unknown): Promise<unknown> => ipcRenderer.invoke(ipcChannelName(HOST_EXPORT_BUNDLE), choices),
  chooseLibraryFile: (): Promise<unknown> => ipcRenderer.invoke(ipcChannelName(HOST_CHOOSE_LIBRARY_FILE)),
  importChosen: (): Promise<unknown> => ipcRenderer.invoke(ipcChannelName(HOST_IMPORT_CHOSEN)),
  // A rendered handout's PDF, by the id handouts.render answered (electron/main/host-handouts.ts).
  handoutBytes: (id: string): Promise<unknown> => ipcRenderer.invoke(ipcChannelName(HOST_HANDOUT_BYTES), id),
  onFileOpened(listener: (file: OpenedFile) => void): () => void {
    const wrapped = (_event: unknown, file: unknown): void => {
      const f = file as Partial<{ name: unknown; bytes: unknown; tooLarge: unknown }> | null;
      if (!f || typeof f.name !== 'string') return;
      if (f.bytes instanceof Uint8Array) listener({ name: f.name, bytes: f.bytes });
      else if (f.tooLarge === true) listener({ name: f.name, tooLarge: true });
    };
    ipcRenderer.on(IPC_FILE_OPENED, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_FILE_OPENED, wrapped);
    };
  },
};

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
contextBridge.exposeInMainWorld('host', host);
