// `--smoke-test` (CI runs it on the packaged app): quit with 0 once the database has opened and the
// window has loaded and answered one library call through its preload and IPC; quit with 1, saying
// why, on any failure or when that takes too long. Nothing is shown to anyone, nothing waits for a
// click, and the run works on a temporary folder it removes afterwards.
import type { Logger } from '../../services/log';
import { realTimers, type Timers } from './main-window';

/** Runs in the page: true when window.api reached main and the library answered. */
export const SMOKE_PROBE = "window.api['app.info']({}).then((r) => r !== null && typeof r === 'object' && r.ok === true)";

export type SmokeStep = 'database' | 'window';

export interface SmokeTest {
  pass(step: SmokeStep): void;
  fail(reason: string): void;
  /** Asks the loaded page to call the library once; passes 'window' when it answers. */
  probe(contents: { executeJavaScript(code: string): Promise<unknown> }): void;
}

export function createSmokeTest(options: { exit(code: number): void; log: Logger; timeoutMs?: number; timers?: Timers }): SmokeTest {
  const timers = options.timers ?? realTimers;
  const waiting = new Set<SmokeStep>(['database', 'window']);
  let done = false;
  const finish = (code: number, line: string): void => {
    if (done) return;
    done = true;
    timers.clear(timer);
    if (code === 0) options.log.info(line);
    else options.log.error(line);
    options.exit(code);
  };
  const fail = (reason: string): void => finish(1, `smoke test failed: ${reason}`);
  const timer = timers.set(
    () => fail(`not ready after ${options.timeoutMs ?? 90_000} ms (waiting for: ${[...waiting].join(', ')})`),
    options.timeoutMs ?? 90_000,
  );
  const pass = (step: SmokeStep): void => {
    if (done) return;
    waiting.delete(step);
    options.log.info(`smoke test: ${step} ok`);
    if (waiting.size === 0) finish(0, 'smoke test passed');
  };
  return {
    pass,
    fail,
    probe(contents) {
      contents.executeJavaScript(SMOKE_PROBE).then(
        (ok) => (ok === true ? pass('window') : fail('the window could not call the library (window.api missing or refused)')),
        (err: Error) => fail(`the window could not run the probe (${err.name})`),
      );
    },
  };
}
