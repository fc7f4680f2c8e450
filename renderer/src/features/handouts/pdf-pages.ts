// Draws a PDF's pages onto canvases with pdf.js, in its worker (loaded from the app's own files). The print preview shows the real pages the patient will get.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfPages {
  count: number;
  /** Draws page `n` (1-based) at `width` CSS pixels wide into `canvas`. */
  draw(n: number, canvas: HTMLCanvasElement, width: number): Promise<void>;
  close(): void;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfPages> {
  const task = getDocument({ data: bytes });
  const doc = await task.promise;
  return {
    count: doc.numPages,
    async draw(n, canvas, width) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / base.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
    },
    close: () => void task.destroy(),
  };
}
