// The photo calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { attachPhoto, removePhoto } from './use-cases';

export const mediaHandlers: HandlerGroup<'media.attach' | 'media.remove'> = {
  'media.attach': (ctx, args, file) => attachPhoto(ctx, args, file),
  'media.remove': (ctx, args) => removePhoto(ctx, args),
};
