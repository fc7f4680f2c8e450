// The program builder: the patient's four stages side by side with the library picker, and an
// inspector for the chosen item, stage, the program's safety summary or its versions. Every change
// goes through one reducer (useProgram), is saved as it is made, and can be undone, also after a
// restart. Flags are computed here on every change by the same rules the service applies when a
// version is issued.
import {
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  closestCorners,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useId, useMemo, useState } from 'react';
import type { IssueOutcome, Patient, ProgramExercise } from '../../../../common/contract';
import { PSPS_TYPE_LABELS } from '../../../../common/copy/en-safety';
import { STAGE_LABELS } from '../../../../common/copy/en';
import type { ExerciseSummary } from '../../../../common/domain/exercise';
import {
  activeGenerators,
  latestSurgeryByGenerator,
  localDay,
  weeksSince,
  weeksSinceLatestSurgery,
} from '../../../../common/domain/patient';
import { findItem, type ProgramAction } from '../../../../common/domain/program';
import { REGIONS, type Region, type Stage } from '../../../../common/domain/vocabulary';
import { programFlags } from '../../../../common/program/program-flags';
import type { Flag } from '../../../../common/safety/rules';
import { api } from '../../api';
import { useCall } from '../../api/useCall';
import { useCommands } from '../../app/commands';
import { ExercisePicker } from './ExercisePicker';
import { SummaryItems } from './SummaryItems';
import { ProgramDetails } from './ProgramDetails';
import { FlagList } from './FlagList';
import { flagSummary, openFlags } from './flag-words';
import { HistoryPanel } from './HistoryPanel';
import { IssueDialog } from './IssueDialog';
import { HandoutPreview } from '../handouts/HandoutPreview';
import { PRINT_COPY } from '../../../../common/copy/en-print';
import { ItemInspector } from './ItemInspector';
import { StageColumn } from './StageColumn';
import { StagePanel } from './StagePanel';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { StageTests } from './StageTests';
import { historyLabel, useProgram } from './useProgram';
import './programs.css';

type Inspecting = { kind: 'summary' } | { kind: 'item'; id: string } | { kind: 'stage'; stage: Stage } | { kind: 'history' };

interface Props {
  programId: string;
  onClose(): void;
}

/** Focus is in a text field: Ctrl+Z there undoes typing, not the program. */
const typing = (): boolean => {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
};

