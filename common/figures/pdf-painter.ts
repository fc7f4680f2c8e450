// The PDF painter: draws a figure scene with the vector calls of a pdfkit document (paths, Béziers,
// circles, fills and strokes; no bitmaps, crisp at any size). It takes anything shaped like pdfkit's
// PDFDocument (PdfLike), so the kernel stays free of pdfkit itself; handouts pass the real document,
// tests pass a recorder and compare its coordinates with the SVG painter's.
import { fitTransform, type Box, type PathCommand, type Point } from './geometry';
import type { Scene } from './scene';

/** The part of pdfkit's PDFDocument the painter uses. */
export interface PdfLike {
  save(): unknown;
  restore(): unknown;
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): unknown;
  closePath(): unknown;
  circle(x: number, y: number, r: number): unknown;
  lineWidth(w: number): unknown;
  lineCap(c: 'round' | 'butt' | 'square'): unknown;
  lineJoin(j: 'round' | 'miter' | 'bevel'): unknown;
  fillColor(colour: string, opacity?: number): unknown;
  strokeColor(colour: string, opacity?: number): unknown;
  fill(): unknown;
  stroke(): unknown;
  fillAndStroke(): unknown;
  fontSize(size: number): unknown;
  text(text: string, x: number, y: number, options?: { width?: number; align?: 'center' | 'left' | 'right'; lineBreak?: boolean }): unknown;
}

/** Paints `scene` fitted into `box` (PDF points, y down), centred like the SVG's viewBox. */
export function paintScene(doc: PdfLike, scene: Scene, box: Box): void {
  const t = fitTransform(scene.bounds, box);
  const at = (p: Point): Point => [p[0] * t.scale + t.dx, p[1] * t.scale + t.dy];
  const trace = (commands: readonly PathCommand[]) => {
    for (const c of commands) {
      if (c.op === 'Z') doc.closePath();
      else if (c.op === 'C') {
        const [a, b, e] = [at(c.c1), at(c.c2), at(c.to)];
        doc.bezierCurveTo(a[0], a[1], b[0], b[1], e[0], e[1]);
      } else {
        const p = at(c.to);
        if (c.op === 'M') doc.moveTo(p[0], p[1]);
        else doc.lineTo(p[0], p[1]);
      }
    }
  };
  const finish = (fill: string | null, stroke: string | null, width: number, opacity?: number) => {
    if (fill) doc.fillColor(fill, opacity ?? 1);
    if (stroke) {
      doc.strokeColor(stroke);
      doc.lineWidth(width * t.scale);
    }
    if (fill && stroke) doc.fillAndStroke();
    else if (fill) doc.fill();
    else if (stroke) doc.stroke();
  };
  for (const p of scene.primitives) {
    doc.save();
    if (p.type === 'path') {
      if (p.round) {
        doc.lineCap('round');
        doc.lineJoin('round');
      }
      trace(p.commands);
      finish(p.fill, p.stroke, p.strokeWidth, p.fillOpacity);
    } else if (p.type === 'circle') {
      const c = at(p.centre);
      doc.circle(c[0], c[1], p.r * t.scale);
      finish(p.fill, p.stroke, p.strokeWidth);
    } else if (p.type === 'arrow') {
      doc.lineCap('round');
      trace(p.shaft);
      finish(null, p.colour, p.width);
      trace(p.head);
      finish(p.colour, null, 0);
    } else {
      const a = at(p.at);
      const size = p.size * t.scale;
      const width = p.text.length * size * 0.6;
      doc.fontSize(size);
      doc.fillColor(p.colour);
      doc.text(p.text, a[0] - width / 2, a[1] - size * 0.8, { width, align: 'center', lineBreak: false });
    }
    doc.restore();
  }
}
