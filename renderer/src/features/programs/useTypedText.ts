// Text a clinician types into the builder is saved while they type (a short pause is enough), on
// leaving the field, and when the field goes away, so a closed or killed app loses at most the
// last moment of typing. The field keeps what is typed: only a change from elsewhere (an undo,
// another item) replaces it.
import { useCallback, useEffect, useRef, useState } from 'react';

export const TYPING_PAUSE_MS = 600;

/**
 * `commit` saves the text; `normalize` says how the saved value will read back (trimmed, say),
 * so the value coming back from our own save is not mistaken for a change made elsewhere.
 */
export function useTypedText(value: string, commit: (text: string) => void, normalize: (text: string) => string = (t) => t.trim()) {
  const [text, setText] = useState(value);
  const saved = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ text, commit, normalize });
  latest.current = { text, commit, normalize };

  useEffect(() => {
    if (value !== saved.current) {
      saved.current = value;
      setText(value);
    }
  }, [value]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const { text: now, commit: save, normalize: norm } = latest.current;
    if (norm(now) === saved.current) return;
    saved.current = norm(now);
    save(now);
  }, []);

  useEffect(() => () => flush(), [flush]);

  const change = useCallback(
    (next: string) => {
      setText(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, TYPING_PAUSE_MS);
    },
    [flush],
  );

  return { text, change, flush };
}
