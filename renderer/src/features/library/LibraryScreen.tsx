// The library workspace: filters, results and one exercise, side by side, with its own toolbar
// (search and New exercise) in the top bar and its commands in the registry. An open editor never
// loses work: leaving it with unsaved changes asks first, and drafts left by a crash are offered back.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, Shortlists } from '../../../../common/contract';
import type { Exercise } from '../../../../common/domain/exercise';
import { api, expectOk } from '../../api';
import { useLatestRequest } from '../../api/useCall';
import { useCommandRegistry, useCommands } from '../../app/commands';
import { shortcutLabel } from '../../app/shortcuts';
import { Toolbar } from '../../app/toolbar';
import { SearchIcon } from '../../components/Icons';
import { useToast } from '../../components/Toasts';
import { UnsavedChangesDialog, type UnsavedChoice } from '../../components/UnsavedChangesDialog';
import { ExerciseDetail } from './ExerciseDetail';
import type { EditorHandle, EditorTarget } from './ExerciseEditor';
// The editor (and the schema library it validates with) loads when first opened, not at start-up.
const ExerciseEditor = lazy(() => import('./ExerciseEditor').then((m) => ({ default: m.ExerciseEditor })));
// The print preview (pdf.js) loads only when the catalogue is asked for.
const HandoutPreview = lazy(() => import('../handouts/HandoutPreview').then((m) => ({ default: m.HandoutPreview })));
import { emptyForm, formFromDraft, formFromExercise, copyForm, type ExerciseForm } from './exercise-form';
import { activeFilterCount, EMPTY_FILTERS, FilterPanel, type Filters } from './FilterPanel';
import { ResultList, type ResultListHandle } from './ResultList';
import { effectiveSort, useSortChoice } from './result-sort';
import { useLibrarySearch } from './useLibrarySearch';
import { PRINT_COPY } from '../../../../common/copy/en-print';

type Mode = { kind: 'view' } | (EditorTarget & { restored?: ExerciseForm | null });

/** Where focus goes once the screen has rendered: an element, or how to find one. */
type FocusTarget = HTMLElement | (() => HTMLElement | null | undefined);

const editorKey = (mode: Mode): string =>
  mode.kind === 'edit' ? `edit:${mode.exercise.id}` : mode.kind === 'copy' ? `copy:${mode.source.id}` : mode.kind;

function draftSubject(d: Draft): string {
  const name = (d.form as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && name.trim() !== '') return `“${name.trim()}”`;
  return d.key === 'new' ? 'a new exercise' : 'an exercise';
}

