/**
 * Runs the planned checks in parallel through the API and collects results as they arrive. A newer run
 * (or an unmount) makes the answers of an older one be ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { couldNotRun } from '../../../core/preflight/run';
import type { PreflightCheck, PreflightInput, PreflightResult } from '../../../core/preflight/types';
import type { Api } from '../../../electron/contract';

export interface PreflightState {
  checks: PreflightCheck[];
  results: Record<string, PreflightResult>;
  running: boolean;
  /** The plan itself could not be had (IPC error). */
  planFailed: boolean;
}

const IDLE: PreflightState = { checks: [], results: {}, running: false, planFailed: false };

export function usePreflight(api: Api['preflight'], onResults?: (results: PreflightResult[]) => void) {
  const [state, setState] = useState<PreflightState>(IDLE);
  const generation = useRef(0);
  const onResultsRef = useRef(onResults);
  onResultsRef.current = onResults;
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  const start = useCallback(
    async (input: PreflightInput) => {
      const mine = ++generation.current;
      setState({ ...IDLE, running: true });
      let checks: PreflightCheck[];
      try {
        checks = await api.plan(input);
      } catch {
        if (mine === generation.current) setState({ ...IDLE, planFailed: true });
        return;
      }
      if (mine !== generation.current) return;
      setState({ ...IDLE, checks, running: checks.length > 0 });
      const collected: Record<string, PreflightResult> = {};
      await Promise.all(
        checks.map(async (check) => {
          const result = await api.run({ check }).catch(() => couldNotRun(check, 'error'));
          if (mine !== generation.current) return;
          collected[check.id] = result;
          setState((previous) => ({ ...previous, results: { ...previous.results, [check.id]: result } }));
        }),
      );
      if (mine !== generation.current) return;
      setState((previous) => ({ ...previous, running: false }));
      onResultsRef.current?.(
        checks.map((check) => collected[check.id]).filter((r): r is PreflightResult => !!r),
      );
    },
    [api],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    setState(IDLE);
  }, []);

  return { state, start, reset };
}
