// Structured filters beside the search box. Each group is a fieldset with a legend, so a screen
// reader announces what a checkbox belongs to.
import type { ReactNode } from 'react';
import type { SearchFiltersInput, Shortlists } from '../../../../common/contract';
import type { LinkedExercise } from '../../../../common/domain/exercise';
import { StageBadge } from '../../components/Badges';
import { EQUIPMENT, GENERATORS, ORIGINS, POSITIONS, REGIONS, STAGES, type JudgedRating } from '../../../../common/domain/vocabulary';
import {
  EQUIPMENT_LABELS,
  GENERATOR_LABELS,
  ORIGIN_LABELS,
  POSITION_LABELS,
  REGION_LABELS,
  STAGE_LABELS,
} from '../../../../common/copy/en';

export type Filters = Required<Pick<SearchFiltersInput, 'stages' | 'regions' | 'positions' | 'equipment' | 'generators' | 'origins'>> & {
  minRating: JudgedRating;
  includeArchived: boolean;
};

export const EMPTY_FILTERS: Filters = {
  stages: [],
  regions: [],
  positions: [],
  equipment: [],
  generators: [],
  origins: [],
  minRating: 'modify',
  includeArchived: false,
};

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function activeFilterCount(f: Filters): number {
  return (
    f.stages.length +
    f.regions.length +
    f.positions.length +
    f.equipment.length +
    f.generators.length +
    f.origins.length +
    (f.includeArchived ? 1 : 0)
  );
}

/** A fieldset of checkboxes, one per option; the legend names the group for screen readers. */
function CheckGroup<T extends string | number>(props: {
  legend: string;
  options: readonly T[];
  label(option: T): string;
  selected: readonly T[];
  onChange(next: T[]): void;
  children?: ReactNode;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className="check">
          <input type="checkbox" checked={props.selected.includes(o)} onChange={() => props.onChange(toggle(props.selected, o))} />
          {props.label(o)}
        </label>
      ))}
      {props.children}
    </fieldset>
  );
}

/** A short list of exercises to open with one click (favourites, recently opened). */
function Shortlist({ title, items, onOpen }: { title: string; items: LinkedExercise[]; onOpen(id: string): void }) {
  if (items.length === 0) return null;
  return (
    <section className="shortlist" aria-label={title}>
      <h2 className="eyebrow">{title}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <button type="button" className="link-button" onClick={() => onOpen(i.id)}>
              <StageBadge stage={i.stage} /> {i.name}
              {i.archived ? ' (archived)' : ''}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `onClose`: where the panel is a drawer (narrow windows), its Close button hides it. */
export function FilterPanel({
  filters,
  onChange,
  onClose,
  onLeave,
  shortlists,
  onOpen,
}: {
  filters: Filters;
  onChange(next: Filters): void;
  onClose?(): void;
  /** Focus left the panel (a drawer then folds away). */
  onLeave?(): void;
  shortlists?: Shortlists | null;
  onOpen?(id: string): void;
}) {
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <aside
      className="pane filters"
      aria-label="Filters"
      id="library-filters"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onClose && !(e.target as HTMLElement).closest('select')) onClose();
      }}
      onBlur={(e) => {
        if (onLeave && e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) onLeave();
      }}
    >
      <div className="filters-footer">
        <h1 className="visually-hidden">Exercise library</h1>
        <h2 className="eyebrow">Filters</h2>
        {activeFilterCount(filters) > 0 && (
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>
            Clear all
          </button>
        )}
        {onClose && (
          <button type="button" className="btn btn-small filters-close" onClick={onClose}>
            Close filters
          </button>
        )}
      </div>
      {shortlists && onOpen && (
        <>
          <Shortlist title="Favourites" items={shortlists.favourites} onOpen={onOpen} />
          <Shortlist title="Recently opened" items={shortlists.recent} onOpen={onOpen} />
        </>
      )}

      <fieldset>
        <legend>Region</legend>
        <div className="chips">
          {REGIONS.map((r) => (
            <button
              key={r}
              type="button"
              className="chip"
              aria-pressed={filters.regions.includes(r)}
              onClick={() => set('regions', toggle(filters.regions, r))}
            >
              {REGION_LABELS[r]}
            </button>
          ))}
        </div>
      </fieldset>

      <CheckGroup
        legend="Stage"
        options={STAGES}
        label={(s) => `${s}. ${STAGE_LABELS[s]}`}
        selected={filters.stages}
        onChange={(v) => set('stages', v)}
      />

      <CheckGroup
        legend="Suitable for"
        options={GENERATORS}
        label={(g) => GENERATOR_LABELS[g]}
        selected={filters.generators}
        onChange={(v) => set('generators', v)}
      >
        <label className="field" style={{ marginTop: 6 }}>
          <span>At least</span>
          <select value={filters.minRating} onChange={(e) => set('minRating', e.target.value as JudgedRating)}>
            <option value="suits">Suits</option>
            <option value="modify">Suits or modify</option>
            <option value="caution">Anything but avoid</option>
          </select>
        </label>
      </CheckGroup>

      <CheckGroup
        legend="Position"
        options={POSITIONS}
        label={(p) => POSITION_LABELS[p]}
        selected={filters.positions}
        onChange={(v) => set('positions', v)}
      />

      <CheckGroup
        legend="Equipment"
        options={EQUIPMENT}
        label={(e) => EQUIPMENT_LABELS[e]}
        selected={filters.equipment}
        onChange={(v) => set('equipment', v)}
      />

      <CheckGroup
        legend="Source"
        options={ORIGINS}
        label={(o) => ORIGIN_LABELS[o]}
        selected={filters.origins}
        onChange={(v) => set('origins', v)}
      >
        <label className="check">
          <input type="checkbox" checked={filters.includeArchived} onChange={() => set('includeArchived', !filters.includeArchived)} />
          Show archived
        </label>
      </CheckGroup>
    </aside>
  );
}
