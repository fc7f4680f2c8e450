// Lays out a handout model (common/handout/model.ts) with pdfkit as a tagged PDF: headings, lists,
// figures with alt text and per-column languages in the structure tree, page numbers as
// artifacts. Every block is measured before it is drawn, so an exercise (or a safety box) moves
// whole to the next page instead of splitting; large print allows at most two exercises a page.
// The report lists where each block landed, which the layout tests read.
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { resolveCustomFigure } from '../../common/figures/custom';
import { figureFor } from '../../common/figures/library';
import { paintScene } from '../../common/figures/pdf-painter';
import { figureScenes, type Scene } from '../../common/figures/scene';
import type { BoxWords, ExerciseWords, FigureSource, HandoutExercise, HandoutModel, HandoutPicture } from '../../common/handout/model';
import type { FontSet } from './fonts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export interface PlacedBlock {
  kind: 'header' | 'where' | 'box' | 'exercises-heading' | 'exercise' | 'log' | 'section' | 'row';
  /** The exercise's item id, or the box kind. */
  key: string;
  /** 1-based page of the block's top and of its bottom. */
  firstPage: number;
  lastPage: number;
  top: number;
  bottom: number;
  /** The block's measured height (more than a page's room only for a block that continues). */
  height: number;
}

/** Where a picture was drawn (PDF points), for the tests: a photo, a vector figure or the placeholder. */
export interface PlacedPicture {
  kind: 'photo' | 'figure' | 'placeholder';
  page: number;
  width: number;
  height: number;
  alt: string;
}

export interface LayoutReport {
  pageCount: number;
  pictures: PlacedPicture[];
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
  blocks: PlacedBlock[];
}

export interface Sizes {
  body: number;
  small: number;
  h1: number;
  h2: number;
  h3: number;
  gap: number;
  picture: number;
  lineGap: number;
  logRow: number;
}

const NORMAL: Sizes = { body: 11.5, small: 10, h1: 20, h2: 15, h3: 13.5, gap: 10, picture: 110, lineGap: 1.5, logRow: 24 };
const LARGE: Sizes = { body: 16, small: 14, h1: 26, h2: 21, h3: 19, gap: 14, picture: 180, lineGap: 2.5, logRow: 34 };
/** Half an inch beyond the usual: home printers clip up to about 0.25 in. */
export const MARGIN = { top: 54, bottom: 72, left: 54, right: 54 };
export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const STOP = '#a4161a';
export const RULE = '#888888';
export const COLUMN_GAP = 18;

/** Something that can say how tall it is at a width, and draw itself there inside a structure element. */
export interface Piece {
  height(width: number): number;
  draw(x: number, y: number, width: number, parent: Struct): void;
  /** The pieces it is made of, for a block taller than a page (placed one by one, each whole). */
  parts?(): { piece: Piece; lang?: string }[];
}

/**
 * Each figure's scenes, by code (or by the clinic's pose data), kept for the next document of this
 * thread: a scene is worked out from pose data alone and painting only reads it.
 */
const figureScenesKept = new Map<string, Partial<Record<'start' | 'middle' | 'end', Scene>> | null>();
const FIGURE_SCENES_KEPT = 2_000;

export class Layout {
  readonly s: Sizes;
  readonly left = MARGIN.left;
  readonly width: number;
  readonly bottomY: number;
  y = MARGIN.top;
  page = 1;
  exercisesOnPage = 0;
  /** Room kept above the next exercise on its page (the section heading that travels with it). */
  reserve = 0;
  readonly blocks: PlacedBlock[] = [];
  readonly placedPictures: PlacedPicture[] = [];

  constructor(
    readonly doc: Doc,
    readonly model: Pick<HandoutModel, 'largePrint'>,
    sizes?: Sizes,
  ) {
    this.s = sizes ?? (model.largePrint ? LARGE : NORMAL);
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
    this.bottomY = doc.page.height - MARGIN.bottom;
  }

  // --- text primitives: the same options measure and draw ---

