// The handouts' calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { listGiven, recordGiven, renderHandout } from './use-cases';

type HandoutCall = 'handouts.render' | 'handouts.recordGiven' | 'handouts.listGiven';

export const handoutHandlers: HandlerGroup<HandoutCall> = {
  'handouts.render': (ctx, args) => renderHandout(ctx, args),
  'handouts.recordGiven': (ctx, args) => recordGiven(ctx, args),
  'handouts.listGiven': (ctx, args) => listGiven(ctx, args.programId),
};
