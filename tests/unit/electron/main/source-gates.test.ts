// Source gates over electron/main and electron/preload (security.md §7 item 3): comments are
// stripped with the TypeScript scanner, so only code (strings included) is searched.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../support/repo';

const root = repoRoot;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return /\.(c|m)?tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The file's code with every comment removed (parsed and reprinted); strings are kept as written. */
export function stripComments(text: string, fileName = 'x.ts'): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

const files = [...tsFiles(path.join(root, 'electron', 'main')), ...tsFiles(path.join(root, 'electron', 'preload'))];
const code = new Map(files.map((f) => [path.relative(root, f), stripComments(fs.readFileSync(f, 'utf8'), f)]));
const preload = [...code].filter(([f]) => f.startsWith(path.join('electron', 'preload')));
const main = [...code].filter(([f]) => f.startsWith(path.join('electron', 'main')));

function matches(re: RegExp): string[] {
  const found: string[] = [];
  for (const [file, text] of code)
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) found.push(`${file}: ${m[0]}`);
  return found;
}

describe('source gates: electron/main and electron/preload', () => {
  it('reads the real sources, comments stripped and strings kept', () => {
    expect(main.length).toBeGreaterThanOrEqual(6);
    expect(preload.length).toBeGreaterThanOrEqual(1);
    const stripped = stripComments("// x file://\n/* eval( */ const a = 'file://'; // y\nconst t = `a ${1} // not a comment`;");
    expect(stripped).toContain("const a = 'file://';");
    expect(stripped).toContain('// not a comment');
    expect(stripped).not.toMatch(/eval|\/\/ y|\/\/ x/);
    expect(code.get(path.join('electron', 'preload', 'index.ts'))).toContain("'api'");
  });

  it.each([
    [
      'nodeIntegration: true',
      /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/,
      'new W({ webPreferences: { nodeIntegrationInWorker:true } })',
    ],
    ['contextIsolation: false', /contextIsolation\s*:\s*false/, 'const o = { contextIsolation: false };'],
    ['sandbox: false', /sandbox\s*:\s*false/, 'const o = { sandbox: false };'],
    ['webSecurity: false', /webSecurity\s*:\s*false/, 'const o = { webSecurity: false };'],
    ['allowRunningInsecureContent', /allowRunningInsecureContent/, 'const o = { allowRunningInsecureContent: true };'],
    ['experimentalFeatures', /experimentalFeatures/, 'const o = { experimentalFeatures: true };'],
    ['enableBlinkFeatures', /enableBlinkFeatures/, "const o = { enableBlinkFeatures: 'X' };"],
    ['webviewTag: true', /webviewTag\s*:\s*true/, 'const o = { webviewTag: true };'],
    ['loadFile(', /\bloadFile\s*\(/, "void win.loadFile('index.html');"],
    ['file://', /file:\/\//i, 'void win.loadURL(`file://${dir}/index.html`);'],
    ['eval(', /\beval\s*\(/, "eval('1');"],
    ['new Function(', /\bnew\s+Function\s*\(/, "const f = new Function('return 1');"],
    ['sendSync', /\bsendSync\b/, "ipcRenderer.sendSync('x');"],
    [
      "exposeInMainWorld('ipcRenderer'",
      /exposeInMainWorld\(\s*['"`]ipcRenderer/,
      "contextBridge.exposeInMainWorld('ipcRenderer', ipcRenderer);",
    ],
    [
      'ipcRenderer handed to the page',
      /exposeInMainWorld\([^)]*,\s*ipcRenderer\s*\)/,
      "contextBridge.exposeInMainWorld('bus', ipcRenderer);",
    ],
    ['@electron/remote', /@electron\/remote|enableRemoteModule/, "import remote from '@electron/remote';"],
    [
      'insecure certificate handling',
      /certificate-error|setCertificateVerifyProc|ignore-certificate-errors/,
      "app.on('certificate-error', () => 1);",
    ],
    [
      'sandbox or web security switched off from the command line',
      /no-sandbox|disable-web-security/,
      "app.commandLine.appendSwitch('no-sandbox');",
    ],
  ])('contain no %s', (_label, re, badSample) => {
    // The pattern does catch the thing it is for...
    expect(re.test(stripComments(badSample))).toBe(true);
    // ...and it is not in the code.
    expect(matches(re)).toEqual([]);
  });

  it('expose exactly three globals from the preload: api, appEvents and host', () => {
    const exposed = preload.flatMap(([, text]) =>
      [...text.matchAll(/contextBridge\.(\w+)\(\s*(['"`])([^'"`]+)\2/g)].map((m) => `${m[1]}:${m[3]}`),
    );
    expect(exposed.sort()).toEqual(['exposeInMainWorld:api', 'exposeInMainWorld:appEvents', 'exposeInMainWorld:host']);
    const calls = preload.reduce((n, [, text]) => n + (text.match(/contextBridge\.\w+\(/g) ?? []).length, 0);
    expect(calls).toBe(3);
  });

  it('never write to window or globalThis from the preload', () => {
    for (const [file, text] of preload) expect(text, file).not.toMatch(/\b(window|globalThis|self)\s*(\.|\[)/);
  });

  it('send every renderer call through a prefixed channel name', () => {
    for (const [file, text] of preload) {
      const invokes = [...text.matchAll(/ipcRenderer\.invoke\(\s*([^,)]*)/g)].map((m) => m[1].trim());
      for (const arg of invokes) expect(arg, file).toMatch(/^ipcChannelName\(/);
      expect(text, file).not.toMatch(/ipcRenderer\.send\w*\(/);
    }
  });

  it('register every ipcMain.handle through ipcChannelName, and no other ipcMain listener', () => {
    const handles = main.flatMap(([file, text]) =>
      [...text.matchAll(/ipcMain\.(\w+)\(\s*([^,]*)/g)].map((m) => ({ file, method: m[1], arg: m[2].trim() })),
    );
    expect(handles.length).toBeGreaterThanOrEqual(1);
    for (const h of handles) {
      expect(h.method, h.file).toBe('handle');
      expect(h.arg, h.file).toMatch(/^ipcChannelName\(/);
    }
  });

  /** The text of the first call `name(...)` in `text`, parentheses balanced. */
  function callText(text: string, name: string): string {
    const start = text.indexOf(`${name}(`);
    expect(start, name).toBeGreaterThanOrEqual(0);
    let depth = 0;
    let end = start + name.length;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      if (text[end] === ')' && --depth === 0) break;
    }
    return text.slice(start, end + 1);
  }

  it('call shell.openExternal only as the side effect hardenApp hands to lockDownContents', () => {
    const uses = matches(/\bshell\.openExternal\b/);
    expect(uses).toHaveLength(1);
    const index = code.get(path.join('electron', 'main', 'index.ts'))!;
    expect(callText(index, 'hardenApp')).toMatch(/openExternal: \(url\) => void shell\.openExternal\(url\)/);
    const harden = code.get(path.join('electron', 'main', 'harden.ts'))!;
    const passes = [...harden.matchAll(/options\.openExternal/g)];
    expect(passes).toHaveLength(1);
    expect(callText(harden, 'lockDownContents')).toContain('options.openExternal');
  });

  it('harden the app before anything else main does, and the session once it is ready', () => {
    const index = code.get(path.join('electron', 'main', 'index.ts'))!;
    const first = index.indexOf('hardenApp(');
    for (const later of ['setPath(', 'requestSingleInstanceLock(', 'whenReady(', 'bootServices(', 'hardenSession(']) {
      expect(index.indexOf(later), later).toBeGreaterThan(first);
    }
    expect(index).toMatch(/if \(!ok\)\s*return;/);
    expect(callText(index, 'hardenSession')).toContain('session.defaultSession');
  });

  it('keep the layers: preload imports only electron and the name lists; main never imports browser mode or http', () => {
    const importsOf = (text: string): string[] => ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    for (const [file, text] of preload) {
      for (const spec of importsOf(text)) {
        expect(['electron', '../../common/contract/channels', '../../common/contract/commands'], `${file} imports ${spec}`).toContain(spec);
      }
    }
    for (const [file, text] of main) {
      for (const spec of importsOf(text)) {
        expect(spec, file).not.toMatch(/browser-mode|^(node:)?(http|https|net)$/);
      }
    }
  });

  const builtMain = path.join(root, 'out', 'main', 'index.cjs');
  it('leave the browser-mode bridge out of the built Electron main bundle', () => {
    const text = fs.readFileSync(builtMain, 'utf8');
    expect(text).not.toContain('Browser mode needs a token');
    expect(text).not.toContain('startBridge');
  });
});
