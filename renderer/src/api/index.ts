// The only renderer code that knows how calls travel. In Electron the preload has put `api` and
// `host` on window; in browser mode the same calls go over HTTP with the launch token. Components
// import `api`, `host` and `mediaUrl` and never learn which transport they got.
// Names and URLs only (no zod): the first screen loads without the schema library.
import type { Api, Channel } from '../../../common/contract';
import { BYTE_CALL_NAMES, CALL_NAMES } from '../../../common/contract/channels';
import { mediaUrl } from '../../../common/contract/photo-files';
import type { AppCommand } from '../../../common/contract/commands';
import type { Result } from '../../../common/contract/result';
import type { ImportResult } from '../../../common/contract/backups';
import {
  BUNDLE_EXPORT_START_PATH,
  EXPORT_START_PATH,
  OPENED_FILES_PATH,
  type BundleExportOutcome,
  type OfferedFile,
  type BundleTicket,
  type ChosenLibraryFile,
  type ExportOutcome,
  type ExportTicket,
} from '../../../common/contract/transfer';
import type { ExportSelection } from '../../../common/contract/bundles';
import { handoutUrl } from '../../../common/contract/handout-files';

/** What the Electron preload exposes: byte calls take the file as a Uint8Array. */
type PreloadApi = Record<Channel, (args: unknown, bytes?: Uint8Array) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    api?: PreloadApi;
    appEvents?: { onCommand(listener: (command: AppCommand) => void): () => void };
    host?: {
      saveFile(suggestedName: string, bytes: Uint8Array): Promise<Result<{ saved: boolean }>>;
      onFileOpened(listener: (file: { name: string; bytes: Uint8Array } | { name: string; tooLarge: true }) => void): () => void;
      exportAll(): Promise<Result<ExportOutcome>>;
      exportBundle(choices: ExportSelection): Promise<Result<BundleExportOutcome>>;
      chooseLibraryFile(): Promise<Result<ChosenLibraryFile | null>>;
      importChosen(): Promise<Result<ImportResult>>;
      handoutBytes(id: string): Promise<Result<Uint8Array>>;
    };
  }
}

const TOKEN_KEY = 'loadwise.token';
const NOT_ANSWERING: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Loadwise is not answering. Is the app still running?' },
};

/** Takes the token from the address (#token=…) once, keeps it for this tab, and clears the address. */
function browserToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function post(url: string, init: RequestInit): Promise<Result<unknown>> {
  try {
    const res = await fetch(url, { method: 'POST', ...init });
    return (await res.json()) as Result<unknown>;
  } catch {
    return NOT_ANSWERING;
  }
}

function httpApi(token: string): Api {
  const auth = { Authorization: `Bearer ${token}` };
  const jsonCall = (channel: Channel) => (args: unknown) =>
    post(`/api/${channel}`, { headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(args ?? {}) });
  // Byte calls stream the file as the raw body (a File is read from disk as it is sent), with
  // the JSON arguments in a header.
  const byteCall = (channel: Channel) => (args: unknown, file: Blob) =>
    post(`/api/${channel}`, {
      headers: { ...auth, 'Content-Type': 'application/octet-stream', 'X-Loadwise-Args': encodeURIComponent(JSON.stringify(args ?? {})) },
      body: file,
    });
  return Object.fromEntries(
    CALL_NAMES.map((c) => [c, (BYTE_CALL_NAMES as readonly string[]).includes(c) ? byteCall(c) : jsonCall(c)]),
  ) as unknown as Api;
}

function electronApi(preload: PreloadApi): Api {
  const byteCall = (channel: Channel) => async (args: unknown, file: Blob) =>
    preload[channel](args, new Uint8Array(await file.arrayBuffer()));
  const wrapped = { ...preload } as Record<string, unknown>;
  for (const c of BYTE_CALL_NAMES) wrapped[c] = byteCall(c);
  return wrapped as unknown as Api;
}

export const transport: 'electron' | 'browser' = window.api ? 'electron' : 'browser';
const token = window.api ? '' : browserToken();
export const api: Api = window.api ? electronApi(window.api) : httpApi(token);

// Browser mode opens, at once and beside the first calls, the session that lets <img> load photos
// (an HttpOnly cookie, since an image request cannot carry the token). Electron serves photos on
// app:// and needs none. Images wait for it (useMediaReady); nothing else does.
let mediaReady = transport === 'electron';
const mediaListeners = new Set<() => void>();
if (!mediaReady) {
  void post('/session', { headers: { Authorization: `Bearer ${token}` } }).then((r) => {
    mediaReady = r.ok;
    for (const l of mediaListeners) l();
  });
}
export const mediaSession = {
  ready: (): boolean => mediaReady,
  subscribe(listener: () => void): () => void {
    mediaListeners.add(listener);
    return () => mediaListeners.delete(listener);
  },
};

export { mediaUrl };

/** Host capabilities: what only the host can do for the page. */
export const host = {
  /** Saves a file where the clinician chooses: the native dialog in Electron, a download in browser mode. */
  async saveFile(suggestedName: string, file: Blob): Promise<Result<{ saved: boolean }>> {
    if (window.host) return window.host.saveFile(suggestedName, new Uint8Array(await file.arrayBuffer()));
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has taken its copy once click() returns; the URL can go soon after.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { ok: true, value: { saved: true } };
  },
};

