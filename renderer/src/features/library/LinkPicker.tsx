// Picks progression or regression exercises by searching the library as you type.
import { useId, useState } from 'react';
import type { ExerciseSummary, LinkedExercise } from '../../../../common/domain/exercise';
import type { Region } from '../../../../common/domain/vocabulary';
import { api } from '../../api';
import { useCall } from '../../api/useCall';
import { StageBadge } from '../../components/Badges';

interface Props {
  label: string;
  region: Region;
  excludeId: string | null;
  value: LinkedExercise[];
  onChange(next: LinkedExercise[]): void;
}

export function LinkPicker({ label, region, excludeId, value, onChange }: Props) {
  const [query, setQuery] = useState('');
  // Esc closes the suggestion list (and only it) until the query changes.
  const [dismissed, setDismissed] = useState(false);
  const id = useId();
  const words = query.trim();
  const found = useCall(words === '' ? null : `${region}\n${words}`, () =>
    api['library.search']({ query: words, filters: { regions: [region] }, limit: 8 }),
  );
  const options: ExerciseSummary[] =
    words === '' || dismissed ? [] : (found.value?.items ?? []).filter((i) => i.id !== excludeId && !value.some((v) => v.id === i.id));

  return (
    <div
      className="picker"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && options.length > 0) {
          e.preventDefault();
          setDismissed(true);
          document.getElementById(id)?.focus();
        }
      }}
    >
      <label className="field" htmlFor={id}>
        <span>{label}</span>
      </label>
      {value.length > 0 && (
        <div className="links">
          {value.map((v) => (
            <span key={v.id} className="token">
              {v.name}
              <button type="button" aria-label={`Remove ${v.name}`} onClick={() => onChange(value.filter((x) => x.id !== v.id))}>
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      <input
        id={id}
        className="input"
        type="search"
        placeholder="Search to add…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setDismissed(false);
        }}
        autoComplete="off"
      />
      {options.length > 0 && (
        <ul className="picker-options" aria-label={`${label} suggestions`}>
          {options.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                onClick={() => {
                  onChange([...value, { id: o.id, name: o.name, stage: o.stage, archived: o.archived }]);
                  setQuery('');
                }}
              >
                <StageBadge stage={o.stage} /> {o.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
