/**
 * The history's date filters written the way the interface language writes a date: jj/mm/aaaa in French,
 * dd/mm/yyyy in English, in the order of the user's own region when the system speaks that language
 * (an American system gives mm/dd/yyyy, a Canadian French one aaaa-mm-jj). A native date field cannot do
 * this: Chromium draws it in the browser's locale whatever the page's language (the French window on an
 * English system read mm/dd/yyyy). ISO dates (2026-12-16) are accepted in every language.
 */
import { format, isValid, parseISO } from 'date-fns';
import type { HistoryLang } from './messages';

/** A date-fns pattern of three numeric parts: dd, MM and yyyy, one separator. */
export type DatePattern = string;

const FALLBACK: Record<HistoryLang, DatePattern> = { fr: 'dd/MM/yyyy', en: 'dd/MM/yyyy' };
const DEFAULT_LOCALE: Record<HistoryLang, string> = { fr: 'fr-FR', en: 'en-GB' };
const PART: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: 'dd', month: 'MM', year: 'yyyy' };
const SHAPE = /^(?:dd|MM|yyyy)([./ -])(?:dd|MM|yyyy)\1(?:dd|MM|yyyy)$/;

/** The pattern for `lang`: the first system locale of that language sets the order, else fr-FR / en-GB. */
export function datePattern(lang: HistoryLang, systemLocales: readonly string[]): DatePattern {
  const locale = systemLocales.find((l) => l.toLowerCase().split('-')[0] === lang) ?? DEFAULT_LOCALE[lang];
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).formatToParts(new Date(2026, 11, 16));
  } catch {
    return FALLBACK[lang];
  }
  const pattern = parts.map((p) => (p.type === 'literal' ? p.value : (PART[p.type] ?? '?'))).join('');
  return SHAPE.test(pattern) && new Set(pattern.match(/dd|MM|yyyy/g)).size === 3 ? pattern : FALLBACK[lang];
}

/** What the field shows as a hint: « jj/mm/aaaa » in French, "dd/mm/yyyy" in English. */
export function patternHint(pattern: DatePattern, lang: HistoryLang): string {
  const lower = pattern.toLowerCase();
  return lang === 'fr' ? lower.replace(/d/g, 'j').replace(/y/g, 'a') : lower;
}

/** A date of the filter (yyyy-mm-dd) as the pattern writes it. */
export function formatDateFilter(iso: string, pattern: DatePattern): string {
  const date = parseISO(iso);
  return isValid(date) ? format(date, pattern) : '';
}

/** The yyyy-mm-dd date written in `text` (the pattern's order, or ISO), or null when it is not a date. */
export function parseDateFilter(text: string, pattern: DatePattern): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const parts = iso ? null : /^(\d{1,4})[./ -](\d{1,4})[./ -](\d{1,4})$/.exec(t);
  let day: string | undefined;
  let month: string | undefined;
  let year: string | undefined;
  if (iso) [, year, month, day] = iso;
  else if (parts) {
    const order: string[] = pattern.match(/dd|MM|yyyy/g) ?? [];
    const values = parts.slice(1);
    day = values[order.indexOf('dd')];
    month = values[order.indexOf('MM')];
    year = values[order.indexOf('yyyy')];
  }
  if (!day || !month || year?.length !== 4) return null;
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = parseISO(candidate);
  // 31/02 is no date: date-fns refuses it, and the round trip catches any other overflow.
  return isValid(date) && format(date, 'yyyy-MM-dd') === candidate ? candidate : null;
}
