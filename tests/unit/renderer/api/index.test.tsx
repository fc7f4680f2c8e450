// @vitest-environment happy-dom
// The renderer's one door to the services, in browser mode (no preload `window.api`): calls go
// over HTTP with the launch token, which is taken from the address's #token= and then cleared
// from it; a bridge that does not answer becomes a plain message, never a thrown error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type ApiModule = typeof import('../../../../renderer/src/api');

const NOT_ANSWERING = 'Loadwise is not answering. Is the app still running?';

/** Loads the module fresh, as a page load does, with the address given. */
async function loadAt(address: string): Promise<ApiModule> {
  history.replaceState(null, '', address);
  vi.resetModules();
  return import('../../../../renderer/src/api');
}

function answering(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

beforeEach(() => {
  sessionStorage.clear();
  delete window.api;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the launch token', () => {
  it('is taken from #token=, kept for this tab, and cleared from the address', async () => {
    const { api, transport } = await loadAt('/library?view=list#token=abc%2Bdef');
    expect(transport).toBe('browser');
    expect(sessionStorage.getItem('loadwise.token')).toBe('abc+def');
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain('abc');
    // The rest of the address stays.
    expect(window.location.pathname + window.location.search).toBe('/library?view=list');

    const fetch = answering({ ok: true, value: { name: 'Loadwise' } });
    const result = await api['app.info']({});
    expect(result).toEqual({ ok: true, value: { name: 'Loadwise' } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/app.info');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer abc+def');
    expect(JSON.parse(String(init.body))).toEqual({});
  });

  it('is found among other parts of the address', async () => {
    await loadAt('/#view=list&token=t-2');
    expect(sessionStorage.getItem('loadwise.token')).toBe('t-2');
    expect(window.location.hash).toBe('');
  });

  it('survives a reload of the tab, when the address no longer carries it', async () => {
    await loadAt('/#token=first-launch');
    const { api } = await loadAt('/');
    const fetch = answering({ ok: true, value: {} });
    await api['library.get']({ id: '00000000-0000-4000-8000-000000000001' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/library.get');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer first-launch');
    expect(JSON.parse(String(init.body))).toEqual({ id: '00000000-0000-4000-8000-000000000001' });
  });
});

describe('when the bridge does not answer', () => {
  it('a call answers "Loadwise is not answering" instead of throwing', async () => {
    const { api } = await loadAt('/#token=t');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api['library.search']({ query: 'bird dog' })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: NOT_ANSWERING },
    });
  });

  it('a reply that is not the bridge’s JSON is treated the same way', async () => {
    const { api } = await loadAt('/#token=t');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    await expect(api['app.info']({})).resolves.toEqual({ ok: false, error: { code: 'internal', message: NOT_ANSWERING } });
  });

  it('the clinician sees the message where the results would be', async () => {
    await loadAt('/#token=t');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    // Loaded with the door fresh, so the window uses the same module instance as the calls above.
    const { render, screen, within, waitFor, cleanup } = await import('@testing-library/react');
    const { createElement } = await import('react');
    const { App } = await import('../../../../renderer/src/app/App');
    try {
      render(createElement(App));
      const results = screen.getByRole('region', { name: 'Search results' });
      await waitFor(() => expect(within(results).getByRole('status').textContent).toBe(NOT_ANSWERING));
      expect(within(screen.getByRole('listbox', { name: 'Exercises' })).queryAllByRole('option')).toHaveLength(0);
    } finally {
      cleanup();
    }
  });
});

describe('in Electron', () => {
  it('uses the preload’s api and leaves the address alone', async () => {
    const info = { ok: true, value: { name: 'Loadwise', transport: 'electron' } };
    const preloadInfo = vi.fn(async () => info);
    window.api = { 'app.info': preloadInfo } as unknown as NonNullable<Window['api']>;
    const fetch = answering({});
    const { api, transport } = await loadAt('/#token=not-for-electron');
    expect(transport).toBe('electron');
    await expect(api['app.info']({})).resolves.toEqual(info);
    expect(preloadInfo).toHaveBeenCalledWith({});
    expect(sessionStorage.getItem('loadwise.token')).toBeNull();
    expect(window.location.hash).toBe('#token=not-for-electron');
    expect(fetch).not.toHaveBeenCalled();
  });
});
