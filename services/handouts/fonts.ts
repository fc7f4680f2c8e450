// The faces every printed page uses: DejaVu Sans, regular and bold (Bitstream Vera licence, in
// resources/fonts/ beside the files), embedded as subsets in each PDF. They cover Latin with its
// accents and Latin Extended (José Núñez, Łukasz, Gőz, Doğan), so a name never prints as empty
// boxes. pdfkit's own 14 standard fonts (AFM files read from its folder at run time) are never
// used: a document is opened with the regular face as its first font, which also keeps the
// esbuild bundle free of files it does not carry.
import fs from 'node:fs';
import path from 'node:path';

export const FONTS_DIR = 'fonts';
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export type FontFace = keyof typeof FONT_FILES;

/** The font files' bytes, read once per folder. */
export type FontSet = Record<FontFace, Uint8Array>;

/**
 * resources/ from the sources (services/handouts/) and from any bundle (out/<host>/): both two
 * levels up. The packaged app passes process.resourcesPath instead (electron-builder copies
 * resources/fonts to `fonts`).
 */
export const defaultResourcesDir = (): string => path.resolve(__dirname, '..', '..', 'resources');

/** Where the faces are: `<resourcesDir>/fonts/<file>`. */
export function fontPaths(resourcesDir: string = defaultResourcesDir()): Record<FontFace, string> {
  return {
    regular: path.join(resourcesDir, FONTS_DIR, FONT_FILES.regular),
    bold: path.join(resourcesDir, FONTS_DIR, FONT_FILES.bold),
  };
}

const cache = new Map<string, FontSet>();

/** Reads both faces; a missing file is named, since no handout can print without it. */
export function loadFonts(resourcesDir: string = defaultResourcesDir()): FontSet {
  const held = cache.get(resourcesDir);
  if (held) return held;
  const paths = fontPaths(resourcesDir);
  const read = (face: FontFace): Uint8Array => {
    try {
      return fs.readFileSync(paths[face]);
    } catch {
      throw new Error(`The handout font ${FONT_FILES[face]} is missing from ${path.dirname(paths[face])}; reinstall Loadwise.`);
    }
  };
  const set = { regular: read('regular'), bold: read('bold') };
  cache.set(resourcesDir, set);
  return set;
}