  private opts(width: number, extra: PDFKit.Mixins.TextOptions = {}): PDFKit.Mixins.TextOptions {
    return { width, lineGap: this.s.lineGap, ...extra };
  }
  textHeight(text: string, size: number, width: number, bold = false): number {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
    return this.doc.heightOfString(text, this.opts(width));
  }
  drawText(text: string, size: number, x: number, y: number, width: number, bold = false, color = INK, align?: 'center'): void {
    this.doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(color)
      .text(text, x, y, this.opts(width, align ? { align } : {}));
  }

  /** A figure's scene for one pose (start and end share a scale and a floor), or null when it cannot be drawn. */
  sceneOf(source: FigureSource, frame: 'start' | 'end'): Scene | null {
    const key = 'code' in source ? source.code : JSON.stringify(source.custom);
    let scenes = figureScenesKept.get(key);
    if (scenes === undefined) {
      try {
        const model = 'code' in source ? figureFor(source.code) : resolveCustomFigure(source.custom);
        scenes = model ? figureScenes(model) : null;
      } catch {
        scenes = null;
      }
      if (figureScenesKept.size >= FIGURE_SCENES_KEPT) figureScenesKept.clear();
      figureScenesKept.set(key, scenes);
    }
    return scenes?.[frame] ?? null;
  }

  /** Width over height of the exercise's first drawn figure (0: no figure). */
  figureAspect(pictures: HandoutPicture[]): number {
    const f = pictures[0]?.figure;
    const scene = f && !pictures[0]?.file ? this.sceneOf(f.source, f.frame) : null;
    return scene ? scene.bounds.w / scene.bounds.h : 0;
  }

  // --- pieces ---

  heading(text: string, tag: 'H1' | 'H2' | 'H3' | 'H4', size: number, color = INK): Piece {
    return memo({
      height: (w) => this.textHeight(text, size, w, true) + size * 0.35,
      draw: (x, y, w, parent) => parent.add(this.doc.struct(tag, {}, () => this.drawText(text, size, x, y, w, true, color))),
    });
  }

  para(text: string, opts: { label?: string; size?: number; color?: string } = {}): Piece {
    const size = opts.size ?? this.s.body;
    const whole = opts.label ? `${opts.label} ${text}` : text;
    return memo({
      // Measured all in bold: never shorter than the mixed line drawn.
      height: (w) => this.textHeight(whole, size, w, opts.label !== undefined) + size * 0.3,
      draw: (x, y, w, parent) =>
        parent.add(
          this.doc.struct('P', {}, () => {
            const color = opts.color ?? INK;
            if (opts.label) {
              this.doc
                .font('bold')
                .fontSize(size)
                .fillColor(color)
                .text(`${opts.label} `, x, y, this.opts(w, { continued: true }));
              this.doc.font('regular').text(text, this.opts(w));
            } else this.drawText(text, size, x, y, w, false, color);
          }),
        ),
    });
  }

  list(items: string[], numbered: boolean): Piece {
    const size = this.s.body;
    const indent = size * 1.6;
    const label = (i: number): string => (numbered ? `${i + 1}.` : '•');
    const itemHeight = (t: string, w: number): number => this.textHeight(t, size, w - indent) + size * 0.2;
    return memo({
      height: (w) => items.reduce((h, t) => h + itemHeight(t, w), 0) + size * 0.2,
      draw: (x, y, w, parent) => {
        const list = this.doc.struct('L');
        parent.add(list);
        let at = y;
        items.forEach((t, i) => {
          const top = at;
          list.add(
            this.doc.struct('LI', {}, [
              this.doc.struct('Lbl', {}, () => this.drawText(label(i), size, x, top, indent, numbered)),
              this.doc.struct('LBody', {}, () => this.drawText(t, size, x + indent, top, w - indent)),
            ]),
          );
          at += itemHeight(t, w);
        });
        list.end();
      },
    });
  }

  stack(pieces: Piece[]): Piece {
    return memo({
      parts: () => pieces.map((piece) => ({ piece })),
      height: (w) => pieces.reduce((h, p) => h + p.height(w), 0),
      draw: (x, y, w, parent) => {
        let at = y;
        for (const p of pieces) {
          p.draw(x, at, w, parent);
          at += p.height(w);
        }
      },
    });
  }

