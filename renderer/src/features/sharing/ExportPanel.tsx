// Export a library file: choose all or some of the clinic's own exercises, the built-ins it changed
// and its templates from checklists with one search over all three, the licence, and whether to
// sign. The host writes the file (Electron's save dialog, or a streamed download in browser mode).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ExportableItems } from '../../../../common/contract/bundles';
import type { Licence } from '../../../../common/domain/bundle';
import { LicenceSelect } from './LicenceSelect';
import { SHARING_COPY as COPY } from '../../../../common/copy/en-sharing';
import { api, libraryTransfer } from '../../api';
import { useToast } from '../../components/Toasts';

interface Item {
  id: string;
  name: string;
}

/** One group's checklist: a box for everything shown (mixed when some are chosen), then one per item. */
function Checklist({
  legend,
  items,
  shown,
  chosen,
  onChange,
  note,
}: {
  legend: string;
  items: Item[];
  shown: Item[];
  chosen: Set<string>;
  onChange(next: Set<string>): void;
  note?: string;
}) {
  const all = useRef<HTMLInputElement>(null);
  const picked = shown.filter((i) => chosen.has(i.id)).length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = picked > 0 && picked < shown.length;
  }, [picked, shown.length]);
  const setMany = (ids: string[], on: boolean): void => {
    const next = new Set(chosen);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="sharing-fieldset sharing-checklist">
      <legend>
        {legend} <span className="sharing-muted">{COPY.chosenCount(items.filter((i) => chosen.has(i.id)).length, items.length)}</span>
      </legend>
      {note && <p className="sharing-muted">{note}</p>}
      {items.length === 0 ? (
        <p className="sharing-muted">{COPY.noneYet}</p>
      ) : shown.length === 0 ? (
        <p className="sharing-muted">{COPY.noMatch}</p>
      ) : (
        <>
          <label className="sharing-check">
            <input
              ref={all}
              type="checkbox"
              checked={picked === shown.length}
              onChange={(e) =>
                setMany(
                  shown.map((i) => i.id),
                  e.target.checked,
                )
              }
            />
            {COPY.allShown(shown.length)}
          </label>
          <ul className="sharing-checklist-items">
            {shown.map((i) => (
              <li key={i.id}>
                <label className="sharing-check">
                  <input type="checkbox" checked={chosen.has(i.id)} onChange={(e) => setMany([i.id], e.target.checked)} />
                  {i.name}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}

export function ExportPanel() {
  const toast = useToast();
  const headingId = useId();
  const [items, setItems] = useState<ExportableItems | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [query, setQuery] = useState('');
  const [licence, setLicence] = useState<Licence>('all-rights-reserved');
  const [sign, setSign] = useState(true);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api['bundles.exportable']({}).then((r) => {
      if (!live) return;
      if (!r.ok) return toast(r.error.message, 'error');
      setItems(r.value);
      // Everything is chosen to begin with; the clinician takes out what stays here.
      setChosen(new Set([...r.value.exercises.map((e) => e.id), ...r.value.templates.map((t) => t.id)]));
    });
    return () => {
      live = false;
    };
  }, [toast]);

  const groups = useMemo(() => {
    const own = items?.exercises.filter((e) => !e.changedBuiltin) ?? [];
    const changed = items?.exercises.filter((e) => e.changedBuiltin) ?? [];
    const templates = items?.templates ?? [];
    const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const matches = (i: Item): boolean => words.every((w) => i.name.toLocaleLowerCase().includes(w));
    return {
      own,
      changed,
      templates,
      shown: { own: own.filter(matches), changed: changed.filter(matches), templates: templates.filter(matches) },
    };
  }, [items, query]);

  const exerciseIds = [...groups.own, ...groups.changed].map((e) => e.id).filter((id) => chosen.has(id));
  const templateIds = groups.templates.map((t) => t.id).filter((id) => chosen.has(id));
  const nothing = exerciseIds.length + templateIds.length === 0;

  const exportFile = async () => {
    setBusy(true);
    // The file is written by the host (Electron's save dialog) or streamed as a download: its bytes never pass through here.
    const r = await libraryTransfer.exportBundle({
      exercises: exerciseIds,
      includeChangedBuiltins: false,
      templates: templateIds,
      licence,
      sign,
    });
    setBusy(false);
    if (!r.ok) toast(r.error.message, 'error');
    else if (r.value.saved) toast(COPY.exported(r.value.fileName, r.value.counts, r.value.downloading));
  };

  return (
    <section className="sharing-panel" aria-labelledby={headingId} aria-busy={items === null}>
      <h2 id={headingId}>{COPY.exportHeading}</h2>
      <label className="sharing-field">
        {COPY.findByName}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <div className="sharing-checklists">
        <Checklist legend={COPY.ownExercises} items={groups.own} shown={groups.shown.own} chosen={chosen} onChange={setChosen} />
        <Checklist legend={COPY.changedBuiltins} items={groups.changed} shown={groups.shown.changed} chosen={chosen} onChange={setChosen} />
        <Checklist
          legend={COPY.templates}
          items={groups.templates}
          shown={groups.shown.templates}
          chosen={chosen}
          onChange={setChosen}
          note={COPY.templateNote}
        />
      </div>
      <LicenceSelect label={COPY.licence} value={licence} onChange={setLicence} />
      <label className="sharing-check">
        <input type="checkbox" checked={sign} onChange={(e) => setSign(e.target.checked)} />
        {COPY.sign}
      </label>
      {nothing && items !== null && <p className="sharing-muted">{COPY.nothingChosen}</p>}
      <div>
        <button type="button" className="btn btn-primary" disabled={busy || nothing} onClick={() => void exportFile()}>
          {busy ? COPY.exportBusy : COPY.exportButton}
        </button>
      </div>
    </section>
  );
}
