// The image worker's entry in this process, the way Electron runs it: jobs arrive on
// process.parentPort, replies go back on it. (image-cleaner.test.ts forks the built worker, which
// coverage cannot see.) A job is answered with its own id and the cleaning's outcome; a job that
// throws is answered with the error's class only, never its message, which can hold a path.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerJob, WorkerReply } from '../../../../services/media/image-worker';
import { tempDir } from '../../../support/fixtures';

interface FakeParentPort {
  listeners: ((e: { data: unknown }) => void)[];
  replies: WorkerReply[];
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const proc = process as unknown as { parentPort?: FakeParentPort };
let port: FakeParentPort;
let processListenersAdded = 0;

beforeEach(async () => {
  port = {
    listeners: [],
    replies: [],
    on: (event, listener) => void (event === 'message' && port.listeners.push(listener)),
    postMessage: (m) => void port.replies.push(m as WorkerReply),
  };
  proc.parentPort = port;
  vi.resetModules();
  const before = process.listenerCount('message');
  await import('../../../../services/media/image-worker');
  processListenersAdded = process.listenerCount('message') - before;
});

afterEach(() => {
  delete proc.parentPort;
});

async function send(job: WorkerJob): Promise<WorkerReply> {
  const before = port.replies.length;
  for (const l of port.listeners) l({ data: job });
  await vi.waitFor(() => expect(port.replies.length).toBeGreaterThan(before), { timeout: 10_000 });
  return port.replies[port.replies.length - 1];
}

async function jobFor(id: number, bytes: Buffer, fileName: string): Promise<WorkerJob> {
  const dir = tempDir('loadwise-worker-');
  const input = path.join(dir, 'upload.part');
  fs.writeFileSync(input, bytes);
  return { id, input, fileName, outFull: `${input}.full`, outThumb: `${input}.thumb` };
}

describe('image worker', () => {
  it('listens on the parent port (and not on the process) when Electron gives it one', () => {
    expect(port.listeners).toHaveLength(1);
    expect(processListenersAdded).toBe(0);
  });

  it('cleans a job and answers with its id and the cleaned photo', async () => {
    const job = await jobFor(
      7,
      await sharp({ create: { width: 30, height: 20, channels: 3, background: '#c84' } })
        .png()
        .toBuffer(),
      'a.png',
    );
    const reply = await send(job);
    expect(reply).toMatchObject({ id: 7, outcome: { ok: true, image: { mime: 'image/png', width: 30, height: 20 } } });
    expect(fs.existsSync(job.outFull)).toBe(true);
    expect(fs.existsSync(job.outThumb)).toBe(true);
  });

  it('answers a refused photo with the refusal, under the job’s id', async () => {
    const reply = await send(await jobFor(8, Buffer.from('not a photo'), 'notes.png'));
    expect(reply).toEqual({
      id: 8,
      outcome: { ok: false, code: 'unsupported_media', message: 'This file is not a PNG or JPEG photo.' },
    });
  });

  it('answers a job that throws with the error’s class only, not its message or the path in it', async () => {
    const dir = tempDir('loadwise-worker-');
    const missing = path.join(dir, 'patient-name-upload.part');
    const reply = await send({ id: 9, input: missing, fileName: 'x.png', outFull: `${missing}.full`, outThumb: `${missing}.thumb` });
    expect(reply).toEqual({ id: 9, failure: 'Error' });
    expect(JSON.stringify(reply)).not.toContain('patient-name');
  });

  it('keeps answering after a job that threw', async () => {
    await send({ id: 1, input: path.join(tempDir(), 'gone'), fileName: 'x.png', outFull: 'unused', outThumb: 'unused' });
    const job = await jobFor(
      2,
      await sharp({ create: { width: 5, height: 5, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer(),
      'b.jpg',
    );
    expect(await send(job)).toMatchObject({ id: 2, outcome: { ok: true, image: { mime: 'image/jpeg' } } });
  });
});
