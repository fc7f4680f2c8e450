// Lays out handouts in a worker thread (out/workers/handout-worker.cjs beside the bundles), one at
// a time, with a time limit. The thread is kept for the next handout (its code stays compiled and
// its fonts parsed, so a preview that changes an option answers quickly) and ends after a minute
// unused; it never keeps the process alive. A handout that fails or hangs ends the thread: that
// handout is refused and the next one starts a fresh thread.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HandoutAnswer, HandoutJob } from './handout-worker';

export const HANDOUT_WORKER_FILE = 'handout-worker.cjs';
export const HANDOUT_TIME_LIMIT_MS = 60_000;
const IDLE_MS = 60_000;

interface Held {
  worker: Worker;
  idle: NodeJS.Timeout | null;
}
const held = new Map<string, Held>();
let queue: Promise<unknown> = Promise.resolve();

function workerFor(script: string): Held {
  let h = held.get(script);
  if (h) return h;
  const worker = new Worker(script);
  worker.unref();
  h = { worker, idle: null };
  held.set(script, h);
  worker.once('exit', () => {
    if (held.get(script)?.worker === worker) held.delete(script);
  });
  return h;
}

function run(script: string, job: HandoutJob, timeLimitMs: number): Promise<HandoutAnswer> {
  const h = workerFor(script);
  if (h.idle) clearTimeout(h.idle);
  return new Promise((resolve) => {
    const { worker } = h;
    const finish = (a: HandoutAnswer, end: boolean): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (end) {
        held.delete(script);
        void worker.terminate();
      } else {
        h.idle = setTimeout(() => {
          held.delete(script);
          void worker.terminate();
        }, IDLE_MS);
        h.idle.unref();
      }
      resolve(a);
    };
    const onMessage = (a: HandoutAnswer): void => finish(a, false);
    const onError = (err: Error): void => finish({ ok: false, message: err.message }, true);
    const onExit = (code: number): void =>
      finish({ ok: false, message: `The handout worker stopped before it answered (exit ${code}).` }, true);
    const timer = setTimeout(() => finish({ ok: false, message: 'The handout took too long to lay out.' }, true), timeLimitMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(job);
  });
}

/** Lays out one handout off the calling thread; handouts are taken one after another. */
export function renderOffThread(workersDir: string, job: HandoutJob, timeLimitMs = HANDOUT_TIME_LIMIT_MS): Promise<HandoutAnswer> {
  const script = path.join(workersDir, HANDOUT_WORKER_FILE);
  const next = queue.then(() => run(script, job, timeLimitMs));
  queue = next.catch(() => undefined);
  return next;
}
