// One geometry, two painters: for every built-in exercise the SVG the React painter draws and the
// calls the PDF painter makes (recorded by a fake pdfkit document) hold the same shapes at the same
// coordinates, once the SVG's viewBox is fitted into the PDF's box. A real pdfkit document takes the
// same calls and writes vectors only.
import PDFDocument from 'pdfkit';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { figureCodes, figureFor } from '../../../../common/figures/library';
import { fitTransform, type Box } from '../../../../common/figures/geometry';
import { paintScene, type PdfLike } from '../../../../common/figures/pdf-painter';
import { pairScene } from '../../../../common/figures/scene';
import { FigureSvg, FigureThumbnail } from '../../../../renderer/src/components/Figure';

type Op = [string, ...number[]];

/** A pdfkit stand-in that records the drawing calls and ignores the styling ones. */
function recorder(): PdfLike & { ops: Op[] } {
  const ops: Op[] = [];
  const noop = () => undefined;
  return {
    ops,
    save: noop,
    restore: noop,
    moveTo: (x, y) => ops.push(['M', x, y]),
    lineTo: (x, y) => ops.push(['L', x, y]),
    bezierCurveTo: (a, b, c, d, e, f) => ops.push(['C', a, b, c, d, e, f]),
    closePath: () => ops.push(['Z']),
    circle: (x, y, r) => ops.push(['O', x, y, r]),
    lineWidth: noop,
    lineCap: noop,
    lineJoin: noop,
    fillColor: noop,
    strokeColor: noop,
    fill: noop,
    stroke: noop,
    fillAndStroke: noop,
    fontSize: noop,
    text: noop,
  };
}

/** The SVG's shapes as the same ops, mapped from its viewBox into `box`. */
function svgOps(svg: string, box: Box): Op[] {
  const [vx, vy, vw, vh] = /viewBox="([^"]+)"/.exec(svg)![1].split(' ').map(Number);
  const t = fitTransform({ x: vx, y: vy, w: vw, h: vh }, box);
  const X = (v: number) => v * t.scale + t.dx;
  const Y = (v: number) => v * t.scale + t.dy;
  const ops: Op[] = [];
  for (const el of svg.matchAll(/<(path|circle)\b([^>]*)\/?>/g)) {
    const attrs = el[2];
    if (el[1] === 'circle') {
      const n = (a: string) => Number(new RegExp(`\\b${a}="([^"]+)"`).exec(attrs)![1]);
      ops.push(['O', X(n('cx')), Y(n('cy')), n('r') * t.scale]);
      continue;
    }
    const d = /\bd="([^"]+)"/.exec(attrs)![1];
    for (const m of d.matchAll(/([MLCZ])([^MLCZ]*)/g)) {
      const nums = m[2].trim()
        ? m[2]
            .trim()
            .split(/[\s,]+/)
            .map(Number)
        : [];
      ops.push([m[1], ...nums.map((v, i) => (i % 2 === 0 ? X(v) : Y(v)))]);
    }
  }
  return ops;
}

describe('figure painters', () => {
  const box: Box = { x: 36, y: 120, w: 320, h: 150 };

  it.each(figureCodes().map((c) => [c]))('%s: the SVG and the PDF draw the same geometry', (code) => {
    const scene = pairScene(figureFor(code)!);
    const svg = renderToStaticMarkup(<FigureSvg scene={scene} label="x" />);
    const pdf = recorder();
    paintScene(pdf, scene, box);
    const fromSvg = svgOps(svg, box);
    expect(fromSvg.length).toBeGreaterThan(50);
    expect(pdf.ops.map((o) => o[0]).join('')).toBe(fromSvg.map((o) => o[0]).join(''));
    const t = fitTransform(scene.bounds, box);
    // The SVG rounds its points and viewBox to two decimals of a centimetre; allow that, scaled.
    const tolerance = 0.02 * t.scale;
    const worst = Math.max(...pdf.ops.flatMap((o, i) => o.slice(1).map((v, k) => Math.abs((v as number) - (fromSvg[i][k + 1] as number)))));
    expect(worst).toBeLessThanOrEqual(tolerance);
    // Everything lands inside the box.
    for (const o of pdf.ops)
      for (let k = 1; k < o.length - (o[0] === 'O' ? 1 : 0); k += 2) {
        expect(o[k] as number).toBeGreaterThanOrEqual(box.x - 0.5);
        expect(o[k] as number).toBeLessThanOrEqual(box.x + box.w + 0.5);
      }
  });

  it('catches a painter that drifts', () => {
    const scene = pairScene(figureFor('L2-06')!);
    const pdf = recorder();
    paintScene(pdf, scene, box);
    const shifted = svgOps(renderToStaticMarkup(<FigureSvg scene={scene} />), { ...box, x: box.x + 2 });
    const diff = Math.max(...pdf.ops.flatMap((o, i) => o.slice(1).map((v, k) => Math.abs((v as number) - (shifted[i][k + 1] as number)))));
    expect(diff).toBeGreaterThan(1);
  });

  it('writes a real PDF with vectors only, no images', async () => {
    const doc = new PDFDocument({ size: 'A4', compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    paintScene(doc, pairScene(figureFor('L2-06')!), box);
    doc.end();
    await done;
    const text = Buffer.concat(chunks).toString('latin1');
    expect(text.startsWith('%PDF')).toBe(true);
    expect(text).not.toContain('/Subtype /Image');
    expect(text).toMatch(/ c\n/); // Bézier curves
  });

  it('names a thumbnail with its alt text, and draws nothing for an exercise without a figure', () => {
    const html = renderToStaticMarkup(<FigureThumbnail code="L2-06" name="Bridge" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Bridge: lying on your back, knees bent, lifting your hips"');
    expect(renderToStaticMarkup(<FigureThumbnail code={null} name="My own" />)).toBe('');
    expect(renderToStaticMarkup(<FigureSvg scene={pairScene(figureFor('L2-06')!)} />)).toContain('aria-hidden="true"');
  });
});
