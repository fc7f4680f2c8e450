// How a call is declared: its argument schema (parsed once, in services/dispatch.ts) and its
// result type. The result exists only in the type system; no placeholder value stands in for it.
import { z } from 'zod';

export interface CallSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  args: A;
  /** Largest file this call accepts on the byte lane; absent for calls without bytes. */
  maxBytes?: number;
  /** What the file is, in the plural, for messages: "Photos can be up to 10 MB." */
  fileNoun?: string;
  /** Type-only: what the call answers. */
  readonly __result?: R;
}

/** `call<Exercise>()(schema)`: a call answering an Exercise. */
export const call =
  <R>() =>
  <A extends z.ZodType>(args: A, bytes?: { maxBytes: number; fileNoun: string }): CallSpec<A, R> =>
    bytes === undefined ? { args } : { args, ...bytes };

export const Id = z.uuid();
export const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'Expected a SHA-256 hex digest');
