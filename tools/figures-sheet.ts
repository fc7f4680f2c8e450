// `npm run figures:sheet`: every built-in exercise's start and end pictures on one contact sheet,
// the code and name under each pair, written to out/figures/figures-sheet.png (and .svg). Lists any
// exercise without a figure and any contact or collision problem, so a reviewer sees them at once.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { figureProblems } from '../common/figures/checks';
import { figureFor } from '../common/figures/library';
import { surfaceHeights } from '../common/figures/props';
import { pairScene } from '../common/figures/scene';
import { primitiveSvg, viewBoxOf } from '../common/figures/svg';

const root = path.resolve(__dirname, '..', '..');
const seedDir = path.join(root, 'resources/seed/exercises');
const outDir = path.join(root, 'out/figures');

interface SeedExercise {
  code: string;
  text: { name: string };
  clinicalName: string;
}

const exercises: SeedExercise[] = fs
  .readdirSync(seedDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(seedDir, f), 'utf8')) as { exercises: SeedExercise[] }).exercises)
  .sort((a, b) => a.code.localeCompare(b.code));

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const list = only.length > 0 ? exercises.filter((e) => only.some((o) => e.code.startsWith(o))) : exercises;

const COLS = Number(process.env.FIGURES_SHEET_COLS ?? 6);
const CELL_W = 420;
const CELL_H = 250;
const LABEL_H = 38;
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const cells: string[] = [];
const missing: string[] = [];
const problems: string[] = [];
list.forEach((ex, i) => {
  const x = (i % COLS) * CELL_W;
  const y = Math.floor(i / COLS) * CELL_H;
  let body = '';
  try {
    const model = figureFor(ex.code);
    if (!model) {
      missing.push(ex.code);
      body = `<text x="${CELL_W / 2}" y="${(CELL_H - LABEL_H) / 2}" text-anchor="middle" font-size="16" fill="#B42318">No figure yet</text>`;
    } else {
      const scene = pairScene(model);
      body = `<svg x="8" y="6" width="${CELL_W - 16}" height="${CELL_H - LABEL_H - 10}" viewBox="${viewBoxOf(scene.bounds)}" preserveAspectRatio="xMidYMid meet">${scene.primitives.map(primitiveSvg).join('')}</svg>`;
      const p = figureProblems(model, surfaceHeights(model.props));
      for (const c of p.contacts)
        problems.push(`${ex.code} ${c.frame}: ${c.contact.part} on ${c.contact.on} is ${c.gap.toFixed(1)} cm off`);
      for (const c of p.collisions) problems.push(`${ex.code} ${c.frame}: ${c.segment} passes ${c.depth.toFixed(1)} cm into ${c.prop}`);
    }
  } catch (e) {
    problems.push(`${ex.code}: ${(e as Error).message}`);
    body = `<text x="${CELL_W / 2}" y="${(CELL_H - LABEL_H) / 2}" text-anchor="middle" font-size="14" fill="#B42318">${esc((e as Error).message.slice(0, 60))}</text>`;
  }
  const name = ex.text.name.length > 52 ? `${ex.text.name.slice(0, 50)}…` : ex.text.name;
  cells.push(
    `<g transform="translate(${x} ${y})"><rect x="2" y="2" width="${CELL_W - 4}" height="${CELL_H - 4}" rx="8" fill="#fff" stroke="#D0D5DD"/>${body}` +
      `<text x="${CELL_W / 2}" y="${CELL_H - LABEL_H + 12}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="13" font-weight="bold" fill="#1D2939">${esc(ex.code)} · ${esc(name)}</text>` +
      `<text x="${CELL_W * 0.27}" y="${CELL_H - 10}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="11" fill="#667085">Start</text>` +
      `<text x="${CELL_W * 0.73}" y="${CELL_H - 10}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="11" fill="#667085">End</text></g>`,
  );
});

const width = COLS * CELL_W;
const height = Math.ceil(list.length / COLS) * CELL_H;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#F2F4F7"/>${cells.join('')}</svg>`;
fs.mkdirSync(outDir, { recursive: true });
const name = process.env.FIGURES_SHEET_NAME ?? 'figures-sheet';
fs.writeFileSync(path.join(outDir, `${name}.svg`), svg);
sharp(Buffer.from(svg), { limitInputPixels: false })
  .png({ compressionLevel: 9, palette: true })
  .toFile(path.join(outDir, `${name}.png`))
  .then(() => {
    console.log(
      `Wrote ${path.relative(root, path.join(outDir, `${name}.png`))}: ${list.length} exercises, ${missing.length} without a figure.`,
    );
    if (missing.length > 0) console.log(`Without a figure: ${missing.join(', ')}`);
    for (const p of problems) console.log(p);
    if (problems.length > 0 || missing.length > 0) process.exitCode = 1;
  });
