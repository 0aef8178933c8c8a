/**
 * An MTA gives a message that arrives without a Message-ID one of its own, made of the UTC time and the
 * queue id: Postfix `postfix/cleanup[32436]: 51D486800CD: message-id=<20090828085239.51D486800CD@host>`,
 * Sendmail `u31FFIAj012911: from=<...>, ..., msgid=<201604011515.u31FFIAj012911@host>` (its `$t` macro,
 * the minute in UTC: sendmail's settime() formats gmtime()). That line's syslog stamp is the same moment
 * in the host's local time, so together they give the year and the host's offset that a classic syslog
 * line lacks. Incidents of that host whose year and zone were assumed take them instead, each from its
 * own stamp (the year nearest the message-id's). Proxmox Mail Gateway's tracker gives the same pair
 * (pmg-tracker-clock.ts).
 */
import type { Incident, Note } from '../../types';
import { splitLines } from '../header-block';
import { parseBsdPriorityLine } from './bsd-priority-line';
import { PMG_LINE_PREFIX } from './dispatch';
import { type HostClock, hostClock, syslogWithClock } from './host-clock';
import { hasPmgTracker, PMG_SOURCE, pmgTrackerClocks } from './pmg-tracker-clock';
import { parseSocklogLine } from './socklog-line';
import { parseSyslog } from './syslog';

/**
 * `QID: message-id=<YYYYMMDDhhmmss.QID@host>`: the id Postfix itself made (the same queue id inside), its
 * host part (when the line holds it whole) $myhostname (made-id-host.ts).
 */
const POSTFIX_MADE_ID =
  /^([0-9A-Za-z]{5,24}): message-id=<(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\.\1@(?:(?<host>[^\s<>@]{1,255})>)?/;
/** `QID: from=<...>, ..., msgid=<YYYYMMDDhhmm.QID@host>`: the id Sendmail itself made, its host $j. */
const SENDMAIL_MADE_ID =
  /^([0-9A-Za-z]{8,24}): from=[^\n]{0,2000}?\bmsgid=<(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)\.\1@(?:(?<host>[^\s<>@]{1,255})>)?/;
/** Lines looked at for such a Message-ID (the streaming summary looks at as many). */
export const MAX_LINES = 200_000;
const SOURCES = {
  postfix: {
    fr: 'de l’identifiant de message que Postfix a formé avec l’heure UTC',
    en: 'the Message-ID Postfix made from the UTC time',
  },
  sendmail: {
    fr: 'de l’identifiant de message que Sendmail a formé avec l’heure UTC',
    en: 'the Message-ID Sendmail made from the UTC time',
  },
};

/**
 * `grep` over several files puts the file name (and with -n the line number) before each line
 * (dispatch.ts reads such lines the same way): `/var/log/maillog.1:Oct 20 19:40:10 relay2 sm-mta[...]`.
 */
const GREP_PREFIX = /^[^\s:]{1,255}:(?:\d{1,10}:)?/;

/** The syslog prefix of a line, behind a `grep` file name or a syslog daemon's priority when it has one. */
export function syslogOf(line: string) {
  return (
    parseSyslog(line) ??
    parseSocklogLine(line) ??
    parseBsdPriorityLine(line) ??
    (GREP_PREFIX.test(line) ? parseSyslog(line.replace(GREP_PREFIX, '')) : null)
  );
}

export interface MadeIdClock {
  clock: HostClock;
  source: { fr: string; en: string };
}

/** The clock of each syslog host that logged a Message-ID its MTA made, by host name. */
export function madeIdClocks(lines: readonly string[]): Map<string, MadeIdClock> {
  const clocks = new Map<string, MadeIdClock>();
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i++) addMadeIdClock(lines[i] as string, clocks);
  return clocks;
}

/** A log line's Message-ID its MTA made: the line's syslog prefix, and the id's parts. */
export interface MadeId {
  syslog: NonNullable<ReturnType<typeof syslogOf>>;
  postfix: boolean;
  /** The id's time (groups 2-7, Sendmail's without seconds) and host part (`host`, when written whole). */
  match: RegExpExecArray;
}

/**
 * The Message-ID its MTA made that `line` logs, or null. `skip(host)` true for the line's syslog host:
 * null, without reading the id (that host's facts are known).
 */
