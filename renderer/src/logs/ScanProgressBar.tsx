import type { LargeLogMessages, ViewLang } from './messages';
import { formatCount } from './messages';
import type { ScanProgress } from './scan-stream';

interface Props {
  lang: ViewLang;
  t: LargeLogMessages;
  progress: ScanProgress | null;
  cancelling: boolean;
  onCancel(): void;
}

/** Bytes read, incidents found and time left, with the cancel button. */
export function ScanProgressBar({ lang, t, progress, cancelling, onCancel }: Props) {
  const total = progress?.totalBytes ?? null;
  const read = progress?.bytesRead ?? 0;
  const percent = total ? Math.min(100, Math.round((read / total) * 100)) : null;
  // Before the worker's first figures there are none: « 0 o lus · 0 incident Orange » read as an empty log.
  const text = !progress
    ? cancelling
      ? t.cancelledBeforeData
      : t.starting
    : t.progress(
        t.bytes(read),
        total ? t.bytes(total) : null,
        formatCount(lang, progress.orangeIncidents),
        // No time left once cancelled: the scan is stopping, not finishing.
        progress.etaMs != null && !cancelling ? t.duration(progress.etaMs) : null,
      );
  return (
    <div className="large-log-progress">
      <div
        role="progressbar"
        aria-label={t.reading}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
        className="large-log-progress-track"
      >
        <div className="large-log-progress-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <p aria-live="polite">{text}</p>
      <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t.cancelling : t.cancel}
      </button>
    </div>
  );
}
