// Electron's way to start the services' worker processes: a utilityProcess (a Node child that
// Electron supports in packaged apps, where the runAsNode fuse is off and child_process.fork
// cannot start Node). Decoding a hostile photo there can crash or hang that process only.
import type { UtilityProcess } from 'electron';
import type { SpawnWorker } from '../../services/media/image-cleaner';
import type { WorkerJob, WorkerReply } from '../../services/media/image-worker';

export type ForkUtility = (
  modulePath: string,
  args: string[],
  options: { serviceName: string; stdio: 'ignore' | 'inherit' },
) => UtilityProcess;

export function utilityWorkerSpawner(fork: ForkUtility): SpawnWorker {
  return (script) => {
    const child = fork(script, [], { serviceName: 'Loadwise image reader', stdio: 'inherit' });
    return {
      postMessage: (message: WorkerJob) => child.postMessage(message),
      onMessage: (listener) => void child.on('message', (message: unknown) => listener(message as WorkerReply)),
      onExit: (listener) => void child.on('exit', () => listener()),
      kill: () => void child.kill(),
    };
  };
}