function when(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} on ${d.toLocaleDateString()}`;
}

export function LibraryScreen() {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [sortChoice, setSortChoice] = useSortChoice();
  const sort = effectiveSort(sortChoice, query);
  const search = useLibrarySearch(query, filters, sort);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [exercise, setExercise] = useState<Exercise | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState<{ then: () => void; subject: string } | null>(null);
  const askingRef = useRef(false);
  const [offers, setOffers] = useState<Draft[]>([]);
  const [outOfResults, setOutOfResults] = useState<string | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [printingCatalogue, setPrintingCatalogue] = useState(false);
  const [lists, setLists] = useState<Shortlists | null>(null);
  const [narrowView, setNarrowView] = useState<'results' | 'detail'>('results');
  const toast = useToast();
  const detailPane = useRef<HTMLElement>(null);
  const workspace = useRef<HTMLElement>(null);
  const filtersToggle = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const results = useRef<ResultListHandle>(null);
  const editor = useRef<EditorHandle>(null);
  const opener = useRef<{ element: Element | null; label: string } | null>(null);
  const returnFocus = useRef<Element | null>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const loads = useLatestRequest();
  const registry = useCommandRegistry();

  // ---- Guarding unsaved changes ----------------------------------------------------------------
  const editing = mode.kind !== 'view';
  /** Runs `then` once the editor may close: at once if nothing is unsaved, else after asking. */
  const guard = useCallback(
    (then: () => void) => {
      if (askingRef.current) return;
      if (editing && dirty) {
        askingRef.current = true;
        returnFocus.current = document.activeElement;
        const subject = mode.kind === 'edit' ? `“${mode.exercise.text.name}”` : mode.kind === 'copy' ? 'this copy' : 'this new exercise';
        setAsking({ then, subject });
        return;
      }
      if (editing) void editor.current?.discard();
      then();
    },
    [editing, dirty, mode],
  );

  const focusDetailHeading = () => detailPane.current?.querySelector<HTMLElement>('#detail-title, form h2');

  const openEditor = useCallback((next: Mode) => {
    const el = document.activeElement;
    opener.current = { element: el, label: el?.textContent ?? '' };
    setDirty(false);
    setMode(next);
    setNarrowView('detail');
  }, []);

  /** Back to the detail view; focus returns to the button that opened the editor (or its like). */
  const closeEditor = useCallback(() => {
    setMode({ kind: 'view' });
    setDirty(false);
    setReload((n) => n + 1);
    const o = opener.current;
    pendingFocus.current = () => {
      if (o?.element instanceof HTMLElement && o.element.isConnected) return o.element;
      const same = [...(detailPane.current?.querySelectorAll<HTMLElement>('button') ?? [])].find((b) => b.textContent === o?.label);
      return same ?? focusDetailHeading();
    };
  }, []);

  async function choose(choice: UnsavedChoice) {
    const pending = asking;
    askingRef.current = false;
    setAsking(null);
    if (!pending) return;
    if (choice === 'keep') {
      const back = returnFocus.current;
      const inEditor = back instanceof HTMLElement && detailPane.current?.contains(back);
      (inEditor ? back : detailPane.current?.querySelector<HTMLElement>('form h2'))?.focus();
      return;
    }
    if (choice === 'discard') {
      await editor.current?.discard();
      pending.then();
      return;
    }
    if (await editor.current?.save()) pending.then();
  }

  const newExercise = useCallback(() => guard(() => openEditor({ kind: 'create' })), [guard, openEditor]);

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
    { id: 'library.newExercise', label: 'New exercise', group: 'Library', run: newExercise },
    { id: 'library.printCatalogue', label: PRINT_COPY.catalogue.command, group: 'Library', run: () => setPrintingCatalogue(true) },
  ]);

  // A skip link to a pane the narrow layout hides shows it first (App.tsx's SkipLinks).
  useEffect(() => {
    const el = workspace.current;
    if (!el) return;
    const reveal = (e: Event) => {
      const id = (e.target as HTMLElement).id;
      if (id === 'library-filters') setFiltersOpen(true);
      if (id === 'library-results') setNarrowView('results');
      if (id === 'library-detail') setNarrowView('detail');
    };
    el.addEventListener('loadwise:reveal', reveal);
    return () => el.removeEventListener('loadwise:reveal', reveal);
  }, []);

  // ---- Drafts a crash or a closed window left behind, offered back one at a time ---------------
  useEffect(() => {
    void api['drafts.list']({}).then((r) => {
      if (r.ok) setOffers(r.value);
    });
  }, []);

  async function restore(d: Draft) {
    setOffers((o) => o.filter((x) => x.key !== d.key));
    let next: Mode | null = null;
    if (d.key === 'new') next = { kind: 'create', restored: formFromDraft(d.form, emptyForm()) };
    else if (d.exerciseId) {
      const r = await api['library.get']({ id: d.exerciseId });
      if (!r.ok) {
        toast('The exercise these changes were for is no longer in the library. The changes were discarded.', 'error');
        void api['drafts.discard']({ key: d.key });
        return;
      }
      const ex = r.value;
      if (d.key.startsWith('edit:')) {
        // Saved against the version the edit started from, so changes made since are not overwritten unseen.
        const base = { ...ex, contentVersion: d.baseContentVersion ?? ex.contentVersion };
        next = { kind: 'edit', exercise: base, restored: formFromDraft(d.form, formFromExercise(ex)) };
        setSelectedId(ex.id);
      } else next = { kind: 'copy', source: ex, restored: formFromDraft(d.form, copyForm(ex)) };
    }
    if (next) {
      const target = next;
      guard(() => openEditor(target));
    }
  }

  function discardOffer(d: Draft) {
    setOffers((o) => o.filter((x) => x.key !== d.key));
    void api['drafts.discard']({ key: d.key });
    toast('Unsaved changes discarded');
  }

  // ---- The clinic's role noun, for patient text ("your chiropractor"); read each time the screen opens.
  const [roleNoun, setRoleNoun] = useState<string | null>(null);
  useEffect(() => {
    void api['settings.get']({}).then((r) => {
      if (r.ok) setRoleNoun(r.value.settings.roleNoun);
    });
  }, []);

  // ---- Favourites and recently opened ----------------------------------------------------------
  useEffect(() => {
    void api['library.shortlists']({}).then((r) => {
      if (r.ok) setLists(r.value);
    });
  }, []);
  // An exercise counts as opened once it has been on show for a moment (not while arrowing past it).
  const shownId = mode.kind === 'view' ? exercise?.id : undefined;
  useEffect(() => {
    if (!shownId) return;
    const timer = setTimeout(() => {
      void api['library.noteOpened']({ id: shownId }).then((r) => {
        if (r.ok) setLists(r.value);
      });
    }, 1000);
    return () => clearTimeout(timer);
  }, [shownId]);
  const favouriteIds = new Set(lists?.favourites.map((f) => f.id));
  async function setFavourite(id: string, favourite: boolean) {
    const r = await api['library.setFavourite']({ id, favourite });
    if (r.ok) setLists(r.value);
    else toast(r.error.message, 'error');
  }

  // ---- Selection and the detail pane ----------------------------------------------------------
  // A newly chosen exercise, or the editor, starts at its top.
  useEffect(() => {
    detailPane.current?.scrollTo?.({ top: 0 });
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
  }, [selectedId, loads, reload]);

  // Focus asked for by the last action lands once the screen shows its result.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    const el = typeof target === 'function' ? target() : target;
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  // When a new search or filter leaves out the exercise on show, say so (an open editor stays as it is).
  const answeredKey = search.answered ? `${search.answered.query}\n${search.answered.filters}` : null;
  const lastAnswered = useRef<string | null>(null);
  useEffect(() => {
    if (!search.result || answeredKey === lastAnswered.current) return;
    lastAnswered.current = answeredKey;
    const r = search.result;
    const complete = r.items.length >= r.total;
    if (exercise && complete && !r.items.some((i) => i.id === exercise.id)) setOutOfResults(exercise.id);
    else setOutOfResults(null);
  }, [search.result, answeredKey, exercise]);

  const select = useCallback(
    (id: string) =>
      guard(() => {
        setSelectedId(id);
        setOutOfResults(null);
        setMode({ kind: 'view' });
        setDirty(false);
        setNarrowView('detail');
      }),
    [guard],
  );

  const afterSave = useCallback(
    (ex: Exercise) => {
      setExercise(ex);
      setSelectedId(ex.id);
      setOutOfResults(null);
      setMode({ kind: 'view' });
      setDirty(false);
      search.refresh();
      pendingFocus.current = () => detailPane.current?.querySelector<HTMLElement>('#detail-title');
    },
    [search],
  );

  async function archive(ex: Exercise, archived: boolean) {
    try {
      const saved = await expectOk(api['library.setArchived']({ id: ex.id, archived }));
      setExercise(saved);
      search.refresh();
      toast(archived ? 'Exercise archived' : 'Exercise restored');
      // The same button, now offering the opposite.
      pendingFocus.current = () =>
        [...(detailPane.current?.querySelectorAll<HTMLElement>('button') ?? [])].find(
          (b) => b.textContent === (archived ? 'Restore' : 'Archive'),
        );
    } catch (err) {
      toast((err as Error).message, 'error');
    }
  }

  let right;
  if (mode.kind !== 'view') {
    right = (
      <ExerciseEditor
        key={editorKey(mode)}
        ref={editor}
        target={mode}
        restored={mode.restored ?? null}
        onSaved={afterSave}
        onRequestClose={() => guard(closeEditor)}
        onDirtyChange={setDirty}
      />
    );
  } else if (loadError) {
    right = <div className="empty-pane">{loadError}</div>;
  } else if (exercise && outOfResults === exercise.id) {
    const first = search.result?.items[0];
    right = (
      <div className="empty-pane">
        <div className="out-of-results">
          <h2 id="detail-title" tabIndex={-1}>
            This exercise is not in the current results
          </h2>
          <p className="muted">“{exercise.clinicalName}” does not match the search and filters now in use.</p>
          <div className="detail-actions">
            {first && (
              <button type="button" className="btn btn-primary" onClick={() => select(first.id)}>
                Show the first result
              </button>
            )}
            <button type="button" className="btn" onClick={() => setOutOfResults(null)}>
              Keep showing it
            </button>
          </div>
        </div>
      </div>
    );
  } else if (exercise) {
    right = (
      <ExerciseDetail
        exercise={exercise}
        onEdit={() => openEditor({ kind: 'edit', exercise })}
        onDuplicate={() => openEditor({ kind: 'copy', source: exercise })}
        onArchive={(archived) => void archive(exercise, archived)}
        onOpen={select}
        onChanged={setExercise}
        favourite={lists ? favouriteIds.has(exercise.id) : undefined}
        onFavourite={(f) => void setFavourite(exercise.id, f)}
        roleNoun={roleNoun}
      />
    );
  } else {
    right = <div className="empty-pane">Choose an exercise to see its details.</div>;
  }

  const offer = offers[0];
  const filterCount = activeFilterCount(filters);
  return (
    <main ref={workspace} className="workspace" data-filters-open={filtersOpen || undefined} data-narrow-view={narrowView}>
      <Toolbar>
        <div className="search" role="search">
          <SearchIcon />
          <input
            ref={searchBox}
            id="library-search"
            type="search"
            aria-label="Search exercises"
            placeholder="Search by name, muscle, cue or tag"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setNarrowView('results');
            }}
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
          <button
            type="button"
            className="btn filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="library-filters"
            ref={filtersToggle}
            onClick={() => {
              const opening = !filtersOpen;
              setFiltersOpen(opening);
              // The drawer takes focus as it opens, so the keyboard lands in it.
              if (opening) requestAnimationFrame(() => document.getElementById('library-filters')?.focus());
            }}
          >
            Filters{filterCount > 0 ? ` (${filterCount})` : ''}
          </button>
          <button type="button" className="btn" onClick={() => registry.run('library.printCatalogue')}>
            {PRINT_COPY.catalogue.openButton}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => registry.run('library.newExercise')}>
            New exercise
          </button>
        </div>
      </Toolbar>
      <div className="narrow-tabs" role="group" aria-label="Show">
        <button type="button" className="btn" aria-pressed={narrowView === 'results'} onClick={() => setNarrowView('results')}>
          Results
        </button>
        <button type="button" className="btn" aria-pressed={narrowView === 'detail'} onClick={() => setNarrowView('detail')}>
          {editing ? 'Editor' : 'Details'}
        </button>
      </div>
      <FilterPanel
        filters={filters}
        onChange={setFilters}
        onClose={() => {
          setFiltersOpen(false);
          filtersToggle.current?.focus();
        }}
        onLeave={() => setFiltersOpen(false)}
        shortlists={lists}
        onOpen={(id) => {
          setFiltersOpen(false);
          select(id);
        }}
      />
      <ResultList
        ref={results}
        result={search.result}
        loading={search.loading}
        answered={search.answered}
        error={search.error}
        selectedId={selectedId}
        onSelect={select}
        onLoadMore={search.loadMore}
        favouriteIds={favouriteIds}
        sort={sort}
        canRank={query.trim() !== ''}
        onSortChange={setSortChoice}
      />
      <section className="pane detail-pane" aria-label="Exercise details" ref={detailPane} id="library-detail" tabIndex={-1}>
        {offer && (
          <div className="notice draft-offer" role="group" aria-label="Unsaved changes found">
            <p>
              You have unsaved changes to {draftSubject(offer)} from {when(offer.updatedAt)}.
            </p>
            <div className="detail-actions">
              <button type="button" className="btn btn-primary btn-small" onClick={() => void restore(offer)}>
                Restore
              </button>
              <button type="button" className="btn btn-small" onClick={() => discardOffer(offer)}>
                Discard
              </button>
            </div>
          </div>
        )}
        <Suspense fallback={<div className="empty-pane">Opening the editor…</div>}>{right}</Suspense>
      </section>
      {asking && <UnsavedChangesDialog subject={asking.subject} onChoose={(c) => void choose(c)} />}
      {printingCatalogue && (
        <Suspense fallback={null}>
          <HandoutPreview
            catalogue={{ query, filters, sort, count: search.result && !search.result.totalIsCapped ? search.result.total : null }}
            onClose={() => setPrintingCatalogue(false)}
          />
        </Suspense>
      )}
    </main>
  );
}
