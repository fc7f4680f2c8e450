// Import exercises from another tool: choose a CSV or JSON file, match its columns to Loadwise
// fields (guessed from the column names, or a saved matching), see the first rows as they would be
// imported, agree (or not) to take stage, region and ratings from the file, choose the folder the
// pictures are in, import, and read the report: every row imported or skipped with its reason.
// Pictures go through the photo pipeline one by one (media.attach), read from the chosen folder.
import { useEffect, useId, useMemo, useState } from 'react';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportReport,
  type ImportSource,
  type SavedMapping,
} from '../../../../common/contract/imports';
import { POSITION_LABELS, REGION_LABELS, STAGE_LABELS } from '../../../../common/copy/en';
import { TOOL_IMPORT_COPY as COPY } from '../../../../common/copy/en-sharing';
import { POSITIONS, REGIONS } from '../../../../common/domain/vocabulary';
import { api } from '../../api';
import { useToast } from '../../components/Toasts';
import { pictureFinder } from './picture-files';

const STAGES = [1, 2, 3, 4] as const;

/** A column whose name is the field's label or key ("Steps", "steps", "Starting position"). */
function guess(columns: string[]): ImportMapping['columns'] {
  const plain = (s: string) => s.toLowerCase().replace(/\(list.*\)|[^a-z0-9]/g, '');
  const out: ImportMapping['columns'] = {};
  for (const f of IMPORT_FIELDS) {
    const found = columns.find((c) => plain(c) === plain(f) || plain(c) === plain(COPY.fields[f]));
    if (found) out[f] = found;
  }
  return out;
}

const emptyMapping = (columns: string[]): ImportMapping => ({
  columns: guess(columns),
  listSeparator: ';',
  useFile: { stage: false, region: false, ratings: false },
  defaults: { stage: 1, region: 'lumbar', position: 'standing' },
});

