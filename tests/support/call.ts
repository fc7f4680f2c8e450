// Calls services the way both transports do: through dispatch, with raw arguments, reading the
// Result. `call` expects success; `failure` expects a refusal and returns its error.
import { expect } from 'vitest';
import { dispatch } from '../../services/dispatch';
import type { ServiceContext } from '../../services/context';
import type { ArgsOf, Channel, ValueOf } from '../../common/contract';
import type { AppError } from '../../common/contract/result';

export async function call<C extends Channel>(ctx: ServiceContext, channel: C, args: ArgsOf<C>): Promise<ValueOf<C>> {
  const result = await dispatch(ctx, channel, args);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as ValueOf<C>;
}

export async function failure(ctx: ServiceContext, channel: string, args: unknown): Promise<AppError> {
  const result = await dispatch(ctx, channel, args);
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
