// `--smoke-test`: exit 0 only after the database opened and the window answered a library call;
// exit 1, once, saying why, on a failure or a timeout.
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../../common/contract/channels';
import type { Timers } from '../../../../electron/main/main-window';
import { createSmokeTest, SMOKE_PROBE } from '../../../../electron/main/smoke';
import type { Logger } from '../../../../services/log';

function setup(timeoutMs = 1000) {
  const exits: number[] = [];
  const lines: string[] = [];
  let pending: (() => void) | null = null;
  const timers: Timers = {
    set: (task) => ((pending = task), 1),
    clear: () => (pending = null),
  };
  const log: Logger = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  const smoke = createSmokeTest({ exit: (code) => exits.push(code), log, timeoutMs, timers });
  return { smoke, exits, lines, fireTimeout: () => pending?.() };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createSmokeTest', () => {
  it('exits 0 once both the database and the window are ready, in either order', () => {
    for (const order of [
      ['database', 'window'],
      ['window', 'database'],
    ] as const) {
      const { smoke, exits, lines, fireTimeout } = setup();
      smoke.pass(order[0]);
      expect(exits).toEqual([]);
      smoke.pass(order[1]);
      expect(exits).toEqual([0]);
      expect(lines.at(-1)).toBe('info smoke test passed');
      fireTimeout();
      smoke.fail('late');
      expect(exits).toEqual([0]);
    }
  });

  it('exits 1 on the first failure, and nothing after it changes that', () => {
    const { smoke, exits, lines } = setup();
    smoke.pass('database');
    smoke.fail('the window failed to load (-6 ERR_FILE_NOT_FOUND)');
    smoke.pass('window');
    smoke.fail('again');
    expect(exits).toEqual([1]);
    expect(lines).toContain('error smoke test failed: the window failed to load (-6 ERR_FILE_NOT_FOUND)');
  });

  it('exits 1 when it takes too long, naming what it waited for', () => {
    const { smoke, exits, lines, fireTimeout } = setup(5000);
    smoke.pass('database');
    fireTimeout();
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe('error smoke test failed: not ready after 5000 ms (waiting for: window)');
  });

  it('probes the page with one real library call through window.api', async () => {
    expect(CALL_NAMES).toContain('app.info');
    expect(SMOKE_PROBE).toContain("window.api['app.info']");
    const answers: [unknown, number[]][] = [
      [true, [0]],
      [false, [1]],
      ['true', [1]],
    ];
    for (const [answer, expected] of answers) {
      const { smoke, exits } = setup();
      smoke.pass('database');
      const seen: string[] = [];
      smoke.probe({ executeJavaScript: (code) => (seen.push(code), Promise.resolve(answer)) });
      await tick();
      expect(seen).toEqual([SMOKE_PROBE]);
      expect(exits).toEqual(expected);
    }
    const { smoke, exits, lines } = setup();
    smoke.probe({ executeJavaScript: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'app.info')")) });
    await tick();
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe('error smoke test failed: the window could not run the probe (TypeError)');
  });

  it('the probe is valid JavaScript that resolves true only for an ok answer', async () => {
    const run = (api: unknown): Promise<unknown> => new Function('window', `return ${SMOKE_PROBE}`)({ api }) as Promise<unknown>;
    await expect(run({ 'app.info': () => Promise.resolve({ ok: true, value: {} }) })).resolves.toBe(true);
    await expect(run({ 'app.info': () => Promise.resolve({ ok: false, error: { code: 'forbidden_origin' } }) })).resolves.toBe(false);
    await expect(run({ 'app.info': () => Promise.resolve(null) })).resolves.toBe(false);
  });
});
