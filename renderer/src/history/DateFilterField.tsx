/**
 * One bound of the history's date range, as a text field written in the interface language's way
 * (dateFilterFormat.ts). The filter takes the date once it reads as one; a text that does not is said to
 * be unrecognised (once the field is left), with the expected form, and filters nothing meanwhile.
 * Beside it, a calendar button opens the browser's own date picker (a native date field kept out of
 * sight and of the tab order, opened with showPicker()); the day picked is written into the text field
 * in the interface language's way.
 */
import { useMemo, useRef, useState } from 'react';
import { datePattern, formatDateFilter, parseDateFilter, patternHint } from './dateFilterFormat';
import { type HistoryLang, MESSAGES } from './messages';

interface Props {
  id: string;
  label: string;
  lang: HistoryLang;
  /** The filter's date, yyyy-mm-dd, or '' for none. */
  value: string;
  onChange(value: string): void;
}

const systemLocales = () =>
  typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language];

export function DateFilterField({ id, label, lang, value, onChange }: Props) {
  const t = MESSAGES[lang];
  const pattern = useMemo(() => datePattern(lang, systemLocales()), [lang]);
  const hint = patternHint(pattern, lang);
  const [text, setText] = useState(() => (value ? formatDateFilter(value, pattern) : ''));
  const [left, setLeft] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const parsed = text.trim() === '' ? '' : parseDateFilter(text, pattern);
  const showError = parsed === null && left;
  const edit = (next: string) => {
    setText(next);
    const date = next.trim() === '' ? '' : parseDateFilter(next, pattern);
    if ((date ?? '') !== value) onChange(date ?? '');
  };
  const openPicker = () => {
    const input = picker.current;
    if (!input) return;
    input.value = parsed ?? '';
    try {
      input.showPicker();
    } catch {
      // No picker (an older engine, or no user gesture): the native field takes the focus instead.
      input.focus();
    }
  };
  const picked = (iso: string) => {
    if (iso === '') return;
    setLeft(false);
    edit(formatDateFilter(iso, pattern));
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="history-date"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={hint}
        maxLength={24}
        aria-describedby={`${id}-format`}
        aria-invalid={showError ? true : undefined}
        onChange={(e) => edit(e.target.value)}
        onBlur={() => setLeft(true)}
      />
      <span className="history-date-picker">
        <button
          type="button"
          className="button button--quiet history-date-button"
          aria-label={t.datePick(label)}
          title={t.datePick(label)}
          onClick={openPicker}
        >
          <svg className="history-date-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" />
            <path d="M1.5 6.5h13M5 1v3M11 1v3" />
          </svg>
        </button>
        <input
          ref={picker}
          type="date"
          className="history-date-native"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => picked(e.target.value)}
        />
      </span>
      <span
        id={`${id}-format`}
        className={showError ? 'history-date-error' : 'visually-hidden'}
        aria-live="polite"
      >
        {showError ? t.dateInvalid(hint, formatDateFilter('2026-12-16', pattern)) : t.dateFormat(hint)}
      </span>
    </>
  );
}
