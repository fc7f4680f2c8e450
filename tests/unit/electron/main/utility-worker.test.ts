// Electron starts the image worker as a utilityProcess; the adapter speaks the cleaner's small
// worker interface over it. A recorder stands in for utilityProcess.fork.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { UtilityProcess } from 'electron';
import { utilityWorkerSpawner } from '../../../../electron/main/utility-worker';

class FakeUtility extends EventEmitter {
  posted: unknown[] = [];
  killed = 0;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed++;
    return true;
  }
}

describe('utilityWorkerSpawner', () => {
  it('forks the script as a named utility process and passes messages both ways', () => {
    const forks: { modulePath: string; args: string[]; options: unknown }[] = [];
    const child = new FakeUtility();
    const spawn = utilityWorkerSpawner((modulePath, args, options) => {
      forks.push({ modulePath, args, options });
      return child as unknown as UtilityProcess;
    });
    const worker = spawn('/app/out/workers/image-worker.cjs');
    expect(forks).toEqual([
      { modulePath: '/app/out/workers/image-worker.cjs', args: [], options: { serviceName: 'Loadwise image reader', stdio: 'inherit' } },
    ]);
    const job = { id: 1, input: '/in', fileName: 'a.png', outFull: '/f', outThumb: '/t' };
    worker.postMessage(job);
    expect(child.posted).toEqual([job]);
    const replies: unknown[] = [];
    worker.onMessage((m) => replies.push(m));
    child.emit('message', { id: 1, failure: 'Error' });
    expect(replies).toEqual([{ id: 1, failure: 'Error' }]);
    let exited = 0;
    worker.onExit(() => exited++);
    worker.kill();
    expect(child.killed).toBe(1);
    child.emit('exit', 0);
    expect(exited).toBe(1);
  });
});
