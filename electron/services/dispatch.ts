// The single place where call arguments are parsed and services are invoked. Both transports
// (Electron IPC and the browser-mode HTTP bridge) hand raw input here and send back the Result.
import { z } from 'zod';
import { contract, isChannel, type Channel, type ParsedArgsOf, type ValueOf } from '../shared/contract';
import { fail, ok, ServiceError, type Result } from '../shared/result';
import type { ServiceContext } from './context';
import {
  countExercises,
  createExercise,
  duplicateExercise,
  getExercise,
  searchLibrary,
  setExerciseArchived,
  updateExercise,
} from './library';
import { attachPhoto, readPhoto, removePhoto } from './media';

type Handlers = { [C in Channel]: (ctx: ServiceContext, args: ParsedArgsOf<C>) => ValueOf<C> | Promise<ValueOf<C>> };

const handlers: Handlers = {
  'app.info': (ctx) => ({
    name: 'Loadwise',
    version: ctx.appVersion,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    seedVersion: ctx.seedVersion,
    exerciseCount: countExercises(ctx),
    transport: ctx.transport,
  }),
  'library.search': (ctx, args) => searchLibrary(ctx, args),
  'library.get': (ctx, args) => getExercise(ctx, args.id),
  'library.create': (ctx, args) => createExercise(ctx, args.draft),
  'library.update': (ctx, args) => updateExercise(ctx, args),
  'library.duplicate': (ctx, args) => duplicateExercise(ctx, args.id),
  'library.setArchived': (ctx, args) => setExerciseArchived(ctx, args.id, args.archived),
  'media.attach': (ctx, args) => attachPhoto(ctx, args),
  'media.remove': (ctx, args) => removePhoto(ctx, args),
  'media.get': (ctx, args) => readPhoto(ctx, args),
};

/** Names written by programmers (fields, calls) are echoed; anything else might be typed data. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const CALL_NAME = /^[a-z]+\.[A-Za-z]+$/;

function describeIssue(i: z.core.$ZodIssue): string {
  const where = i.path.length > 0 ? i.path.map(String).map((p) => (IDENTIFIER.test(p) || /^\d+$/.test(p) ? p : '…')).join('.') : 'arguments';
  if (i.code === 'unrecognized_keys') {
    const named = i.keys.filter((k) => IDENTIFIER.test(k));
    const list = named.length > 0 ? `: ${named.slice(0, 3).join(', ')}${i.keys.length > named.slice(0, 3).length ? ', …' : ''}` : '';
    return `${where}: ${i.keys.length} unknown field${i.keys.length === 1 ? '' : 's'}${list}`;
  }
  return `${where}: ${i.message}`;
}

/** "filters.stages.0: Invalid input" lines, one per problem; values are never echoed back. */
export function describeZodError(error: z.ZodError): string {
  const text = error.issues.slice(0, 5).map(describeIssue).join('; ');
  // An unknown-keys issue lists every key it was sent: keep the message readable.
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}

function toFailure(channel: string, err: unknown, ctx: ServiceContext): Result<never> {
  if (err instanceof ServiceError) return fail(err.code, err.message);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return fail('database_busy', 'The library is busy in another window. Try again in a moment.');
    }
    if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY')) {
      ctx.log.error(`${channel} failed writing to disk`, err);
      return fail('disk_problem', 'Loadwise could not write to the disk (is it full?). Nothing was saved.');
    }
  }
  ctx.log.error(`${channel} failed`, err);
  return fail('internal', 'Something went wrong inside Loadwise. Nothing was changed. If it happens again, restart the app.');
}

export async function dispatch(ctx: ServiceContext, channel: string, raw: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('unknown_call', CALL_NAME.test(channel) && channel.length <= 60 ? `There is no call named "${channel}".` : 'There is no such call.');
  }
  const parsed = contract[channel].args.safeParse(raw ?? {});
  if (!parsed.success) return fail('invalid_argument', `${channel}: ${describeZodError(parsed.error)}`);
  try {
    const handler = handlers[channel] as (ctx: ServiceContext, args: unknown) => unknown;
    return ok(await handler(ctx, parsed.data));
  } catch (err) {
    return toFailure(channel, err, ctx);
  }
}
