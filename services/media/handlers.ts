// The photo calls, registered as one group.
import type { HandlerGroup } from '../handlers';
import { attachPhoto, readPhoto, removePhoto } from './use-cases';

export const mediaHandlers: HandlerGroup<'media.attach' | 'media.remove' | 'media.get'> = {
  'media.attach': (ctx, args) => attachPhoto(ctx, args),
  'media.remove': (ctx, args) => removePhoto(ctx, args),
  'media.get': (ctx, args) => readPhoto(ctx, args),
};
