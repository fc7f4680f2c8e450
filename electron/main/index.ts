// Electron main process: hardens the session, serves the renderer on app://, boots the shared
// services on the userData folder and opens the one window.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { bootServices, type Services } from '../../services/boot';
import { createLogger } from '../../services/log';
import { IPC_COMMAND } from '../../common/contract/channels';
import type { MenuCommand } from '../../common/contract/commands';
import { appProtocolResponse } from './app-protocol';
import { registerIpc } from './ipc';
import { lockDownContents } from './lockdown';
import { menuTemplate } from './menu';
import { APP_ORIGIN_URL, APP_SCHEME, isAllowedRequest, permissionDecision } from './security';
import { createMainWindow } from './window';

const log = createLogger('main');
const APP_ID = 'org.loadwise.desktop';
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'out', 'renderer');
const seedDir = app.isPackaged ? path.join(process.resourcesPath, 'seed') : path.join(appRoot, 'resources', 'seed');
// Unpackaged runs use the Electron build of better-sqlite3 that `npm start` makes (scripts/native-electron.mjs);
// packaged apps carry one rebuilt in place by electron-builder.
const devNativeBinding = path.join(appRoot, 'out', 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
const nativeBinding = !app.isPackaged && fs.existsSync(devNativeBinding) ? devNativeBinding : undefined;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// A chosen data folder (tests, or a second clinic profile) replaces the per-user default.
if (process.env.LOADWISE_DATA_DIR) app.setPath('userData', path.resolve(process.env.LOADWISE_DATA_DIR));
app.setAppUserModelId(APP_ID);

let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;

app.on('web-contents-created', (_event, contents) => {
  lockDownContents(contents, (url) => void shell.openExternal(url));
});

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  // The app makes no network request of its own: anything but its own scheme is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, request.method, rendererDir));
}

function sendCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(IPC_COMMAND, command);
}

function createWindow(): void {
  mainWindow = createMainWindow(BrowserWindow, path.join(appRoot, 'out', 'preload', 'index.cjs'));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ORIGIN_URL);
}

async function start(): Promise<void> {
  hardenSession();
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, sendCommand)));
  try {
    services = await bootServices({
      dataDir: app.getPath('userData'),
      seedDir,
      appVersion: app.getVersion(),
      transport: 'electron',
      log: createLogger('services'),
      nativeBinding,
    });
  } catch (err) {
    log.error('start-up failed', err);
    dialog.showErrorBox('Loadwise could not open its library', (err as Error).message);
    app.exit(1);
    return;
  }
  registerIpc(services.ctx);
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start, (err: Error) => log.error('ready failed', err));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    services?.close();
    services = null;
  });
}
