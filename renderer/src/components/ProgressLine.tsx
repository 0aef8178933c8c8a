/** What the extraction is doing, with a bar when the amount of work is known. */
import type { Progress } from '../engine/runner';
import { useI18n } from '../i18n';

export function ProgressLine({ progress, size }: { progress: Progress | null; size: number }) {
  const { t, size: formatSize } = useI18n();
  const known = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  let label = t('progress.extracting');
  if (progress?.phase === 'reading') label = t('progress.reading', { size: formatSize(size) });
  if (progress?.phase === 'indexing' && known !== null) label = t('progress.indexing', { percent: known });
  return (
    <div className="progress">
      <div
        className={`progress-bar${known === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label={t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ?? undefined}
        aria-valuetext={label}
      >
        <div className="progress-fill" style={known === null ? undefined : { width: `${known}%` }} />
      </div>
      <p className="progress-text">{label}</p>
    </div>
  );
}
