// The handouts' calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { listGiven, recordGiven, renderCatalogue, renderHandout } from './use-cases';

type HandoutCall = 'handouts.render' | 'handouts.renderCatalogue' | 'handouts.recordGiven' | 'handouts.listGiven';

export const handoutHandlers: HandlerGroup<HandoutCall> = {
  'handouts.render': (ctx, args) => renderHandout(ctx, args),
  'handouts.renderCatalogue': (ctx, args) => renderCatalogue(ctx, args),
  'handouts.recordGiven': (ctx, args) => recordGiven(ctx, args),
  'handouts.listGiven': (ctx, args) => listGiven(ctx, args.programId),
};
