// The print preview: the issued version's real handout pages, drawn by pdf.js from the PDF the
// service laid out in its worker, with the options beside them (large print, language, paper). The
// handout is made again whenever an option changes; a newer answer replaces an older one. Save as
// PDF goes through the host (a native dialog in Electron, a download in browser mode); Print opens
// the PDF for the browser's own print in browser mode and prints the drawn pages in Electron. Each
// saved or printed handout is recorded on the version (options, pages, SHA-256). An emergency
// red flag keeps everything from printing. The clinician summary (patient, flags with their
// acknowledgements, tests, criteria, full doses) is the other choice: English, never noted as given.
// From the library screen the same preview shows the library catalogue of the current search and
// filters (paper is its one option; nothing is recorded).
import { useEffect, useId, useRef, useState } from 'react';
import { api, handoutPdf, host, transport } from '../../api';
import type { HandoutDocument, HandoutLanguageOption, RenderedHandout } from '../../../../common/contract/handouts';
import type { SearchFiltersInput, SearchSort } from '../../../../common/contract';
import { PRINT_COPY as T } from '../../../../common/copy/en-print';
import { useModalDialog } from '../../components/useModalDialog';
import { openPdf, type PdfPages } from './pdf-pages';
import './handouts.css';

/** The library screen's search, printed as the catalogue. */
export interface CatalogueRequest {
  query: string;
  filters: SearchFiltersInput;
  sort: SearchSort;
  /** How many exercises it finds (for the dialog's wording), when known. */
  count: number | null;
}

type Props = (
  | {
      programId: string;
      /** The latest issued version; null when none is issued yet. */
      version: number | null;
      /** An emergency red flag is open: nothing prints. */
      blocked: boolean;
      catalogue?: undefined;
    }
  | { catalogue: CatalogueRequest; programId?: undefined; version?: undefined; blocked?: undefined }
) & { onClose(): void };

type Paper = 'clinic' | 'letter' | 'a4';
const PAGE_WIDTH = 520;

