// What `npm start` says when it falls back to browser mode: plain words a newcomer can act on.
import { describe, expect, it } from 'vitest';
import { browserModeLine, electronUnavailable } from '../../../scripts/start-messages.mjs';

describe('npm start fallback line', () => {
  it.each([
    'TypeError: fetch failed',
    'Error: getaddrinfo ENOTFOUND github.com',
    'RequestError: connect ETIMEDOUT 140.82.121.3:443',
    'Error: read ECONNRESET',
  ])('names a network failure as no access to the download host: %s', (reason) => {
    expect(electronUnavailable(reason)).toBe('Electron could not be downloaded: no network access to its download host');
  });

  it('keeps any other reason, and says something when there is none', () => {
    expect(electronUnavailable('EACCES: permission denied, mkdir /root/.cache')).toBe(
      'Electron could not be started (EACCES: permission denied, mkdir /root/.cache)',
    );
    expect(electronUnavailable('')).toBe('Electron could not be started (the download did not complete)');
  });

  it('is one line ending with what happens next', () => {
    const line = browserModeLine(electronUnavailable('TypeError: fetch failed'));
    expect(line).toBe(
      'Electron could not be downloaded: no network access to its download host; starting Loadwise in browser mode instead.',
    );
    expect(line).not.toContain('\n');
  });
});
