// Poppler and qpdf, run on a PDF file the way a reviewer would: structure (qpdf --check), fonts
// (pdffonts), document information (pdfinfo), text (pdftotext) and pages as images (pdftoppm).
// Debian: poppler-utils and qpdf (.ci/run installs both).
import { execFileSync, spawnSync } from 'node:child_process';

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  // qpdf exits 0 when clean, 3 for warnings only, 2 for errors: only 0 is a clean file.
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** The fonts pdffonts lists: name, type, and whether each is embedded (and subset). */
export function pdfFonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      // name type [type…] encoding emb sub uni object ID: read the yes/no columns from the right.
      const cols = l.trim().split(/\s+/);
      const n = cols.length;
      return {
        name: cols[0] as string,
        type: cols.slice(1, n - 7).join(' '),
        embedded: cols[n - 5] === 'yes',
        subset: cols[n - 4] === 'yes',
      };
    });
}

/** pdfinfo's "Key: value" lines as a record. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] as string, m[2] as string]),
  );
}

/** The text of the whole document (or one page), in reading order as pdftotext finds it. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

/** Renders one page to a PNG at `dpi`, written to `<prefix>.png`. */
export function renderPage(file: string, page: number, prefix: string, dpi = 50): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/** Every object's /Alt (a tagged PDF's alternate text), decoded, in object order (qpdf's JSON). */
export function pdfAltTexts(file: string): string[] {
  const out = execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return [...out.matchAll(/"\/Alt": "u:((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
}

/** How many image XObjects the PDF holds (bitmaps; vector drawings hold none). */
export function pdfImageCount(file: string): number {
  const out = execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return (out.match(/"\/Subtype": "\/Image"/g) ?? []).length;
}
