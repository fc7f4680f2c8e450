// Search results as a listbox: arrow keys move through exercises and open each in the detail pane.
import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { SearchResult, SearchSort } from '../../../../common/contract';
import { EQUIPMENT_LABELS, ORIGIN_LABELS, POSITION_LABELS, REGION_LABELS, SORT_LABELS } from '../../../../common/copy/en';
import { dosageHeadline } from '../../../../common/text/dosage';
import { mediaUrl } from '../../api';
import { useMediaReady } from '../../api/useMediaReady';
import { RatingBadge, StageBadge } from '../../components/Badges';
import { FigureThumbnail } from '../../components/Figure';
import { StarIcon } from '../../components/StarIcon';

interface Props {
  result: SearchResult | null;
  loading: boolean;
  answered: { query: string; filters: string; sort: SearchSort } | null;
  error: string | null;
  selectedId: string | null;
  onSelect(id: string): void;
  onLoadMore(): void;
  ref?: Ref<ResultListHandle>;
  /** Exercises starred as favourites: their cards show a star. */
  favouriteIds?: ReadonlySet<string>;
  /** The order the list asks for; relevance is offered only when there are words to rank by. */
  sort?: SearchSort;
  canRank?: boolean;
  onSortChange?(sort: SearchSort): void;
}

const DENSITY_KEY = 'loadwise.resultDensity';

/** What the library's search box may ask of the list: Arrow Down moves focus into it. */
export interface ResultListHandle {
  focusFirst(): void;
}

function countText(result: SearchResult): string {
  if (result.total === 0) return 'No exercises match';
  const n = result.totalIsCapped ? `More than ${result.total.toLocaleString()}` : result.total.toLocaleString();
  return `${n} ${result.total === 1 ? 'exercise' : 'exercises'}`;
}

