// A stopwatch for timed holds: Start/Stop toggles, Reset clears, and each "Use for …" button puts
// the time into a field. Keyboard first (plain buttons; Space and Enter work on each), and the
// start, the stop with its time, and the reset are announced in a polite live region.
import { useEffect, useRef, useState } from 'react';

export interface StopwatchTarget {
  label: string;
  onUse(seconds: number): void;
}

const tenths = (ms: number): number => Math.floor(ms / 100) / 10;
export const formatSeconds = (s: number): string => `${s.toFixed(1)} s`;

export function Stopwatch({ targets, now = () => performance.now() }: { targets: readonly StopwatchTarget[]; now?: () => number }) {
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const startedAt = useRef(0);
  const before = useRef(0);

  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setElapsed(before.current + now() - startedAt.current), 100);
    return () => clearInterval(tick);
  }, [running, now]);

  const toggle = () => {
    if (running) {
      const total = before.current + now() - startedAt.current;
      before.current = total;
      setElapsed(total);
      setRunning(false);
      setAnnouncement(`Stopped at ${formatSeconds(tenths(total))}`);
    } else {
      startedAt.current = now();
      setRunning(true);
      setAnnouncement('Timing');
    }
  };
  const reset = () => {
    before.current = 0;
    setElapsed(0);
    setRunning(false);
    setAnnouncement('Stopwatch reset to 0');
  };

  const seconds = tenths(elapsed);
  return (
    <div className="stopwatch" role="group" aria-label="Stopwatch">
      <span className="stopwatch-time" aria-hidden="true">
        {formatSeconds(seconds)}
      </span>
      <button type="button" className={running ? 'btn btn-danger' : 'btn btn-primary'} onClick={toggle}>
        {running ? 'Stop' : elapsed > 0 ? 'Resume' : 'Start'}
      </button>
      <button type="button" className="btn" onClick={reset} disabled={elapsed === 0 && !running}>
        Reset
      </button>
      {targets.map((t) => (
        <button
          key={t.label}
          type="button"
          className="btn btn-ghost"
          disabled={running || elapsed === 0}
          onClick={() => {
            t.onUse(seconds);
            setAnnouncement(`${formatSeconds(seconds)} entered for ${t.label}`);
          }}
        >
          Use for {t.label}
        </button>
      ))}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}
