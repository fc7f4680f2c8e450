// Scoped logging to stderr. Messages are written by us, never built from patient data or call
// arguments: only call names, error codes and counts go in.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export function createLogger(scope: string, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const emit = (level: string, message: string): void => write(`${new Date().toISOString()} ${level} [${scope}] ${message}`);
  return {
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    // Only the error's class and code: a SQLite message can quote the row it failed on.
    error: (m, err) => {
      const e = err as { name?: string; code?: string } | undefined;
      emit('error', e ? `${m} (${e.name ?? 'Error'}${e.code ? ` ${e.code}` : ''})` : m);
    },
  };
}
