// The print preview's drawn pages: how many dark (text) pixels a page's canvas holds, so a test
// can tell pdf.js drew the page rather than leaving a blank canvas.
import type { Locator } from '@playwright/test';

export function darkPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark++;
    return dark;
  });
}
