// The editor's drafts. A draft holds what a clinician typed and nothing is ever logged from it:
// failures are reported by dispatch with the error only, never the arguments.
import type { Draft, ParsedArgsOf } from '../../common/contract';
import { deleteDraft, listDrafts, readDraft, upsertDraft, type DraftRow } from '../../db/queries/drafts';
import type { ServiceContext } from '../context';

const toDraft = (row: DraftRow): Draft => ({
  key: row.key,
  exerciseId: row.exerciseId,
  baseContentVersion: row.baseContentVersion,
  form: JSON.parse(row.form) as unknown,
  updatedAt: row.updatedAt,
});

export function saveDraft(ctx: ServiceContext, args: ParsedArgsOf<'drafts.save'>): { updatedAt: string } {
  const updatedAt = ctx.now().toISOString();
  upsertDraft(ctx.db, {
    key: args.key,
    exerciseId: args.exerciseId,
    baseContentVersion: args.baseContentVersion,
    form: JSON.stringify(args.form),
    updatedAt,
  });
  return { updatedAt };
}

export function getDraft(ctx: ServiceContext, key: string): Draft | null {
  const row = readDraft(ctx.db, key);
  return row ? toDraft(row) : null;
}

export function discardDraft(ctx: ServiceContext, key: string): { discarded: boolean } {
  return { discarded: deleteDraft(ctx.db, key) };
}

export function allDrafts(ctx: ServiceContext): Draft[] {
  return listDrafts(ctx.db).map(toDraft);
}
