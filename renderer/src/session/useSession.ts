/** The session state plus the extraction that runs as soon as text arrives (no button). */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useServices } from '../api/services';
import { initialSession, sessionReducer } from './reducer';

export function useSession() {
  const { runner } = useServices();
  const [state, dispatch] = useReducer(sessionReducer, initialSession);
  const controller = useRef<AbortController | null>(null);

  const { text, run } = state;
  useEffect(() => {
    if (text === '') return;
    const abort = new AbortController();
    controller.current = abort;
    runner(text, (progress) => dispatch({ type: 'progress', run, progress }), abort.signal).then(
      ({ lines, result }) =>
        dispatch({ type: 'extracted', run, lines, incidents: result.incidents, warnings: result.warnings }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        dispatch({ type: 'failed', run, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [text, run, runner]);

  const setText = useCallback(
    (next: string, fileName: string | null = null) => dispatch({ type: 'text', text: next, fileName }),
    [],
  );
  return { state, dispatch, setText };
}