  /** Side-by-side columns, one per language, each a Div with its language. */
  columns(cols: { lang: string; piece: Piece }[]): Piece {
    const colWidth = (w: number): number => (cols.length === 1 ? w : (w - COLUMN_GAP * (cols.length - 1)) / cols.length);
    return memo({
      // Too tall for a page: each language's pieces one after the other, full width.
      parts: () => cols.flatMap((c) => flatten(c.piece).map((p) => ({ piece: p.piece, lang: p.lang ?? c.lang }))),
      height: (w) => Math.max(...cols.map((c) => c.piece.height(colWidth(w)))),
      draw: (x, y, w, parent) => {
        const cw = colWidth(w);
        cols.forEach((c, i) => {
          const div = this.doc.struct('Div', { lang: c.lang });
          parent.add(div);
          c.piece.draw(x + i * (cw + COLUMN_GAP), y, cw, div);
          div.end();
        });
      },
    });
  }

  /** A framed box: heading, an intro line and its lines, one column per language. */
  box(words: BoxWords[], color: string): Piece {
    const pad = this.s.body * 0.8;
    const inner = this.columns(
      words.map((b) => ({
        lang: b.lang,
        piece: this.stack([
          this.heading(b.heading, 'H2', this.s.h3, color),
          ...(b.intro ? [this.para(b.intro)] : []),
          ...(b.lines.length > 1 || b.intro ? [this.list(b.lines, false)] : b.lines.map((l) => this.para(l))),
        ]),
      })),
    );
    return memo({
      height: (w) => inner.height(w - 2 * pad) + 2 * pad,
      draw: (x, y, w, parent) => {
        const h = inner.height(w - 2 * pad) + 2 * pad;
        this.artifact(() => {
          this.doc
            .lineWidth(color === STOP ? 2.5 : 1.2)
            .strokeColor(color)
            .roundedRect(x, y, w, h, 6)
            .stroke();
        });
        inner.draw(x + pad, y + pad, w - 2 * pad, parent);
      },
    });
  }

  /** The pictures of an exercise side by side: photos fitted in their frame, else a placeholder. */
  /** Pictures side by side (`across`) or one above the other, each frame `h` tall. */
  pictures(pictures: HandoutPicture[], h: number, across: boolean): Piece {
    const gap = this.s.gap * 0.6;
    return {
      height: () => (across ? h : pictures.length * h + (pictures.length - 1) * gap) + gap,
      draw: (x, top, w, parent) => {
        const each = across ? (w - COLUMN_GAP * (pictures.length - 1)) / pictures.length : w;
        const frameW = Math.min(each, h * 1.5);
        pictures.forEach((p, i) => {
          const px = across ? x + i * (each + COLUMN_GAP) : x;
          const y = across ? top : top + i * (h + gap);
          const image = p.file ? this.openImage(p.file) : null;
          const scene = !image && p.figure ? this.sceneOf(p.figure.source, p.figure.frame) : null;
          if (scene) {
            // Fitted to its frame at its own proportions, at the frame's top, the caption just below.
            const captionH = p.caption ? this.s.small * 1.5 : 0;
            const figureW = across ? frameW : each;
            const aspect = scene.bounds.w / scene.bounds.h;
            const fitW = Math.min(figureW, (h - captionH) * aspect);
            const fitH = fitW / aspect;
            parent.add(
              this.doc.struct('Figure', { alt: p.alt }, () => {
                this.doc.font('regular');
                paintScene(this.doc, scene, { x: px + (figureW - fitW) / 2, y, w: fitW, h: fitH });
              }),
            );
            this.placedPictures.push({ kind: 'figure', page: this.page, width: fitW, height: fitH, alt: p.alt });
            if (p.caption) {
              const caption = p.caption;
              this.artifact(() => this.drawText(caption, this.s.small, px, y + fitH + 2, figureW, true, MUTED, 'center'));
            }
            return;
          }
          if (image) {
            parent.add(
              this.doc.struct('Figure', { alt: p.alt }, () => {
                this.doc.image(image, px, y, { fit: [frameW, h], align: 'center', valign: 'center' });
              }),
            );
            this.placedPictures.push({ kind: 'photo', page: this.page, width: frameW, height: h, alt: p.alt });
            return;
          }
          parent.add(
            this.doc.struct('Figure', { alt: p.alt }, () => {
              this.placedPictures.push({ kind: 'placeholder', page: this.page, width: frameW, height: h, alt: p.alt });
              this.doc.save().lineWidth(1).dash(4, { space: 3 }).strokeColor(RULE).rect(px, y, frameW, h).stroke().undash().restore();
              const size = Math.min(this.s.small, NORMAL.small + (h - 80) / 20);
              const textH = Math.min(this.textHeight(p.alt, size, frameW - 16), h - 12);
              this.doc
                .font('regular')
                .fontSize(size)
                .fillColor(MUTED)
                .text(p.alt, px + 8, y + (h - textH) / 2, { width: frameW - 16, height: h - 12, ellipsis: true, lineGap: this.s.lineGap });
            }),
          );
        });
      },
    };
  }

