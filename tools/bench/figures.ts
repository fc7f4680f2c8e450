// Exercise figure figures for `npm run bench` (issue 11):
//   figure_render_ms  one exercise (the glute bridge), both poses solved from the pose data, settled,
//                     turned into scenes and written as SVG strings, from nothing cached (p95)
//   thumbs_paint_ms   50 result cards with their start-and-end thumbnails put into a Chromium page,
//                     until the frame after they are laid out and painted (median of a few rounds)
import type { Browser } from 'playwright-core';
import { FIGURES, figureCodes } from '../../common/figures/library';
import { resolveFigure } from '../../common/figures/pose';
import { figureScenes, pairScene } from '../../common/figures/scene';
import { sceneToSvg } from '../../common/figures/svg';
import type { ExerciseFigureInput } from '../../common/domain/figure';
import { percentile } from './stats';

const ROUNDS = 300;

/** Both pictures of one exercise to SVG strings, nothing cached: p95 in ms. */
export function measureFigureRender(code = 'L2-06'): number {
  const input = FIGURES.exercises[code] as ExerciseFigureInput;
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const scenes = figureScenes(resolveFigure(FIGURES, code, input));
    const svg = sceneToSvg(scenes.start!) + sceneToSvg(scenes.end!);
    times.push(performance.now() - t0);
    if (svg.length < 1000) throw new Error(`${code}: the figure drew almost nothing`);
  }
  return percentile(times.slice(50), 95);
}

/** 50 result cards with thumbnails painted in Chromium: the median of five rounds, in ms. */
export async function measureThumbsPaint(browser: Browser): Promise<number> {
  const codes = figureCodes().slice(0, 50);
  const cards = codes
    .map(
      (code) =>
        `<li class="result"><strong>${code}</strong><span>Stage · Region</span>${sceneToSvg(pairScene(resolveFigure(FIGURES, code, FIGURES.exercises[code] as ExerciseFigureInput), 'fit'), { width: 104, height: 56 })}</li>`,
    )
    .join('');
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  try {
    await page.setContent(
      '<!doctype html><style>ul{list-style:none;margin:0;padding:0;width:380px}.result{display:grid;grid-template-columns:1fr 104px;padding:12px;border-bottom:1px solid #ddd}</style><ul id="list"></ul>',
    );
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      times.push(
        await page.evaluate(
          (html) =>
            new Promise<number>((resolve) => {
              // Runs in the page: its DOM, typed here for a Node-only project.
              const { document, requestAnimationFrame } = globalThis as unknown as {
                document: { getElementById(id: string): { innerHTML: string; offsetHeight: number } | null };
                requestAnimationFrame(cb: () => void): void;
              };
              const list = document.getElementById('list')!;
              list.innerHTML = '';
              const t0 = performance.now();
              list.innerHTML = html;
              void list.offsetHeight;
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
            }),
          cards,
        ),
      );
    }
    return [...times].sort((a, b) => a - b)[2] as number;
  } finally {
    await page.close();
  }
}
