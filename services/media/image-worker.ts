// Entry of the image worker process (built to out/workers/image-worker.cjs). Electron starts it
// as a utilityProcess, browser mode and tests with child_process.fork; both deliver messages the
// same way here. sharp loads on the first photo, so a missing native library costs photos only.
import type SharpModule from 'sharp';
import { cleanImage, type CleanOutcome, type CleanRequest } from './clean-image';

export interface WorkerJob extends CleanRequest {
  id: number;
}
export type WorkerReply = { id: number; outcome: CleanOutcome } | { id: number; failure: string };

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const reply = (message: WorkerReply): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

let sharpModule: typeof SharpModule | null = null;

async function run(job: WorkerJob): Promise<void> {
  try {
    sharpModule ??= require('sharp') as typeof SharpModule;
    reply({ id: job.id, outcome: await cleanImage(sharpModule, job) });
  } catch (err) {
    reply({ id: job.id, failure: (err as Error).name || 'Error' });
  }
}

if (parentPort) parentPort.on('message', (e) => void run(e.data as WorkerJob));
else process.on('message', (m) => void run(m as WorkerJob));