  /** A photo pdfkit can read, or null (a missing or damaged file prints the placeholder instead). */
  openImage(file: string): PDFKit.Mixins.ImageSrc | null {
    try {
      const img = (this.doc as unknown as { openImage(src: string): unknown }).openImage(file);
      return img ? file : null;
    } catch {
      return null;
    }
  }

  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  // --- page flow ---

  newPage(): void {
    this.doc.addPage();
    this.page += 1;
    this.y = MARGIN.top;
    this.exercisesOnPage = 0;
  }

  /** The height a block may have: a whole page between the margins. */
  get pageRoom(): number {
    return this.bottomY - MARGIN.top;
  }

  /**
   * Places a piece whole: on this page when it fits, else at the top of the next. A piece taller
   * than a whole page (a long clinic exercise in large print, a bilingual one) is placed part by
   * part instead, each part whole; the report shows it spanning pages.
   */
  place(kind: PlacedBlock['kind'], key: string, piece: Piece, tag: string, lang?: string, continued?: string): void {
    const h = piece.height(this.width);
    const sect = this.doc.struct(tag, lang ? { lang } : {});
    if (h <= this.pageRoom) {
      if (this.y + h > this.bottomY) this.newPage();
      this.doc.addStructure(sect);
      piece.draw(this.left, this.y, this.width, sect);
      sect.end();
      this.blocks.push({ kind, key, firstPage: this.page, lastPage: this.page, top: this.y, bottom: this.y + h, height: h });
      this.y += h + this.s.gap;
      return;
    }
    // Too tall for any page (a long exercise at 16 pt): it starts a page and goes on over the next,
    // each part whole, under its name and "continued".
    const parts = flatten(piece);
    if (this.y > MARGIN.top) this.newPage();
    const first = this.page;
    const top = this.y;
    this.doc.addStructure(sect);
    for (const part of parts) {
      const ph = part.piece.height(this.width);
      if (this.y + ph > this.bottomY && this.y > MARGIN.top) {
        this.newPage();
        if (continued) {
          const line = this.heading(continued, 'H3', this.s.h3, MUTED);
          line.draw(this.left, this.y, this.width, sect);
          this.y += line.height(this.width);
        }
      }
      const parent = part.lang ? this.doc.struct('Div', { lang: part.lang }) : sect;
      if (parent !== sect) sect.add(parent);
      part.piece.draw(this.left, this.y, this.width, parent);
      if (parent !== sect) parent.end();
      this.y += ph;
    }
    sect.end();
    this.blocks.push({ kind, key, firstPage: first, lastPage: this.page, top, bottom: this.y, height: h });
    this.y += this.s.gap;
  }
}

/** The piece with its height remembered per width: layout asks the same question many times. */
function memo(piece: Piece): Piece {
  const heights = new Map<number, number>();
  return {
    ...piece,
    height(w) {
      let h = heights.get(w);
      if (h === undefined) heights.set(w, (h = piece.height(w)));
      return h;
    },
  };
}

/** A piece's smallest parts (itself when it has none). */
/** Table header scope (pdfkit reads it; its types do not list it yet). */
const scope = (s: 'Column' | 'Row'): PDFKit.Mixins.StructureElementOptions => ({ scope: s }) as PDFKit.Mixins.StructureElementOptions;

function flatten(piece: Piece): { piece: Piece; lang?: string }[] {
  return piece.parts
    ? piece.parts().flatMap((p) => flatten(p.piece).map((q) => ({ piece: q.piece, lang: q.lang ?? p.lang })))
    : [{ piece }];
}

