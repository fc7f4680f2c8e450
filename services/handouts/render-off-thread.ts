// Starts one worker thread per handout (out/workers/handout-worker.cjs beside the bundles) and
// waits for its answer, with a time limit. A worker that fails or hangs costs that handout only.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { HandoutAnswer, HandoutJob } from './handout-worker';

export const HANDOUT_WORKER_FILE = 'handout-worker.cjs';
export const HANDOUT_TIME_LIMIT_MS = 60_000;

export function renderOffThread(workersDir: string, job: HandoutJob, timeLimitMs = HANDOUT_TIME_LIMIT_MS): Promise<HandoutAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(workersDir, HANDOUT_WORKER_FILE));
    let answered = false;
    const answer = (a: HandoutAnswer): void => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve(a);
      void worker.terminate();
    };
    const timer = setTimeout(() => answer({ ok: false, message: 'The handout took too long to lay out.' }), timeLimitMs);
    worker.once('message', answer);
    worker.once('error', (err) => answer({ ok: false, message: err.message }));
    worker.once('exit', (code) => answer({ ok: false, message: `The handout worker stopped before it answered (exit ${code}).` }));
    worker.postMessage(job);
  });
}
