// The staging folder inside the data folder: where a file's bytes land on their way in (a photo,
// later a library bundle), streamed to disk rather than held whole in memory. A staged file is
// private (0600), named by a random id, and removed once its call ends; start-up clears leftovers.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ensurePrivateDir } from '../db/open';
import { tooLargeMessage } from '../common/text/sizes';
import { ServiceError } from '../common/contract/result';

export const STAGING_DIR_NAME = 'staging';

/** A file the host has put in the staging folder for one call. */
export interface StagedFile {
  path: string;
  size: number;
}

export const stagingDir = (dataDir: string): string => path.join(dataDir, STAGING_DIR_NAME);

function newStagedPath(dataDir: string): string {
  const dir = stagingDir(dataDir);
  ensurePrivateDir(dir);
  return path.join(dir, `${randomUUID()}.part`);
}

/** Error codes of a write the disk refused: full, over quota, read-only, failing. */
const DISK_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EFBIG']);

/** Thrown when the disk refuses a write (most often: it is full); calls answer `disk_problem`. */
export class DiskProblemError extends ServiceError {
  constructor() {
    super('disk_problem', 'Loadwise could not write to the disk (is it full?). Nothing was saved.');
  }
}

/** The error to report for a failed file write: DiskProblemError when the disk refused it. */
export function asDiskProblem(err: unknown): unknown {
  return DISK_ERRORS.has(String((err as NodeJS.ErrnoException).code)) ? new DiskProblemError() : err;
}

/** Thrown when a body turns out larger than its call allows; hosts answer 413. */
export class TooLargeError extends ServiceError {
  constructor(size: number, limit: number, fileNoun = 'Files') {
    super('too_large', tooLargeMessage(size, limit, fileNoun));
  }
}

export interface ByteLimit {
  maxBytes: number;
  fileNoun: string;
}

/** Bytes already in memory (Electron IPC hands a Uint8Array). */
export function stageBytes(dataDir: string, bytes: Uint8Array, limit: ByteLimit): StagedFile {
  if (bytes.byteLength > limit.maxBytes) throw new TooLargeError(bytes.byteLength, limit.maxBytes, limit.fileNoun);
  let file: string | null = null;
  try {
    file = newStagedPath(dataDir);
    fs.writeFileSync(file, bytes, { mode: 0o600 });
  } catch (err) {
    if (file) fs.rmSync(file, { force: true });
    throw asDiskProblem(err);
  }
  return { path: file, size: bytes.byteLength };
}

/**
 * A stream (an HTTP request body), written chunk by chunk so memory stays flat whatever its size.
 * Stops at `limit` bytes: the partial file is removed and the promise rejects with TooLargeError.
 */
export function stageStream(dataDir: string, source: Readable, limit: ByteLimit): Promise<StagedFile> {
  let file: string;
  try {
    file = newStagedPath(dataDir);
  } catch (err) {
    return Promise.reject(asDiskProblem(err));
  }
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let size = 0;
  return new Promise<StagedFile>((resolve, reject) => {
    let failed = false;
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      source.unpipe(out);
      out.destroy();
      fs.rm(file, { force: true }, () => reject(err));
    };
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit.maxBytes) fail(new TooLargeError(size, limit.maxBytes, limit.fileNoun));
    });
    source.on('error', fail);
    source.on('aborted', () => fail(new Error('The upload was interrupted.')));
    out.on('error', (err) => fail(asDiskProblem(err) as Error));
    out.on('finish', () => {
      if (!failed) resolve({ path: file, size });
    });
    source.pipe(out);
  });
}

export function removeStaged(staged: StagedFile | undefined): void {
  if (staged) fs.rmSync(staged.path, { force: true });
}

/** Start-up: nothing in staging outlives the process that wrote it. */
export function clearStaging(dataDir: string): number {
  const dir = stagingDir(dataDir);
  if (!fs.existsSync(dir)) return 0;
  const leftovers = fs.readdirSync(dir);
  for (const f of leftovers) fs.rmSync(path.join(dir, f), { force: true, recursive: true });
  return leftovers.length;
}
