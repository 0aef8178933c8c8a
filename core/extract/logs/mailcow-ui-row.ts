/**
 * A row of mailcow's web UI Postfix log (System > Logs > Postfix), copied from the browser: the time as
 * the browser's locale writes it, the syslog priority, then Postfix's message without its program, host
 * or stamp (data/web/js/site/debug.js: `toLocaleDateString(undefined, {year, month, day, hour, minute,
 * second})`, columns Time, Priority, Message). Tab-separated as a copied table comes, or as a Markdown
 * table (`| 28.01.2019, 19:19:55 | info | ... |`), newest row first:
 *
 *     8/30/2017, 9:55:53 AM	info	2FC185E4155: to=<...>, relay=..., status=sent (...)   (mailcow-dockerized #541)
 *     28.01.2019, 19:19:55 | info | See http://www.postfix.org/COMPATIBILITY_README.html   (mailcow-dockerized #2237)
 *
 * The day and month follow the locale's order: with AM/PM, en-US's month first; with dots (de-DE) or
 * slashes without AM/PM (fr-FR, en-GB: `03/12/2024 10:41:07`), day first. The zone is the browser's, which
 * the row does not say (the line's stamp is zone-less, said as such). The page is Postfix's container log:
 * the message is read as Postfix's.
 */
import type { Note } from '../../types';
import { twentyFourHour } from '../twelve-hour-clock';
import type { SyslogLine } from './syslog';

/** The row's time is the browser's rendering, in the browser's zone: the one to give for the ticket. */
const BROWSER_TIME: Note = {
  code: 'mailcow-ui-browser-time',
  text: {
    fr: 'L’heure est celle qu’affiche l’interface web de mailcow, dans le fuseau horaire de l’ordinateur qui l’a affichée (pas celui du serveur)\u00a0: indiquez ce fuseau s’il n’est pas celui retenu.',
    en: 'The time is the one mailcow’s web UI shows, in the time zone of the computer that displayed it (not the server’s): give that zone if it is not the one assumed.',
  },
};

const PRIORITY = '(?:emerg|alert|crit|err|error|warn|warning|notice|info|debug)';
const ROW = new RegExp(
  String.raw`^(?:\| ?)?(\d{1,2})([./])(\d{1,2})\2(\d{4}),? (\d{1,2}):(\d\d):(\d\d)(?: ?([AaPp])\.? ?[Mm]\.?)?(?:\t| ?\| ?)${PRIORITY}(?:\t| ?\| ?)`,
);

const pad = (n: number) => String(n).padStart(2, '0');

/** The row as the Postfix line it shows, dated by its locale time, or null when the text is no such row. */
export function parseMailcowUiRow(text: string): SyslogLine | null {
  const c0 = text.charCodeAt(0);
  if (!((c0 >= 48 && c0 <= 57) || c0 === 124) || (!text.includes('/') && !text.includes('.'))) return null;
  const m = ROW.exec(text);
  if (!m) return null;
  const n = (i: number) => Number(m[i]);
  const [a, b, year, min, sec] = [n(1), n(3), n(4), n(6), n(7)];
  const meridiem = m[8]?.toLowerCase();
  const monthFirst = meridiem !== undefined && m[2] === '/';
  const month = monthFirst ? a : b;
  const day = monthFirst ? b : a;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const hour = twentyFourHour(n(5), meridiem);
  if (hour === null || hour > 23 || min > 59 || sec > 59) return null;
  // A Markdown row ends with its cell's bar.
  const message = text.slice(m[0].length).replace(/\s*\|\s*$/, '');
  return {
    stamp: {
      kind: 'local',
      date: `${year}-${pad(month)}-${pad(day)}`,
      time: `${pad(hour)}:${pad(min)}:${pad(sec)}`,
    },
    host: '',
    stampNote: BROWSER_TIME,
    program: 'postfix',
    pid: null,
    message,
  };
}
