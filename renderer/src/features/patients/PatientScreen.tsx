// The Patients workspace: the patient list (search, "Show archived") beside the open patient's
// record, with its own toolbar in the top bar and its commands in the registry. The record pane
// shows the record, the patient form (new or edit) or the red-flag screen; leaving a form with
// unsaved changes asks first. The patient's programs sit at the foot of the record (PatientPrograms).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Patient } from '../../../../common/contract/patients';
import { PATIENTS_COPY } from '../../../../common/copy/en-patients';
import { api } from '../../api';
import { useLatestRequest } from '../../api/useCall';
import { useCommandRegistry, useCommands } from '../../app/commands';
import { useLeaveGuard } from '../../app/leave-guard';
import { Toolbar } from '../../app/toolbar';
import { SearchIcon } from '../../components/Icons';
import { useToast } from '../../components/Toasts';
import { UnsavedChangesDialog, type UnsavedChoice } from '../../components/UnsavedChangesDialog';
import { useUnloadGuard } from '../../components/useUnloadGuard';
import { ConfirmArchive } from './ConfirmArchive';
import type { OpenFormHandle } from './fields';
import { PatientEditor } from './PatientEditor';
import { PatientList, type PatientListHandle } from './PatientList';
import { PatientRecord } from './PatientRecord';
import { RedFlagPanel } from './RedFlagPanel';
import { usePatientList } from './usePatientList';
import './patients.css';

type Mode = { kind: 'view' } | { kind: 'create' } | { kind: 'edit'; patient: Patient } | { kind: 'redflags'; patient: Patient };

const modeKey = (m: Mode): string =>
  m.kind === 'view' || m.kind === 'create' ? m.kind : `${m.kind}:${m.patient.id}:${m.patient.revision}`;