/** A labelled select of [value, label] pairs. */
function Pick({ label, value, options, onPick }: { label: string; value: string; options: [string, string][]; onPick(v: string): void }) {
  return (
    <label className="sharing-field">
      {label}
      <select value={value} onChange={(e) => onPick(e.target.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Outcome {
  report: ImportReport;
  pictureLines: string[];
  picturesAdded: number;
}

export function ToolImportPanel() {
  const toast = useToast();
  const headingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<ImportSource | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [saveName, setSaveName] = useState('');
  const [folder, setFolder] = useState<File[]>([]);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    void api['imports.mappings']({}).then((r) => r.ok && setSaved(r.value));
  }, []);

  const open = async (chosen: File) => {
    setOutcome(null);
    setBusy('reading');
    const r = await api['imports.read']({ fileName: chosen.name }, chosen);
    setBusy(null);
    if (!r.ok) return toast(r.error.message, 'error');
    setFile(chosen);
    setSource(r.value);
    setMapping(emptyMapping(r.value.columns));
  };

  const setColumn = (field: ImportField, column: string) => {
    if (!mapping) return;
    const columns = { ...mapping.columns };
    if (column) columns[field] = column;
    else delete columns[field];
    setMapping({ ...mapping, columns });
  };

  const run = async () => {
    if (!file || !mapping) return;
    setBusy('importing');
    const r = await api['imports.run']({ fileName: file.name, mapping }, file);
    if (!r.ok) {
      setBusy(null);
      return toast(r.error.message, 'error');
    }
    // Pictures through the photo pipeline, each read from the chosen folder.
    const find = pictureFinder(folder);
    const pictureLines: string[] = [];
    let picturesAdded = 0;
    for (const row of r.value.imported) {
      for (const picture of row.pictures) {
        const found = find(picture);
        if (!found) {
          pictureLines.push(COPY.pictureMissing(row.row, picture));
          continue;
        }
        const attached = await api['media.attach']({ exerciseId: row.id, fileName: found.name, caption: null }, found);
        if (attached.ok) picturesAdded++;
        else pictureLines.push(COPY.pictureRefused(row.row, picture, attached.error.message));
      }
    }
    setBusy(null);
    setOutcome({ report: r.value, pictureLines, picturesAdded });
  };

  const save = async () => {
    if (!mapping || !saveName.trim()) return;
    const r = await api['imports.saveMapping']({ name: saveName.trim(), mapping });
    if (!r.ok) return toast(r.error.message, 'error');
    setSaved(r.value);
    toast(COPY.saved(saveName.trim()));
  };

  const shownFields = useMemo(() => IMPORT_FIELDS.filter((f) => mapping?.columns[f] !== undefined), [mapping]);

  return (
    <section className="sharing-panel" aria-labelledby={headingId} aria-busy={busy !== null}>
      <h2 id={headingId}>{COPY.heading}</h2>
      <p className="sharing-muted">{COPY.intro}</p>
      <label className="sharing-field">
        {COPY.chooseFile}
        <input
          type="file"
          accept=".csv,.tsv,.txt,.json,text/csv,application/json"
          disabled={busy !== null}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (chosen) void open(chosen);
          }}
        />
      </label>
      {busy === 'reading' && <p role="status">{COPY.reading}</p>}
      {source && mapping && (
        <>
          <p>
            <strong>{file?.name}</strong>: {COPY.summary(source.rowCount, source.columns.length, source.delimiter)}
          </p>
          <fieldset className="sharing-fieldset">
            <legend>{COPY.mappingHeading}</legend>
            <label className="sharing-field">
              {COPY.savedMappings}
              <select
                value=""
                disabled={saved.length === 0}
                onChange={(e) => {
                  const found = saved.find((m) => m.name === e.target.value);
                  if (found) setMapping(found.mapping);
                }}
              >
                <option value="">{saved.length === 0 ? COPY.noSaved : '—'}</option>
                {saved.map((m) => (
                  <option key={m.name} value={m.name}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <div className="sharing-mapping">
              {IMPORT_FIELDS.map((f) => (
                <label key={f} className="sharing-field">
                  {COPY.fields[f]}
                  <select value={mapping.columns[f] ?? ''} onChange={(e) => setColumn(f, e.target.value)}>
                    <option value="">{COPY.notUsed}</option>
                    {source.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <label className="sharing-field">
              {COPY.listSeparator}
              <input
                type="text"
                maxLength={3}
                value={mapping.listSeparator}
                onChange={(e) => setMapping({ ...mapping, listSeparator: e.target.value || ';' })}
              />
            </label>
          </fieldset>
          <fieldset className="sharing-fieldset">
            <legend>{COPY.proposedHeading}</legend>
            {(['stage', 'region', 'ratings'] as const).map((k) => (
              <label key={k} className="sharing-check">
                <input
                  type="checkbox"
                  checked={mapping.useFile[k]}
                  disabled={
                    k === 'ratings' ? !IMPORT_FIELDS.some((f) => f.startsWith('rating.') && mapping.columns[f]) : !mapping.columns[k]
                  }
                  onChange={(e) => setMapping({ ...mapping, useFile: { ...mapping.useFile, [k]: e.target.checked } })}
                />
                {k === 'stage' ? COPY.useFileStage : k === 'region' ? COPY.useFileRegion : COPY.useFileRatings}
              </label>
            ))}
            <div className="sharing-mapping">
              <Pick
                label={COPY.defaultStage}
                value={String(mapping.defaults.stage)}
                options={STAGES.map((st) => [String(st), `${st}. ${STAGE_LABELS[st]}`])}
                onPick={(v) => setMapping({ ...mapping, defaults: { ...mapping.defaults, stage: Number(v) as 1 } })}
              />
              <Pick
                label={COPY.defaultRegion}
                value={mapping.defaults.region}
                options={REGIONS.map((r) => [r, REGION_LABELS[r]])}
                onPick={(v) => setMapping({ ...mapping, defaults: { ...mapping.defaults, region: v as 'lumbar' } })}
              />
              <Pick
                label={COPY.defaultPosition}
                value={mapping.defaults.position}
                options={POSITIONS.map((p) => [p, POSITION_LABELS[p]])}
                onPick={(v) => setMapping({ ...mapping, defaults: { ...mapping.defaults, position: v as 'standing' } })}
              />
            </div>
          </fieldset>
          <div className="sharing-table-scroll" tabIndex={0} role="region" aria-label={COPY.previewHeading}>
            <table className="sharing-table">
              <caption>{COPY.previewHeading}</caption>
              <thead>
                <tr>
                  {shownFields.map((f) => (
                    <th key={f} scope="col">
                      {COPY.fields[f]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {source.sample.map((row, i) => (
                  <tr key={i}>
                    {shownFields.map((f) => (
                      <td key={f}>{row[mapping.columns[f]!]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <label className="sharing-field">
            {COPY.picturesFolder}
            <input type="file" multiple {...{ webkitdirectory: '' }} onChange={(e) => setFolder([...(e.target.files ?? [])])} />
          </label>
          <div className="sharing-actions sharing-actions-start">
            <label className="sharing-field">
              {COPY.saveAs}
              <input type="text" value={saveName} maxLength={80} onChange={(e) => setSaveName(e.target.value)} />
            </label>
            <button type="button" className="btn" disabled={!saveName.trim()} onClick={() => void save()}>
              {COPY.save}
            </button>
          </div>
          {!mapping.columns.name && <p className="sharing-muted">{COPY.nameRequired}</p>}
          <div>
            <button type="button" className="btn btn-primary" disabled={busy !== null || !mapping.columns.name} onClick={() => void run()}>
              {busy === 'importing' ? COPY.importing : COPY.importButton(source.rowCount)}
            </button>
          </div>
        </>
      )}
      {outcome && (
        <section className="sharing-report" aria-label={COPY.reportHeading}>
          <h3>{COPY.reportHeading}</h3>
          <p role="status">
            {COPY.imported(outcome.report.imported.length)} {outcome.picturesAdded > 0 && COPY.picturesAdded(outcome.picturesAdded)}
          </p>
          {outcome.report.imported.length > 0 && (
            <ul>
              {outcome.report.imported.map((r) => (
                <li key={r.id}>
                  Row {r.row}: {r.name}
                </li>
              ))}
            </ul>
          )}
          {(outcome.report.skipped.length > 0 || outcome.pictureLines.length > 0) && (
            <>
              <h4>{COPY.skippedHeading(outcome.report.skipped.length)}</h4>
              <ul>
                {outcome.report.skipped.map((s) => (
                  <li key={s.row}>{COPY.skippedRow(s.row, s.reason)}</li>
                ))}
                {outcome.pictureLines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </section>
  );
}
