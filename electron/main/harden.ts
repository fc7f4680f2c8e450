// App and session hardening, as two functions that take Electron's objects as parameters, so unit
// tests hand them recorders and check every call main relies on (tests/unit/electron/main/harden.test.ts).
// - hardenApp, before `ready`: refuse debugging switches in the packaged app, register the app://
//   scheme, turn the renderer sandbox on for every window, and lock down every webContents.
// - hardenSession, after `ready`: deny every permission, cancel every request that is not the
//   app's own, and serve the renderer on app://.
import type { App, Protocol, Session } from 'electron';
import type { Logger } from '../../services/log';
import { lockDownContents, type LockableContents } from './lockdown';
import { APP_SCHEME, isAllowedRequest, permissionDecision } from './security';
import { refusedSwitches } from './startup';

export interface HardenAppOptions {
  app: Pick<App, 'enableSandbox' | 'exit' | 'isPackaged'> & {
    commandLine: Pick<App['commandLine'], 'hasSwitch'>;
    on(event: 'web-contents-created', listener: (event: unknown, contents: LockableContents) => void): unknown;
  };
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>;
  /** The command line without the executable (process.argv.slice(1)). */
  argv: readonly string[];
  platform: NodeJS.Platform;
  log: Logger;
  /** Opens an allowlisted https link in the user's browser (shell.openExternal in main). */
  openExternal: (url: string) => void;
}

/** Returns false when the app must not start (it has then already called app.exit(1)). */
export function hardenApp(options: HardenAppOptions): boolean {
  const { app, protocol } = options;
  const refused = refusedSwitches({
    isPackaged: app.isPackaged,
    argv: options.argv,
    platform: options.platform,
    hasSwitch: (name) => app.commandLine.hasSwitch(name),
  });
  if (refused.length > 0) {
    options.log.error(`refusing to start with debugging switches: ${refused.map((s) => `--${s}`).join(', ')}`);
    app.exit(1);
    return false;
  }
  // Once, before ready (protocol.md): standard + secure + fetch, exactly the documented example.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  // Before ready too (sandbox.md): every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, options.openExternal));
  return true;
}

export interface HardenSessionOptions {
  session: {
    setPermissionRequestHandler: Session['setPermissionRequestHandler'];
    setPermissionCheckHandler: Session['setPermissionCheckHandler'];
    webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
  };
  protocol: Pick<Protocol, 'handle'>;
  /** Answers app:// requests (app-protocol.ts). */
  serveApp: (request: Request) => Response | Promise<Response>;
}

export function hardenSession(options: HardenSessionOptions): void {
  const { session: ses, protocol } = options;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  // The app makes no network request of its own: anything but its own scheme is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  protocol.handle(APP_SCHEME, options.serveApp);
}
