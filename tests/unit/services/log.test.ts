// The logger's lines: one per message, stamped, levelled and scoped; an error adds only its class
// and code, never its message; and without a writer given, lines go to stderr, one per write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../services/log';

const AT = new Date('2025-06-01T08:30:00.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(AT);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function recorded(scope: string): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger(scope, (l) => lines.push(l)) };
}

describe('createLogger', () => {
  it('writes each level as one line: time, level, scope, message', () => {
    const { lines, log } = recorded('boot');
    log.info('started');
    log.warn('seed skipped');
    log.error('sync failed');
    expect(lines).toEqual([
      '2025-06-01T08:30:00.000Z info [boot] started',
      '2025-06-01T08:30:00.000Z warn [boot] seed skipped',
      '2025-06-01T08:30:00.000Z error [boot] sync failed',
    ]);
  });

  it('stamps each line with the time it is written', () => {
    const { lines, log } = recorded('s');
    log.info('one');
    vi.setSystemTime(new Date('2025-06-01T08:31:05.250Z'));
    log.info('two');
    expect(lines).toEqual(['2025-06-01T08:30:00.000Z info [s] one', '2025-06-01T08:31:05.250Z info [s] two']);
  });

  it('adds an error’s class and code, never its message', () => {
    const { lines, log } = recorded('dispatch');
    const busy = Object.assign(new Error('database is locked while writing "Mrs Example"'), { code: 'SQLITE_BUSY' });
    busy.name = 'SqliteError';
    log.error('library.update failed', busy);
    log.error('library.get failed', new TypeError('Cannot read "Mrs Example"'));
    log.error('odd throw', { message: 'Mrs Example' });
    expect(lines).toEqual([
      '2025-06-01T08:30:00.000Z error [dispatch] library.update failed (SqliteError SQLITE_BUSY)',
      '2025-06-01T08:30:00.000Z error [dispatch] library.get failed (TypeError)',
      '2025-06-01T08:30:00.000Z error [dispatch] odd throw (Error)',
    ]);
    expect(lines.join('\n')).not.toContain('Mrs Example');
  });

  it('writes to stderr, one line per write, when no writer is given', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write');
    createLogger('main').warn('no display');
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith('2025-06-01T08:30:00.000Z warn [main] no display\n');
    expect(stdout).not.toHaveBeenCalled();
  });
});
