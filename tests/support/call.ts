// Calls services the way both hosts do: through dispatch, with raw arguments, reading the
// Result. `call` expects success; `failure` expects a refusal and returns its error. For byte
// calls a test passes the file as `dataBase64` beside the arguments; it is staged the way the
// hosts stage a file (services/staging.ts) and handed to dispatch on the byte lane.
import { expect } from 'vitest';
import { dispatch } from '../../services/dispatch';
import type { ServiceContext } from '../../services/context';
import { byteLimitOf, isChannel, type ArgsOf, type ByteChannel, type Channel, type ValueOf } from '../../common/contract';
import type { AppError, Result } from '../../common/contract/result';
import { stageBytes, type StagedFile } from '../../services/staging';

export type TestArgs<C extends Channel> = C extends ByteChannel ? ArgsOf<C> & { dataBase64: string } : ArgsOf<C>;

/** Dispatches like a host: a `dataBase64` field becomes the staged file of a byte call. */
export async function dispatchLikeHost(ctx: ServiceContext, channel: string, args: unknown): Promise<Result<unknown>> {
  let file: StagedFile | undefined;
  let rest = args;
  if (args && typeof args === 'object' && 'dataBase64' in args) {
    const { dataBase64, ...others } = args as { dataBase64: string };
    rest = others;
    const limit = isChannel(channel) ? byteLimitOf(channel) : undefined;
    // Past the limit, a host refuses before dispatch; staging with the same limit does that here.
    try {
      file = stageBytes(ctx.dataDir, Buffer.from(dataBase64, 'base64'), limit ?? { maxBytes: Infinity, fileNoun: 'Files' });
    } catch (err) {
      return { ok: false, error: { code: (err as AppError).code, message: (err as Error).message } };
    }
  }
  return dispatch(ctx, channel, rest, file);
}

export async function call<C extends Channel>(ctx: ServiceContext, channel: C, args: TestArgs<C>): Promise<ValueOf<C>> {
  const result = await dispatchLikeHost(ctx, channel, args);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as ValueOf<C>;
}

export async function failure(ctx: ServiceContext, channel: string, args: unknown): Promise<AppError> {
  const result = await dispatchLikeHost(ctx, channel, args);
  expect(result.ok, `${channel} should have been refused`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

/** Row counts of every table that holds a part of an exercise, to prove nothing partial was written. */
export function tableCounts(ctx: ServiceContext): Record<string, number> {
  const tables = [
    'exercises',
    'exercise_text',
    'exercise_equipment',
    'exercise_suitability',
    'exercise_tags',
    'exercise_sources',
    'exercise_links',
    'media',
    'exercise_media',
    'app_meta',
  ];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = ctx.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  counts.exercise_fts_docs = ctx.db.prepare('SELECT count(*) FROM exercise_fts_docsize').pluck().get() as number;
  return counts;
}
