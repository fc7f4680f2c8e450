// The scene as an SVG document string: for the contact sheet, the benchmark and anything that needs
// a picture outside React. The React painter (renderer/src/components/Figure.tsx) draws the same
// elements from the same path data.
import { svgPathData, type Box, type Primitive } from './geometry';
import type { Scene } from './scene';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number): string => String(Math.round(v * 100) / 100);

export const viewBoxOf = (b: Box): string => `${n(b.x)} ${n(b.y)} ${n(b.w)} ${n(b.h)}`;

export function primitiveSvg(p: Primitive): string {
  if (p.type === 'path') {
    const attrs = [
      `d="${svgPathData(p.commands)}"`,
      `fill="${p.fill ?? 'none'}"`,
      p.fillOpacity !== undefined ? `fill-opacity="${p.fillOpacity}"` : '',
      p.stroke ? `stroke="${p.stroke}" stroke-width="${n(p.strokeWidth)}"` : '',
      p.round ? 'stroke-linecap="round" stroke-linejoin="round"' : '',
    ];
    return `<path ${attrs.filter(Boolean).join(' ')}/>`;
  }
  if (p.type === 'circle')
    return `<circle cx="${n(p.centre[0])}" cy="${n(p.centre[1])}" r="${n(p.r)}" fill="${p.fill ?? 'none'}"${p.stroke ? ` stroke="${p.stroke}" stroke-width="${n(p.strokeWidth)}"` : ''}/>`;
  if (p.type === 'arrow')
    return (
      `<path d="${svgPathData(p.shaft)}" fill="none" stroke="${p.colour}" stroke-width="${n(p.width)}" stroke-linecap="round"/>` +
      `<path d="${svgPathData(p.head)}" fill="${p.colour}"/>`
    );
  return `<text x="${n(p.at[0])}" y="${n(p.at[1])}" font-size="${n(p.size)}" fill="${p.colour}" text-anchor="middle" font-family="sans-serif">${esc(p.text)}</text>`;
}

export function sceneToSvg(scene: Scene, options: { width?: number; height?: number; title?: string } = {}): string {
  const size = [options.width ? `width="${options.width}"` : '', options.height ? `height="${options.height}"` : '']
    .filter(Boolean)
    .join(' ');
  const title = options.title ? `<title>${esc(options.title)}</title>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBoxOf(scene.bounds)}" ${size} role="img">${title}${scene.primitives.map(primitiveSvg).join('')}</svg>`;
}
