// The library workspace: filters, results and one exercise, side by side.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Exercise } from '../../../../common/domain/exercise';
import { api, expectOk } from '../../api';
import { useToast } from '../../components/Toasts';
import { ExerciseDetail } from './ExerciseDetail';
import { ExerciseEditor } from './ExerciseEditor';
import { EMPTY_FILTERS, FilterPanel, type Filters } from './FilterPanel';
import { ResultList } from './ResultList';
import { useLibrarySearch } from './useLibrarySearch';

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'create' };

export function LibraryScreen({ query, createRequest }: { query: string; createRequest: number }) {
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const search = useLibrarySearch(query, filters);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [exercise, setExercise] = useState<Exercise | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const toast = useToast();
  const detailPane = useRef<HTMLElement>(null);

  // A newly chosen exercise, or the editor, starts at its top.
  useEffect(() => {
    detailPane.current?.scrollTo({ top: 0 });
  }, [exercise?.id, mode.kind]);

  useEffect(() => {
    if (createRequest > 0) setMode({ kind: 'create' });
  }, [createRequest]);

  // Open the first result when nothing is chosen yet, so the detail pane is never idle.
  useEffect(() => {
    if (selectedId === null && search.result && search.result.items.length > 0) setSelectedId(search.result.items[0].id);
  }, [search.result, selectedId]);

  useEffect(() => {
    if (!selectedId) return;
    let live = true;
    void api['library.get']({ id: selectedId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setExercise(r.value);
        setLoadError(null);
      } else setLoadError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [selectedId]);

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setMode({ kind: 'view' });
  }, []);

  const afterChange = useCallback(
    (ex: Exercise) => {
      setExercise(ex);
      setSelectedId(ex.id);
      setMode({ kind: 'view' });
      search.refresh();
    },
    [search],
  );

  async function run(action: Promise<Exercise>, message: string, then: Mode = { kind: 'view' }) {
    try {
      afterChange(await action);
      setMode(then);
      toast(message);
    } catch (err) {
      toast((err as Error).message, 'error');
    }
  }

  let right;
  if (mode.kind === 'create') {
    right = <ExerciseEditor key="new" exercise={null} onSaved={afterChange} onCancel={() => setMode({ kind: 'view' })} />;
  } else if (mode.kind === 'edit' && exercise) {
    right = <ExerciseEditor key={exercise.id} exercise={exercise} onSaved={afterChange} onCancel={() => setMode({ kind: 'view' })} />;
  } else if (loadError) {
    right = <div className="empty-pane">{loadError}</div>;
  } else if (exercise) {
    right = (
      <ExerciseDetail
        exercise={exercise}
        onEdit={() => setMode({ kind: 'edit' })}
        onDuplicate={() =>
          void run(expectOk(api['library.duplicate']({ id: exercise.id })), 'Copy created. Make your changes and save.', { kind: 'edit' })
        }
        onArchive={(archived) =>
          void run(
            expectOk(api['library.setArchived']({ id: exercise.id, archived })),
            archived ? 'Exercise archived' : 'Exercise restored',
          )
        }
        onOpen={select}
        onChanged={setExercise}
      />
    );
  } else {
    right = <div className="empty-pane">Choose an exercise to see its details.</div>;
  }

  return (
    <main className="workspace">
      <FilterPanel filters={filters} onChange={setFilters} />
      <ResultList
        result={search.result}
        loading={search.loading}
        answered={search.answered}
        error={search.error}
        selectedId={selectedId}
        onSelect={select}
        onLoadMore={search.loadMore}
      />
      <section className="pane" aria-label="Exercise details" ref={detailPane}>
        {right}
      </section>
    </main>
  );
}
