// The single place where call arguments are parsed and services are invoked. Both hosts
// (Electron IPC and the browser-mode HTTP bridge) hand raw input here and send back the Result.
import { byteLimitOf, contract, isChannel } from '../common/contract';
import { describeZodError } from '../common/contract/issues';
import { tooLargeMessage } from '../common/text/sizes';
import { fail, ok, ServiceError, type Result } from '../common/contract/result';
import { appHandlers } from './app/handlers';
import { assessmentHandlers } from './assessments/handlers';
import { backupHandlers } from './backups/handlers';
import { bundleHandlers } from './bundles/handlers';
import type { ServiceContext } from './context';
import { combineHandlers, type AnyHandler } from './handlers';
import { draftHandlers } from './drafts/handlers';
import { figureHandlers } from './figures/handlers';
import { handoutHandlers } from './handouts/handlers';
import { importHandlers } from './imports/handlers';
import { libraryHandlers } from './library/handlers';
import { mediaHandlers } from './media/handlers';
import { patientHandlers } from './patients/handlers';
import { programHandlers, templateHandlers } from './programs/handlers';
import { settingsHandlers } from './settings/handlers';
import { removeStaged, type StagedFile } from './staging';

export const HANDLER_GROUPS: Record<string, Record<string, AnyHandler>> = {
  app: appHandlers,
  library: libraryHandlers,
  media: mediaHandlers,
  drafts: draftHandlers,
  backups: backupHandlers,
  assessments: assessmentHandlers,
  settings: settingsHandlers,
  patients: patientHandlers,
  programs: programHandlers,
  templates: templateHandlers,
  bundles: bundleHandlers,
  handouts: handoutHandlers,
  figures: figureHandlers,
  imports: importHandlers,
};
const handlers = combineHandlers(HANDLER_GROUPS);

/** The call names some feature answers; a test checks these are exactly the contract's. */
export const registeredCalls = (): string[] => [...handlers.keys()];

/** Call names are echoed only when they look like one; anything else might be typed data. */
const CALL_NAME = /^[a-z]+\.[A-Za-z]+$/;

/** A thrown error as the Result a call answers (also for host work beside the calls, like an export). */
export function failureOf(channel: string, err: unknown, ctx: ServiceContext): Result<never> {
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

/**
 * Parses `raw` against the call's schema and runs its handler. `file` is the staged file of a
 * byte call (see services/staging.ts); it is removed here once the call ends, whatever happened.
 */
export async function dispatch(ctx: ServiceContext, channel: string, raw: unknown, file?: StagedFile): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) {
      return fail(
        'unknown_call',
        CALL_NAME.test(channel) && channel.length <= 60 ? `There is no call named "${channel}".` : 'There is no such call.',
      );
    }
    const parsed = contract[channel].args.safeParse(raw ?? {});
    if (!parsed.success) return fail('invalid_argument', `${channel}: ${describeZodError(parsed.error)}`);
    const limit = byteLimitOf(channel);
    if (limit && !file) return fail('invalid_argument', `${channel}: this call needs a file.`);
    if (!limit && file) return fail('invalid_argument', `${channel}: this call takes no file.`);
    if (limit && file && file.size > limit.maxBytes) return fail('too_large', tooLargeMessage(file.size, limit.maxBytes, limit.fileNoun));
    const handler = handlers.get(channel) as ((c: ServiceContext, a: unknown, f?: StagedFile) => unknown) | undefined;
    if (!handler) return fail('unknown_call', `There is no call named "${channel}".`);
    return ok(await handler(ctx, parsed.data, file));
  } catch (err) {
    return failureOf(channel, err, ctx);
  } finally {
    removeStaged(file);
  }
}
