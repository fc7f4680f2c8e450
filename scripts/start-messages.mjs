// The one line `npm start` prints when it falls back to browser mode, in plain words.
const NETWORK = /fetch failed|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH|getaddrinfo|socket hang up/i;

/** Why Electron could not be had, said plainly: "no network access to its download host", or the reason. */
export function electronUnavailable(reason) {
  if (NETWORK.test(reason ?? '')) return 'Electron could not be downloaded: no network access to its download host';
  return `Electron could not be started (${reason || 'the download did not complete'})`;
}

export function browserModeLine(why) {
  return `${why}; starting Loadwise in browser mode instead.`;
}
