/**
 * Proxmox Mail Gateway's log tracker (`pmg-log-tracker -vv`, what its Tracking Center shows) lists each
 * message with a line per recipient, `TO:65F01D12:4C2A13A0F1E:4: from <a@x> to <b@y> (relay)`, whose
 * first field is the time of the delivery line in hexadecimal seconds since the epoch (UTC), then the
 * message's log lines, each behind its number (`L00000024 Mar 12 09:14:58 pmg postfix/smtp[13180]:
 * 4C2A13A0F1E: to=<b@y>, ...`). That line's syslog stamp is the same second in the gateway's local time:
 * together they give the year and the offset the classic stamp lacks (as message-id-clock.ts does with a
 * Message-ID the MTA made).
 */
import { PMG_LINE_PREFIX } from './dispatch';
import { type HostClock, hostClock } from './host-clock';
import { parseSyslog } from './syslog';

/** `TO:<time>:<queue id>:<status>: from <sender> to <recipient>`. */
const TO_LINE = /^TO:([0-9A-F]{8}):([0-9A-Za-z]{5,24}):[0-9A-Z]: from <[^<>\n]{0,320}> to <([^<>\n]{1,320})>/;
/** Lines looked at for the tracker's lines, as for the other clocks. */
export const MAX_LINES = 200_000;

export const PMG_SOURCE = {
  fr: 'de l’heure UTC que pmg-log-tracker, l’outil de suivi de Proxmox Mail Gateway, donne à la remise',
  en: 'the UTC time pmg-log-tracker, the tracking tool of Proxmox Mail Gateway, gives the delivery',
};

/** True when the text holds a tracker's `TO:` line. */
export const hasPmgTracker = (text: string): boolean => /^TO:[0-9A-F]{8}:/m.test(text);

/** The clock of each gateway whose delivery line a `TO:` line dates, by syslog host name. */
export function pmgTrackerClocks(lines: readonly string[]): Map<string, HostClock> {
  const times = new Map<string, number>();
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i++) {
    const m = TO_LINE.exec(lines[i] as string);
    if (m) times.set(`${m[2]}: to=<${m[3]}>`, Number.parseInt(m[1] ?? '', 16) * 1000);
  }
  const clocks = new Map<string, HostClock>();
  if (times.size === 0) return clocks;
  for (let i = 0; i < count; i++) {
    const line = lines[i] as string;
    if (!PMG_LINE_PREFIX.test(line)) continue;
    const syslog = parseSyslog(line.slice(10));
    if (syslog?.stamp.kind !== 'syslog' || clocks.has(syslog.host)) continue;
    const key = /^([0-9A-Za-z]{5,24}: to=<[^<>\n]{1,320}>)/.exec(syslog.message)?.[1];
    const utcMs = key ? times.get(key) : undefined;
    if (utcMs === undefined) continue;
    const clock = hostClock(syslog.stamp, utcMs, new Date(utcMs).toISOString().replace('.000Z', 'Z'));
    if (clock) clocks.set(syslog.host, clock);
  }
  return clocks;
}