export function ResultList({
  result,
  loading,
  answered,
  error,
  selectedId,
  onSelect,
  onLoadMore,
  ref,
  favouriteIds,
  sort = 'relevance',
  canRank = true,
  onSortChange,
}: Props) {
  const sortId = useId();
  // A denser list shows more exercises at once: names, stage and dose only. Remembered on this computer.
  const [compact, setCompact] = useState(() => localStorage.getItem(DENSITY_KEY) === 'compact');
  useEffect(() => {
    localStorage.setItem(DENSITY_KEY, compact ? 'compact' : 'comfortable');
  }, [compact]);
  const mediaReady = useMediaReady();
  useImperativeHandle(
    ref,
    () => ({
      focusFirst() {
        const id = result?.items[0]?.id;
        if (id) document.getElementById(`result-${id}`)?.focus();
      },
    }),
    [result],
  );
  // After "Show more", focus moves to the first newly shown exercise instead of being lost with the
  // button. Forgotten if the list is replaced (a new search) before the next page arrives.
  const focusAfter = useRef<{ count: number; lastId: string } | null>(null);
  useEffect(() => {
    const pending = focusAfter.current;
    if (!pending || !result) return;
    if (result.items[pending.count - 1]?.id !== pending.lastId) focusAfter.current = null;
    else if (result.items.length > pending.count) {
      focusAfter.current = null;
      document.getElementById(`result-${result.items[pending.count].id}`)?.focus();
    }
  }, [result]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!result || result.items.length === 0) return;
    // Move from the focused option; selection follows focus (the listbox pattern for a master list).
    const focusedId = document.activeElement?.id.replace(/^result-/, '');
    const index = result.items.findIndex((i) => i.id === (focusedId ?? selectedId));
    let next = index;
    if (e.key === 'ArrowDown') next = Math.min(result.items.length - 1, index + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = result.items.length - 1;
    else return;
    e.preventDefault();
    const item = result.items[next];
    onSelect(item.id);
    document.getElementById(`result-${item.id}`)?.focus();
  };

  return (
    <section
      className="pane results-pane"
      id="library-results"
      tabIndex={-1}
      aria-label="Search results"
      aria-busy={loading}
      data-density={compact ? 'compact' : undefined}
      data-query={answered?.query}
      data-filters={answered?.filters}
      data-sort={answered?.sort}
    >
      <div className="results-head">
        <div className="results-head-row">
          <div className="results-count" role="status" aria-live="polite">
            {error ? <span className="field-error">{error}</span> : result ? countText(result) : 'Loading…'}
            {loading && result ? <span className="visually-hidden"> (updating)</span> : null}
          </div>
          <button type="button" className="btn btn-ghost btn-small" aria-pressed={compact} onClick={() => setCompact((c) => !c)}>
            Compact list
          </button>
        </div>
        {onSortChange && (
          <div className="results-sort">
            <label htmlFor={sortId}>Sort by</label>
            <select id={sortId} value={sort} onChange={(e) => onSortChange(e.target.value as SearchSort)}>
              {(Object.keys(SORT_LABELS) as SearchSort[]).map((s) => (
                <option key={s} value={s} disabled={s === 'relevance' && !canRank}>
                  {s === 'relevance' && !canRank ? `${SORT_LABELS[s]} (type a search)` : SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        )}
        {result && result.ordering === 'name' && answered && answered.query.trim() !== '' && result.total > 0 && (
          <div className="results-note muted">So many exercises match that they are listed by name. Add a word to rank them.</div>
        )}
        {result && result.corrections.length > 0 && (
          <div className="results-note">
            Showing results for{' '}
            {result.corrections.map((c, i) => (
              <span key={c.typed}>
                {i > 0 ? ', ' : ''}
                <strong>{c.usedInstead[0]}</strong>
              </span>
            ))}{' '}
            <span className="muted">(no exact match for “{result.corrections.map((c) => c.typed).join(' ')}”)</span>
          </div>
        )}
      </div>
      {result && result.items.length === 0 ? (
        <div className="empty">
          <strong>Nothing found</strong>
          <span>Try fewer words or clear some filters.</span>
        </div>
      ) : (
        <ul className="results" role="listbox" aria-label="Exercises" onKeyDown={onKeyDown}>
          {result?.items.map((item) => {
            const selected = item.id === selectedId;
            return (
              <li
                key={item.id}
                id={`result-${item.id}`}
                className="result"
                role="option"
                aria-selected={selected}
                tabIndex={selected || (selectedId === null && item === result.items[0]) ? 0 : -1}
                onClick={() => onSelect(item.id)}
                onFocus={() => {
                  if (!selected) onSelect(item.id);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(item.id);
                  }
                }}
              >
                {item.photoSha256 && mediaReady ? (
                  <img className="result-thumb" src={mediaUrl(item.photoSha256, 'thumb')} alt="" loading="lazy" decoding="async" />
                ) : (
                  // No photo: the built-in figure's start and end, drawn from its poses.
                  <FigureThumbnail
                    code={item.code}
                    figureJson={item.figureJson}
                    name={item.name}
                    className="result-thumb result-figure"
                    decorative
                    lazy
                  />
                )}
                {/* Clinicians read the clinical name first, the patient's name under it. The option is named
                    by all it shows; the test id marks which part is the patient-facing name. */}
                <div className="result-title">
                  {item.clinicalName === item.name ? (
                    <span data-testid="exercise-name">{item.name}</span>
                  ) : (
                    <span>{item.clinicalName}</span>
                  )}
                  {favouriteIds?.has(item.id) && (
                    <span className="fav-star" title="Favourite">
                      <StarIcon filled />
                      <span className="visually-hidden">Favourite</span>
                    </span>
                  )}
                  {item.code && <span className="result-code">{item.code}</span>}
                </div>
                {item.clinicalName !== item.name && (
                  <div className="result-clinical">
                    <span data-testid="exercise-name">{item.name}</span>
                  </div>
                )}
                <div className="result-meta">
                  <StageBadge stage={item.stage} />
                  {(item.alsoStages ?? []).length > 0 && <span className="muted">also {(item.alsoStages ?? []).join(', ')}</span>}
                  <span>{REGION_LABELS[item.region]}</span>
                  <span aria-hidden="true">·</span>
                  <span>{POSITION_LABELS[item.position]}</span>
                  {item.origin !== 'builtin' && <span className="badge badge-origin">{ORIGIN_LABELS[item.origin]}</span>}
                  {item.archived && <span className="badge badge-archived">Archived</span>}
                  {item.notRated && <span className="badge rating-not-rated">Not rated</span>}
                </div>
                <div className="result-dose">
                  {dosageHeadline(item.dosage)}
                  <span className="muted"> · {item.equipment.map((e) => EQUIPMENT_LABELS[e]).join(', ')}</span>
                </div>
                {item.ratings.length > 0 && (
                  <div className="result-meta">
                    {item.ratings.map((r) => (
                      <RatingBadge
                        key={r.generator}
                        generator={r.generator}
                        rating={r.rating}
                        lock={r.lock}
                        earliestWeek={r.earliestWeek}
                      />
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {result && result.items.length < result.total && (
        <div className="load-more">
          <button
            type="button"
            className="btn"
            onClick={() => {
              const last = result.items[result.items.length - 1];
              focusAfter.current = last ? { count: result.items.length, lastId: last.id } : null;
              onLoadMore();
            }}
          >
            Show more
          </button>
        </div>
      )}
    </section>
  );
}