export function ProgramBuilder({ programId, onClose }: Props) {
  const program = useProgram(programId);
  const { state } = program;
  const patientCall = useCall<Patient>(state ? state.patientId : null, () => api['patients.get']({ id: state!.patientId }));
  const patient = patientCall.value;
  const [inspecting, setInspecting] = useState<Inspecting>({ kind: 'summary' });
  const [announcement, setAnnouncement] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [proposed, setProposed] = useState<Stage | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleId = useId();
  const today = localDay(new Date());

  const doc = state?.doc;
  const exercises = useMemo(() => state?.exercises ?? {}, [state?.exercises]);
  const nameOf = useCallback((exerciseId: string) => exercises[exerciseId]?.clinicalName ?? 'the exercise', [exercises]);

  const flags = useMemo(() => {
    if (!doc || !patient) return null;
    return programFlags(patient.clinical, doc, exercises, today);
  }, [doc, patient, exercises, today]);
  const flagsByItem = useMemo(() => new Map((flags?.items ?? []).map((i) => [i.itemId, i.flags])), [flags]);
  const acknowledged = useMemo(() => new Set((doc?.acknowledgements ?? []).map((a) => a.flagId)), [doc?.acknowledgements]);
  const allFlags: Flag[] = useMemo(() => (flags ? [...flags.program, ...flags.items.flatMap((i) => i.flags)] : []), [flags]);
  const stillOpen = openFlags(allFlags, acknowledged);
  const emergency = allFlags.some((f) => f.kind === 'red-flag-emergency');

  const dispatch = useCallback(
    (action: ProgramAction, exercise?: ProgramExercise): string | null => {
      const refused = program.dispatch(action, exercise);
      if (refused) setAnnouncement(refused);
      return refused;
    },
    [program],
  );

  const addExercise = useCallback(
    (ex: ExerciseSummary, stage: Stage, index?: number) => {
      const itemId = crypto.randomUUID();
      if (dispatch({ type: 'add-item', stage, itemId, exerciseId: ex.id, index }) === null) {
        setAnnouncement(`${ex.clinicalName} added to stage ${stage}.`);
      }
    },
    [dispatch],
  );

  const move = useCallback(
    (itemId: string, toStage: Stage, toIndex: number) => {
      if (!doc) return;
      const place = findItem(doc, itemId);
      if (!place) return;
      if (dispatch({ type: 'move-item', itemId, toStage, toIndex }) === null) {
        setAnnouncement(
          `${nameOf(place.item.exerciseId)} moved to stage ${toStage}, position ${Math.min(toIndex, doc.stages[toStage - 1]!.items.length) + 1}.`,
        );
      }
    },
    [dispatch, doc, nameOf],
  );

  useCommands([
    {
      id: 'program.undo',
      label: historyLabel(state?.history, 'undo') ?? 'Undo',
      shortcut: 'CmdOrCtrl+Z',
      group: 'Program',
      enabled: () => !typing() && Boolean(state?.history.undo),
      run: () => void program.undo().then(() => setAnnouncement('Undone.')),
    },
    {
      id: 'program.redo',
      label: historyLabel(state?.history, 'redo') ?? 'Redo',
      shortcut: 'CmdOrCtrl+Shift+Z',
      group: 'Program',
      enabled: () => !typing() && Boolean(state?.history.redo),
      run: () => void program.redo().then(() => setAnnouncement('Redone.')),
    },
    { id: 'program.issue', label: 'Issue this program', group: 'Program', enabled: () => Boolean(state), run: () => setIssuing(true) },
    // Ctrl+P prints the current program (its latest issued version) from anywhere in the builder.
    {
      id: 'program.print',
      label: 'Print the handout',
      shortcut: 'CmdOrCtrl+P',
      group: 'Program',
      enabled: () => Boolean(state),
      run: () => setPrinting(true),
    },
  ]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const where = (id: string | number | undefined): { stage: Stage; index: number } | null => {
    if (!doc || id === undefined) return null;
    const s = String(id);
    if (s.startsWith('stage:')) {
      const stage = Number(s.slice(6)) as Stage;
      return { stage, index: doc.stages[stage - 1]!.items.length };
    }
    const place = findItem(doc, s);
    return place ? { stage: place.stage, index: place.index } : null;
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${labelOf(active.id)}.`,
    onDragOver: ({ active, over }) => {
      const to = where(over?.id);
      return to
        ? `${labelOf(active.id)} is over stage ${to.stage}, position ${to.index + 1}.`
        : `${labelOf(active.id)} is not over a stage.`;
    },
    onDragEnd: ({ active, over }) => {
      const to = where(over?.id);
      return to
        ? `${labelOf(active.id)} dropped in stage ${to.stage}.`
        : `${labelOf(active.id)} was dropped outside the stages; nothing changed.`;
    },
    onDragCancel: ({ active }) => `Moving ${labelOf(active.id)} was cancelled.`,
  };
  function labelOf(id: string | number): string {
    const s = String(id);
    if (s.startsWith('lib:')) return 'the exercise';
    const place = doc ? findItem(doc, s) : null;
    return place ? nameOf(place.item.exerciseId) : 'the exercise';
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const to = where(over?.id);
    if (!to || !doc) return;
    const id = String(active.id);
    if (id.startsWith('lib:')) {
      const ex = active.data.current?.exercise as ExerciseSummary | undefined;
      if (ex) addExercise(ex, to.stage, to.index);
      return;
    }
    const from = findItem(doc, id);
    if (!from || (from.stage === to.stage && from.index === to.index)) return;
    move(id, to.stage, to.index);
  };

  if (program.loadError) {
    return (
      <div className="builder-error notice notice-error" role="alert">
        <p>{program.loadError}</p>
        <button type="button" className="btn" onClick={onClose}>
          Back to the patient
        </button>
      </div>
    );
  }
  if (!state || !doc) return <p className="muted builder-loading">Opening the program…</p>;

  const focusedStage: Stage =
    inspecting.kind === 'stage'
      ? inspecting.stage
      : inspecting.kind === 'item'
        ? (findItem(doc, inspecting.id)?.stage ?? doc.currentStage)
        : doc.currentStage;
  const selected = inspecting.kind === 'item' ? findItem(doc, inspecting.id) : null;
  const inProgram = new Set(doc.stages.flatMap((s) => s.items.map((i) => i.exerciseId)));
  const regions = (patient?.clinical.regions ?? []).filter((r): r is Region => (REGIONS as readonly string[]).includes(r));
  const weeks = patient ? weeksSinceLatestSurgery(patient.clinical.surgeries, today) : null;
  const weeksByGenerator = Object.fromEntries(
    Object.entries(latestSurgeryByGenerator(patient?.clinical.surgeries ?? [])).map(([g, s]) => [
      g,
      s?.date ? weeksSince(s.date, today) : null,
    ]),
  );

  return (
    <main className="builder" aria-labelledby={titleId}>
      <header className="builder-head">
        <div className="builder-identity">
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void program.flushed().then(onClose)}>
            ← Patient
          </button>
          <div>
            <h1 id={titleId} className="builder-title">
              {doc.title}
            </h1>
            <p className="builder-sub">
              {patient ? (
                <>
                  {patient.displayName} · {PSPS_TYPE_LABELS[patient.clinical.pspsType]}
                  {weeks !== null ? ` · week ${weeks} since surgery` : ''} · now in stage {doc.currentStage} (
                  {STAGE_LABELS[doc.currentStage].toLowerCase()})
                </>
              ) : (
                'Loading the patient…'
              )}
            </p>
          </div>
        </div>
        <div className="builder-actions">
          <span className={`save-status save-${program.saveStatus}`} role="status">
            {program.saveStatus === 'saving' ? 'Saving…' : program.saveStatus === 'error' ? 'Not saved' : 'All changes saved'}
          </span>
          <button type="button" className="btn btn-small" disabled={!state.history.undo} onClick={() => void program.undo()} title="Ctrl+Z">
            {historyLabel(state.history, 'undo') ?? 'Undo'}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!state.history.redo}
            onClick={() => void program.redo()}
            title="Ctrl+Shift+Z"
          >
            {historyLabel(state.history, 'redo') ?? 'Redo'}
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={inspecting.kind === 'history'}
            onClick={() => setInspecting({ kind: 'history' })}
          >
            Versions{state.versions.length > 0 ? ` (${state.versions.length})` : ''}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setSavingTemplate(true)}>
            Save as template…
          </button>
          <button type="button" className="btn btn-small" onClick={() => setPrinting(true)} title="Ctrl+P">
            {PRINT_COPY.openButton}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => setIssuing(true)}
            disabled={emergency || (state.versions.length > 0 && !state.changedSinceIssue)}
          >
            {state.versions.length === 0
              ? 'Issue version 1…'
              : state.changedSinceIssue
                ? `Issue version ${state.versions.length + 1}…`
                : `Version ${state.versions.length} issued`}
          </button>
        </div>
      </header>

      {emergency ? (
        <div className="notice notice-error builder-banner" role="alert">
          <strong>Emergency red flag: refer now, do not exercise.</strong> Issuing and printing are blocked until the red-flag screen in the
          patient’s record no longer shows an emergency.
        </div>
      ) : null}
      {program.message || notice ? (
        <p className="notice builder-banner" role="status">
          {program.message ?? notice}
        </p>
      ) : null}

      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        // The stages are measured before a drag starts, so the first arrow key already knows them.
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'Press Enter to add this exercise to the stage in focus. To drag it, press Space, move with the arrow keys, and press Space again to drop or Escape to cancel.',
          },
        }}
      >
        <div className="builder-body">
          <ExercisePicker
            regions={regions}
            generators={patient ? activeGenerators(patient.clinical) : []}
            weeksByGenerator={weeksByGenerator}
            stage={focusedStage}
            inProgram={inProgram}
            onAdd={(ex, stage) => addExercise(ex, stage)}
          />
          <div className="builder-stages" role="group" aria-label="Program stages">
            <button
              type="button"
              className={`builder-summary-button${inspecting.kind === 'summary' ? ' is-selected' : ''}`}
              onClick={() => setInspecting({ kind: 'summary' })}
              aria-pressed={inspecting.kind === 'summary'}
            >
              Safety summary: {stillOpen.length === 0 ? 'nothing open' : flagSummary(stillOpen)}
            </button>
            {doc.stages.map((stage) => (
              <StageColumn
                key={stage.stage}
                stage={stage}
                current={stage.stage === doc.currentStage}
                focused={focusedStage === stage.stage && inspecting.kind === 'stage'}
                exercises={exercises}
                flagsByItem={flagsByItem}
                acknowledged={acknowledged}
                selectedItemId={inspecting.kind === 'item' ? inspecting.id : null}
                onSelectItem={(id) => setInspecting({ kind: 'item', id })}
                onSelectStage={() => setInspecting({ kind: 'stage', stage: stage.stage })}
                onMove={move}
              />
            ))}
          </div>
          <aside className="builder-inspector pane" aria-label="Details">
            {inspecting.kind === 'item' && selected ? (
              <ItemInspector
                key={selected.item.id}
                item={selected.item}
                stage={selected.stage}
                exercise={exercises[selected.item.exerciseId]}
                flags={flagsByItem.get(selected.item.id) ?? []}
                acknowledgements={doc.acknowledgements}
                defaultPainRule={doc.painRule}
                dispatch={dispatch}
                onRemoved={() => {
                  setAnnouncement(`${nameOf(selected.item.exerciseId)} removed.`);
                  setInspecting({ kind: 'stage', stage: selected.stage });
                }}
              />
            ) : inspecting.kind === 'stage' ? (
              <StagePanel
                key={inspecting.stage}
                stage={doc.stages[inspecting.stage - 1]!}
                currentStage={doc.currentStage}
                gateRegion={doc.gateRegion}
                dispatch={dispatch}
                proposedStage={proposed}
                onProposalHandled={() => setProposed(null)}
                tests={
                  patient && inspecting.stage === doc.currentStage ? (
                    <StageTests
                      patientId={patient.id}
                      patient={patient.clinical}
                      stage={doc.currentStage}
                      gate={doc.stages[doc.currentStage - 1]!.exit}
                      onProposeAdvance={() => doc.currentStage < 4 && setProposed((doc.currentStage + 1) as Stage)}
                    />
                  ) : undefined
                }
              />
            ) : inspecting.kind === 'history' ? (
              <HistoryPanel
                key={state.versions.length}
                programId={programId}
                versions={state.versions}
                stageLog={doc.stageLog}
                changedSinceIssue={state.changedSinceIssue}
              />
            ) : (
              <section className="inspector" aria-labelledby={`${titleId}-summary`}>
                <h2 id={`${titleId}-summary`} className="inspector-title">
                  Safety summary
                </h2>
                <p className="muted small">
                  For this patient today, from their record and every exercise in the program. Acknowledged flags stay listed; blocks cannot
                  be acknowledged.
                </p>
                <h3 className="inspector-section">Patient and program</h3>
                <FlagList
                  flags={flags?.program ?? []}
                  acknowledgements={doc.acknowledgements}
                  onAcknowledge={(flagId, note) => dispatch({ type: 'acknowledge', flagId, note, date: today })}
                  onWithdraw={(flagId) => dispatch({ type: 'withdraw-acknowledgement', flagId })}
                  empty="Nothing about the patient needs attention."
                />
                <h3 className="inspector-section">Exercises</h3>
                <SummaryItems
                  items={flags?.items ?? []}
                  acknowledged={acknowledged}
                  describe={(itemId) => {
                    const place = findItem(doc, itemId);
                    return place ? { name: nameOf(place.item.exerciseId), stage: place.stage } : null;
                  }}
                  onOpen={(id) => setInspecting({ kind: 'item', id })}
                />
                <h3 className="inspector-section">Program details</h3>
                <ProgramDetails doc={doc} dispatch={dispatch} />
              </section>
            )}
          </aside>
        </div>
      </DndContext>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {printing ? (
        <HandoutPreview
          programId={programId}
          version={state.versions.length > 0 ? Math.max(...state.versions.map((v) => v.number)) : null}
          blocked={emergency}
          onClose={() => setPrinting(false)}
        />
      ) : null}
      {issuing ? (
        <IssueDialog
          flush={program.flushed}
          issue={async (clinician): Promise<{ outcome?: IssueOutcome; error?: string }> => {
            const r = await api['programs.issue']({ id: programId, revision: state.revision, clinician });
            return r.ok ? { outcome: r.value } : { error: r.error.message };
          }}
          onClose={(number) => {
            setIssuing(false);
            if (number !== null) {
              setNotice(`Version ${number} issued.`);
              void program.reload();
            }
          }}
        />
      ) : null}
      {savingTemplate ? (
        <SaveTemplateDialog
          programId={programId}
          flush={program.flushed}
          onClose={(name) => {
            setSavingTemplate(false);
            if (name) setNotice(`Saved as the clinic template “${name}”.`);
          }}
        />
      ) : null}
    </main>
  );
}
