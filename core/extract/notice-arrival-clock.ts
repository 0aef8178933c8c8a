/**
 * A Postfix log line (`Dec  3 09:14:07 mx1 postfix/smtp[…]: 4F1A22C0E3: to=<a@b>, …, delay=0.35, …`,
 * no year, no zone) pasted with the delivery notice of the same message, whose `Arrival-Date:` carries
 * both (`Thu,  3 Dec 2026 09:14:06 +0100`). Postfix's `delay=` is the time from the message's arrival to
 * that line (postconf(5), "delay"); the notice's Arrival-Date is that arrival (RFC 3464, 2.2.5), written
 * by the same server in its local time. When the notice names the line's recipient or queue id and the
 * line's time less its delay falls in the Arrival-Date's second, the two are one message seen by one
 * clock: the log's host takes the Arrival-Date's year and offset, as a Message-ID Postfix made from the
 * UTC time gives them (logs/message-id-clock.ts). A notice that agrees with no line to the second, or
 * names another recipient, gives nothing: the assumed year and zone stay, with their note.
 */
import type { ExtractionResult, Incident } from '../types';
import { parseDate } from './dates';
import { splitLines } from './header-block';
import { clockNote, type HostClock, syslogWithClock } from './logs/host-clock';
import { MAX_LINES, syslogOf } from './logs/message-id-clock';

const ASSUMED = 'assumed-year-and-zone';
const ARRIVAL = /^\s{0,8}Arrival-Date:[ \t]{0,8}(\S[^\n]{0,199})$/i;
const RECIPIENT = /^\s{0,8}(?:Final|Original)-Recipient:[ \t]{0,8}rfc822;[ \t]{0,8}<?([^\s<>]{1,320})/i;
const QUEUE_ID = /^\s{0,8}X-Postfix-Queue-ID:[ \t]{0,8}([0-9A-Za-z]{5,24})\b/i;
const NEXT_NOTICE = /^\s{0,8}(?:Arrival-Date|Reporting-MTA):/i;
/** A Postfix delivery line's queue id and recipient, and its `delay=` (seconds). */
const DELIVERY = /^([0-9A-Za-z]{5,24}): to=<([^\s<>]{1,320})>/;
const DELAY = /, delay=(\d{1,9}(?:\.\d{1,3})?),/;
/** Lines of a notice's fields looked at above and below its Arrival-Date. */
const ABOVE = 8;
const BELOW = 40;

interface Arrival {
  line: number;
  written: string;
  /** The Arrival-Date's wall time, as milliseconds of a UTC date with that wall time. */
  wallMs: number;
  /** Its offset, in minutes east of UTC. */
  offset: number;
  recipients: Set<string>;
  queueId: string | null;
}

function offsetOf(iso: string): number | null {
  const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** The notice whose Arrival-Date is on line index `i` (0-based), or null when it carries no zone. */
function arrivalAt(lines: readonly string[], i: number): Arrival | null {
  const m = ARRIVAL.exec(lines[i] as string);
  const parsed = m ? parseDate(m[1] as string) : null;
  const offset = parsed?.hadZone ? offsetOf(parsed.iso) : null;
  if (!m || !parsed || offset === null) return null;
  const arrival: Arrival = {
    line: i + 1,
    written: (m[1] as string).trim().replace(/\s+/g, ' '),
    wallMs: Date.parse(`${parsed.iso.slice(0, 19)}Z`),
    offset,
    recipients: new Set(),
    queueId: null,
  };
  for (let k = i - 1; k >= Math.max(0, i - ABOVE) && (lines[k] as string).trim() !== ''; k--) {
    const id = QUEUE_ID.exec(lines[k] as string);
    if (id) arrival.queueId = id[1] as string;
  }
  for (let k = i + 1; k < Math.min(lines.length, i + BELOW); k++) {
    const line = lines[k] as string;
    if (NEXT_NOTICE.test(line)) break;
    const to = RECIPIENT.exec(line);
    if (to) arrival.recipients.add((to[1] as string).toLowerCase());
  }
  return arrival;
}

/** The paste's notices with a zoned Arrival-Date, in its first MAX_LINES. */
function arrivals(text: string): Arrival[] {
  const lines = splitLines(text);
  const out: Arrival[] = [];
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i++) {
    if (!(lines[i] as string).includes('rrival-Date:')) continue;
    const arrival = arrivalAt(lines, i);
    if (arrival) out.push(arrival);
  }
  return out;
}

