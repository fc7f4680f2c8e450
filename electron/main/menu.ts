// The native menu: standard Edit roles (so copy, paste, undo and select all work with their
// usual shortcuts in every text field) and app commands sent to the window. The app commands'
// labels, accelerators and places come from MENU_COMMAND_DEFS, the one list the renderer's command
// registry reads too (so the page knows which shortcuts the menu already handles).
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_DEFS, type MenuCommand } from '../../common/contract/commands';

type MenuName = (typeof MENU_COMMAND_DEFS)[number]['menu'];

export function menuTemplate(platform: NodeJS.Platform, send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const commands = (menu: MenuName): MenuItemConstructorOptions[] =>
    MENU_COMMAND_DEFS.filter((d) => d.menu === menu).map((d) => ({ label: d.label, accelerator: d.accelerator, click: () => send(d.id) }));
  /** Groups with a separator between each two that are not empty. */
  const grouped = (...groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] =>
    groups.filter((g) => g.length > 0).flatMap((g, i) => (i === 0 ? g : [{ type: 'separator' as const }, ...g]));
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: grouped(commands('file'), [isMac ? { role: 'close' } : { role: 'quit' }]),
    },
    {
      label: '&Edit',
      submenu: grouped(
        [{ role: 'undo' }, { role: 'redo' }],
        [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
        commands('edit'),
      ),
    },
    {
      label: '&View',
      submenu: grouped(commands('view'), [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }], [{ role: 'togglefullscreen' }]),
    },
    { role: 'windowMenu' },
  ];
}