/** A thin rule above an entry (an artifact), with a little room below it. */
export function ruleLine(l: Layout): Piece {
  return {
    height: () => l.s.gap * 0.6,
    draw: (x, y, w) =>
      l.artifact(
        () =>
          void l.doc
            .lineWidth(0.6)
            .strokeColor(RULE)
            .moveTo(x, y)
            .lineTo(x + w, y)
            .stroke(),
      ),
  };
}

/** The dose, side and effort: what to do, at a glance. */
function exerciseFacts(l: Layout, w: ExerciseWords): Piece {
  return l.stack([
    l.para(w.dose, { label: w.labels.dose }),
    l.para(w.side, { label: w.labels.side }),
    l.para(w.effort.join(' '), { label: w.labels.effort }),
  ]);
}

/** How to do it: start, steps, tips, cautions and the clinician's note. */
function exerciseHow(l: Layout, w: ExerciseWords): Piece {
  const s = l.s;
  const pieces: Piece[] = [l.para(w.start, { label: w.labels.start }), l.heading(w.labels.steps, 'H4', s.body), l.list(w.steps, true)];
  if (w.cues.length > 0) pieces.push(l.heading(w.labels.tips, 'H4', s.body), l.list(w.cues, false));
  if (w.cautions.length > 0) pieces.push(l.para(w.cautions.join(' '), { label: w.labels.caution, color: STOP }));
  if (w.note) pieces.push(l.para(w.note, { label: w.labels.note }));
  if (w.untranslatedNote) pieces.push(l.para(w.untranslatedNote, { size: s.small, color: MUTED }));
  return l.stack(pieces);
}

/** Beside the facts: the pictures' share of the width (large print: more). */
const pictureShare = (l: Layout, w: number): number => (l.model.largePrint ? Math.min(w * 0.5, 300) : Math.min(w * 0.42, 260));

/** A figure wider than this (lying down) is drawn start above end, so each stays large. */
const WIDE_FIGURE = 1.6;

function exercisePiece(l: Layout, exercise: HandoutExercise): Piece {
  const s = l.s;
  const readable = exercise.pictures.some((p) => p.file && l.openImage(p.file));
  const e = readable || !exercise.pictures.some((p) => p.file) ? exercise : { ...exercise, pictures: exercise.fallback };
  const title = e.words.map((w) => w.name).join(' / ');
  const rule = ruleLine(l);
  const heading = l.heading(`${e.number}. ${title}`, 'H3', s.h3);
  if (e.words.length === 1) {
    const words = e.words[0] as ExerciseWords;
    const facts = exerciseFacts(l, words);
    const how = exerciseHow(l, words);
    // The pictures beside the facts, as tall as the page leaves room for (large print: larger).
    const room = (w: number): number => l.pageRoom - l.reserve - rule.height(w) - heading.height(w) - how.height(w) - s.gap;
    const picH = (w: number): number => Math.max(60, Math.min(s.picture, room(w)));
    const aspect = l.figureAspect(e.pictures);
    const share = (w: number): number => pictureShare(l, w);
    // A lying-down figure: start above end, each as tall as the share's width allows and the page
    // leaves room for; full size when the exercise goes on over a page anyway.
    const stackedH = (w: number): number => {
      const full = Math.min(share(w) / aspect + s.small * 1.5, s.picture);
      const each = Math.max(40, Math.min(full, (room(w) - s.gap * 0.6) / 2));
      const tall = Math.max(2 * each + s.gap * 1.2, facts.height(w - share(w) - COLUMN_GAP));
      const fits = rule.height(w) + heading.height(w) + tall + how.height(w) <= l.pageRoom - l.reserve;
      return fits ? each : full;
    };
    const pics = (w: number): Piece =>
      aspect > WIDE_FIGURE && e.pictures.length > 1
        ? l.pictures(e.pictures, stackedH(w), false)
        : l.pictures(e.pictures, picH(w), e.pictures.length > 1);
    const top: Piece = {
      height: (w) => Math.max(pics(w).height(share(w)), facts.height(w - share(w) - COLUMN_GAP)),
      draw: (x, y, w, parent) => {
        pics(w).draw(x, y, share(w), parent);
        facts.draw(x + share(w) + COLUMN_GAP, y, w - share(w) - COLUMN_GAP, parent);
      },
    };
    return l.stack([rule, heading, top, how]);
  }
  // Bilingual: pictures across the top, then one column per language.
  const text = l.columns(e.words.map((w) => ({ lang: w.lang, piece: l.stack([exerciseFacts(l, w), exerciseHow(l, w)]) })));
  const room = (w: number): number => l.pageRoom - l.reserve - rule.height(w) - heading.height(w) - text.height(w) - s.gap;
  const picH = (w: number): number => Math.max(60, Math.min(s.picture, room(w)));
  const pics: Piece = {
    height: (w) => l.pictures(e.pictures, picH(w), true).height(w),
    draw: (x, y, w, parent) => l.pictures(e.pictures, picH(w), true).draw(x, y, w, parent),
  };
  return l.stack([rule, heading, pics, text]);
}

