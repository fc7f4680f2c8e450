// The only renderer code that knows how calls travel. In Electron the preload has put `api` on
// window; in browser mode the same calls go over HTTP with the launch token. Components import
// `api` and never learn which one they got.
import { CHANNELS, type Api, type Channel } from '../../../common/contract';
import type { MenuCommand } from '../../../common/contract/commands';
import type { Result } from '../../../common/contract/result';

declare global {
  interface Window {
    api?: Api;
    appEvents?: { onCommand(listener: (command: MenuCommand) => void): () => void };
  }
}

const TOKEN_KEY = 'loadwise.token';

/** Takes the token from the address (#token=…) once, keeps it for this tab, and clears the address. */
function browserToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): Api {
  const token = browserToken();
  const call = async (channel: Channel, args: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
      const body = (await res.json()) as Result<unknown>;
      return body;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Loadwise is not answering. Is the app still running?' } };
    }
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, (args: unknown) => call(c, args)])) as Api;
}

export const transport: 'electron' | 'browser' = window.api ? 'electron' : 'browser';
export const api: Api = window.api ?? httpApi();

/** Menu commands from Electron; browser mode has no native menu and uses keyboard shortcuts. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
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
