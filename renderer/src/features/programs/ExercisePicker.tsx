// The library as the builder's picker: the same search, clinical names and ratings as the library
// screen, pre-filtered to the patient's regions, the stage being filled and the patient's pain
// generators (each filter named and removable). Results can be dragged onto a stage, or added to
// the chosen stage with Enter or the Add button.
import { useDraggable } from '@dnd-kit/core';
import { useEffect, useId, useMemo, useState } from 'react';
import type { SearchResult } from '../../../../common/contract';
import { GENERATOR_LABELS, REGION_LABELS, STAGE_LABELS } from '../../../../common/copy/en';
import type { ExerciseSummary } from '../../../../common/domain/exercise';
import type { Generator, Region, Stage } from '../../../../common/domain/vocabulary';
import { dosageHeadline } from '../../../../common/text/dosage';
import { api } from '../../api';
import { useCall } from '../../api/useCall';
import { RatingBadge, StageBadge } from '../../components/Badges';

interface Props {
  regions: Region[];
  generators: Generator[];
  /** Weeks since the surgery behind each surgical generator, so a passed week lock is not shown. */
  weeksByGenerator: Partial<Record<Generator, number | null>>;
  stage: Stage;
  onAdd(exercise: ExerciseSummary, stage: Stage): void;
  /** Exercises already in the program, marked on their cards. */
  inProgram: ReadonlySet<string>;
}

export const libraryDragId = (exerciseId: string): string => `lib:${exerciseId}`;

type Rated = ExerciseSummary['ratings'][number];

/** A week lock the patient is past reads as no lock at all. */
const forPatient = (r: Rated, weeks: Partial<Record<Generator, number | null>>): Rated => {
  const now = weeks[r.generator];
  return r.lock === 'week' && now !== undefined && now !== null && now >= (r.earliestWeek ?? 0)
    ? { ...r, lock: 'none', earliestWeek: null }
    : r;
};

function PickerCard({
  exercise,
  stage,
  onAdd,
  inProgram,
  weeks,
}: {
  exercise: ExerciseSummary;
  stage: Stage;
  onAdd(): void;
  inProgram: boolean;
  weeks: Partial<Record<Generator, number | null>>;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: libraryDragId(exercise.id), data: { exercise } });
  return (
    <li className={`picker-card${isDragging ? ' is-dragging' : ''}`}>
      <div
        ref={setNodeRef}
        className="picker-card-body"
        {...attributes}
        {...listeners}
        aria-roledescription="draggable exercise"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onAdd();
            return;
          }
          listeners?.onKeyDown?.(e);
        }}
      >
        <span className="picker-card-title">
          {exercise.code ? <span className="result-code">{exercise.code}</span> : null} {exercise.clinicalName}
        </span>
        <span className="picker-card-sub">{exercise.name}</span>
        <span className="picker-card-meta">
          <StageBadge stage={exercise.stage} /> {dosageHeadline(exercise.dosage)}
          {exercise.notRated ? <span className="badge rating-not-rated">Not rated</span> : null}
          {exercise.ratings
            .map((r) => forPatient(r, weeks))
            .filter((r) => r.rating !== 'suits' || r.lock !== 'none')
            .map((r) => (
              <RatingBadge key={r.generator} rating={r.rating} generator={r.generator} lock={r.lock} earliestWeek={r.earliestWeek} />
            ))}
          {inProgram ? <span className="badge badge-neutral">In program</span> : null}
        </span>
      </div>
      <button type="button" className="btn btn-small" onClick={onAdd} aria-label={`Add ${exercise.clinicalName} to stage ${stage}`}>
        Add
      </button>
    </li>
  );
}

export function ExercisePicker({ regions, generators, weeksByGenerator, stage, onAdd, inProgram }: Props) {
  const headingId = useId();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [useRegion, setUseRegion] = useState(true);
  const [useStage, setUseStage] = useState(true);
  const [useGenerators, setUseGenerators] = useState(true);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), 150);
    return () => clearTimeout(t);
  }, [query]);

  const filters = useMemo(
    () => ({
      regions: useRegion ? regions : [],
      stages: useStage ? [stage] : [],
      generators: useGenerators ? generators : [],
    }),
    [useRegion, regions, useStage, stage, useGenerators, generators],
  );
  const key = JSON.stringify([debounced, filters]);
  const search = useCall<SearchResult>(key, () => api['library.search']({ query: debounced, filters, limit: 40 }));
  const items = search.value?.items ?? [];

  return (
    <section className="builder-picker pane" aria-labelledby={headingId}>
      <h2 id={headingId} className="pane-title">
        Add exercises
      </h2>
      <label className="field">
        <span className="field-label">Search the library</span>
        <input
          className="input"
          type="search"
          value={query}
          placeholder="Name, alias, code or word"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <fieldset className="picker-filters">
        <legend className="field-label">Showing exercises for</legend>
        {regions.length > 0 ? (
          <label className="check">
            <input type="checkbox" checked={useRegion} onChange={(e) => setUseRegion(e.target.checked)} />
            {regions.map((r) => REGION_LABELS[r]).join(' or ')}
          </label>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={useStage} onChange={(e) => setUseStage(e.target.checked)} />
          Stage {stage}: {STAGE_LABELS[stage]}
        </label>
        {generators.length > 0 ? (
          <label className="check">
            <input type="checkbox" checked={useGenerators} onChange={(e) => setUseGenerators(e.target.checked)} />
            Suited to {generators.map((g) => GENERATOR_LABELS[g].toLowerCase()).join(', ')}
          </label>
        ) : null}
      </fieldset>
      <p className="results-count" role="status">
        {search.error ?? (search.value ? `${search.value.total}${search.value.totalIsCapped ? '+' : ''} exercises` : 'Searching…')}
      </p>
      <ul className="picker-list" aria-label="Library exercises">
        {items.map((ex) => (
          <PickerCard
            key={ex.id}
            exercise={ex}
            stage={stage}
            weeks={weeksByGenerator}
            inProgram={inProgram.has(ex.id)}
            onAdd={() => onAdd(ex, stage)}
          />
        ))}
      </ul>
    </section>
  );
}