function headerPiece(l: Layout, m: HandoutModel): Piece {
  const s = l.s;
  const leftLines = [...m.header.address, ...(m.header.phone ? [m.header.phone] : [])];
  const rightLines = (m.header.details[0]?.lines ?? []).map((line, i) =>
    m.header.details.length > 1 && i > 0 ? m.header.details.map((d) => d.lines[i]).join(' / ') : line,
  );
  const left = l.stack([
    ...(m.header.clinicName ? [l.heading(m.header.clinicName, 'H2', s.h3)] : []),
    ...leftLines.map((t) => l.para(t, { size: s.small })),
  ]);
  const right = l.stack(rightLines.map((t) => l.para(t, { size: s.small })));
  const half = (w: number): number => (w - COLUMN_GAP) / 2;
  const titles = l.columns(m.titles.map((t) => ({ lang: t.lang, piece: l.heading(t.text, 'H1', s.h1) })));
  return {
    height: (w) => Math.max(left.height(half(w)), right.height(half(w))) + s.gap + titles.height(w),
    draw: (x, y, w, parent) => {
      left.draw(x, y, half(w), parent);
      right.draw(x + half(w) + COLUMN_GAP, y, half(w), parent);
      const below = y + Math.max(left.height(half(w)), right.height(half(w))) + s.gap / 2;
      l.artifact(
        () =>
          void l.doc
            .lineWidth(1)
            .strokeColor(INK)
            .moveTo(x, below)
            .lineTo(x + w, below)
            .stroke(),
      );
      titles.draw(x, below + s.gap / 2, w, parent);
    },
  };
}

function wherePiece(l: Layout, m: HandoutModel): Piece {
  return l.columns(
    m.where.map((wh) => ({
      lang: wh.lang,
      piece: l.stack([
        l.heading(wh.heading, 'H2', l.s.h2),
        ...wh.paragraphs.map((p) => l.para(p)),
        ...(wh.readyHeading ? [l.heading(wh.readyHeading, 'H3', l.s.body), l.list(wh.criteria, false)] : []),
      ]),
    })),
  );
}

