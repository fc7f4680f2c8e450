// Where a rendered handout's PDF is fetched in browser mode, without zod (the renderer's first
// screen and the hosts import it): GET /handouts/<id>.pdf, the id from handouts.render.
export const HANDOUT_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const HANDOUT_DOWNLOAD_PREFIX = '/handouts/';
export const HANDOUT_DOWNLOAD_PATTERN = /^\/handouts\/([A-Za-z0-9_-]{43})\.pdf$/;
export const handoutUrl = (id: string): string => `${HANDOUT_DOWNLOAD_PREFIX}${id}.pdf`;
