// The handout faces: real TrueType files that pdfkit embeds, with Latin accents and Latin Extended
// letters intact, and no use of pdfkit's standard (AFM) fonts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES, fontPaths, loadFonts } from '../../../../services/handouts/fonts';
import { pdfFonts, pdfText, qpdfCheck } from '../../../support/pdf-tools';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loadwise-fonts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function write(file: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<void> {
  const fonts = loadFonts();
  const doc = new PDFDocument({ font: fonts.regular as unknown as string, size: 'LETTER' });
  doc.registerFont('bold', fonts.bold as unknown as string);
  const done = new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file);
    out.on('finish', resolve).on('error', reject);
    doc.pipe(out);
  });
  draw(doc);
  doc.end();
  await done;
}

describe('handout fonts', () => {
  it('ships both faces with their licence', () => {
    for (const file of Object.values(fontPaths())) expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    const licence = fs.readFileSync(path.join(path.dirname(fontPaths().regular), 'LICENSE-DejaVu.txt'), 'utf8');
    expect(licence).toContain('Bitstream');
    expect(Object.keys(FONT_FILES)).toEqual(['regular', 'bold']);
  });

  it('embeds every font and keeps accents and Latin Extended letters', async () => {
    const file = path.join(tmp, 'accents.pdf');
    await write(file, (doc) => {
      doc.text('José Núñez, María Peña, Łukasz Wróbel, Gőz Ödön, Doğan Çelik');
      doc.font('bold').text('Ejercicio: extensión de cadera');
    });
    expect(qpdfCheck(file).ok).toBe(true);
    const fonts = pdfFonts(file);
    expect(fonts.length).toBe(2);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/Helvetica|Times|Courier/);
    const text = pdfText(file);
    expect(text).toContain('José Núñez');
    expect(text).toContain('Łukasz Wróbel');
    expect(text).toContain('Gőz Ödön');
    expect(text).toContain('Doğan Çelik');
    expect(text).toContain('extensión');
  });

  it('names a missing font folder', () => {
    expect(() => loadFonts(path.join(tmp, 'nowhere'))).toThrow(/DejaVuSans\.ttf is missing/);
  });
});
