// Photos as files: the limits a photo must meet and the URL a stored photo is served at. No zod
// here, so the renderer's first screen loads without the schema library.
/** Largest photo accepted, before cleaning. Stated in messages, so keep it a round number. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Longest side: a 1 × 40,000,000 strip is within the pixel limit but takes seconds to decode. */
export const MAX_PHOTO_SIDE = 16_000;
export const MAX_PHOTOS_PER_EXERCISE = 6;

export type MediaVariant = 'full' | 'thumb';

/** Where a stored photo is served, relative to the app's own origin (app://loadwise or 127.0.0.1). */
export const mediaUrl = (sha256: string, variant: MediaVariant): string => `/media/${sha256}/${variant}`;
export const MEDIA_URL_PATTERN = /^\/media\/([a-f0-9]{64})\/(full|thumb)$/;
