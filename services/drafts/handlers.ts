// The drafts' calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { allDrafts, discardDraft, getDraft, saveDraft } from './use-cases';

type DraftCall = 'drafts.save' | 'drafts.get' | 'drafts.discard' | 'drafts.list';

export const draftHandlers: HandlerGroup<DraftCall> = {
  'drafts.save': (ctx, args) => saveDraft(ctx, args),
  'drafts.get': (ctx, args) => getDraft(ctx, args.key),
  'drafts.discard': (ctx, args) => discardDraft(ctx, args.key),
  'drafts.list': (ctx) => allDrafts(ctx),
};
