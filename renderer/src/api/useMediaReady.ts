// Whether photos can be requested yet (browser mode opens a session for them at start-up).
import { useSyncExternalStore } from 'react';
import { mediaSession } from '.';

export function useMediaReady(): boolean {
  return useSyncExternalStore(mediaSession.subscribe, mediaSession.ready);
}