/** A rendered handout's PDF (handouts.render gives its id): its bytes for the preview and a save, and printing. */
export const handoutPdf = {
  /** The PDF as a Blob: over IPC in Electron, from GET /handouts/<id>.pdf in browser mode. */
  async blob(id: string): Promise<Result<Blob>> {
    if (window.host) {
      const r = await window.host.handoutBytes(id);
      return r.ok ? { ok: true, value: new Blob([r.value as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }) } : r;
    }
    try {
      const res = await fetch(handoutUrl(id));
      if (!res.ok) return { ok: false, error: { code: 'not_found', message: await res.text() } };
      return { ok: true, value: await res.blob() };
    } catch {
      return NOT_ANSWERING;
    }
  },
  /** Browser mode: opens the PDF in a new tab, where the browser's own viewer prints it. */
  openForPrint(id: string): void {
    window.open(handoutUrl(id), '_blank', 'noopener');
  },
};

/** A library file chosen for "Import everything", ready to import once the clinician confirms. */
export interface LibraryFileToImport extends ChosenLibraryFile {
  import(): Promise<Result<ImportResult>>;
}

/** Browser mode's file picker, as a promise: the chosen file, or null when the picker is cancelled. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    const done = (file: File | null): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Browser mode: starts the download of a one-time export URL the server answered. */
function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Moving a whole library to another computer; a library never passes through the page's memory. */
export const libraryTransfer = {
  /**
   * "Export everything": Electron asks where (save dialog) and writes the file in main; browser
   * mode prepares the export and lets the browser download it as the server streams it.
   */
  async exportEverything(): Promise<Result<ExportOutcome>> {
    if (window.host) return window.host.exportAll();
    const r = (await post(EXPORT_START_PATH, { headers: { Authorization: `Bearer ${token}` } })) as Result<ExportTicket>;
    if (!r.ok) return r;
    download(r.value.url, r.value.fileName);
    const { fileName, exercises, photos } = r.value;
    return { ok: true, value: { saved: true, fileName, exercises, photos, downloading: true } };
  },

  /**
   * A shared library bundle (.loadwise-library) from the export choices: Electron asks where and
   * writes it in main; browser mode has the server make it and downloads it as it is streamed.
   */
  async exportBundle(choices: ExportSelection): Promise<Result<BundleExportOutcome>> {
    if (window.host) return window.host.exportBundle(choices);
    const r = (await post(BUNDLE_EXPORT_START_PATH, {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(choices),
    })) as Result<BundleTicket>;
    if (!r.ok) return r;
    download(r.value.url, r.value.fileName);
    const { fileName, bytes, counts, fingerprint } = r.value;
    return { ok: true, value: { saved: true, fileName, bytes, counts, fingerprint, downloading: true } };
  },

  /** "Import everything", first step: the clinician picks the file (null: cancelled). */
  async chooseLibraryFile(): Promise<Result<LibraryFileToImport | null>> {
    const electronHost = window.host;
    if (electronHost) {
      const r = await electronHost.chooseLibraryFile();
      if (!r.ok || r.value === null) return r as Result<null>;
      return { ok: true, value: { ...r.value, import: () => electronHost.importChosen() } };
    }
    const file = await pickFile('.loadwise-backup,.gz,application/gzip');
    if (!file) return { ok: true, value: null };
    // Streamed from disk as the request body (the byte lane), never read whole into the page.
    return { ok: true, value: { name: file.name, bytes: file.size, import: () => api['backups.importAll']({ replace: true }, file) } };
  },
};

type OpenedListener = (file: File | { name: string; tooLarge: true }) => void;

/**
 * Browser mode: the files `npm run web -- --import FILE` was asked to open, asked for once per page
 * and read from their one-time downloads; kept until something listens.
 */
const offered: { files: File[]; listeners: Set<OpenedListener>; asked: boolean } = { files: [], listeners: new Set(), asked: false };
async function askForOpenedFiles(): Promise<void> {
  const r = (await post(OPENED_FILES_PATH, { headers: { Authorization: `Bearer ${token}` } })) as Result<OfferedFile[]>;
  if (!r.ok) return;
  for (const f of r.value) {
    try {
      const res = await fetch(f.url);
      if (res.ok) offered.files.push(new File([await res.blob()], f.name));
    } catch {
      // The server stopped: nothing to open.
    }
  }
  const first = offered.listeners.values().next();
  if (!first.done) for (const file of offered.files.splice(0)) first.value(file);
}

/**
 * Files the app was asked to open (Electron: `loadwise FILE`, a double-click, macOS open-file;
 * browser mode: `--import FILE`), as File objects, like a drop. A file too large to hand over
 * arrives as its name alone.
 */
export function onFileOpened(listener: OpenedListener): () => void {
  if (window.host)
    return window.host.onFileOpened((f) => listener('bytes' in f ? new File([f.bytes as Uint8Array<ArrayBuffer>], f.name) : f));
  offered.listeners.add(listener);
  for (const file of offered.files.splice(0)) listener(file);
  if (!offered.asked) {
    offered.asked = true;
    void askForOpenedFiles();
  }
  return () => {
    offered.listeners.delete(listener);
  };
}

/** Menu commands (and answers to the close question) from Electron; browser mode has no native menu and uses keyboard shortcuts. */
export function onMenuCommand(listener: (command: AppCommand) => void): () => void {
  return window.appEvents ? window.appEvents.onCommand(listener) : () => undefined;
}

/** Thrown in the renderer for a failed call, carrying the service's plain-language message. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

export async function expectOk<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new CallError(result.error.code, result.error.message);
  return result.value;
}
