// Every call answers with a value, never a thrown error: Electron's IPC forwards only an error's
// message, and HTTP would need its own mapping. Codes form a closed set the UI can act on.
export const ERROR_CODES = [
  'invalid_argument',
  'unknown_call',
  'not_found',
  'conflict',
  'read_only',
  'too_large',
  'unsupported_media',
  'database_busy',
  'disk_problem',
  'internal',
  // A long import the clinician stopped (nothing was changed).
  'cancelled',
  // Refusals by the browser-mode bridge, before a call reaches the services.
  'unauthorized',
  'wrong_host',
  'forbidden_origin',
  'method_not_allowed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Thrown inside services to end a call with a specific code; the dispatcher turns it into data. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
