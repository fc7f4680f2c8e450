// Lays out the clinician summary (common/handout/summary-model.ts) with the handout's layout kit:
// compact type, tables as tagged Table/TR/TH/TD whose rows never split (the header row repeats on
// a new page), a small line chart per objective test drawn as vectors, and each program item whole
// on its page. As few pages as the content takes.
import type { Writable } from 'node:stream';
import type { SummaryModel, SummaryTest } from '../../common/handout/summary-model';
import type { FontSet } from './fonts';
import { endDocument, INK, Layout, MUTED, openDocument, RULE, STOP, titleBlock, type LayoutReport, type Piece, type Sizes } from './layout';

const COMPACT: Sizes = { body: 9.5, small: 8.5, h1: 17, h2: 12.5, h3: 10.5, gap: 8, picture: 0, lineGap: 1, logRow: 18 };
const CHART_W = 70;

interface Column {
  heading: string;
  /** Share of the table's width. */
  share: number;
}

interface Row {
  key: string;
  cells: string[];
  /** A small chart drawn in the last column instead of text. */
  chart?: SummaryTest;
}

const scope = (s: 'Column' | 'Row'): PDFKit.Mixins.StructureElementOptions => ({ scope: s }) as PDFKit.Mixins.StructureElementOptions;

/** The recorded values as a line with a dot per recording, the latest dot filled. */
function drawChart(l: Layout, t: SummaryTest, x: number, y: number, w: number, h: number): void {
  const doc = l.doc;
  const v = t.values;
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  const span = hi - lo || 1;
  const px = (i: number): number => x + (v.length === 1 ? w / 2 : (i * w) / (v.length - 1));
  const py = (n: number): number => y + h - ((n - lo) / span) * h;
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(RULE)
    .moveTo(x, y + h)
    .lineTo(x + w, y + h)
    .stroke();
  doc.lineWidth(1.2).strokeColor(INK);
  v.forEach((n, i) => (i === 0 ? doc.moveTo(px(i), py(n)) : doc.lineTo(px(i), py(n))));
  if (v.length > 1) doc.stroke();
  v.forEach((n, i) => {
    doc.circle(px(i), py(n), 1.8);
    if (i === v.length - 1) doc.fillColor(INK).fill();
    else doc.lineWidth(0.8).strokeColor(INK).stroke();
  });
  doc.restore();
}

