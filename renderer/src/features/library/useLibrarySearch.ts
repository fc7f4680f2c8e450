// Runs library.search as the query, filters and sort change. Answers that arrive after a newer
// request was sent are dropped, so fast typing never shows stale results. The sort is done by the
// service, so every "Show more" page continues the same order.
import { useCallback, useEffect, useState } from 'react';
import type { SearchFiltersInput, SearchResult, SearchSort } from '../../../../common/contract';
import { api } from '../../api';
import { useLatestRequest } from '../../api/useCall';

const PAGE = 50;
const TYPING_PAUSE_MS = 60;

export interface SearchState {
  result: SearchResult | null;
  loading: boolean;
  error: string | null;
  /** The query, filters and sort the shown result answers, so tests and screen readers know it is current. */
  answered: { query: string; filters: string; sort: SearchSort } | null;
  loadMore(): void;
  refresh(): void;
}

export function useLibrarySearch(query: string, filters: SearchFiltersInput, sort: SearchSort = 'relevance'): SearchState {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [answered, setAnswered] = useState<SearchState['answered']>(null);
  const requests = useLatestRequest();
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    const ticket = requests.next();
    setLoading(true);
    const timer = setTimeout(
      () => {
        void api['library.search']({ query, filters: JSON.parse(filterKey) as SearchFiltersInput, limit: PAGE, offset: 0, sort }).then(
          (r) => {
            if (!requests.isCurrent(ticket)) return;
            setLoading(false);
            setAnswered({ query, filters: filterKey, sort });
            if (r.ok) {
              setResult(r.value);
              setError(null);
            } else setError(r.error.message);
          },
        );
      },
      query === '' ? 0 : TYPING_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [query, filterKey, sort, generation, requests]);

  const loadMore = useCallback(() => {
    if (!result) return;
    const ticket = requests.current();
    void api['library.search']({
      query,
      filters: JSON.parse(filterKey) as SearchFiltersInput,
      limit: PAGE,
      offset: result.items.length,
      sort,
    }).then((r) => {
      if (!requests.isCurrent(ticket) || !r.ok) return;
      setResult((prev) => (prev ? { ...r.value, items: [...prev.items, ...r.value.items] } : r.value));
    });
  }, [result, query, filterKey, sort, requests]);

  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  return { result, loading, error, answered, loadMore, refresh };
}
