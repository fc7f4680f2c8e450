// The result list's sort: the clinician's choice, kept for the session (this window's
// sessionStorage), and the sort a search actually uses. Relevance needs words to rank by, so a
// list without a query is shown by stage (then clinical name) until words are typed again.
import { useCallback, useState } from 'react';
import type { SearchSort } from '../../../../common/contract';
import { SORT_LABELS } from '../../../../common/copy/en';

export const SORT_KEY = 'loadwise.resultSort';

function stored(): SearchSort {
  try {
    const v = sessionStorage.getItem(SORT_KEY);
    return v !== null && Object.hasOwn(SORT_LABELS, v) ? (v as SearchSort) : 'relevance';
  } catch {
    return 'relevance';
  }
}

/** The chosen sort and its setter; the choice outlives the screen (a section change) for the session. */
export function useSortChoice(): [SearchSort, (sort: SearchSort) => void] {
  const [choice, setChoice] = useState<SearchSort>(stored);
  const choose = useCallback((sort: SearchSort) => {
    setChoice(sort);
    try {
      sessionStorage.setItem(SORT_KEY, sort);
    } catch {
      // Storage refused (a private window): the choice still holds while the screen is open.
    }
  }, []);
  return [choice, choose];
}

/** The sort a search runs with: relevance only when there are words to rank by. */
export function effectiveSort(choice: SearchSort, query: string): SearchSort {
  return choice === 'relevance' && query.trim() === '' ? 'stage' : choice;
}
