/**
 * Postfix gives a message that arrives without a Message-ID one of its own, made of the UTC time and the
 * queue id: `postfix/cleanup[32436]: 51D486800CD: message-id=<20090828085239.51D486800CD@host>`. That
 * line's syslog stamp is the same second in the host's local time, so together they give the year and
 * the host's offset that a classic syslog line lacks. Incidents of that host whose year and zone were
 * assumed take them instead, each from its own stamp (the year nearest the message-id's).
 */
import type { Incident } from '../../types';
import { splitLines } from '../header-block';
import { parseSyslog } from './syslog';
import { type HostClock, hostClock, syslogWithClock } from './time';

/** `QID: message-id=<YYYYMMDDhhmmss.QID@`: the id Postfix itself made (the same queue id inside). */
const POSTFIX_MADE_ID = /^([0-9A-Za-z]{5,24}): message-id=<(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\.\1@/;
const MAX_LINES = 200_000;
const SOURCE = {
  fr: 'de l’identifiant de message que Postfix a formé avec l’heure UTC',
  en: 'the Message-ID Postfix made from the UTC time',
};

/** The clock of each syslog host that logged a Postfix-made Message-ID, by host name. */
export function postfixClocks(lines: readonly string[]): Map<string, HostClock> {
  const clocks = new Map<string, HostClock>();
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i++) {
    const line = lines[i] as string;
    if (!line.includes('message-id=<')) continue;
    const syslog = parseSyslog(line.trimStart());
    if (syslog?.stamp.kind !== 'syslog' || clocks.has(syslog.host)) continue;
    const m = POSTFIX_MADE_ID.exec(syslog.message);
    if (!m) continue;
    const [y, mo, d, h, mi, s] = m.slice(2, 8).map(Number) as number[];
    const utc = `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}Z`;
    const clock = hostClock(syslog.stamp, Date.UTC(y as number, (mo as number) - 1, d, h, mi, s), utc);
    if (clock) clocks.set(syslog.host, clock);
  }
  return clocks;
}

/** Gives each incident whose year and zone were assumed its host's clock, when the log `text` showed it. */
export function withHostClocks(incidents: Incident[], text: string): void {
  if (!text.includes('message-id=<')) return;
  if (!incidents.some((i) => i.assumptions.some((a) => a.code === 'assumed-year-and-zone'))) return;
  const clocks = postfixClocks(splitLines(text));
  if (clocks.size === 0) return;
  for (const incident of incidents) {
    const at = incident.assumptions.findIndex((a) => a.code === 'assumed-year-and-zone');
    const line = incident.sources.occurredAt?.text;
    if (at < 0 || !line) continue;
    const syslog = parseSyslog(line.trimStart());
    const clock = syslog ? clocks.get(syslog.host) : undefined;
    const time = syslog && clock ? syslogWithClock(syslog.stamp, clock, SOURCE) : null;
    if (!time?.iso || !time.assumption) continue;
    incident.occurredAt = time.iso;
    incident.assumptions[at] = time.assumption;
  }
}
