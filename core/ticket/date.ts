/**
 * The incident's date as a person writes it, in the zone the log gave: « lundi 16 décembre 2019 à
 * 22:00:18 (UTC+01:00) ». Day and month names come from date-fns' locales; the time of day is taken from
 * the text itself so the machine's own zone can never shift it.
 */
import { format } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import type { Lang } from '../types';
import { formatOffset, parseWallClock } from '../validate/iso-date';
import { t } from './catalog';

export type FormattedDate =
  | { kind: 'full'; text: string }
  | { kind: 'no-zone'; text: string }
  | { kind: 'unreadable'; text: string };

const LOCALES = { fr, en: enGB };

/** `inline`: the zone without its parentheses, for a date written inside parentheses already. */
export function formatIncidentDate(iso: string, lang: Lang, inline = false): FormattedDate {
  const parts = parseWallClock(iso);
  if (!parts) return { kind: 'unreadable', text: iso.trim() };
  // Noon on that calendar day: a DST change in the machine's zone cannot move it to another day.
  const calendarDay = new Date(2000, 0, 1, 12, 0, 0);
  calendarDay.setFullYear(parts.year, parts.month - 1, parts.day);
  const day = format(calendarDay, t(lang, 'date.dayPattern'), { locale: LOCALES[lang] });
  const time = [parts.hour, parts.minute, parts.second].map((n) => String(n).padStart(2, '0')).join(':');
  if (parts.offsetMinutes === null) return { kind: 'no-zone', text: t(lang, 'date.noZone', { day, time }) };
  return {
    kind: 'full',
    text: t(lang, inline ? 'date.formatInline' : 'date.format', {
      day,
      time,
      offset: formatOffset(parts.offsetMinutes),
    }),
  };
}
