// Ids of the commands the native menu can send to the window. The renderer's command registry
// (renderer/src/app/commands.ts) gives each its label, shortcut and action; main only names them.
// No zod here: the preload imports this file to filter what it forwards.
export const MENU_COMMANDS = ['library.focusSearch', 'library.newExercise', 'app.commandPalette'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