/** The exercise log: days across, exercises down, a tick box per day, a row for the day's pain. */
function drawLog(l: Layout, m: HandoutModel): void {
  const doc = l.doc;
  const s = l.s;
  l.newPage();
  const first = l.page;
  const top = l.y;
  const sect = doc.struct('Sect');
  doc.addStructure(sect);
  const intro = l.columns(
    m.log.words.map((w) => ({
      lang: w.lang,
      piece: l.stack([l.heading(w.heading, 'H1', s.h1), l.para(w.intro), l.para(w.week)]),
    })),
  );
  intro.draw(l.left, l.y, l.width, sect);
  l.y += intro.height(l.width) + s.gap;

  const nameW = l.width * (m.largePrint ? 0.34 : 0.4);
  const dayW = (l.width - nameW) / m.log.days.length;
  const table = doc.struct('Table');
  sect.add(table);
  const headerRow = (): void => {
    const rowH = Math.max(s.logRow, ...m.log.days.map((d) => l.textHeight(d, s.small, dayW - 4, true) + 8));
    const tr = doc.struct('TR');
    table.add(tr);
    const y = l.y;
    tr.add(doc.struct('TH', scope('Column'), () => l.drawText(m.log.exerciseHeading, s.small, l.left + 4, y + 4, nameW - 8, true)));
    m.log.days.forEach((d, i) =>
      tr.add(doc.struct('TH', scope('Column'), () => l.drawText(d, s.small, l.left + nameW + i * dayW + 2, y + 4, dayW - 4, true))),
    );
    tr.end();
    l.artifact(() => void doc.lineWidth(1).strokeColor(INK).rect(l.left, y, l.width, rowH).stroke());
    l.y += rowH;
  };
  const row = (label: string, tick: boolean): void => {
    const rowH = Math.max(s.logRow, l.textHeight(label, s.small, nameW - 8) + 8);
    if (l.y + rowH > l.bottomY) {
      l.newPage();
      headerRow();
    }
    const y = l.y;
    const tr = doc.struct('TR');
    table.add(tr);
    tr.add(doc.struct('TH', scope('Row'), () => l.drawText(label, s.small, l.left + 4, y + 4, nameW - 8)));
    m.log.days.forEach((_d, i) => {
      tr.add(doc.struct('TD'));
      const box = Math.min(rowH - 10, s.body + 2);
      l.artifact(() => {
        if (tick)
          doc
            .lineWidth(1)
            .strokeColor(INK)
            .rect(l.left + nameW + i * dayW + (dayW - box) / 2, y + (rowH - box) / 2, box, box)
            .stroke();
      });
    });
    tr.end();
    l.artifact(() => {
      doc.lineWidth(0.6).strokeColor(RULE).rect(l.left, y, l.width, rowH).stroke();
      for (let i = 0; i <= m.log.days.length; i++)
        doc
          .moveTo(l.left + nameW + i * dayW, y)
          .lineTo(l.left + nameW + i * dayW, y + rowH)
          .stroke();
    });
    l.y += rowH;
  };
  headerRow();
  for (const name of m.log.exercises) row(name, true);
  row(`${m.log.painRowLabel}: ${m.log.painHeading}`, false);
  table.end();
  sect.end();
  l.blocks.push({ kind: 'log', key: 'log', firstPage: first, lastPage: l.page, top, bottom: l.y, height: l.y - top });
}

