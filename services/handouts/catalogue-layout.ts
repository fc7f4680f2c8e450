// Lays out the library catalogue (common/handout/catalogue-model.ts) with the handout's layout
// kit: compact type, each exercise a tagged section with its pictures on the left (photos, else
// the vector figures, else the placeholder, each with alt text) and its names, stage, dose and
// ratings beside them. An entry is measured first and never splits across pages; the report lists
// where each landed, which the tests read.
import type { Writable } from 'node:stream';
import type { CatalogueEntry, CatalogueModel } from '../../common/handout/catalogue-model';
import type { FontSet } from './fonts';
import {
  COLUMN_GAP,
  endDocument,
  Layout,
  MUTED,
  openDocument,
  ruleLine,
  titleBlock,
  type LayoutReport,
  type Piece,
  type Sizes,
} from './layout';

const COMPACT: Sizes = { body: 10, small: 8.5, h1: 18, h2: 13, h3: 11.5, gap: 8, picture: 84, lineGap: 1, logRow: 18 };
/** The pictures' share of the width. */
const PICTURES_W = 190;

/** Two columns of short lines (the ratings), filled top to bottom. */
function twoColumns(l: Layout, lines: string[]): Piece {
  const half = Math.ceil(lines.length / 2);
  const cols = [lines.slice(0, half), lines.slice(half)].map((c) => l.stack(c.map((t) => l.para(t, { size: l.s.small }))));
  const colW = (w: number): number => (w - COLUMN_GAP) / 2;
  return {
    height: (w) => Math.max(...cols.map((c) => c.height(colW(w)))),
    draw: (x, y, w, parent) => cols.forEach((c, i) => c.draw(x + i * (colW(w) + COLUMN_GAP), y, colW(w), parent)),
  };
}

function entryPiece(l: Layout, e: CatalogueEntry): Piece {
  const s = l.s;
  const readable = e.pictures.some((p) => p.file && l.openImage(p.file));
  const pictures = readable || !e.pictures.some((p) => p.file) ? e.pictures : e.fallback;
  const pics = l.pictures(pictures, s.picture, pictures.length > 1);
  const text = l.stack([
    l.heading(e.heading, 'H2', s.h3),
    l.para(e.patientName, { label: 'Patient name:' }),
    l.para(e.stage, { size: s.small, color: MUTED }),
    l.para(`${e.dose}. ${e.frequency}.`, { label: 'Dose:' }),
    l.heading('Ratings', 'H3', s.small),
    twoColumns(l, e.ratings),
  ]);
  const textW = (w: number): number => w - PICTURES_W - COLUMN_GAP;
  const rule = ruleLine(l);
  return {
    height: (w) => rule.height(w) + Math.max(pics.height(PICTURES_W), text.height(textW(w))),
    draw: (x, y, w, parent) => {
      rule.draw(x, y, w, parent);
      const top = y + rule.height(w);
      pics.draw(x, top, PICTURES_W, parent);
      text.draw(x + PICTURES_W + COLUMN_GAP, top, textW(w), parent);
    },
  };
}

export function renderCataloguePdf(model: CatalogueModel, fonts: FontSet, out: Writable): Promise<LayoutReport> {
  const { doc, finished } = openDocument(
    { paper: model.paper, lang: model.lang, title: model.title, subject: model.headerLines[0] ?? '' },
    fonts,
    out,
  );
  const l = new Layout(doc, { largePrint: false }, COMPACT);
  const s = l.s;
  l.place('header', 'header', titleBlock(l, model.clinicName, model.heading, model.headerLines), 'Sect');
  if (model.entries.length === 0) l.place('section', 'empty', l.para(model.empty), 'Sect');
  for (const e of model.entries) l.place('exercise', e.key, entryPiece(l, e), 'Sect');
  return endDocument(l, model, finished);
}
