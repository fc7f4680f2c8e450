// The open program: the document on screen, changed at once by the same reducer the service runs,
// and saved action by action in order. Each save carries the revision it builds on; a refusal
// (another window changed the program, or a value the service will not take) reloads the stored
// program and says why, so the screen never shows what is not saved for long.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgramExercise, ProgramHistory, ProgramState } from '../../../../common/contract';
import type { ProgramAction } from '../../../../common/domain/program';
import { applyAction } from '../../../../common/program/reducer';
import { api } from '../../api';

export type SaveStatus = 'saved' | 'saving' | 'error';

export interface OpenProgram {
  state: ProgramState | null;
  loadError: string | null;
  saveStatus: SaveStatus;
  /** The last refusal, in words, until the next change. */
  message: string | null;
  /** Applies an action now and saves it; answers the local refusal, if any, at once. */
  dispatch(action: ProgramAction, exercise?: ProgramExercise): string | null;
  undo(): Promise<void>;
  redo(): Promise<void>;
  reload(): Promise<void>;
  /** Resolves when every change so far is saved. */
  flushed(): Promise<void>;
}

export function useProgram(programId: string): OpenProgram {
  const [state, setState] = useState<ProgramState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('saved');
  const [message, setMessage] = useState<string | null>(null);
  // The chain of saves: each waits for the one before, so they reach the service in order.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const revision = useRef(0);
  const latest = useRef<ProgramState | null>(null);

  const show = useCallback((next: ProgramState) => {
    latest.current = next;
    revision.current = next.revision;
    setState(next);
  }, []);

  const reload = useCallback(async () => {
    const r = await api['programs.get']({ id: programId });
    if (r.ok) {
      show(r.value);
      setLoadError(null);
    } else setLoadError(r.error.message);
  }, [programId, show]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const enqueue = useCallback((work: () => Promise<void>): Promise<void> => {
    pending.current += 1;
    setSaveStatus('saving');
    const next = queue.current.then(work).finally(() => {
      pending.current -= 1;
      if (pending.current === 0) setSaveStatus((s) => (s === 'error' ? s : 'saved'));
    });
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const dispatch = useCallback(
    (action: ProgramAction, exercise?: ProgramExercise): string | null => {
      const current = latest.current;
      if (!current) return 'The program is still loading.';
      const applied = applyAction(current.doc, action);
      if (!applied.ok) {
        setMessage(applied.message);
        return applied.message;
      }
      setMessage(null);
      const exercises = exercise ? { ...current.exercises, [exercise.id]: exercise } : current.exercises;
      show({ ...current, doc: applied.doc, exercises, revision: current.revision });
      void enqueue(async () => {
        const r = await api['programs.apply']({ id: programId, revision: revision.current, action });
        if (r.ok) {
          revision.current = r.value.revision;
          const now = latest.current;
          if (now) {
            const withExercise = r.value.exercise ? { ...now.exercises, [r.value.exercise.id]: r.value.exercise } : now.exercises;
            show({
              ...now,
              revision: r.value.revision,
              history: r.value.history,
              changedSinceIssue: r.value.changedSinceIssue,
              exercises: withExercise,
            });
          }
          setSaveStatus((s) => (s === 'error' ? 'saving' : s));
        } else {
          setSaveStatus('error');
          setMessage(`${r.error.message}`);
          await reload();
          setSaveStatus('saved');
        }
      });
      return null;
    },
    [enqueue, programId, reload, show],
  );

  const step = useCallback(
    (direction: 'undo' | 'redo') =>
      enqueue(async () => {
        const r = await api[direction === 'undo' ? 'programs.undo' : 'programs.redo']({ id: programId, revision: revision.current });
        if (r.ok) {
          show(r.value);
          setMessage(null);
        } else {
          setMessage(r.error.message);
          await reload();
        }
      }),
    [enqueue, programId, reload, show],
  );

  return {
    state,
    loadError,
    saveStatus,
    message,
    dispatch,
    undo: () => step('undo'),
    redo: () => step('redo'),
    reload,
    flushed: () => queue.current,
  };
}

/** The undo and redo words for buttons and menus. */
export const historyLabel = (history: ProgramHistory | undefined, direction: 'undo' | 'redo'): string | null =>
  history?.[direction] ? `${direction === 'undo' ? 'Undo' : 'Redo'} ${history[direction]}` : null;
