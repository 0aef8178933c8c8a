/** The state of one large-log scan, driven by the scan worker's messages. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IncidentSummary } from '../../../core/summary';
import type { Note } from '../../../core/types';
import type { FromScanWorker, ScanWorkerFactory, ScanWorkerLike } from './protocol';
import type { ScanProgress, ScanStats } from './scan-stream';

export type ScanState =
  | { status: 'idle' }
  | { status: 'scanning'; name: string; progress: ScanProgress | null; cancelling: boolean }
  | { status: 'done'; name: string; summary: IncidentSummary; stats: ScanStats; warnings: Note[] }
  /** `nothingRead`: cancelled before a byte was read, so no figure to speak of (not « 0 incidents »). */
  | { status: 'cancelled'; name: string; nothingRead: boolean }
  | { status: 'error'; name: string; message: string };

export function useScan(createWorker: ScanWorkerFactory) {
  const [state, setState] = useState<ScanState>({ status: 'idle' });
  const worker = useRef<ScanWorkerLike | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const start = useCallback(
    (file: File) => {
      stop();
      const w = createWorker(file.size);
      worker.current = w;
      const name = file.name;
      setState({ status: 'scanning', name, progress: null, cancelling: false });
      w.onmessage = (event: MessageEvent<FromScanWorker>) => {
        if (worker.current !== w) return;
        const message = event.data;
        if (message.type === 'progress') {
          // Once the user has cancelled, the figures stay where they were: a bar still filling under
          // « Annulation… » reads as if the cancel had not been taken (the worker sees it between chunks).
          setState((s) =>
            s.status === 'scanning' && !s.cancelling ? { ...s, progress: message.progress } : s,
          );
          return;
        }
        stop();
        if (message.type === 'done') {
          const { summary, stats, warnings } = message;
          setState({ status: 'done', name, summary, stats, warnings });
        } else if (message.type === 'cancelled')
          setState({ status: 'cancelled', name, nothingRead: message.stats.bytesRead === 0 });
        else setState({ status: 'error', name, message: message.message });
      };
      w.onerror = (event: ErrorEvent) => {
        if (worker.current !== w) return;
        stop();
        setState({ status: 'error', name, message: event.message || 'worker error' });
      };
      w.postMessage({ type: 'scan', file, name });
    },
    [createWorker, stop],
  );

  const cancel = useCallback(() => {
    const w = worker.current;
    if (!w) return;
    w.postMessage({ type: 'cancel' });
    setState((s) => (s.status === 'scanning' ? { ...s, cancelling: true } : s));
    // If the worker does not answer promptly, stop it anyway.
    setTimeout(() => {
      if (worker.current !== w) return;
      stop();
      setState((s) =>
        s.status === 'scanning'
          ? { status: 'cancelled', name: s.name, nothingRead: (s.progress?.bytesRead ?? 0) === 0 }
          : s,
      );
    }, 2000);
  }, [stop]);

  return { state, start, cancel };
}
