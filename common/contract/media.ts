// Calls for a clinic's photos. A photo's bytes travel on the byte lane (a Uint8Array over IPC, a
// raw request body in browser mode), never inside JSON; photos are shown by URL (`mediaUrl`).
import { z } from 'zod';
import type { Exercise } from '../domain/exercise';
import { call, Id, Sha256 } from './define';
import { MAX_PHOTO_BYTES } from './photo-files';

export * from './photo-files';

export const mediaCalls = {
  'media.attach': call<Exercise>()(
    z
      .object({
        exerciseId: Id,
        fileName: z.string().min(1).max(255),
        caption: z.string().trim().max(200).nullable().default(null),
      })
      .strict(),
    { maxBytes: MAX_PHOTO_BYTES, fileNoun: 'Photos' },
  ),
  'media.remove': call<Exercise>()(z.object({ exerciseId: Id, sha256: Sha256 }).strict()),
};
