// IPC channel names carry a prefix so nothing else on the bus can be mistaken for a call.
export const IPC_PREFIX = 'loadwise:';
export const ipcChannelName = (channel: string): string => `${IPC_PREFIX}${channel}`;
/** Main → window: a menu command such as focusing the search box. */
export const IPC_COMMAND = 'loadwise-event:command';
export const APP_COMMANDS = ['focus-search', 'new-exercise'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