export function drawFooters(doc: Doc, m: Pick<HandoutModel, 'pageLabel'>, size: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // The footer sits in the bottom margin: let pdfkit write there without adding a page.
    doc.page.margins.bottom = 0;
    const text = m.pageLabel.replace(/\{n\}/g, String(i + 1)).replace(/\{m\}/g, String(range.count));
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(size)
      .fillColor(MUTED)
      .text(text, MARGIN.left, doc.page.height - MARGIN.bottom + 24, {
        width: doc.page.width - MARGIN.left - MARGIN.right,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** pdfkit's view of a face it opened: the parsed font and the shaped words it keeps (undocumented). */
interface OpenedFace {
  font: { layout(text: string): unknown };
  layoutCache?: Record<string, unknown>;
}
interface ParsedFace {
  font: OpenedFace['font'];
  shaped: Record<string, unknown>;
}
/** Each face's parsed font and shaped words, kept for the next document of this thread. */
const parsedFaces = new WeakMap<Uint8Array, ParsedFace>();
/** Shaped words kept per face before the store starts afresh (a bound on memory). */
const SHAPED_WORDS_KEPT = 50_000;

/**
 * Registers the faces, parsed once per thread: pdfkit would otherwise parse each face again for
 * every document and shape every word again (fontkit's shaping of each distinct word was most of
 * a handout's layout time). Each document still builds its own subset of the glyphs it uses, so
 * the PDF is the same; only the parsed font and the shaped words (in font units) are shared.
 */
function useParsedFaces(doc: Doc, fonts: FontSet): void {
  for (const face of ['regular', 'bold'] as const) {
    const held = parsedFaces.get(fonts[face]);
    doc.registerFont(face, (held?.font ?? fonts[face]) as unknown as string);
    // Opened here in the order the layout used to open them: F1 regular, F2 bold.
    doc.font(face);
    const opened = (doc as unknown as { _font: OpenedFace })._font;
    if (!opened.layoutCache) continue;
    if (held && Object.keys(held.shaped).length < SHAPED_WORDS_KEPT) opened.layoutCache = held.shaped;
    else parsedFaces.set(fonts[face], { font: opened.font, shaped: opened.layoutCache });
  }
  doc.font('regular');
}

/** A tagged pdfkit document with the handout faces registered, piped to `out`; `finished` when written. */
export function openDocument(
  model: Pick<HandoutModel, 'paper' | 'lang' | 'title'> & { subject: string },
  fonts: FontSet,
  out: Writable,
): { doc: Doc; finished: Promise<void> } {
  const doc = new PDFDocument({
    size: model.paper === 'a4' ? 'A4' : 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    // No first font: pdfkit would otherwise open its AFM Helvetica. Our faces are registered below
    // and chosen by name, so each is parsed once (a face given here as bytes and registered again
    // would be parsed anew on every font change: pdfkit finds it equal by name and skips its cache).
    font: null as unknown as string,
    info: { Title: model.title, Creator: 'Loadwise', Producer: 'Loadwise', Subject: model.subject },
    pdfVersion: '1.7',
  });
  useParsedFaces(doc, fonts);
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);

  return { doc, finished };
}

/** Writes the handout to `out` (the PDF streams as pdfkit finishes it) and reports the layout. */
export function renderHandoutPdf(model: HandoutModel, fonts: FontSet, out: Writable): Promise<LayoutReport> {
  const { doc, finished } = openDocument({ ...model, subject: model.titles[0]?.text ?? '' }, fonts, out);
  const l = new Layout(doc, model);
  l.place('header', 'header', headerPiece(l, model), 'Sect');
  l.place('where', 'where', wherePiece(l, model), 'Sect');
  for (const b of model.boxes) l.place('box', b.kind, l.box(b.words, b.kind === 'stop' ? STOP : INK), 'Sect');

  const heading = l.columns(model.exercisesHeading.map((h) => ({ lang: h.lang, piece: l.heading(h.text, 'H1', l.s.h1) })));
  const firstExercise = model.exercises[0];
  // The heading keeps company with the first exercise (large print: starts a page with it); the
  // first exercise's pictures shrink to leave the heading its room.
  l.reserve = heading.height(l.width) + l.s.gap;
  const together = l.reserve + (firstExercise ? exercisePiece(l, firstExercise).height(l.width) : 0);
  // When even the two together are taller than a page, the heading ends this page instead.
  if (together <= l.pageRoom && (model.largePrint || l.y + together > l.bottomY) && l.y > MARGIN.top) l.newPage();
  l.place('exercises-heading', 'exercises', heading, 'Sect');
  if (model.exercises.length === 0)
    l.place('exercises-heading', 'none', l.columns(model.noExercises.map((n) => ({ lang: n.lang, piece: l.para(n.text) }))), 'Sect');
  for (const [i, e] of model.exercises.entries()) {
    if (model.largePrint && l.exercisesOnPage >= 2) l.newPage();
    const before = l.page;
    l.place('exercise', e.itemId, exercisePiece(l, e), 'Sect', undefined, e.continued);
    if (i === 0) l.reserve = 0;
    l.exercisesOnPage = l.page === before ? l.exercisesOnPage + 1 : 1;
  }
  drawLog(l, model);
  return endDocument(l, model, finished);
}

/** Numbers the pages, ends the document and reports, once written, where everything landed. */
export function endDocument(l: Layout, m: Pick<HandoutModel, 'pageLabel'>, finished: Promise<void>): Promise<LayoutReport> {
  const doc = l.doc;
  drawFooters(doc, m, l.s.small);
  const pageCount = doc.bufferedPageRange().count;
  doc.end();
  return finished.then(() => ({
    pageCount,
    pictures: l.placedPictures,
    pageHeight: doc.page.height,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    blocks: l.blocks,
  }));
}

/** A clinic's record's title block: the clinic's name small, the heading, and short lines below. */
export function titleBlock(l: Layout, clinicName: string, heading: string, lines: string[]): Piece {
  return l.stack([
    ...(clinicName ? [l.para(clinicName, { size: l.s.small, color: MUTED })] : []),
    l.heading(heading, 'H1', l.s.h1),
    ...lines.map((t) => l.para(t, { size: l.s.small })),
  ]);
}
