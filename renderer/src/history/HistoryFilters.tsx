/** Search box and filters of the history: status, Orange reason, date range. */
import { type RefObject, useId, useState } from 'react';
import { STATUSES, type Status } from '../../../electron/services/history/schema';
import { DateFilterField } from './DateFilterField';
import { type HistoryLang, MESSAGES } from './messages';
import { type HistoryFilterState, NO_FILTER } from './useHistorySearch';

/** Reason numbers worth offering (Orange's table); any other can still be searched as text, e.g. "[513]". */
const REASONS = [
  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 305, 405, 415, 416, 417, 425, 505, 506, 513, 999,
];

interface Props {
  lang: HistoryLang;
  filter: HistoryFilterState;
  onChange(filter: HistoryFilterState): void;
  /** The search box, for the list to give it focus back (after Undo, or once the filters are cleared). */
  searchRef?: RefObject<HTMLInputElement | null>;
}

export function HistoryFilters({ lang, filter, onChange, searchRef }: Props) {
  const t = MESSAGES[lang];
  const id = useId();
  const set = <K extends keyof HistoryFilterState>(key: K, value: HistoryFilterState[K]) =>
    onChange({ ...filter, [key]: value });
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  // The date fields keep what is typed (an unfinished date too): clearing the filters starts them afresh.
  const [cleared, setCleared] = useState(0);
  const clear = () => {
    setCleared((n) => n + 1);
    onChange(NO_FILTER);
    // The button goes with the filters: focus goes to the search box rather than to the page.
    searchRef?.current?.focus();
  };
  return (
    <div className="history-filters">
      <label htmlFor={`${id}-q`}>{t.search}</label>
      <input
        id={`${id}-q`}
        ref={searchRef}
        type="search"
        data-search=""
        value={filter.query}
        placeholder={t.searchHint}
        aria-describedby={`${id}-hint`}
        onChange={(e) => set('query', e.target.value)}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {t.searchHint}
      </span>
      <fieldset>
        <legend className="visually-hidden">{t.filters}</legend>
        <label htmlFor={`${id}-status`}>{t.status}</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(e) => set('status', e.target.value as Status | '')}
        >
          <option value="">{t.anyStatus}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.statusName[s]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-reason`}>{t.reason}</label>
        <select id={`${id}-reason`} value={filter.reason} onChange={(e) => set('reason', e.target.value)}>
          <option value="">{t.anyReason}</option>
          {REASONS.map((r) => (
            <option key={r} value={String(r)}>
              [{r}]
            </option>
          ))}
        </select>
        <DateFilterField
          key={`from-${lang}-${cleared}`}
          id={`${id}-from`}
          label={t.from}
          lang={lang}
          value={filter.from}
          onChange={(value) => set('from', value)}
        />
        <DateFilterField
          key={`to-${lang}-${cleared}`}
          id={`${id}-to`}
          label={t.to}
          lang={lang}
          value={filter.to}
          onChange={(value) => set('to', value)}
        />
        {filtered ? (
          <button type="button" className="button button--quiet" onClick={clear}>
            {t.clearFilters}
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}
