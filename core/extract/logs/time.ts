/**
 * Log timestamps to ISO 8601 with an offset. A stamp that lacks its year or zone is completed from
 * ExtractOptions (`now`, `assumeZone`) and the choice is returned as an explicit Note, never silently
 * (assumed-zone.ts); offsets as written are read in offset-text.ts.
 */
import type { Note } from '../../types';
import { resolveLocal, resolveSyslog } from './assumed-zone';
import { bracketedSecondsKind } from './bracketed-epoch';
import { normalizeIso } from './offset-text';

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

export interface TimeOptions {
  now?: Date;
  assumeZone?: string;
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