/**
 * The clock of the host that wrote the Postfix delivery line `line` when a notice of `notices` is that
 * message's (its recipient or queue id) and arrived in the second the line's time less its delay gives.
 */
function clockOf(
  line: string,
  notices: readonly Arrival[],
): { host: string; clock: HostClock; notice: Arrival } | null {
  const syslog = syslogOf(line.trimStart());
  const delivery = syslog?.stamp.kind === 'syslog' ? DELIVERY.exec(syslog.message) : null;
  if (syslog?.stamp.kind !== 'syslog' || !delivery) return null;
  const { month, day, time } = syslog.stamp;
  const delayMs = Number(DELAY.exec(syslog.message)?.[1] ?? 0) * 1000;
  const [queueId, recipient] = [delivery[1] as string, (delivery[2] as string).toLowerCase()];
  for (const notice of notices) {
    if (notice.queueId !== queueId && !notice.recipients.has(recipient)) continue;
    const year = new Date(notice.wallMs).getUTCFullYear();
    for (const candidate of [year, year + 1]) {
      const [h, mi, s] = time.split(':').map(Number);
      const local = Date.UTC(candidate, month - 1, day, h ?? 0, mi ?? 0, s ?? 0);
      // The line's second less the delay, and the arrival's second, overlap.
      if (Math.abs(local - delayMs - notice.wallMs) >= 1000) continue;
      const utc = notice.written;
      return { host: syslog.host, clock: { localMs: local, offset: notice.offset, utc }, notice };
    }
  }
  return null;
}

/** Where the clock was read: the notice, and the log line of the same message (`logLine`). */
function sourceOf(notice: Arrival, logLine: number) {
  return {
    fr: `de l’avis de non-remise collé avec le journal pour le message de la ligne ${logLine} (même destinataire ou même identifiant de file d’attente, arrivé à la seconde que donnent l’heure de cette ligne moins son délai, delay=), dont l’Arrival-Date est à la ligne ${notice.line}`,
    en: `the delivery notice pasted with the log for the message of line ${logLine} (the same recipient or queue id, arrived in the second that line's time less its delay= gives), its Arrival-Date on line ${notice.line}`,
  };
}

/** Gives the incidents of a host whose clock a notice of the paste shows that host's year and offset. */
export function withNoticeArrivalClock(result: ExtractionResult, text: string): ExtractionResult {
  const assumed = (i: Incident) => i.assumptions.some((a) => a.code === ASSUMED);
  if (!text.includes('rrival-Date:') || !result.incidents.some(assumed)) return result;
  const notices = arrivals(text);
  if (notices.length === 0) return result;
  const clocks = new Map<string, { clock: HostClock; notice: Arrival; logLine: number }>();
  for (const incident of result.incidents) {
    const line = assumed(incident) ? incident.sources.occurredAt?.text : undefined;
    const found = line ? clockOf(line, notices) : null;
    if (found && !clocks.has(found.host))
      clocks.set(found.host, { ...found, logLine: incident.sources.occurredAt?.line ?? 0 });
  }
  if (clocks.size === 0) return result;
  const changed = new Map<number, string>();
  const incidents = result.incidents.map((incident) => {
    const line = assumed(incident) ? incident.sources.occurredAt?.text : undefined;
    const syslog = line ? syslogOf(line.trimStart()) : null;
    const found = syslog ? clocks.get(syslog.host) : undefined;
    const time =
      syslog && found
        ? syslogWithClock(syslog.stamp, found.clock, sourceOf(found.notice, found.logLine))
        : null;
    if (!found || !time?.iso) return incident;
    changed.set(incident.sources.reply?.line ?? -1, time.iso);
    const note = clockNote('year-and-zone-from-notice', found.clock, sourceOf(found.notice, found.logLine));
    const assumptions = incident.assumptions.map((a) => (a.code === ASSUMED ? note : a));
    return { ...incident, occurredAt: time.iso, assumptions };
  });
  // A suspension's trigger was linked while scanning, with its error's date as then assumed.
  return {
    ...result,
    incidents: incidents.map((incident) => {
      const iso = incident.trigger ? changed.get(incident.trigger.line) : undefined;
      return incident.trigger && iso
        ? { ...incident, trigger: { ...incident.trigger, occurredAt: iso } }
        : incident;
    }),
  };
}