export function PatientScreen() {
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const list = usePatientList(query, includeArchived);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState<{ then: () => void; subject: string } | null>(null);
  const [confirming, setConfirming] = useState<{ patient: Patient; archive: boolean } | null>(null);
  const [narrowView, setNarrowView] = useState<'list' | 'record'>('list');
  const toast = useToast();
  const registry = useCommandRegistry();
  const searchBox = useRef<HTMLInputElement>(null);
  const listRef = useRef<PatientListHandle>(null);
  const recordPane = useRef<HTMLElement>(null);
  const openForm = useRef<OpenFormHandle>(null);
  const returnFocus = useRef<Element | null>(null);
  const pendingFocus = useRef<(() => HTMLElement | null | undefined) | null>(null);
  const loads = useLatestRequest();

  const editing = mode.kind !== 'view';
  /** The record's or the form's heading; the pane itself when it shows neither. */
  const heading = () => recordPane.current?.querySelector<HTMLElement>('#patient-title, form h2') ?? recordPane.current;

  // ---- Unsaved changes --------------------------------------------------------------------------
  const guard = useCallback(
    (then: () => void) => {
      if (asking) return;
      if (editing && dirty) {
        returnFocus.current = document.activeElement;
        const subject =
          mode.kind === 'create'
            ? 'this new patient'
            : mode.kind === 'redflags'
              ? 'the red-flag screen'
              : `${patient?.displayName ?? 'this patient'}`;
        setAsking({ then, subject });
        return;
      }
      then();
    },
    [asking, editing, dirty, mode.kind, patient],
  );

  // Leaving the section, or closing the window, with unsaved changes asks first too.
  useLeaveGuard((proceed) => guard(proceed));
  useUnloadGuard(editing && dirty, {
    save: async () => (await openForm.current?.save()) ?? true,
    discard: () => setDirty(false),
  });

  async function choose(choice: UnsavedChoice) {
    const pending = asking;
    setAsking(null);
    if (!pending) return;
    if (choice === 'keep') {
      const back = returnFocus.current;
      (back instanceof HTMLElement && recordPane.current?.contains(back) ? back : heading())?.focus();
      return;
    }
    if (choice === 'discard' || (await openForm.current?.save())) pending.then();
  }

  const showRecord = useCallback(() => {
    setMode({ kind: 'view' });
    setDirty(false);
    pendingFocus.current = heading;
  }, []);

  const open = useCallback(
    (id: string) =>
      guard(() => {
        setSelectedId(id);
        setMode({ kind: 'view' });
        setDirty(false);
        setNarrowView('record');
        if (id === patient?.id) pendingFocus.current = heading;
      }),
    [guard, patient],
  );

  const openMode = useCallback((next: Mode) => {
    pendingFocus.current = null; // the form puts focus where it starts
    setDirty(false);
    setMode(next);
    setNarrowView('record');
  }, []);

  const newPatient = useCallback(() => guard(() => openMode({ kind: 'create' })), [guard, openMode]);
  const editPatient = () => patient && guard(() => openMode({ kind: 'edit', patient }));
  const screenRedFlags = () => patient && guard(() => openMode({ kind: 'redflags', patient }));

  useCommands([
    {
      id: 'patients.focusSearch',
      label: 'Find a patient',
      group: 'Patients',
      run: () => {
        searchBox.current?.focus();
        searchBox.current?.select();
      },
    },
    { id: 'patients.newPatient', label: 'New patient', group: 'Patients', run: newPatient },
    { id: 'patients.edit', label: 'Edit patient', group: 'Patients', enabled: () => patient !== null && !editing, run: editPatient },
    {
      id: 'patients.redFlags',
      label: 'Red-flag screen',
      group: 'Patients',
      enabled: () => patient !== null && mode.kind !== 'redflags',
      run: screenRedFlags,
    },
    { id: 'patients.showArchived', label: 'Show or hide archived patients', group: 'Patients', run: () => setIncludeArchived((v) => !v) },
  ]);

  // ---- The open record ------------------------------------------------------------------------
  useEffect(() => {
    if (!selectedId) return;
    const ticket = loads.next();
    void api['patients.get']({ id: selectedId }).then((r) => {
      if (!loads.isCurrent(ticket)) return;
      if (r.ok) {
        setPatient(r.value);
        setLoadError(null);
        pendingFocus.current ??= heading;
      } else setLoadError(r.error.message);
    });
  }, [selectedId, loads]);

  useEffect(() => {
    recordPane.current?.scrollTo?.({ top: 0 });
  }, [patient?.id, mode.kind]);

  // Focus asked for by the last action lands once the screen shows its result.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    const el = target();
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  const afterSave = useCallback(
    (saved: Patient) => {
      loads.next(); // an answer still on its way for an older record must not replace this one
      setPatient(saved);
      setSelectedId(saved.id);
      showRecord();
      list.refresh();
    },
    [list, loads, showRecord],
  );

  /** After a stale save: the record as it is saved now, in the same form, the typed changes dropped. */
  async function loadLatest() {
    const id = mode.kind === 'edit' || mode.kind === 'redflags' ? mode.patient.id : null;
    if (!id) return;
    const r = await api['patients.get']({ id });
    if (!r.ok) {
      toast(r.error.message, 'error');
      return;
    }
    setPatient(r.value);
    setDirty(false);
    setMode(mode.kind === 'edit' ? { kind: 'edit', patient: r.value } : { kind: 'redflags', patient: r.value });
    list.refresh();
  }

  async function setArchived(p: Patient, archived: boolean) {
    setConfirming(null);
    const r = await api['patients.setArchived']({ id: p.id, archived });
    if (!r.ok) {
      toast(r.error.message, 'error');
      return;
    }
    setPatient(r.value);
    list.refresh();
    toast(archived ? PATIENTS_COPY.archived : PATIENTS_COPY.restored);
    const label = archived ? 'Restore…' : 'Archive…';
    pendingFocus.current = () =>
      [...(recordPane.current?.querySelectorAll<HTMLElement>('button') ?? [])].find((b) => b.textContent === label);
  }

  let right;
  if (mode.kind === 'create' || mode.kind === 'edit') {
    right = (
      <PatientEditor
        key={modeKey(mode)}
        ref={openForm}
        target={mode}
        onSaved={afterSave}
        onRequestClose={() => guard(showRecord)}
        onDirtyChange={setDirty}
        onLoadLatest={() => void loadLatest()}
      />
    );
  } else if (mode.kind === 'redflags') {
    right = (
      <RedFlagPanel
        key={modeKey(mode)}
        ref={openForm}
        patient={mode.patient}
        onSaved={afterSave}
        onRequestClose={() => guard(showRecord)}
        onDirtyChange={setDirty}
        onLoadLatest={() => void loadLatest()}
      />
    );
  } else if (loadError) {
    right = <div className="empty-pane">{loadError}</div>;
  } else if (patient && patient.id === selectedId) {
    right = (
      <PatientRecord
        patient={patient}
        onEdit={editPatient}
        onRedFlags={screenRedFlags}
        onArchive={(archive) => setConfirming({ patient, archive })}
      />
    );
  } else {
    right = <div className="empty-pane">{selectedId ? 'Opening…' : PATIENTS_COPY.choosePatient}</div>;
  }

  return (
    <main className="workspace patients-workspace" data-narrow-view={narrowView === 'list' ? 'results' : 'detail'}>
      <Toolbar>
        <div className="search" role="search">
          <SearchIcon />
          <input
            ref={searchBox}
            id="patients-search"
            type="search"
            aria-label={PATIENTS_COPY.searchLabel}
            placeholder={PATIENTS_COPY.searchPlaceholder}
            value={query}
            maxLength={80}
            onChange={(e) => {
              setQuery(e.target.value);
              setNarrowView('list');
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                listRef.current?.focusList();
              }
            }}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <div className="topbar-actions">
          <button type="button" className="btn btn-primary" onClick={() => registry.run('patients.newPatient')}>
            {PATIENTS_COPY.newPatient}
          </button>
        </div>
      </Toolbar>
      <div className="narrow-tabs" role="group" aria-label="Show">
        <button type="button" className="btn" aria-pressed={narrowView === 'list'} onClick={() => setNarrowView('list')}>
          Patients
        </button>
        <button type="button" className="btn" aria-pressed={narrowView === 'record'} onClick={() => setNarrowView('record')}>
          {editing ? 'Form' : 'Record'}
        </button>
      </div>
      <PatientList
        ref={listRef}
        list={list}
        openId={selectedId}
        onOpen={open}
        includeArchived={includeArchived}
        onIncludeArchived={setIncludeArchived}
        searching={query.trim() !== ''}
      />
      <section className="pane detail-pane" aria-label={PATIENTS_COPY.recordLabel} ref={recordPane} id="patients-record" tabIndex={-1}>
        {right}
      </section>
      {asking && <UnsavedChangesDialog subject={asking.subject} onChoose={(c) => void choose(c)} />}
      {confirming && (
        <ConfirmArchive
          name={confirming.patient.displayName}
          archive={confirming.archive}
          onCancel={() => {
            setConfirming(null);
            pendingFocus.current = () =>
              [...(recordPane.current?.querySelectorAll<HTMLElement>('button') ?? [])].find((b) =>
                /^(Archive|Restore)…$/.test(b.textContent ?? ''),
              );
          }}
          onConfirm={() => void setArchived(confirming.patient, confirming.archive)}
        />
      )}
    </main>
  );
}
