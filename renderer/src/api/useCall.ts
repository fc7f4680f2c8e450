// The one stale-answer guard: components ask through these hooks, and an answer that arrives
// after a newer request (or after the component has gone) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../common/contract/result';

/**
 * Hands out request tickets; only the newest ticket is current. `next()` also makes every older
 * ticket stale, and unmounting makes all of them stale.
 */
export interface LatestRequest {
  /** A new ticket; every older one becomes stale. */
  next(): number;
  /** The newest ticket, for work that belongs to the request already under way (a next page). */
  current(): number;
  isCurrent(ticket: number): boolean;
}

export function useLatestRequest(): LatestRequest {
  const latest = useRef(0);
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );
  return useRef<LatestRequest>({
    next: () => ++latest.current,
    current: () => latest.current,
    isCurrent: (ticket: number) => ticket === latest.current,
  }).current;
}

export interface CallState<T> {
  value: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `request` when `key` changes (null: nothing to ask) and keeps the newest answer only.
 * The previous value stays on screen while the next one loads.
 */
export function useCall<T>(key: string | null, request: () => Promise<Result<T>>): CallState<T> {
  const [state, setState] = useState<{ value: T | null; error: string | null; loading: boolean }>({
    value: null,
    error: null,
    loading: false,
  });
  const [generation, setGeneration] = useState(0);
  const requests = useLatestRequest();
  const latestRequest = useRef(request);
  latestRequest.current = request;

  useEffect(() => {
    if (key === null) return;
    const ticket = requests.next();
    setState((s) => ({ ...s, loading: true }));
    void latestRequest.current().then((r) => {
      if (!requests.isCurrent(ticket)) return;
      setState((s) =>
        r.ok ? { value: r.value, error: null, loading: false } : { value: s.value, error: r.error.message, loading: false },
      );
    });
  }, [key, generation, requests]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
