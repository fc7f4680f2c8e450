// Electron main process: a thin composition. Every decision lives in a module the unit tests drive
// with stand-ins: harden.ts (switches, scheme, sandbox, session), startup.ts (data folder, smoke
// test), native-binding.ts (which better-sqlite3 binary), main-window.ts (showing, recovering and
// revealing the one window), smoke.ts; the shared services do the rest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell, utilityProcess } from 'electron';
import { IPC_COMMAND } from '../../common/contract/channels';
import { bootServices, type Services } from '../../services/boot';
import { DB_FILE_NAME } from '../../db/open';
import { lockDataFolder } from '../../services/folder-lock';
import { startBackupSchedule, type BackupSchedule } from '../../services/backups/schedule';
import { createLogger } from '../../services/log';
import { photoFile } from '../../services/media/use-cases';
import { DATA_SUBDIR, migrateLegacyData } from '../../services/paths';
import { appProtocolResponse } from './app-protocol';
import { hardenApp, hardenSession } from './harden';
import { registerHostFiles } from './host-files';
import { registerHostTransfer } from './host-transfer';
import { registerHostHandouts } from './host-handouts';
import { registerIpc } from './ipc';
import { MainWindow } from './main-window';
import { holdQuitForBackup } from './quit-backup';
import { openedFiles } from './opened-files';
import { menuTemplate } from './menu';
import { nativeBindingPath } from './native-binding';
import { APP_ORIGIN_URL } from './security';
import { createSmokeTest } from './smoke';
import { isSmokeTest, resolveDataLocation } from './startup';
import { utilityWorkerSpawner } from './utility-worker';
import { guardUnsavedClose } from './unsaved-close';
import { createMainWindow } from './window';

const log = createLogger('main');
const APP_ID = 'org.loadwise.desktop';
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'out', 'renderer');
const seedDir = app.isPackaged ? path.join(process.resourcesPath, 'seed') : path.join(appRoot, 'resources', 'seed');
const argv = process.argv.slice(1);

let services: Services | null = null;
let backups: BackupSchedule | null = null;

