/**
 * Log timestamps to ISO 8601 with an offset. A stamp that lacks its year or zone is completed from
 * ExtractOptions (`now`, `assumeZone`) and the choice is returned as an explicit Note, never silently.
 */
import type { Note } from '../../types';
import { wallTimeAmbiguity, zoneOffsetForWallTime } from '../zone-offset';
import { bracketedSecondsKind } from './bracketed-epoch';

/** A timestamp as read from a log line, before any assumption. */
export type RawStamp =
  /** ISO 8601 / RFC 3339 / RFC 5424 text that carries its own offset (or Z). */
  | { kind: 'iso'; text: string }
  /** Classic syslog (RFC 3164) `Mar 16 02:27:29`: no year, no zone. */
  | { kind: 'syslog'; month: number; day: number; time: string }
  /** A date and time with a year but no zone (Exim `2024-01-02 10:11:12`). */
  | { kind: 'local'; date: string; time: string }
  /** Seconds since the Unix epoch (UTC by definition). */
  | { kind: 'epoch'; seconds: number }
  /**
   * Seconds in brackets (`journalctl -o short-monotonic`): since the host booted, no date at all, unless
   * they can only be seconds since the epoch (bracketed-epoch.ts).
   */
  | { kind: 'monotonic'; seconds: number };

