// Structured filters beside the search box. Each group is a fieldset with a legend, so a screen
// reader announces what a checkbox belongs to.
import type { SearchFiltersInput } from '../../../../electron/shared/contract';
import {
  EQUIPMENT,
  EQUIPMENT_LABELS,
  GENERATORS,
  GENERATOR_LABELS,
  ORIGIN_LABELS,
  ORIGINS,
  POSITIONS,
  POSITION_LABELS,
  REGIONS,
  REGION_LABELS,
  STAGES,
  STAGE_LABELS,
  type Rating,
} from '../../../../electron/shared/domain';

export type Filters = Required<Pick<SearchFiltersInput, 'stages' | 'regions' | 'positions' | 'equipment' | 'generators' | 'origins'>> & {
  minRating: Rating;
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
  return f.stages.length + f.regions.length + f.positions.length + f.equipment.length + f.generators.length + f.origins.length + (f.includeArchived ? 1 : 0);
}

export function FilterPanel({ filters, onChange }: { filters: Filters; onChange(next: Filters): void }) {
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <aside className="pane filters" aria-label="Filters">
      <div className="filters-footer">
        <h1 className="visually-hidden">Exercise library</h1>
        <h2 className="eyebrow">Filters</h2>
        {activeFilterCount(filters) > 0 && (
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>
            Clear all
          </button>
        )}
      </div>

      <fieldset>
        <legend>Region</legend>
        <div className="chips">
          {REGIONS.map((r) => (
            <button key={r} type="button" className="chip" aria-pressed={filters.regions.includes(r)} onClick={() => set('regions', toggle(filters.regions, r))}>
              {REGION_LABELS[r]}
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Stage</legend>
        {STAGES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={filters.stages.includes(s)} onChange={() => set('stages', toggle(filters.stages, s))} />
            {s}. {STAGE_LABELS[s]}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Suitable for</legend>
        {GENERATORS.map((g) => (
          <label key={g} className="check">
            <input type="checkbox" checked={filters.generators.includes(g)} onChange={() => set('generators', toggle(filters.generators, g))} />
            {GENERATOR_LABELS[g]}
          </label>
        ))}
        <label className="field" style={{ marginTop: 6 }}>
          <span>At least</span>
          <select value={filters.minRating} onChange={(e) => set('minRating', e.target.value as Rating)}>
            <option value="suits">Suits</option>
            <option value="modify">Suits or modify</option>
            <option value="caution">Not avoid early</option>
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>Position</legend>
        {POSITIONS.map((p) => (
          <label key={p} className="check">
            <input type="checkbox" checked={filters.positions.includes(p)} onChange={() => set('positions', toggle(filters.positions, p))} />
            {POSITION_LABELS[p]}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Equipment</legend>
        {EQUIPMENT.map((e) => (
          <label key={e} className="check">
            <input type="checkbox" checked={filters.equipment.includes(e)} onChange={() => set('equipment', toggle(filters.equipment, e))} />
            {EQUIPMENT_LABELS[e]}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Source</legend>
        {ORIGINS.map((o) => (
          <label key={o} className="check">
            <input type="checkbox" checked={filters.origins.includes(o)} onChange={() => set('origins', toggle(filters.origins, o))} />
            {ORIGIN_LABELS[o]}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={filters.includeArchived} onChange={() => set('includeArchived', !filters.includeArchived)} />
          Show archived
        </label>
      </fieldset>
    </aside>
  );
}
