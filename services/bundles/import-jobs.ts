// Progress and cancelling for a long bundle preview or import. The window names the job with an id
// of its own (a UUID) in bundles.preview or bundles.apply, asks bundles.progress while it runs, and
// may ask bundles.cancel. Cancelling is honoured only while the file is still being read and
// checked (the long part: every entry hashed, every photo decoded in the image worker) or backed
// up; once the import starts moving photos and writing its one transaction it runs to the end, so
// a cancel leaves either nothing or, when too late, everything. Jobs live with the services'
// context, in memory only; a finished job is kept briefly so the last poll sees how it ended.
import type { ImportProgress } from '../../common/contract/bundles';
import { ServiceError } from '../../common/contract/result';
import type { ServiceContext } from '../context';

/** How long a finished job's last state stays readable. */
const KEEP_FINISHED_MS = 60_000;

export class ImportJob {
  private state: ImportProgress = { phase: 'reading', done: 0, total: 0, cancelRequested: false, cancellable: true };

  get progress(): ImportProgress {
    return { ...this.state };
  }

  report(phase: ImportProgress['phase'], done: number, total: number): void {
    this.state = { ...this.state, phase, done, total };
  }

  /** A phase that counts nothing of its own (the counts stay those of the photos checked). */
  enter(phase: ImportProgress['phase']): void {
    this.state = { ...this.state, phase, cancellable: this.state.cancellable && phase !== 'done' };
  }

  /** Asks the job to stop; false when it is past the point where stopping leaves nothing half-done. */
  cancel(): boolean {
    if (!this.state.cancellable) return false;
    this.state = { ...this.state, cancelRequested: true };
    return true;
  }

  /** Called between steps while the job may still stop: throws when a cancel was asked for. */
  check(): void {
    if (this.state.cancelRequested) throw new ServiceError('cancelled', 'The import was cancelled. Nothing was changed.');
  }

  /** From here the job runs to the end (photos move in, then one transaction). */
  commit(): void {
    this.check();
    this.state = { ...this.state, phase: 'writing', cancellable: false };
  }
}

const registries = new WeakMap<ServiceContext, Map<string, ImportJob>>();
const jobsOf = (ctx: ServiceContext): Map<string, ImportJob> => {
  let jobs = registries.get(ctx);
  if (!jobs) registries.set(ctx, (jobs = new Map()));
  return jobs;
};

/** Runs `work` as the job `jobId` (when given), so its progress can be read and it can be cancelled. */
export async function asJob<T>(ctx: ServiceContext, jobId: string | undefined, work: (job: ImportJob) => Promise<T>): Promise<T> {
  const job = new ImportJob();
  if (jobId === undefined) return work(job);
  const jobs = jobsOf(ctx);
  if (jobs.has(jobId)) throw new ServiceError('conflict', 'That import is already running.');
  jobs.set(jobId, job);
  try {
    const result = await work(job);
    job.enter('done');
    return result;
  } finally {
    setTimeout(() => {
      if (jobs.get(jobId) === job) jobs.delete(jobId);
    }, KEEP_FINISHED_MS).unref();
  }
}

export const jobProgress = (ctx: ServiceContext, jobId: string): ImportProgress | null => jobsOf(ctx).get(jobId)?.progress ?? null;

export const cancelJob = (ctx: ServiceContext, jobId: string): { cancelled: boolean } => ({
  cancelled: jobsOf(ctx).get(jobId)?.cancel() ?? false,
});
