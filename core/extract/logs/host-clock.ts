/**
 * A host's clock (its year and offset) read from one of its syslog stamps and the UTC instant of that
 * same second, and the other stamps of that host dated by it.
 */
import type { Note } from '../../types';
import { formatOffset } from './offset-text';
import type { RawStamp, ResolvedStamp } from './time';
import { isoAt, wallTimeMs } from './wall-time';

/**
 * The offset, in minutes, between a wall time and the UTC instant of the same second: a whole quarter
 * hour within two minutes (clocks drift by seconds) and at most fourteen hours, else null.
 */
export function quarterHourOffset(localMs: number, utcMs: number): number | null {
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

export function clockNote(code: string, clock: HostClock, source: { fr: string; en: string }): Note {
  const offset = formatOffset(clock.offset);
  return {
    code,
    text: {
      fr: `La ligne de journal n’indique ni l’année ni le fuseau horaire\u00a0: tous deux ont été déduits ${source.fr} (${clock.utc}), soit un décalage de ${offset}.`,
      en: `The log line gives neither the year nor the time zone: both were taken from ${source.en} (${clock.utc}), an offset of ${offset}.`,
    },
  };
}
