// The handout worker thread's entry (built to out/workers/handout-worker.cjs): builds the model,
// lays out the PDF with pdfkit and streams it to the file it was given, hashing the bytes as they
// pass. The process that answers the window (Electron main, the browser-mode server) only waits
// for the answer, so a 40-exercise handout never stalls its calls, timers or photo route.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { buildHandoutModel, type HandoutInput } from '../../common/handout/model';
import { buildSummaryModel, type SummaryInput } from '../../common/handout/summary-model';
import { buildCatalogueModel, type CatalogueInput } from '../../common/handout/catalogue-model';
import { renderCataloguePdf } from './catalogue-layout';
import { loadFonts } from './fonts';
import { renderSummaryPdf } from './summary-layout';
import { renderHandoutPdf, type LayoutReport } from './layout';

export interface HandoutJob {
  input: HandoutInput | null;
  /** Set for a clinician summary instead of the patient's handout. */
  summary?: SummaryInput;
  /** Set for the library catalogue (then `input` is null). */
  catalogue?: CatalogueInput;
  resourcesDir: string;
  outFile: string;
}

export type HandoutAnswer =
  { ok: true; report: LayoutReport; sha256: string; bytes: number; untranslated: string[] } | { ok: false; message: string };

/** Renders one handout to `job.outFile` (used by the worker, and directly by tests and the bench). */
export async function renderHandoutFile(job: HandoutJob): Promise<Extract<HandoutAnswer, { ok: true }>> {
  const model = job.summary || job.catalogue || !job.input ? null : buildHandoutModel(job.input);
  const fonts = loadFonts(job.resourcesDir);
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const file = fs.createWriteStream(job.outFile, { mode: 0o600 });
  const written = new Promise<void>((resolve, reject) => {
    file.once('close', resolve);
    file.once('error', reject);
  });
  counter.pipe(file);
  const report = model
    ? await renderHandoutPdf(model, fonts, counter)
    : job.catalogue
      ? await renderCataloguePdf(buildCatalogueModel(job.catalogue), fonts, counter)
      : await renderSummaryPdf(buildSummaryModel(job.summary!), fonts, counter);
  await written;
  return { ok: true, report, sha256: hash.digest('hex'), bytes, untranslated: model?.untranslated ?? [] };
}

// One job at a time (the caller queues them); the thread stays for the next handout, warm.
if (parentPort) {
  const port = parentPort;
  port.on('message', (job: HandoutJob) => {
    renderHandoutFile(job).then(
      (answer) => port.postMessage(answer),
      (err: unknown) => port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
    );
  });
}
