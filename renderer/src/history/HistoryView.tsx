/**
 * The incident history (issue 6): newest first, searched as you type, filtered by status, reason and
 * dates; status changed in one click; delete with undo; CSV/JSON export, JSON import; a weekly chart.
 * Everything goes through `api` (the preload's history group, or a fake in tests).
 */
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import type { Api } from '../../../electron/contract';
import type { ExportFile, HistoryRecord, Status } from '../../../electron/services/history/schema';
import { useNotify } from '../components/Notices';
import { downloadFile, readFileText } from './download';
import { HistoryFilters } from './HistoryFilters';
import { HistoryRow } from './HistoryRow';
import { errorText, type HistoryLang, MESSAGES } from './messages';
import { StoreNotice } from './StoreNotice';
import { type HistoryFilterState, NO_FILTER, toApiFilter, useHistorySearch } from './useHistorySearch';
import { WeeklyChart } from './WeeklyChart';
import './history.css';

const PAGE = 50;
/** The most the list shows (the API's limit); past it the user narrows the search instead. */
const MAX_SHOWN = 500;

export interface HistoryViewProps {
  api: Api['history'];
  lang: HistoryLang;
  /** Called with the whole record when the user opens an incident (to see, edit or re-copy its ticket). */
  onOpen(record: HistoryRecord): void;
  /** Where exports go; default: a browser download (Electron asks where to save). */
  onExport?(file: ExportFile): void;
  /** Change it (e.g. a counter) after saving elsewhere so the list reloads. */
  refreshKey?: number;
}

export function HistoryView({
  api,
  lang,
  onOpen,
  onExport = downloadFile,
  refreshKey = 0,
}: HistoryViewProps) {
  const t = MESSAGES[lang];
  const notify = useNotify();
  const headingId = useId();
  const [filter, setFilter] = useState<HistoryFilterState>(NO_FILTER);
  const [limit, setLimit] = useState(PAGE);
  const { result, error, reload, version } = useHistorySearch(api, filter, limit);
  const [busy, setBusy] = useState<string | null>(null);
  const [undo, setUndo] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  // Keyboard focus never falls to the page when the button that had it goes (a deleted row, Undo).
  const searchInput = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (undo) undoButton.current?.focus();
  }, [undo]);
  const lastRefresh = useRef(refreshKey);
  useEffect(() => {
    if (lastRefresh.current === refreshKey) return;
    lastRefresh.current = refreshKey;
    reload();
  }, [refreshKey, reload]);

  const attempt = async (task: () => Promise<string | null>, id: string | null = null) => {
    setBusy(id);
    try {
      const done = await task();
      setMessage(done ? { text: done, error: false } : null);
    } catch (e) {
      setMessage({ text: t.failed(errorText(e, lang)), error: true });
    } finally {
      setBusy(null);
      reload();
    }
  };

  const changeStatus = (id: string, status: Status) =>
    attempt(async () => {
      await api.setStatus({ id, status });
      return null;
    }, id);

  const remove = (id: string) =>
    attempt(async () => {
      await api.delete({ id });
      setUndo(id);
      return null;
    }, id);

  const restore = (id: string) =>
    attempt(async () => {
      await api.restore({ id });
      setUndo(null);
      searchInput.current?.focus();
      return null;
    }, id);

  const open = (id: string) =>
    attempt(async () => {
      const record = await api.get({ id });
      if (!record) return null;
      // The list's fields are intact but the details (texts, tickets, sources) could not be read: say so.
      if (record.textsProblem) notify(record.textsProblem[lang], 'error');
      onOpen(record);
      return null;
    }, id);

  const exportAs = (kind: 'csv' | 'json') =>
    attempt(async () => {
      const filterForApi = toApiFilter(filter);
      const file = kind === 'csv' ? await api.exportCsv(filterForApi) : await api.exportJson(filterForApi);
      onExport(file);
      return t.exported(file.count, file.filename);
    });

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void attempt(async () => {
      const report = await api.importJson({ content: await readFileText(file) });
      return t.imported(report.added, report.updated, report.skipped.length, report.invalid.length);
    });
  };

  const dismissUndo = () => {
    setUndo(null);
    searchInput.current?.focus();
  };

  const changeFilter = (next: HistoryFilterState) => {
    setFilter(next);
    setLimit(PAGE);
  };

  const items = result?.items ?? [];
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  return (
    <section className="panel history" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{t.title}</h2>
        <div className="panel-actions">
          <button type="button" className="button" onClick={() => void exportAs('csv')}>
            {t.exportCsv}
          </button>
          <button type="button" className="button" onClick={() => void exportAs('json')}>
            {t.exportJson}
          </button>
          <button type="button" className="button" onClick={() => importInput.current?.click()}>
            {t.importJson}
          </button>
          <input
            ref={importInput}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="history-import"
            onChange={importFile}
          />
        </div>
      </div>
      <StoreNotice api={api} lang={lang} version={version} />
      <HistoryFilters lang={lang} filter={filter} onChange={changeFilter} searchRef={searchInput} />
      {undo ? (
        <div className="history-undo" role="status">
          {t.removed}{' '}
          <button
            ref={undoButton}
            type="button"
            className="button button--primary"
            onClick={() => void restore(undo)}
          >
            {t.undo}
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={dismissUndo}>
            {t.dismiss}
          </button>
        </div>
      ) : null}
      {message ? (
        <p
          className={message.error ? 'history-message history-message--error' : 'history-message'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      {error ? <p role="alert">{t.failed(errorText(error, lang))}</p> : null}
      {!result && !error ? <p className="hint">{t.loading}</p> : null}
      {result ? (
        <p className="hint" aria-live="polite">
          {result.total === 0 ? (filtered ? t.noMatch : t.empty) : t.count(result.total, items.length)}
        </p>
      ) : null}
      {items.length > 0 ? (
        <div className="history-table-wrap">
          <table className="history-table">
            <thead>
              <tr>
                <th scope="col">{t.columns.date}</th>
                <th scope="col">{t.columns.ips}</th>
                <th scope="col">{t.columns.domain}</th>
                <th scope="col">{t.columns.reply}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <HistoryRow
                  key={item.id}
                  item={item}
                  lang={lang}
                  busy={busy === item.id}
                  onOpen={(id) => void open(id)}
                  onStatus={(id, status) => void changeStatus(id, status)}
                  onDelete={(id) => void remove(id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result && result.total > items.length && limit < MAX_SHOWN ? (
        <button
          type="button"
          className="button"
          onClick={() => setLimit((n) => Math.min(MAX_SHOWN, n + PAGE))}
        >
          {t.more}
        </button>
      ) : null}
      {result && result.total > items.length && limit >= MAX_SHOWN ? (
        <p className="hint">{t.narrow}</p>
      ) : null}
      <WeeklyChart api={api} lang={lang} filter={filter} version={version} />
    </section>
  );
}
