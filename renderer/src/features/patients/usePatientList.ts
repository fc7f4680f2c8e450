// Runs patients.list as the search and the "Show archived" choice change, after a short pause in
// typing. An answer that arrives after a newer request was sent is dropped.
import { useCallback, useEffect, useState } from 'react';
import type { PatientSummary } from '../../../../common/contract/patients';
import { api } from '../../api';
import { useLatestRequest } from '../../api/useCall';

export const TYPING_PAUSE_MS = 200;

export interface PatientListState {
  items: PatientSummary[] | null;
  loading: boolean;
  error: string | null;
  /** What the shown list answers, so tests and screen readers know it is current. */
  answered: { query: string; includeArchived: boolean } | null;
  refresh(): void;
}

export function usePatientList(query: string, includeArchived: boolean): PatientListState {
  const [items, setItems] = useState<PatientSummary[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answered, setAnswered] = useState<PatientListState['answered']>(null);
  const [generation, setGeneration] = useState(0);
  const requests = useLatestRequest();

  useEffect(() => {
    const ticket = requests.next();
    setLoading(true);
    const timer = setTimeout(
      () => {
        void api['patients.list']({ query: query.trim(), includeArchived }).then((r) => {
          if (!requests.isCurrent(ticket)) return;
          setLoading(false);
          setAnswered({ query, includeArchived });
          if (r.ok) {
            setItems(r.value);
            setError(null);
          } else setError(r.error.message);
        });
      },
      query.trim() === '' ? 0 : TYPING_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [query, includeArchived, generation, requests]);

  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  return { items, loading, error, answered, refresh };
}
