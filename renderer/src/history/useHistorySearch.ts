/**
 * The history list as the filters ask for it: searched on every keystroke (the store answers in a few
 * milliseconds), answers arriving out of order ignored, and reloaded on demand after a change.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../../electron/contract';
import type { SearchResult, Status } from '../../../electron/services/history/schema';

export interface HistoryFilterState {
  query: string;
  status: Status | '';
  reason: string;
  from: string;
  to: string;
}

export const NO_FILTER: HistoryFilterState = { query: '', status: '', reason: '', from: '', to: '' };

/** The filter as the API takes it (empty fields left out). */
export function toApiFilter(filter: HistoryFilterState) {
  const reason = Number.parseInt(filter.reason, 10);
  return {
    ...(filter.query.trim() ? { query: filter.query.trim() } : {}),
    ...(filter.status ? { status: [filter.status] } : {}),
    ...(Number.isInteger(reason) ? { reason } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}

export function useHistorySearch(api: Api['history'], filter: HistoryFilterState, limit: number) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    const request = ++latest.current;
    api
      .search({ ...toApiFilter(filter), limit })
      .then((next) => {
        if (request !== latest.current) return;
        setResult(next);
        setError(null);
      })
      .catch((e: unknown) => {
        if (request === latest.current) setError(e);
      });
  }, [api, filter, limit, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { result, error, reload, version };
}