/** The version of the better-sqlite3 JavaScript that will load the binary (unpackaged runs only). */
function betterSqlite3Version(): string {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function main(): void {
  const ok = hardenApp({
    app,
    protocol,
    argv,
    platform: process.platform,
    log,
    openExternal: (url) => void shell.openExternal(url).catch((err: unknown) => log.error('could not open a link in the browser', err)),
  });
  if (!ok) return;

  const smokeDir = isSmokeTest(argv) ? fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-smoke-')) : null;
  const exitNow = (code: number): void => {
    services?.close();
    services = null;
    if (smokeDir) fs.rmSync(smokeDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    app.exit(code);
  };
  const smoke = smokeDir ? createSmokeTest({ exit: exitNow, log }) : null;
  // No modal dialog where nobody can click it: the smoke test, and development runs under CI.
  const headless = smoke !== null || (!app.isPackaged && Boolean(process.env.CI));
  const fatal = (reason: string): void => {
    if (smoke) smoke.fail(reason);
    else {
      log.error(`stopping: ${reason}`);
      exitNow(1);
    }
  };

  const location = resolveDataLocation({
    isPackaged: app.isPackaged,
    argv,
    env: process.env,
    defaultUserData: app.getPath('userData'),
    cwd: process.cwd(),
    smokeDir,
  });
  for (const line of location.ignored) log.warn(line);
  if (location.userData) app.setPath('userData', location.userData);
  app.setAppUserModelId(APP_ID);

  const windows = new MainWindow<BrowserWindow>({
    create: () => {
      const win = createMainWindow(BrowserWindow, path.join(appRoot, 'out', 'preload', 'index.cjs'));
      // Closing with unsaved changes asks first; where nobody can answer, the window just closes
      // (what was typed stays in its draft and is offered back on the next start).
      guardUnsavedClose(win.webContents, headless ? null : (prompt) => dialog.showMessageBoxSync(win, prompt), IPC_COMMAND);
      return win;
    },
    url: APP_ORIGIN_URL,
    commandChannel: IPC_COMMAND,
    log,
    ask: (win, prompt) =>
      dialog.showMessageBox(win, { type: 'error', noLink: true, defaultId: 0, cancelId: 1, ...prompt }).then((answer) => answer.response),
    quit: () => app.quit(),
    onFatal: headless ? fatal : undefined,
    onLoaded: smoke ? (win) => smoke.probe(win.webContents) : undefined,
  });

  /** Files the app is asked to open go to the window, which treats them like dropped files. */
  const opened = openedFiles({
    deliver: (channel, file) => windows.deliver(channel, file),
    warn: (message) => log.warn(message),
    isPackaged: app.isPackaged,
  });
  // macOS sends files (a double-click, a drop on the dock icon) by event, possibly before start-up.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    opened.openFile(file);
  });

  async function start(): Promise<void> {
    hardenSession({
      session: session.defaultSession,
      protocol,
      // Photos are looked up in the services once they are up; until then there are none to show.
      serveApp: (request) =>
        appProtocolResponse(request.url, request.method, rendererDir, (sha, variant) =>
          services ? photoFile(services.ctx, sha, variant) : null,
        ),
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(process.platform, (command) => {
          if (services) windows.send(command);
        }),
      ),
    );

    const nativeBinding = nativeBindingPath({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appRoot,
      betterSqlite3: app.isPackaged ? '' : betterSqlite3Version(),
      modules: process.versions.modules,
      platform: process.platform,
      arch: process.arch,
    });
    if (!fs.existsSync(nativeBinding)) {
      const fix = app.isPackaged ? 'Reinstall Loadwise.' : 'Start with "npm start", which prepares it.';
      throw new Error(`The database module built for Electron is missing (${nativeBinding}). ${fix}`);
    }

    let dataDir = location.dataDir;
    if (location.migrateFrom) {
      // Browser mode may be running on the first version's folder: the library is never moved
      // from under it (lockDataFolder refuses, naming it, and start-up stops with that message).
      const legacyLock = fs.existsSync(path.join(location.migrateFrom, DB_FILE_NAME))
        ? lockDataFolder(location.migrateFrom, 'electron', { nativeBinding })
        : null;
      try {
        const moved = migrateLegacyData(location.migrateFrom);
        dataDir = moved.dataDir;
        if (moved.status === 'migrated')
          log.info(`library moved into its ${DATA_SUBDIR}/ folder (${moved.moved.length} moved, ${moved.copied.length} copied)`);
        if (moved.status === 'failed') log.warn(`library not moved yet (${moved.reason}); this run uses the old folder`);
        if (moved.status === 'conflict')
          log.warn(`a library exists in both the old and the ${DATA_SUBDIR}/ folder; the ${DATA_SUBDIR}/ one is used`);
      } finally {
        legacyLock?.release();
      }
    }

    services = await bootServices({
      dataDir,
      seedDir,
      appVersion: app.getVersion(),
      transport: 'electron',
      log: createLogger('services'),
      nativeBinding,
      // Unpacked beside app.asar in a package (electron-builder.yml asarUnpack).
      // Packaged: search/ sits in resources beside seed/ (electron-builder.yml extraResources).
      resourcesDir: app.isPackaged ? process.resourcesPath : path.join(appRoot, 'resources'),
      workersDir: path.join(appRoot.replace(/app\.asar$/, 'app.asar.unpacked'), 'out', 'workers'),
      spawnWorker: utilityWorkerSpawner((modulePath, args, options) => utilityProcess.fork(modulePath, args, options)),
    });
    smoke?.pass('database');
    // A checked backup every 15 minutes when something changed, and one at quit (before-quit).
    backups = startBackupSchedule(services.ctx);
    registerIpc(services.ctx);
    opened.started(process.argv, process.cwd());
    const showSaveDialog = (win: BrowserWindow | null, options: Electron.SaveDialogOptions) =>
      win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
    const windowOf = (event: Electron.IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);
    registerHostFiles({ showSaveDialog, windowOf });
    const running = services;
    registerHostTransfer({
      showSaveDialog,
      showOpenDialog: (win, options) => (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)),
      windowOf,
      ctx: () => running.ctx,
    });
    registerHostHandouts(() => running.ctx);
    windows.open();
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', (_event, secondArgv, workingDirectory) => {
    if (!services) return;
    windows.reveal();
    opened.secondInstance(secondArgv, workingDirectory);
  });
  app
    .whenReady()
    .then(start)
    .catch((err: Error) => {
      log.error('start-up failed', err);
      if (headless) return fatal(`start-up failed: ${err.message}`);
      dialog.showErrorBox('Loadwise could not open its library', err.message);
      exitNow(1);
    });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || smoke) app.quit();
  });
  // macOS: the dock icon with no window open.
  app.on('activate', () => {
    if (services) windows.reveal();
  });
  // Quitting waits for the last backup (only taken when something changed since the one before),
  // then closes the library (quit-backup.ts).
  holdQuitForBackup(app, {
    takeSchedule: () => {
      const pending = backups;
      backups = null;
      return pending;
    },
    closeServices: () => {
      services?.close();
      services = null;
    },
    log,
  });
}

main();