export function madeIdIn(line: string, skip: (host: string) => boolean = () => false): MadeId | null {
  const postfix = line.includes('message-id=<');
  if (!postfix && !line.includes('msgid=<')) return null;
  const syslog = syslogOf(line.trimStart());
  if (!syslog || skip(syslog.host)) return null;
  const match = (postfix ? POSTFIX_MADE_ID : SENDMAIL_MADE_ID).exec(syslog.message);
  return match ? { syslog, postfix, match } : null;
}

/** Adds to `clocks` the clock `line` shows, when it logs a Message-ID its MTA made for a host not in it. */
export function addMadeIdClock(line: string, clocks: Map<string, MadeIdClock>): void {
  const made = madeIdIn(line, (host) => clocks.has(host));
  if (made) addClockOf(made, clocks);
}

/** Adds to `clocks` the clock of a Message-ID its MTA made, when its host is not in it. */
export function addClockOf({ syslog, postfix, match: m }: MadeId, clocks: Map<string, MadeIdClock>): void {
  if (syslog.stamp.kind !== 'syslog' || clocks.has(syslog.host)) return;
  // (Sendmail's has no seconds: its group 7 is the host.)
  const sec = postfix ? m[7] : '00';
  const [y, mo, d, h, mi, s] = [...m.slice(2, 7), sec].map(Number) as number[];
  const utc = `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${sec}Z`;
  const clock = hostClock(syslog.stamp, Date.UTC(y as number, (mo as number) - 1, d, h, mi, s), utc);
  if (clock) clocks.set(syslog.host, { clock, source: postfix ? SOURCES.postfix : SOURCES.sendmail });
}

/**
 * Gives each incident whose year and zone were assumed its host's clock, when the log `text` showed it
 * (`linesOf` gives its lines, split once for the passes after a scan).
 */
export function withHostClocks(
  incidents: Incident[],
  text: string,
  linesOf: () => readonly string[] = () => splitLines(text),
): void {
  const pmg = hasPmgTracker(text);
  if (!pmg && !text.includes('message-id=<') && !text.includes('msgid=<')) return;
  if (!incidents.some((i) => i.assumptions.some((a) => a.code === 'assumed-year-and-zone'))) return;
  const lines = linesOf();
  const clocks = madeIdClocks(lines);
  // A gateway's tracker dates its delivery lines as well (pmg-tracker-clock.ts).
  if (pmg) {
    for (const [host, clock] of pmgTrackerClocks(lines))
      if (!clocks.has(host)) clocks.set(host, { clock, source: PMG_SOURCE });
  }
  if (clocks.size === 0) return;
  const changed = new Map<number, string>();
  for (const incident of incidents) {
    const iso = withHostClock(incident, clocks);
    if (iso) changed.set(incident.sources.reply?.line ?? -1, iso);
  }
  // A suspension's trigger was linked while scanning, with its error's date as then assumed.
  for (const incident of incidents) {
    const trigger = incident.trigger;
    const iso = trigger ? changed.get(trigger.line) : undefined;
    if (trigger && iso) trigger.occurredAt = iso;
  }
}

/**
 * Dates one incident whose year and zone were assumed by the clock of the host its line names, when
 * `clocks` holds it: its new date, or null (left as it was). Shared with the streaming summary.
 */
export function withHostClock(incident: Incident, clocks: ReadonlyMap<string, MadeIdClock>): string | null {
  const at = incident.assumptions.findIndex((a) => a.code === 'assumed-year-and-zone');
  const line = incident.sources.occurredAt?.text;
  if (at < 0 || !line) return null;
  const time = clockTimeOf(line, clocks);
  if (!time) return null;
  incident.occurredAt = time.iso;
  incident.assumptions[at] = time.assumption;
  return time.iso;
}

/** The date a log line's syslog stamp has by its host's clock, when `clocks` holds it. */
export function clockTimeOf(
  line: string,
  clocks: ReadonlyMap<string, MadeIdClock>,
): { iso: string; assumption: Note } | null {
  const syslog = syslogOf(line.trimStart().replace(PMG_LINE_PREFIX, ''));
  const found = syslog ? clocks.get(syslog.host) : undefined;
  const time = syslog && found ? syslogWithClock(syslog.stamp, found.clock, found.source) : null;
  return time?.iso && time.assumption ? { iso: time.iso, assumption: time.assumption } : null;
}