export interface ResolvedStamp {
  iso: string | null;
  assumption: Note | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Month abbreviations of the French and German locales (glibc's fr_FR `janv. févr. mars avril mai juin
 * juil. août sept. oct. nov. déc.`, de_DE `Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez`), which
 * journalctl writes when run in such a locale (`Mär 08 20:48:47 webserver smtpd[88171]: ...`, quoted in
 * a German blog post), by their first three letters where they differ from English.
 */
const LOCALE_MONTHS: Record<string, number> = {
  fév: 2,
  fev: 2,
  mär: 3,
  avr: 4,
  mai: 5,
  aoû: 8,
  aou: 8,
  okt: 10,
  déc: 12,
  dez: 12,
  // Spanish, Italian, Dutch and Portuguese (client-date.ts reads their forward headers).
  ene: 1,
  gen: 1,
  maa: 3,
  abr: 4,
  mag: 5,
  mei: 5,
  giu: 6,
  lug: 7,
  ago: 8,
  set: 9,
  ott: 10,
  out: 10,
  dic: 12,
};

/**
 * 1-12 for an English, French, German, Spanish, Italian or Dutch month name or abbreviation, or 0. French `juin` and `juil.`
 * share their first three letters: the fourth tells them apart.
 */
export function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  const month = MONTHS.indexOf(key) + 1 || (LOCALE_MONTHS[key] ?? 0);
  if (month !== 0 || key !== 'jui') return month;
  const fourth = name.charAt(3).toLowerCase();
  return fourth === 'n' ? 6 : fourth === 'l' ? 7 : 0;
}

const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,]\d{1,9})?\s?(Z|[+-]\d{2}:?\d{2})$/i;

function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return '+00:00';
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.abs(minutes) / 60)}:${pad(Math.abs(minutes) % 60)}`;
}

const offsets = new Map<string, number | null>();

/** `+0200` / `+02:00` / `Z` → minutes east of UTC; null when not an offset (remembered per text). */
function parseOffset(text: string): number | null {
  let offset = offsets.get(text);
  if (offset === undefined) {
    offset = readOffset(text);
    if (offsets.size >= 256) offsets.clear();
    offsets.set(text, offset);
  }
  return offset;
}

function readOffset(text: string): number | null {
  if (/^z$/i.test(text) || /^utc$/i.test(text) || text === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  // Offsets in use run from -12:00 to +14:00; `+25:00` would write an invalid date.
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

// Zone abbreviations that name one offset only (CST, IST, AST... are ambiguous and left out).
const ABBREVIATIONS: Record<string, string> = {
  UTC: 'Z',
  GMT: 'Z',
  WET: '+00:00',
  WEST: '+01:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  MET: '+01:00',
  MEST: '+02:00',
  // German for CET and CEST, as Apple Mail writes them in a German forward's date (`... um 15:14:53 MEZ`).
  MEZ: '+01:00',
  MESZ: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  EST: '-05:00',
  EDT: '-04:00',
  MDT: '-06:00',
  MST: '-07:00',
  PDT: '-07:00',
  PST: '-08:00',
  JST: '+09:00',
};

/**
 * The offset (`Z`, `+02:00`) of a zone written as systemd and date(1) write it: an unambiguous
 * abbreviation (`CEST`) or a numeric offset (`+0200`); null when it cannot be told.
 */
export function zoneAbbreviationOffset(zone: string): string | null {
  const known = ABBREVIATIONS[zone.toUpperCase()];
  if (known !== undefined) return known;
  const offset = parseOffset(zone);
  return offset === null ? null : formatOffset(offset);
}

/** Normalises an ISO stamp that has an offset: seconds precision, `+HH:MM` offset, `Z` kept as `Z`. */
export function normalizeIso(text: string): string | null {
  const m = ISO_WITH_ZONE.exec(text.trim());
  if (!m) return null;
  const zone = m[3] ?? '';
  if (/^z$/i.test(zone)) return `${m[1]}T${m[2]}Z`;
  const offset = parseOffset(zone);
  return offset === null ? null : `${m[1]}T${m[2]}${formatOffset(offset)}`;
}

function wallTimeMs(year: number, month: number, day: number, time: string): number | null {
  const [h, mi, s] = time.split(':').map(Number);
  if (h === undefined || mi === undefined) return null;
  const ms = Date.UTC(year, month - 1, day, h, mi, s ?? 0);
  const d = new Date(ms);
  // Rejects 31 Feb and friends (Date.UTC would roll them over).
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : null;
}

function isoAt(localMs: number, offset: number): string {
  const d = new Date(localMs);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${formatOffset(offset)}`;
}

function zoneLabel(zone: string): string {
  return zone === 'UTC' ? 'UTC' : zone;
}

// The note of a year and zone, made once: every classic syslog stamp of a log says the same.
const yearZoneNotes = new Map<string, Note>();

function yearZoneNote(year: number, zone: string): Note {
  const key = `${year}/${zone}`;
  let note = yearZoneNotes.get(key);
  if (note === undefined) {
    note = makeYearZoneNote(year, zone);
    if (yearZoneNotes.size >= 256) yearZoneNotes.clear();
    yearZoneNotes.set(key, note);
  }
  return note;
}

function makeYearZoneNote(year: number, zone: string): Note {
  const z = zoneLabel(zone);
  return {
    code: 'assumed-year-and-zone',
    text: {
      fr: `La ligne de journal n’indique ni l’année ni le fuseau horaire : année ${year} supposée (la plus récente qui ne place pas la ligne après l’heure qu’il est, quel que soit le fuseau) et fuseau ${z} supposé.`,
      en: `The log line gives neither the year nor the time zone: assumed year ${year} (the most recent one that does not put the line after the present time in any time zone) and zone ${z}.`,
    },
  };
}

function zoneNote(zone: string): Note {
  const z = zoneLabel(zone);
  return {
    code: 'assumed-zone',
    text: {
      fr: `La ligne de journal n’indique pas le fuseau horaire : fuseau ${z} supposé.`,
      en: `The log line gives no time zone: zone ${z} assumed.`,
    },
  };
}

export interface TimeOptions {
  now?: Date;
  assumeZone?: string;
}

/**
 * How far ahead of "now" in the assumed zone a yearless line may be and still be this year's: the
 * widest gap between time zones (UTC+14 against UTC). A Paris log read as UTC shows its last hour or two
 * ahead of UTC's now; without this margin they went back a year.
 */
const ZONE_MARGIN_MS = 14 * 3_600_000;

// "Now" in the assumed offset, as MMDDHH:MM:SS, recomputed only when now or the offset changes.
let nowFor = '';
let nowYear = 0;
let nowKey = '';

/**
 * With a fixed offset (UTC by default) the year is chosen by comparing month, day and time with "now" in
 * that offset, as strings, without building dates: this runs for every incident of a large log.
 */
function fixedOffsetYear(
  stamp: { month: number; day: number; time: string },
  offset: number,
  nowMs: number,
): number {
  const key = `${Math.floor(nowMs / 1000)}/${offset}`;
  if (key !== nowFor) {
    const now = new Date(nowMs + offset * 60000);
    nowFor = key;
    nowYear = now.getUTCFullYear();
    nowKey = `${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}${now.toISOString().slice(11, 19)}`;
  }
  let year = `${pad(stamp.month)}${pad(stamp.day)}${stamp.time}` > nowKey ? nowYear - 1 : nowYear;
  if (stamp.month === 2 && stamp.day === 29) {
    while (wallTimeMs(year, 2, 29, stamp.time) === null && year > nowYear - 9) year--;
  }
  return year;
}

function resolveSyslog(
  stamp: { month: number; day: number; time: string },
  opts: TimeOptions,
): ResolvedStamp {
  const zone = opts.assumeZone?.trim() || 'UTC';
  const nowMs = (opts.now ?? new Date()).getTime();
  const fixed = parseOffset(zone);
  if (fixed !== null && /^\d{2}:\d{2}:\d{2}$/.test(stamp.time)) {
    const year = fixedOffsetYear(stamp, fixed, nowMs + ZONE_MARGIN_MS);
    const iso = `${year}-${pad(stamp.month)}-${pad(stamp.day)}T${stamp.time}${formatOffset(fixed)}`;
    return { iso, assumption: yearZoneNote(year, zone) };
  }
  const startYear = new Date(nowMs).getUTCFullYear() + 1;
  // The most recent year that does not put the line after the present in any zone (8 years back covers
  // 29 February).
  for (let year = startYear; year > startYear - 9; year--) {
    const local = wallTimeMs(year, stamp.month, stamp.day, stamp.time);
    if (local === null) continue;
    const offset = zoneOffsetForWallTime(zone, local);
    if (offset === null) return { iso: null, assumption: null };
    if (local - offset * 60000 > nowMs + ZONE_MARGIN_MS) continue;
    return {
      iso: isoAt(local, offset),
      assumption: withClockChange(yearZoneNote(year, zone), zone, local, offset),
    };
  }
  return { iso: null, assumption: null };
}

function resolveLocal(stamp: { date: string; time: string }, opts: TimeOptions): ResolvedStamp {
  const zone = opts.assumeZone?.trim() || 'UTC';
  const [y, mo, d] = stamp.date.split('-').map(Number);
  if (y === undefined || mo === undefined || d === undefined) return { iso: null, assumption: null };
  const local = wallTimeMs(y, mo, d, stamp.time);
  if (local === null) return { iso: null, assumption: null };
  const offset = zoneOffsetForWallTime(zone, local);
  if (offset === null) return { iso: null, assumption: null };
  return { iso: isoAt(local, offset), assumption: withClockChange(zoneNote(zone), zone, local, offset) };
}

/**
 * The note of an assumed zone, saying also when the clocks changed at that time in that zone: the time
 * happened twice (the offset taken and the other one are both said) or never.
 */
function withClockChange(note: Note, zone: string, local: number, offset: number): Note {
  const change = wallTimeAmbiguity(zone, local);
  if (!change) return note;
  const o = formatOffset(offset);
  const other = formatOffset(offset === change.before ? change.after : change.before);
  const added =
    change.kind === 'overlap'
      ? {
          fr: `Cette heure a eu lieu deux fois dans ce fuseau (retour à l’heure d’hiver)\u00a0: elle a été lue en UTC${o}\u00a0; l’autre fois, c’était en UTC${other}. Vérifiez-la dans le journal (l’ordre des lignes le dit).`,
          en: `That time happened twice in that zone (the clocks went back): it was read at UTC${o}; the other time was at UTC${other}. Check it in the log (the order of the lines tells).`,
        }
      : {
          fr: `Cette heure n’a pas existé dans ce fuseau (passage à l’heure d’été)\u00a0: elle a été lue en UTC${o}\u00a0; vérifiez-la.`,
          en: `That time did not exist in that zone (the clocks went forward): it was read at UTC${o}; check it.`,
        };
  return { code: note.code, text: { fr: `${note.text.fr} ${added.fr}`, en: `${note.text.en} ${added.en}` } };
}

// Log lines share their stamps (many per second, and attempts come back to the same seconds): resolutions
// are kept by key, and the map is emptied when full.
const resolved = new Map<string, ResolvedStamp>();

function cacheKey(stamp: RawStamp, opts: TimeOptions): string | null {
  if (stamp.kind === 'syslog') {
    return `s${stamp.month}/${stamp.day}/${stamp.time}/${opts.assumeZone ?? ''}/${opts.now?.getTime() ?? Math.floor(Date.now() / 3_600_000)}`;
  }
  if (stamp.kind === 'local') return `l${stamp.date}/${stamp.time}/${opts.assumeZone ?? ''}`;
  return null;
}

/** Turns a raw stamp into ISO 8601 with offset, plus the assumption made, if any. */
export function resolveStamp(stamp: RawStamp | null, opts: TimeOptions): ResolvedStamp {
  if (!stamp) return { iso: null, assumption: null };
  if (stamp.kind === 'syslog') {
    const known = bySecond(stamp, opts);
    if (known !== null) return known;
  }
  const key = cacheKey(stamp, opts);
  if (key === null) return resolveUncached(stamp, opts);
  const known = resolved.get(key);
  if (known !== undefined) return known;
  const result = resolveUncached(stamp, opts);
  if (resolved.size >= 4096) resolved.clear();
  resolved.set(key, result);
  return result;
}

/**
 * The resolutions of classic syslog stamps (`Mar 14 00:00:01`, most of a mail.log's) by second of the
 * year, as a number, for the zone and "now" they were made with: the same as the cache above (its key
 * holds the same month, day, time, zone and now), without building and hashing a text key per incident.
 */
const seconds = new Map<number, ResolvedStamp>();
let secondsZone: string | undefined;
let secondsNow = Number.NaN;

/** The stamp resolved through `seconds`, or null when its time is not plain `hh:mm:ss`. */
function bySecond(
  stamp: { month: number; day: number; time: string },
  opts: TimeOptions,
): ResolvedStamp | null {
  const second = secondOfYear(stamp.month, stamp.day, stamp.time);
  if (second < 0) return null;
  const now = opts.now?.getTime() ?? Math.floor(Date.now() / 3_600_000);
  if (now !== secondsNow || opts.assumeZone !== secondsZone) {
    seconds.clear();
    secondsNow = now;
    secondsZone = opts.assumeZone;
  }
  const known = seconds.get(second);
  if (known !== undefined) return known;
  const result = resolveSyslog(stamp, opts);
  if (seconds.size >= 4096) seconds.clear();
  seconds.set(second, result);
  return result;
}

const digitAt = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/** A number for month, day and `hh:mm:ss` (one per second of a year), or -1 for another time shape. */
function secondOfYear(month: number, day: number, time: string): number {
  if (time.length !== 8 || time.charCodeAt(2) !== 58 || time.charCodeAt(5) !== 58) return -1;
  const h = digitAt(time, 0) * 10 + digitAt(time, 1);
  const m = digitAt(time, 3) * 10 + digitAt(time, 4);
  const sec = digitAt(time, 6) * 10 + digitAt(time, 7);
  if (!(h >= 0 && m >= 0 && sec >= 0)) return -1;
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 0 || month > 99 || day < 0 || day > 99)
    return -1;
  return ((month * 100 + day) * 100 + h) * 10_000 + m * 100 + sec;
}

function resolveUncached(stamp: RawStamp, opts: TimeOptions): ResolvedStamp {
  switch (stamp.kind) {
    case 'iso':
      return { iso: normalizeIso(stamp.text), assumption: null };
    case 'epoch': {
      if (!Number.isFinite(stamp.seconds)) return { iso: null, assumption: null };
      const d = new Date(Math.floor(stamp.seconds) * 1000);
      return Number.isNaN(d.getTime())
        ? { iso: null, assumption: null }
        : { iso: d.toISOString().replace(/\.\d{3}Z$/, 'Z'), assumption: null };
    }
    case 'syslog':
      return resolveSyslog(stamp, opts);
    case 'local':
      return resolveLocal(stamp, opts);
    case 'monotonic': {
      // Seconds since the epoch in the same brackets (bracketed-epoch.ts): a date after all.
      const kind = bracketedSecondsKind(stamp.seconds, opts.now);
      if (kind === 'epoch') return resolveUncached({ kind: 'epoch', seconds: stamp.seconds }, opts);
      return { iso: null, assumption: kind === 'boot' ? MONOTONIC_NOTE : null };
    }
  }
}

/** Said of a line stamped with the time since the host booted: the date is left empty. */
const MONOTONIC_NOTE: Note = {
  code: 'log-monotonic-time',
  text: {
    fr: 'La ligne de journal est datée en secondes depuis le démarrage de la machine (`journalctl -o short-monotonic`), pas par une date : la date est laissée vide. Reprenez la ligne avec `journalctl -o short-iso` pour l’avoir.',
    en: 'The log line is stamped with the seconds since the machine booted (`journalctl -o short-monotonic`), not with a date: the date is left empty. Take the line again with `journalctl -o short-iso` to have it.',
  },
};

/**
 * Microsoft's replies end with the server that answered and when, in UTC: `[DM6NAM11FT088.eop-nam11.prod.
 * protection.outlook.com 2023-10-28T12:19:31.847Z 08DBD70830F39917]`. That is the time of this very
 * session, so a syslog line without year or zone that logged the reply takes both from it: the year
 * whose wall time lies within two minutes of a whole quarter-hour offset from that instant (the line
 * is written as the reply arrives; clocks drift by seconds). A line with its year but no zone (Exim's)
 * takes the zone the same way.
 */
const MICROSOFT_STAMP =
  /\[[A-Z0-9]{4,40}\.[A-Za-z0-9.-]{0,80}outlook\.com (\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z\b/;

export function syslogFromRemoteStamp(stamp: RawStamp | null, reply: string): ResolvedStamp | null {
  if ((stamp?.kind !== 'syslog' && stamp?.kind !== 'local') || !reply.includes('outlook.com ')) return null;
  const m = MICROSOFT_STAMP.exec(reply);
  if (!m) return null;
  const [year, month, day, h, mi, sec] = m.slice(1).map(Number) as number[];
  const utc = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  if (stamp.kind === 'local')
    return localFromRemoteStamp(stamp, Date.UTC(year as number, (month as number) - 1, day, h, mi, sec), utc);
  const clock = hostClock(stamp, Date.UTC(year as number, (month as number) - 1, day, h, mi, sec), utc);
  if (!clock) return null;
  return {
    iso: isoAt(clock.localMs, clock.offset),
    assumption: clockNote('year-and-zone-from-reply', clock, {
      fr: 'de l’horodatage que le serveur distant a écrit dans sa réponse',
      en: 'the time stamp the remote server wrote in its reply',
    }),
  };
}

/**
 * A stamp with its year but no zone (Exim's `2026-05-14 17:49:33`, in the server's local time) whose
 * reply names the same second in UTC: the zone is the whole quarter-hour offset between them.
 */
function localFromRemoteStamp(
  stamp: { date: string; time: string },
  utcMs: number,
  utc: string,
): ResolvedStamp | null {
  const [y, mo, d] = stamp.date.split('-').map(Number);
  if (y === undefined || mo === undefined || d === undefined) return null;
  const local = wallTimeMs(y, mo, d, stamp.time);
  const offset = local === null ? null : quarterHourOffset(local, utcMs);
  if (local === null || offset === null) return null;
  const zone = formatOffset(offset);
  return {
    iso: isoAt(local, offset),
    assumption: {
      code: 'zone-from-reply',
      text: {
        fr: `La ligne de journal n’indique pas le fuseau horaire\u00a0: il a été déduit de l’horodatage que le serveur distant a écrit dans sa réponse (${utc}), soit un décalage de ${zone}.`,
        en: `The log line gives no time zone: it was taken from the time stamp the remote server wrote in its reply (${utc}), an offset of ${zone}.`,
      },
    },
  };
}

/**
 * The offset, in minutes, between a wall time and the UTC instant of the same second: a whole quarter
 * hour within two minutes (clocks drift by seconds) and at most fourteen hours, else null.
 */
function quarterHourOffset(localMs: number, utcMs: number): number | null {
  const minutes = (localMs - utcMs) / 60000;
  const offset = Math.round(minutes / 15) * 15;
  return Math.abs(offset) > 14 * 60 || Math.abs(minutes - offset) > 2 ? null : offset;
}

/** A host's clock, known from one of its syslog stamps and the UTC instant of that same second. */
export interface HostClock {
  /** The stamp's wall time, as milliseconds of a UTC date with that wall time. */
  localMs: number;
  /** The host's offset from UTC, in minutes. */
  offset: number;
  /** The UTC instant as the text wrote it (`2023-10-28T12:19:31Z`), for the note. */
  utc: string;
}

/**
 * The clock of the host that wrote `stamp` (no year, no zone) at the UTC instant `utcMs`: the year whose
 * wall time lies within two minutes of a whole quarter-hour offset from that instant (clocks drift by
 * seconds), or null.
 */
export function hostClock(
  stamp: { month: number; day: number; time: string },
  utcMs: number,
  utc: string,
): HostClock | null {
  const year = new Date(utcMs).getUTCFullYear();
  for (const candidate of [year, year - 1, year + 1]) {
    const local = wallTimeMs(candidate, stamp.month, stamp.day, stamp.time);
    const offset = local === null ? null : quarterHourOffset(local, utcMs);
    if (local === null || offset === null) continue;
    return { localMs: local, offset, utc };
  }
  return null;
}

/**
 * A syslog stamp of a host whose clock another line of the same log shows (`hostClock`): the year that
 * puts it nearest that line, with the host's offset; `source` says where the clock was read.
 */
export function syslogWithClock(
  stamp: RawStamp,
  clock: HostClock,
  source: { fr: string; en: string },
): ResolvedStamp | null {
  if (stamp.kind !== 'syslog') return null;
  const year = new Date(clock.localMs).getUTCFullYear();
  let best: number | null = null;
  for (const candidate of [year - 1, year, year + 1]) {
    const local = wallTimeMs(candidate, stamp.month, stamp.day, stamp.time);
    if (local === null) continue;
    if (best === null || Math.abs(local - clock.localMs) < Math.abs(best - clock.localMs)) best = local;
  }
  if (best === null) return null;
  return {
    iso: isoAt(best, clock.offset),
    assumption: clockNote('year-and-zone-from-message-id', clock, source),
  };
}

function clockNote(code: string, clock: HostClock, source: { fr: string; en: string }): Note {
  const offset = formatOffset(clock.offset);
  return {
    code,
    text: {
      fr: `La ligne de journal n’indique ni l’année ni le fuseau horaire\u00a0: tous deux ont été déduits ${source.fr} (${clock.utc}), soit un décalage de ${offset}.`,
      en: `The log line gives neither the year nor the time zone: both were taken from ${source.en} (${clock.utc}), an offset of ${offset}.`,
    },
  };
}

/** True when `zone` is usable as options.assumeZone (IANA name, `UTC`, or `+HH:MM`). */
export function isValidZone(zone: string): boolean {
  return parseOffset(zone) !== null || zoneOffsetForWallTime(zone, 0) !== null;
}
