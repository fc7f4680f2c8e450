// Commands the native menu offers: their ids, labels and accelerators, in one place for Electron's
// menu (electron/main/menu.ts) and the renderer's command registry (renderer/src/app/commands.tsx),
// which gives each its action. No zod here: the preload imports this file to filter what it forwards.
export const MENU_COMMAND_DEFS = [
  { id: 'library.newExercise', label: 'New Exercise', accelerator: 'CmdOrCtrl+N', menu: 'file' },
  { id: 'library.focusSearch', label: 'Find in Library', accelerator: 'CmdOrCtrl+F', menu: 'edit' },
  { id: 'app.commandPalette', label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', menu: 'view' },
] as const;

export type MenuCommand = (typeof MENU_COMMAND_DEFS)[number]['id'];
export const MENU_COMMANDS: readonly MenuCommand[] = MENU_COMMAND_DEFS.map((d) => d.id);

/**
 * What main asks of the window after the clinician answered its close question (Electron's
 * 'will-prevent-unload', electron/main/unsaved-close.ts): save the unsaved changes, or discard
 * them, and then close. Not in any menu; the screen with the unsaved changes answers them.
 */
export const CLOSE_COMMANDS = { save: 'window.saveAndClose', discard: 'window.discardAndClose' } as const;
export type CloseCommand = (typeof CLOSE_COMMANDS)[keyof typeof CLOSE_COMMANDS];

/** Everything main may send the window on IPC_COMMAND. */
export type AppCommand = MenuCommand | CloseCommand;
export const APP_COMMANDS: readonly AppCommand[] = [...MENU_COMMANDS, CLOSE_COMMANDS.save, CLOSE_COMMANDS.discard];
