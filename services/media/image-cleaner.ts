// Runs photo cleaning in a separate process, one photo at a time, with a time limit. A photo that
// hangs or crashes the decoder ends that process (a fresh one starts for the next photo) and is
// refused with a message; the app and everything already saved carry on. Closing cancels the
// photo in progress.
import { fork } from 'node:child_process';
import { ServiceError } from '../../common/contract/result';
import type { CleanedImage, CleanRequest } from './clean-image';
import type { WorkerJob, WorkerReply } from './image-worker';

/** The few things the cleaner needs of a child process; Electron supplies a utilityProcess. */
export interface WorkerProcess {
  postMessage(message: WorkerJob): void;
  onMessage(listener: (message: WorkerReply) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}
export type SpawnWorker = (script: string) => WorkerProcess;

/** Node's child_process.fork, with structured-clone messages; used outside Electron. */
export const forkWorker: SpawnWorker = (script) => {
  const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    postMessage: (m) => void child.send(m),
    onMessage: (l) => void child.on('message', (m) => l(m as WorkerReply)),
    onExit: (l) => void child.on('exit', () => l()),
    kill: () => void child.kill('SIGKILL'),
  };
};

export const DEFAULT_IMAGE_TIME_LIMIT_MS = 20_000;

interface Pending {
  id: number;
  resolve(image: CleanedImage): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export class ImageCleaner {
  private worker: WorkerProcess | null = null;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: string,
    private readonly spawn: SpawnWorker = forkWorker,
    private readonly timeLimitMs = DEFAULT_IMAGE_TIME_LIMIT_MS,
  ) {}

  /** Cleans one photo; photos are taken one after another. */
  clean(request: CleanRequest): Promise<CleanedImage> {
    const job = this.queue.then(() => this.run(request));
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** Ends the worker; a photo in progress is refused, later ones are not started. */
  close(): void {
    this.closed = true;
    this.stop(new ServiceError('internal', 'Loadwise is closing; the photo was not added.'));
  }

  private run(request: CleanRequest): Promise<CleanedImage> {
    if (this.closed) return Promise.reject(new ServiceError('internal', 'Loadwise is closing; the photo was not added.'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<CleanedImage>((resolve, reject) => {
      const timer = setTimeout(
        () => this.stop(new ServiceError('too_large', 'This photo took too long to read and was not added. Try a smaller photo.')),
        this.timeLimitMs,
      );
      this.pending = { id, resolve, reject, timer };
      worker.postMessage({ id, ...request });
    });
  }

  private ensureWorker(): WorkerProcess {
    if (this.worker) return this.worker;
    const worker = this.spawn(this.script);
    worker.onMessage((reply) => this.settle(reply));
    worker.onExit(() => {
      // A worker already stopped (timed out, closed) reports its exit late: by then the pending
      // photo, if any, belongs to its successor and must not be refused for it.
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish(new ServiceError('unsupported_media', 'This photo stopped the image reader and was not added.'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const p = this.pending;
    if (!p || p.id !== reply.id) return;
    if ('failure' in reply) {
      this.finish(new ServiceError('internal', 'Photos cannot be processed on this computer right now. Nothing was changed.'));
    } else if (reply.outcome.ok) {
      this.pending = null;
      clearTimeout(p.timer);
      p.resolve(reply.outcome.image);
    } else {
      const { code, message } = reply.outcome;
      if (code === 'too_large') this.finish(new ServiceError('too_large', message));
      else if (code === 'disk_problem') this.finish(new ServiceError('disk_problem', message));
      else this.finish(new ServiceError('unsupported_media', message));
    }
  }

  private finish(err: Error): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.reject(err);
  }

  private stop(err: Error): void {
    const worker = this.worker;
    this.worker = null;
    this.finish(err);
    worker?.kill();
  }
}
