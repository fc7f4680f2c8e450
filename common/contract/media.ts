// Calls for a clinic's photos. The photo's bytes travel on the byte lane, never inside JSON.
import { z } from 'zod';
import type { Exercise } from '../domain/exercise';
import { call, Id, Sha256 } from './define';

/** Largest photo accepted, before cleaning. Stated in messages, so keep it a round number. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
export const MAX_PHOTOS_PER_EXERCISE = 6;

export interface MediaData {
  mime: 'image/jpeg' | 'image/png';
  dataBase64: string;
}

export const mediaCalls = {
  'media.attach': call<Exercise>()(
    z
      .object({
        exerciseId: Id,
        fileName: z.string().min(1).max(255),
        // base64 grows data by 4/3; the exact byte limit is checked after decoding.
        dataBase64: z
          .string()
          .min(1)
          .max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 1024 * 1024),
        caption: z.string().trim().max(200).nullable().default(null),
      })
      .strict(),
  ),
  'media.remove': call<Exercise>()(z.object({ exerciseId: Id, sha256: Sha256 }).strict()),
  'media.get': call<MediaData>()(z.object({ sha256: Sha256, variant: z.enum(['full', 'thumb']).default('full') }).strict()),
};
