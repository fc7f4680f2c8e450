// The library workspace: filters, results and one exercise, side by side, with its own toolbar
// (search and New exercise) in the top bar and its commands in the registry.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Exercise } from '../../../../common/domain/exercise';
import { api, expectOk } from '../../api';
import { useLatestRequest } from '../../api/useCall';
import { useCommandRegistry, useCommands } from '../../app/commands';
import { shortcutLabel } from '../../app/shortcuts';
import { Toolbar } from '../../app/toolbar';
import { SearchIcon } from '../../components/Icons';
import { useToast } from '../../components/Toasts';
import { ExerciseDetail } from './ExerciseDetail';
// The editor (and the schema library it validates with) loads when first opened, not at start-up.
const ExerciseEditor = lazy(() => import('./ExerciseEditor').then((m) => ({ default: m.ExerciseEditor })));
import { EMPTY_FILTERS, FilterPanel, type Filters } from './FilterPanel';
import { ResultList, type ResultListHandle } from './ResultList';
import { useLibrarySearch } from './useLibrarySearch';

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'create' };

export function LibraryScreen() {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const search = useLibrarySearch(query, filters);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [exercise, setExercise] = useState<Exercise | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const toast = useToast();
  const detailPane = useRef<HTMLElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const results = useRef<ResultListHandle>(null);
  const loads = useLatestRequest();
  const registry = useCommandRegistry();

  useCommands([
    {
      id: 'library.focusSearch',
      label: 'Find in library',
      group: 'Library',
      run: () => {
        searchBox.current?.focus();
        searchBox.current?.select();
      },
    },
    { id: 'library.newExercise', label: 'New exercise', group: 'Library', run: () => setMode({ kind: 'create' }) },
  ]);

  // A newly chosen exercise, or the editor, starts at its top.
  useEffect(() => {
    detailPane.current?.scrollTo({ top: 0 });
  }, [exercise?.id, mode.kind]);

  // Open the first result when nothing is chosen yet, so the detail pane is never idle.
  useEffect(() => {
    if (selectedId === null && search.result && search.result.items.length > 0) setSelectedId(search.result.items[0].id);
  }, [search.result, selectedId]);

  useEffect(() => {
    if (!selectedId) return;
    const ticket = loads.next();
    void api['library.get']({ id: selectedId }).then((r) => {
      if (!loads.isCurrent(ticket)) return;
      if (r.ok) {
        setExercise(r.value);
        setLoadError(null);
      } else setLoadError(r.error.message);
    });
  }, [selectedId, loads]);

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
      <Toolbar>
        <div className="search" role="search">
          <SearchIcon />
          <input
            ref={searchBox}
            type="search"
            aria-label="Search exercises"
            placeholder="Search by name, muscle, cue or tag"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                results.current?.focusFirst();
              }
            }}
            spellCheck={false}
            autoComplete="off"
          />
          {query === '' && <kbd aria-hidden="true">{shortcutLabel('CmdOrCtrl+F')}</kbd>}
        </div>
        <div className="topbar-actions">
          <button type="button" className="btn btn-primary" onClick={() => registry.run('library.newExercise')}>
            New exercise
          </button>
        </div>
      </Toolbar>
      <FilterPanel filters={filters} onChange={setFilters} />
      <ResultList
        ref={results}
        result={search.result}
        loading={search.loading}
        answered={search.answered}
        error={search.error}
        selectedId={selectedId}
        onSelect={select}
        onLoadMore={search.loadMore}
      />
      <section className="pane" aria-label="Exercise details" ref={detailPane}>
        <Suspense fallback={<div className="empty-pane">Opening the editor…</div>}>{right}</Suspense>
      </section>
    </main>
  );
}
