/**
 * Large logs (issue 8): open or drop a log, scan it in a worker with a progress bar and a cancel
 * button, then read the summary (Orange groups, a timeline per IP, other providers aside) and make a
 * group the current incident.
 */
import { type DragEvent, useId, useState } from 'react';
import { DEFAULT_WINDOW_MS, groupToIncident } from '../../../core/summary';
import type { Incident } from '../../../core/types';
import { assumedYearNotes } from './assumed-year';
import { IpTimelineChart } from './IpTimelineChart';
import { formatCount, MESSAGES } from './messages';
import { OthersTable } from './OthersTable';
import type { ScanWorkerFactory } from './protocol';
import { ScanProgressBar } from './ScanProgressBar';
import { SummaryTable } from './SummaryTable';
import { useScan } from './use-scan';
import { createScanWorker } from './worker-factory';
import './LargeLogView.css';

export interface LargeLogViewProps {
  lang: 'fr' | 'en';
  /** `logName`: the file the group was read from. */
  onUseGroup(incident: Incident, logName: string): void;
  /** The scan worker; tests pass a fake. Default: the real module worker. */
  createWorker?: ScanWorkerFactory;
}

export function LargeLogView({ lang, onUseGroup, createWorker = createScanWorker }: LargeLogViewProps) {
  const t = MESSAGES[lang];
  const inputId = useId();
  const headingId = useId();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const { state, start, cancel } = useScan(createWorker);
  const [dragging, setDragging] = useState(false);
  const scanning = state.status === 'scanning';

  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !scanning) start(file);
  };

  return (
    <section className="large-log" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p>{t.intro}</p>
      <fieldset
        className={`large-log-drop${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {/* The native file input shows the system's words ("Choose File", "No file chosen") whatever
            the interface language: it is hidden, and its label, styled as a button, opens it. */}
        <label htmlFor={inputId} className={`button button--primary${scanning ? ' is-disabled' : ''}`}>
          {t.choose}
        </label>{' '}
        <input
          id={inputId}
          type="file"
          className="visually-hidden"
          disabled={scanning}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) start(file);
            event.currentTarget.value = '';
          }}
        />{' '}
        <span>{t.dropHere}</span>
      </fieldset>

      <p className="large-log-filter">
        <label htmlFor={filterId}>{t.filter}</label>{' '}
        <input
          id={filterId}
          type="search"
          className="input"
          value={filter}
          aria-describedby={`${filterId}-hint`}
          onChange={(event) => setFilter(event.currentTarget.value)}
        />{' '}
        <span id={`${filterId}-hint`} className="hint">
          {t.filterHint}
        </span>
      </p>

      {state.status === 'scanning' && (
        <ScanProgressBar
          lang={lang}
          t={t}
          progress={state.progress}
          cancelling={state.cancelling}
          onCancel={cancel}
        />
      )}
      {state.status === 'cancelled' && (
        <p role="status">{state.nothingRead ? t.cancelledBeforeData : t.cancelled}</p>
      )}
      {state.status === 'error' && <p role="alert">{t.failed(state.message)}</p>}

      {state.status === 'done' && (
        <div className="large-log-summary">
          {/* data-threads: how many workers read the log (2 for a large plain file), for the e2e test. */}
          <p role="status" data-threads={state.stats.threads}>
            <strong>{state.name}</strong> ·{' '}
            {t.totals(
              formatCount(lang, state.stats.lines),
              formatCount(lang, state.summary.totals.orange),
              formatCount(lang, state.summary.groups.length),
              formatCount(lang, state.summary.totals.others),
              t.duration(state.stats.elapsedMs),
            )}
          </p>
          <p className="note">
            {t.windowNote(Math.round(state.summary.windowMs / 3_600_000) || DEFAULT_WINDOW_MS / 3_600_000)}
          </p>
          {state.summary.totals.undated > 0 && (
            <p className="note">{t.undated(formatCount(lang, state.summary.totals.undated))}</p>
          )}
          {state.summary.totals.ungrouped > 0 && (
            <p className="note">{t.ungrouped(formatCount(lang, state.summary.totals.ungrouped))}</p>
          )}
          {/* Said once for the « année supposée » under the groups' dates, as the main tab says it. */}
          {assumedYearNotes(state.summary.groups).map((note) => (
            <p className="note" key={note.text.en}>
              {note.text[lang]}
            </p>
          ))}
          {state.warnings.map((note) => (
            <p className="note" key={note.code}>
              {note.text[lang]}
            </p>
          ))}
          <h3>{t.groupsHeading}</h3>
          <SummaryTable
            lang={lang}
            t={t}
            groups={state.summary.groups}
            filter={filter}
            onUse={(group) => onUseGroup(groupToIncident(group), state.name)}
          />
          <IpTimelineChart lang={lang} t={t} timeline={state.summary.timeline} filter={filter} />
          <OthersTable lang={lang} t={t} others={state.summary.others} />
        </div>
      )}
    </section>
  );
}