export function HandoutPreview({ programId, version = null, blocked = false, catalogue, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const C = T.catalogue;
  const catalogueKey = catalogue ? JSON.stringify({ query: catalogue.query, filters: catalogue.filters, sort: catalogue.sort }) : null;
  useModalDialog(dialog, first);
  const id = useId();
  const [kind, setKind] = useState<HandoutDocument>('handout');
  const summary = kind === 'summary';
  const [largePrint, setLargePrint] = useState(false);
  const [language, setLanguage] = useState<HandoutLanguageOption>('en');
  const [paper, setPaper] = useState<Paper>('clinic');
  const [handout, setHandout] = useState<RenderedHandout | null>(null);
  const [blob, setBlob] = useState<Blob | null>(null);
  const [pages, setPages] = useState<PdfPages | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(blocked ? T.blocked : null);
  const [notice, setNotice] = useState<string | null>(null);
  const canvases = useRef<HTMLCanvasElement[]>([]);

  useEffect(() => {
    if (blocked || (catalogueKey === null && version === null)) return;
    let current = true;
    setBusy(true);
    setError(null);
    setNotice(null);
    const chosenPaper = paper === 'clinic' ? null : paper;
    void (async () => {
      const r =
        catalogueKey !== null
          ? await api['handouts.renderCatalogue']({
              ...(JSON.parse(catalogueKey) as { query: string; filters: SearchFiltersInput; sort: SearchSort }),
              paper: chosenPaper,
            })
          : await api['handouts.render']({
              programId: programId!,
              version: version!,
              options: summary
                ? { largePrint: false, language: 'en', paper: chosenPaper, document: kind }
                : { largePrint, language, paper: chosenPaper },
            });
      if (!current) return;
      if (!r.ok) {
        setBusy(false);
        setError(r.error.message);
        return;
      }
      const file = await handoutPdf.blob(r.value.id);
      if (!current) return;
      if (!file.ok) {
        setBusy(false);
        setError(file.error.message);
        return;
      }
      const opened = await openPdf(new Uint8Array(await file.value.arrayBuffer()));
      if (!current) return opened.close();
      setHandout(r.value);
      setBlob(file.value);
      setPages((old) => {
        old?.close();
        return opened;
      });
      setBusy(false);
    })().catch(() => {
      if (current) {
        setBusy(false);
        setError('The preview could not be shown. Try again.');
      }
    });
    return () => {
      current = false;
    };
  }, [programId, version, largePrint, language, paper, blocked, summary, kind, catalogueKey]);

  useEffect(() => {
    if (!pages) return;
    let current = true;
    void (async () => {
      for (let n = 1; n <= pages.count && current; n++) {
        const canvas = canvases.current[n - 1];
        if (canvas) await pages.draw(n, canvas, PAGE_WIDTH);
      }
    })();
    return () => {
      current = false;
    };
  }, [pages]);

  useEffect(() => () => pages?.close(), [pages]);

  const given = async (how: 'saved' | 'printed'): Promise<void> => {
    if (!handout) return;
    if (handout.options.document === 'catalogue') return setNotice(how === 'saved' ? C.saved : C.printed);
    if (handout.options.document === 'summary') return setNotice(how === 'saved' ? T.summarySaved : T.summaryPrinted);
    const r = await api['handouts.recordGiven']({ id: handout.id, how });
    if (r.ok) setNotice(how === 'saved' ? T.saved : T.printed);
    else setError(r.error.message);
  };

  const save = async (): Promise<void> => {
    if (!handout || !blob) return;
    const r = await host.saveFile(handout.fileName, blob);
    if (!r.ok) return setError(r.error.message);
    if (r.value.saved) await given('saved');
  };

  const print = async (): Promise<void> => {
    if (!handout) return;
    if (transport === 'browser') handoutPdf.openForPrint(handout.id);
    else printCanvases(canvases.current.slice(0, pages?.count ?? 0));
    await given('printed');
  };

  const ready = handout !== null && !busy && !blocked && error === null;
  return (
    <dialog ref={dialog} className="handout-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => (e.preventDefault(), onClose())}>
      <div className="handout-layout">
        <aside className="handout-options">
          <h2 id={`${id}-title`}>{catalogue ? C.title : T.title}</h2>
          {catalogue ? (
            <>
              <p>{C.scope(catalogue.count)}</p>
              <p className="handout-note">{C.note}</p>
            </>
          ) : (
            <>
              <p>{version === null ? T.noVersion : T.version(version)}</p>
              <label htmlFor={`${id}-document`} className="field-label">
                {T.document}
              </label>
              <select
                ref={first}
                id={`${id}-document`}
                className="input"
                value={kind}
                onChange={(e) => setKind(e.target.value as HandoutDocument)}
              >
                {(Object.keys(T.documents) as HandoutDocument[]).map((d) => (
                  <option key={d} value={d}>
                    {T.documents[d]}
                  </option>
                ))}
              </select>
              {summary ? <p className="handout-note">{T.summaryNote}</p> : null}
              <label className="check">
                <input type="checkbox" checked={largePrint} disabled={summary} onChange={(e) => setLargePrint(e.target.checked)} />
                {T.largePrint}
              </label>
              <label htmlFor={`${id}-language`} className="field-label">
                {T.language}
              </label>
              <select
                id={`${id}-language`}
                className="input"
                disabled={summary}
                value={language}
                onChange={(e) => setLanguage(e.target.value as HandoutLanguageOption)}
              >
                {(Object.keys(T.languages) as HandoutLanguageOption[]).map((l) => (
                  <option key={l} value={l}>
                    {T.languages[l]}
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor={`${id}-paper`} className="field-label">
            {T.paper}
          </label>
          <select
            ref={catalogue ? first : undefined}
            id={`${id}-paper`}
            className="input"
            value={paper}
            onChange={(e) => setPaper(e.target.value as Paper)}
          >
            {(Object.keys(T.papers) as Paper[]).map((p) => (
              <option key={p} value={p}>
                {T.papers[p]}
              </option>
            ))}
          </select>
          <p className="handout-status" role="status" aria-live="polite">
            {busy ? (catalogue ? C.preparing : T.preparing) : handout && !error ? (catalogue ? C.ready : T.ready)(handout.pageCount) : ''}
          </p>
          {handout && handout.untranslated.length > 0 && !busy ? (
            <p className="handout-note">{T.untranslated(handout.untranslated)}</p>
          ) : null}
          {error ? (
            <p className="handout-error" role="alert">
              {error}
            </p>
          ) : null}
          {notice ? <p className="handout-note">{notice}</p> : null}
          <div className="handout-buttons">
            <button type="button" className="btn btn-primary" disabled={!ready} onClick={() => void print()}>
              {T.print}
            </button>
            <button type="button" className="btn" disabled={!ready} onClick={() => void save()}>
              {T.save}
            </button>
            <button type="button" className="btn btn-ghost" onClick={onClose}>
              {T.close}
            </button>
          </div>
        </aside>
        <div className="handout-pages" aria-busy={busy} tabIndex={0} aria-label={catalogue ? 'Catalogue pages' : 'Handout pages'}>
          {pages
            ? Array.from({ length: pages.count }, (_, i) => (
                <canvas
                  key={`${handout?.id ?? ''}-${i}`}
                  ref={(c) => {
                    if (c) canvases.current[i] = c;
                  }}
                  className="handout-page"
                  role="img"
                  aria-label={T.pageLabel(i + 1, pages.count)}
                />
              ))
            : null}
        </div>
      </div>
    </dialog>
  );
}

/** Electron: prints the drawn pages through the system print dialog, from a hidden frame. */
function printCanvases(canvases: HTMLCanvasElement[]): void {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  document.body.append(frame);
  const doc = frame.contentDocument;
  if (!doc || !frame.contentWindow) return frame.remove();
  // Copies of the canvases, not images: the page's CSP allows no data: or blob: image.
  for (const c of canvases) {
    const copy = doc.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    copy.getContext('2d')?.drawImage(c, 0, 0);
    copy.style.width = '100%';
    copy.style.breakAfter = 'page';
    doc.body.append(copy);
  }
  frame.contentWindow.addEventListener('afterprint', () => frame.remove(), { once: true });
  frame.contentWindow.print();
}
