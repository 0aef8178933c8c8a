/**
 * One bound of the history's date range, as a text field written in the interface language's way
 * (dateFilterFormat.ts). The filter takes the date once it reads as one; a text that does not is said to
 * be unrecognised (once the field is left), with the expected form, and filters nothing meanwhile.
 */
import { useMemo, useState } from 'react';
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
  const parsed = text.trim() === '' ? '' : parseDateFilter(text, pattern);
  const showError = parsed === null && left;
  const edit = (next: string) => {
    setText(next);
    const date = next.trim() === '' ? '' : parseDateFilter(next, pattern);
    if ((date ?? '') !== value) onChange(date ?? '');
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