/** A table whose rows are placed whole; the header row comes again at the top of a new page. */
function drawTable(
  l: Layout,
  parent: PDFKit.PDFStructureElement,
  columns: Column[],
  rows: Row[],
  chartAlt: (t: SummaryTest) => string,
): void {
  const doc = l.doc;
  const s = l.s;
  const pad = 3;
  const widths = columns.map((c) => c.share * l.width);
  const xs = widths.map((_w, i) => l.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const table = doc.struct('Table');
  parent.add(table);
  const rowHeight = (cells: string[], bold: boolean, chart: boolean): number =>
    Math.max(
      chart ? 24 : 0,
      ...cells.map((c, i) => (chart && i === cells.length - 1 ? 0 : l.textHeight(c, s.small, (widths[i] as number) - 2 * pad, bold))),
    ) +
    2 * pad;
  const header = (): void => {
    const h = rowHeight(
      columns.map((c) => c.heading),
      true,
      false,
    );
    const y = l.y;
    const tr = doc.struct('TR');
    table.add(tr);
    columns.forEach((c, i) =>
      tr.add(
        doc.struct('TH', scope('Column'), () =>
          l.drawText(c.heading, s.small, (xs[i] as number) + pad, y + pad, (widths[i] as number) - 2 * pad, true),
        ),
      ),
    );
    tr.end();
    l.artifact(
      () =>
        void doc
          .lineWidth(0.8)
          .strokeColor(INK)
          .moveTo(l.left, y + h)
          .lineTo(l.left + l.width, y + h)
          .stroke(),
    );
    l.y += h;
  };
  header();
  for (const row of rows) {
    const h = rowHeight(row.cells, false, row.chart !== undefined);
    if (l.y + h > l.bottomY) {
      l.newPage();
      header();
    }
    const y = l.y;
    const tr = doc.struct('TR');
    table.add(tr);
    row.cells.forEach((text, i) => {
      const x = (xs[i] as number) + pad;
      const w = (widths[i] as number) - 2 * pad;
      if (row.chart && i === row.cells.length - 1) {
        const t = row.chart;
        tr.add(
          doc.struct('TD', {}, [
            doc.struct('Figure', { alt: chartAlt(t) }, () =>
              drawChart(l, t, x + 2, y + pad + 2, Math.min(w - 4, CHART_W), h - 2 * pad - 6),
            ),
          ]),
        );
      } else if (i === 0) tr.add(doc.struct('TH', scope('Row'), () => l.drawText(text, s.small, x, y + pad, w, true)));
      else tr.add(doc.struct('TD', {}, () => l.drawText(text, s.small, x, y + pad, w)));
    });
    tr.end();
    l.artifact(
      () =>
        void doc
          .lineWidth(0.4)
          .strokeColor(RULE)
          .moveTo(l.left, y + h)
          .lineTo(l.left + l.width, y + h)
          .stroke(),
    );
    l.blocks.push({ kind: 'row', key: row.key, firstPage: l.page, lastPage: l.page, top: y, bottom: y + h, height: h });
    l.y += h;
  }
  table.end();
}

/** A section heading placed with room for at least `keep` points of what follows on its page. */
function sectionHeading(l: Layout, text: string, keep: number): PDFKit.PDFStructureElement {
  const heading = l.heading(text, 'H2', l.s.h2);
  if (l.y + heading.height(l.width) + keep > l.bottomY) l.newPage();
  const sect = l.doc.struct('Sect');
  l.doc.addStructure(sect);
  heading.draw(l.left, l.y, l.width, sect);
  l.y += heading.height(l.width);
  return sect;
}

function itemPiece(l: Layout, item: SummaryModel['stages'][number]['items'][number]): Piece {
  const name = `${item.number}. ${item.name}${item.code ? ` (${item.code})` : ''}`;
  return l.stack([
    l.para(item.dose, { label: `${name}:` }),
    l.para(item.frequency, { size: l.s.small }),
    ...item.extras.map((e) => l.para(e, { size: l.s.small, color: MUTED })),
  ]);
}

export function renderSummaryPdf(model: SummaryModel, fonts: FontSet, out: Writable): Promise<LayoutReport> {
  const { doc, finished } = openDocument({ paper: model.paper, lang: 'en-US', title: model.title, subject: model.heading }, fonts, out);
  const l = new Layout(doc, { largePrint: false }, COMPACT);
  const s = l.s;

  l.place('header', 'header', titleBlock(l, model.clinicName, model.heading, model.headerLines), 'Sect');

  const half = (w: number): number => (w - 18) / 2;
  const patient = l.stack(model.patientLines.map((p) => l.para(p.value, { label: `${p.label}:` })));
  const surgeries = l.stack([l.heading('Surgeries', 'H3', s.h3), l.list(model.surgeries, false)]);
  const clinical: Piece = {
    height: (w) => Math.max(patient.height(half(w)), surgeries.height(half(w))),
    draw: (x, y, w, parent) => {
      patient.draw(x, y, half(w), parent);
      surgeries.draw(x + half(w) + 18, y, half(w), parent);
    },
  };
  l.place('section', 'patient', clinical, 'Sect');
  l.place('section', 'red-flags', l.stack([l.heading('Red-flag screen', 'H2', s.h2), l.list(model.redFlags, false)]), 'Sect');

  let sect = sectionHeading(l, 'Safety flags and acknowledgements', 30);
  if (model.flags.length === 0) {
    const none = l.para('No safety flags on this version.');
    none.draw(l.left, l.y, l.width, sect);
    l.y += none.height(l.width);
  } else
    drawTable(
      l,
      sect,
      [
        { heading: 'Flag', share: 0.15 },
        { heading: 'Exercise', share: 0.2 },
        { heading: 'Reason', share: 0.35 },
        { heading: 'Acknowledgement', share: 0.3 },
      ],
      model.flags.map((f, i) => ({ key: `flag-${i}`, cells: [f.severity, f.exercise ?? 'Whole program', f.reason, f.acknowledgement] })),
      () => '',
    );
  sect.end();
  l.y += s.gap;

  sect = sectionHeading(l, 'Objective tests', 30);
  if (model.tests.length === 0) {
    const none = l.para('No objective tests recorded yet.');
    none.draw(l.left, l.y, l.width, sect);
    l.y += none.height(l.width);
  } else
    drawTable(
      l,
      sect,
      [
        { heading: 'Test', share: 0.17 },
        { heading: 'Baseline', share: 0.13 },
        { heading: 'Latest', share: 0.13 },
        { heading: 'Change', share: 0.27 },
        { heading: 'MCID', share: 0.14 },
        { heading: 'Trend', share: 0.16 },
      ],
      model.tests.map((t, i) => ({ key: `test-${i}`, cells: [t.name, t.baseline, t.latest, t.change, t.mcid, ''], chart: t })),
      (t) => `Chart of ${t.name}: ${t.values.join(', ')}`,
    );
  sect.end();
  l.y += s.gap;

  sect = sectionHeading(l, model.exitHeading, 30);
  const status = l.para(model.exitStatus, { color: model.exitStatus.startsWith('Ready') ? INK : STOP });
  status.draw(l.left, l.y, l.width, sect);
  l.y += status.height(l.width);
  drawTable(
    l,
    sect,
    [
      { heading: 'Criterion', share: 0.6 },
      { heading: 'Role', share: 0.18 },
      { heading: 'Status', share: 0.22 },
    ],
    model.criteria.map((c, i) => ({ key: `criterion-${i}`, cells: [c.label, c.role, c.status] })),
    () => '',
  );
  sect.end();
  l.y += s.gap;

  l.place('section', 'program-heading', l.heading('Program', 'H2', s.h2), 'Sect');
  for (const st of model.stages.filter((x) => x.items.length > 0)) {
    const heading = l.heading(st.heading, 'H3', s.h3);
    const first = itemPiece(l, st.items[0]!);
    // The stage heading keeps company with its first item.
    if (l.y + heading.height(l.width) + first.height(l.width) > l.bottomY) l.newPage();
    l.place('section', `stage-${st.heading}`, heading, 'Sect');
    l.y -= s.gap * 0.7;
    for (const item of st.items) {
      l.place('exercise', `${st.heading}:${item.number}`, itemPiece(l, item), 'Sect');
      l.y -= s.gap * 0.5;
    }
    l.y += s.gap * 0.5;
  }
  const empty = model.stages.filter((x) => x.items.length === 0).map((x) => x.heading);
  if (empty.length > 0)
    l.place('section', 'empty-stages', l.para(`No exercises yet in ${empty.join('; ')}.`, { size: s.small, color: MUTED }), 'Sect');

  return endDocument(l, model, finished);
}
