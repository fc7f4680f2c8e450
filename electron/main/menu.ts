// The native menu: standard Edit roles (so copy, paste, undo and select all work with their
// usual shortcuts in every text field) and app commands sent to the window.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../common/contract/commands';

export function menuTemplate(platform: NodeJS.Platform, send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Exercise', accelerator: 'CmdOrCtrl+N', click: () => send('library.newExercise') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find in Library', accelerator: 'CmdOrCtrl+F', click: () => send('library.focusSearch') },
      ],
    },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}
