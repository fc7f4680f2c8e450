// A stand-in for the `electron` module, for running the built main process (out/main/index.cjs)
// under plain Node: tests/unit/electron/main/main-process.test.ts starts it in a child process with
// register.cjs. It does what main relies on, and prints one `[fake] …` line per call worth checking.
// The window "loads" app://loadwise/ through the app:// handler main registered, and the page's
// window.api calls go to the ipcMain handlers main registered, from the app's top frame.
//
// Environment: FAKE_PACKAGED=1, FAKE_RESOURCES (process.resourcesPath), FAKE_USER_DATA (userData),
// FAKE_READY_TO_SHOW=1 (emit it), FAKE_PRELOAD_ERROR=1, FAKE_LOAD_FAIL=1, FAKE_ANSWER (message box
// button), FAKE_QUIT_AFTER_LOAD=1 (quit once the page has loaded), FAKE_CALL_BEFORE_QUIT (JSON
// {channel, args}: the page makes that call once loaded, then the app quits).
const { EventEmitter } = require('node:events');

const say = (line) => process.stderr.write(`[fake] ${line}\n`);
const env = process.env;
if (env.FAKE_RESOURCES) process.resourcesPath = env.FAKE_RESOURCES;

const handlers = new Map();
let appHandler = null;
const paths = { userData: env.FAKE_USER_DATA };

class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = env.FAKE_PACKAGED === '1';
    const argv = process.argv.slice(2);
    this.commandLine = { hasSwitch: (name) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)) };
  }
  enableSandbox() {
    say('app.enableSandbox');
  }
  setAppUserModelId(id) {
    say(`app.setAppUserModelId ${id}`);
  }
  getPath(name) {
    if (!(name in paths)) throw new Error(`fake: no path ${name}`);
    return paths[name];
  }
  setPath(name, value) {
    say(`app.setPath ${name}`);
    paths[name] = value;
  }
  getVersion() {
    return '0.0.0-fake';
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return new Promise((resolve) => setImmediate(resolve));
  }
  exit(code = 0) {
    say(`app.exit ${code}`);
    process.exit(code);
  }
  quit() {
    say('app.quit');
    // As in Electron: a before-quit listener may call event.preventDefault() to cancel the quit.
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.emit('will-quit', { preventDefault: () => undefined });
    process.exit(0);
  }
}
const app = new App();

const protocol = {
  registerSchemesAsPrivileged(schemes) {
    say(`protocol.registerSchemesAsPrivileged ${JSON.stringify(schemes)}`);
  },
  handle(scheme, handler) {
    say(`protocol.handle ${scheme}`);
    appHandler = handler;
  },
};

const session = {
  defaultSession: {
    setPermissionRequestHandler: () => say('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => say('session.setPermissionCheckHandler'),
    webRequest: { onBeforeRequest: () => say('session.webRequest.onBeforeRequest') },
  },
};

const ipcMain = {
  handle(channel, fn) {
    handlers.set(channel, fn);
  },
};

/** The page's view of window.api: every call goes to main's handler from the app's top frame. */
function pageWindow() {
  const api = new Proxy(
    {},
    {
      get: (_t, name) => (args) => {
        const fn = [...handlers].find(([channel]) => channel.endsWith(String(name)))?.[1];
        if (!fn) return Promise.reject(new TypeError(`window.api.${String(name)} is not a function`));
        return Promise.resolve(fn({ senderFrame: { url: 'app://loadwise/', parent: null } }, args));
      },
    },
  );
  return { api: env.FAKE_PRELOAD_ERROR === '1' ? undefined : api };
}

class WebContents extends EventEmitter {
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  send(channel, ...args) {
    say(`webContents.send ${channel} ${args.join(' ')}`);
  }
  executeJavaScript(code) {
    return Promise.resolve().then(() => new Function('window', `return (${code});`)(pageWindow()));
  }
}

class BrowserWindow extends EventEmitter {
  static windows = [];
  static getAllWindows() {
    return BrowserWindow.windows.filter((w) => !w.destroyed);
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.destroyed = false;
    BrowserWindow.windows.push(this);
    say(
      `new BrowserWindow show=${options.show} sandbox=${options.webPreferences.sandbox} contextIsolation=${options.webPreferences.contextIsolation}`,
    );
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    say(`loadURL ${url}`);
    const wc = this.webContents;
    wc.emit('did-start-loading');
    if (env.FAKE_LOAD_FAIL === '1') {
      setImmediate(() => wc.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', url, true));
      throw new Error('ERR_FILE_NOT_FOUND');
    }
    const res = await appHandler(new Request(url));
    const body = await res.text();
    say(`app:// answered ${res.status} ${res.headers.get('Content-Type')} ${body.includes('<div id="root">') ? 'with the app page' : ''}`);
    if (env.FAKE_PRELOAD_ERROR === '1') wc.emit('preload-error', {}, this.options.webPreferences.preload, new Error('preload threw'));
    if (env.FAKE_READY_TO_SHOW === '1') this.emit('ready-to-show');
    wc.emit('did-finish-load');
    if (env.FAKE_QUIT_AFTER_LOAD === '1') setTimeout(() => app.quit(), 50);
    if (env.FAKE_CALL_BEFORE_QUIT) {
      // The page makes one call, then the app quits as a closed window would make it.
      const { channel, args } = JSON.parse(env.FAKE_CALL_BEFORE_QUIT);
      const answer = await pageWindow().api[channel](args);
      say(`call ${channel} answered ok=${answer.ok}`);
      setTimeout(() => app.quit(), 50);
    }
  }
  show() {
    say('window.show');
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

const dialog = {
  showErrorBox(title, content) {
    say(`dialog.showErrorBox ${title}: ${content}`);
  },
  showMessageBox(_win, options) {
    say(`dialog.showMessageBox ${options.message} [${options.buttons.join('|')}]`);
    return Promise.resolve({ response: Number(env.FAKE_ANSWER ?? 1), checkboxChecked: false });
  },
};

const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => say(`Menu.setApplicationMenu ${menu.template.length} menus`),
};

const shell = { openExternal: (url) => (say(`shell.openExternal ${url}`), Promise.resolve()) };

module.exports = { app, protocol, session, ipcMain, BrowserWindow, dialog, Menu, shell };
