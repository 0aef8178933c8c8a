/**
 * A log line's year and zone taken from the UTC time stamp the remote server wrote in the reply it logged
 * (Microsoft's), instead of assumed.
 */
import { clockNote, hostClock, quarterHourOffset } from './host-clock';
import { formatOffset } from './offset-text';
import type { RawStamp, ResolvedStamp } from './time';
import { isoAt, wallTimeMs } from './wall-time';

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
