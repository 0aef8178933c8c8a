/**
 * The session state plus the extraction that runs as soon as text arrives (no button), and the copy of
 * the work in progress that a page loaded again after its process died puts back (draftStore.ts).
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useServices } from '../api/services';
import { loadDraft, recoveredReason, saveDraft, snapshotOf } from './draftStore';
import { initialSession, sessionReducer } from './reducer';

/** The copy is written this long after the last change (typing in a field changes it at each key). */
const SAVE_DELAY_MS = 400;

const sessionStore = () => {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
};

/** Recovered after a crash: the reason, and whether work in progress was put back. */
export interface Recovery {
  reason: string;
  restored: boolean;
}

export function useSession() {
  const { runner } = useServices();
  const [state, dispatch] = useReducer(sessionReducer, initialSession);
  const controller = useRef<AbortController | null>(null);
  const [recovery, setRecovery] = useState<Recovery | null>(null);

  // Once, before the copy below is first written: the work in progress, after a crash only.
  useEffect(() => {
    const reason = typeof window === 'undefined' ? null : recoveredReason(window.location.search);
    if (!reason) return;
    const draft = loadDraft(sessionStore());
    if (draft?.incident) {
      const { incident, text, savedId, savedAt } = draft;
      dispatch({ type: 'restore', incident, text, id: savedId, at: savedAt });
    } else if (draft) dispatch({ type: 'text', text: draft.text, fileName: draft.fileName });
    setRecovery({ reason, restored: draft !== null });
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => saveDraft(sessionStore(), snapshotOf(state)), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state]);

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
  return { state, dispatch, setText, recovery };
}
