// The patient list as a listbox: arrow keys (Home, End) move through patients, Enter or a click opens
// one in the record pane. Each row shows who it is, the clinical picture in brief, the weeks since
// the latest surgery, an open red flag and how many programs the patient has.
import { useImperativeHandle, useState, type KeyboardEvent, type Ref } from 'react';
import type { PatientSummary } from '../../../../common/contract/patients';
import { PATIENT_REGION_LABELS, PSPS_TYPE_LABELS } from '../../../../common/copy/en-safety';
import { PATIENTS_COPY, patientCount, programCount, weeksSinceSurgeryText } from '../../../../common/copy/en-patients';
import type { PatientListState } from './usePatientList';

export interface PatientListHandle {
  /** Moves focus into the list (the search box's Arrow Down). */
  focusList(): void;
}

interface Props {
  list: PatientListState;
  /** The patient whose record is open. */
  openId: string | null;
  onOpen(id: string): void;
  includeArchived: boolean;
  onIncludeArchived(include: boolean): void;
  searching: boolean;
  ref?: Ref<PatientListHandle>;
}

const optionId = (id: string) => `patient-${id}`;

export function PatientList({ list, openId, onOpen, includeArchived, onIncludeArchived, searching, ref }: Props) {
  const items = list.items ?? [];
  // The row the keyboard is on: the open patient until the arrows move elsewhere.
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = items.find((p) => p.id === activeId)?.id ?? items.find((p) => p.id === openId)?.id ?? items[0]?.id ?? null;

  const focusRow = (id: string) => {
    setActiveId(id);
    document.getElementById(optionId(id))?.focus();
  };
  useImperativeHandle(ref, () => ({ focusList: () => active && focusRow(active) }), [active]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (items.length === 0 || active === null) return;
    const index = items.findIndex((p) => p.id === active);
    let next = index;
    if (e.key === 'ArrowDown') next = Math.min(items.length - 1, index + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(active);
      return;
    } else return;
    e.preventDefault();
    focusRow(items[next].id);
  };

  let status: string;
  if (list.error) status = list.error;
  else if (list.items === null) status = 'Loading…';
  else if (items.length === 0) status = searching ? PATIENTS_COPY.noMatch : patientCount(0);
  else status = patientCount(items.length);

  return (
    <section
      className="pane results-pane patient-list-pane"
      id="patients-list"
      tabIndex={-1}
      aria-label={PATIENTS_COPY.resultsLabel}
      aria-busy={list.loading}
      data-query={list.answered?.query}
      data-archived={list.answered ? String(list.answered.includeArchived) : undefined}
    >
      <div className="results-head results-head-row">
        <div className="results-count" role="status" aria-live="polite">
          {list.error ? <span className="field-error">{status}</span> : status}
        </div>
        <label className="check">
          <input type="checkbox" checked={includeArchived} onChange={(e) => onIncludeArchived(e.target.checked)} />
          {PATIENTS_COPY.includeArchived}
        </label>
      </div>
      {list.items !== null && items.length === 0 && !searching && !includeArchived ? (
        <div className="empty">
          <span>{PATIENTS_COPY.noPatientsYet}</span>
        </div>
      ) : (
        <ul className="results patient-rows" role="listbox" aria-label={PATIENTS_COPY.listLabel} onKeyDown={onKeyDown}>
          {items.map((p) => (
            <li
              key={p.id}
              id={optionId(p.id)}
              className="result patient-row"
              role="option"
              aria-selected={p.id === openId}
              tabIndex={p.id === active ? 0 : -1}
              onClick={() => {
                setActiveId(p.id);
                onOpen(p.id);
              }}
              onFocus={() => setActiveId(p.id)}
            >
              <div className="result-title">
                <span data-testid="patient-name">{p.displayName}</span>
                {p.openRedFlag && (
                  <span className="red-flag-marker">
                    <span className="red-flag-dot" aria-hidden="true" />
                    {PATIENTS_COPY.openRedFlagMarker}
                  </span>
                )}
              </div>
              {p.fullName && <div className="result-clinical">{p.fullName}</div>}
              <div className="result-meta">
                <span className="badge badge-neutral">{PSPS_TYPE_LABELS[p.pspsType]}</span>
                <span>{p.regions.map((r) => PATIENT_REGION_LABELS[r]).join(', ')}</span>
                {p.archived && <span className="badge badge-archived">Archived</span>}
              </div>
              <div className="result-dose">
                {p.weeksSinceSurgery !== null && <span>{weeksSinceSurgeryText(p.weeksSinceSurgery)} · </span>}
                <span className="muted">{programCount(p.programCount)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
