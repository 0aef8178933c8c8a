/**
 * A mail queue listing, pasted: Postfix's `mailq` / `postqueue -p`, and Sendmail's `mailq`. Each queued
 * message is a line with its queue id, size, arrival time and envelope sender; then, for a deferred one,
 * the reason of its last failed attempt in parentheses, and one indented line per recipient it applies to:
 *
 *     -Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------
 *     4QABC12345*   18234 Mon Mar 16 10:00:01  news@example.com
 *     (host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c10 ME Trop de connexions ... [104] (in reply to end of DATA command))
 *                                              jean.dupont@orange.fr
 *
 * (Postfix's postqueue(1) and showq output; Sendmail's is the same with `-----Q-ID-----`, a time without
 * seconds, addresses in angle brackets and `(Deferred: REPLY)`.) One incident per reason and recipient
 * domain. The listing gives when the message arrived in the queue, not when it was refused: the date is
 * left empty, with the arrival time in a note. It names neither the sending host nor its IP.
 */
import type { ExtractionResult, Incident, Note } from '../../types';
import { domainOf, splitLines } from '../header-block';
import { addUnique, applyReply, cite, emptyIncident, finishIncident } from '../incident';
import { hostAndIp, startsWithReplyCode } from '../logs/formats/common';
import { remoteReplyOf } from '../logs/formats/postfix';
import { isLocalPeer } from '../logs/local-peer';
import { note } from '../notes';
import { parseReply } from '../reply';
import type { SourceText } from '../source-text';

const HEADER = /^(?:(-Queue ID-)|-{3,8}Q-ID-{3,8})\s/;
// Queue id (`*` active, `!` on hold), size, arrival time (`Mon Mar 16 10:00:01`, Sendmail without the
// seconds), sender (`<>`-wrapped by Sendmail, `MAILER-DAEMON` for a bounce, or nothing).
// (Also the start of a whole entry the log scanner reads, its lines joined: logs/formats/queue-entry.ts.)
export const ENTRY_HEAD =
  /^\s{0,2}([0-9A-Za-z]{5,24})[*!]?\s{1,20}\d{1,12}\s{1,4}((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d(?::\d\d)?)\s{0,8}(\S{0,400})/;
const ENTRY = new RegExp(`${ENTRY_HEAD.source}\\s*$`);
const RECIPIENT = /^\s{4,80}<?([^\s<>@]{1,256}@[^\s<>@]{1,255})>?\s*$/;

/** The reason of a line `(...)`, indented or not, or null. */
function reasonOf(line: string): string | null {
  const text = line.trim();
  return text.length > 2 && text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : null;
}

/**
 * A reason wrapped over lines (`(host mx[IP] refused to talk to me:` then ` 554 5.7.1 ...)`), as a
 * terminal or a document wraps mailq's long line: the reason and the index of its last line, or null.
 */
function wrappedReason(lines: readonly string[], index: number): { reason: string; last: number } | null {
  const first = lines[index]?.trim() ?? '';
  if (!first.startsWith('(') || first.endsWith(')')) return null;
  const parts = [first];
  for (let j = index + 1; j < lines.length && j <= index + 6; j++) {
    const line = lines[j] ?? '';
    if (line.trim() === '' || RECIPIENT.test(line) || ENTRY.test(line)) return null;
    parts.push(line.trim());
    const reason = reasonOf(parts.join(' '));
    if (reason !== null) return { reason, last: j };
  }
  return null;
}

/** True when the first lines are a queue listing: its header, or an entry followed by a reason. */
export function looksLikeQueueListing(lines: readonly string[]): boolean {
  const head = lines.slice(0, 50);
  return head.some(
    (line, i) =>
      HEADER.test(line) ||
      (ENTRY.test(line) && (reasonOf(head[i + 1] ?? '') !== null || wrappedReason(head, i + 1) !== null)),
  );
}

/** The remote reply and peer of a reason, or null when the reason is local (DNS, timeout...). */
export function replyOf(reason: string): { reply: string; peer: string } | null {
  const text = reason.replace(/^(?:delivery temporarily suspended|Deferred): /, '');
  const said = remoteReplyOf(text);
  if (said) return said;
  return startsWithReplyCode(text) ? { reply: text, peer: '' } : null;
}

/** The date is the message's arrival, not its refusal (also said by the log scanner's queue readers). */
export const arrivalNote = (arrival: string): Note =>
  note(
    'queue.arrival-only',
    `La liste de la file d’attente donne l’heure d’arrivée du message (${arrival}), pas celle du refus, qui est postérieure : indiquez la date du refus d’après vos journaux.`,
    `The queue listing gives when the message arrived (${arrival}), not when it was refused (later): take the date of the refusal from your logs.`,
  );

/** Said once by the log scanner for a whole listing (its incidents each say their own arrival). */
export const ARRIVALS_ONLY = note(
  'input.queue-arrivals-only',
  'Cette liste de la file d’attente donne l’heure d’arrivée de chaque message, pas celle du refus : les dates des refus sont à prendre dans les journaux du serveur.',
  'This queue listing gives when each message arrived, not when it was refused: take the dates of the refusals from the server’s logs.',
);

export interface Entry {
  sender: string;
  senderLine: number;
  arrival: string;
  format: 'postfix' | 'sendmail';
}

export function extractQueueListing(source: SourceText): ExtractionResult {
  const lines = splitLines(source.text);
  const incidents: Incident[] = [];
  let entry: Entry | null = null;
  // Postfix's header, or Sendmail's; without one, Sendmail's arrival time has no seconds.
  let format: Entry['format'] | null = null;
  // The current reason's reply, line and incidents by recipient domain.
  let reply: ReturnType<typeof replyOf> = null;
  let reasonLine = 0;
  let byDomain = new Map<string, Incident>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const header = HEADER.exec(line);
    if (header) format = header[1] ? 'postfix' : 'sendmail';
    const e = ENTRY.exec(line);
    if (e) {
      const arrival = e[2] ?? '';
      entry = {
        sender: (e[3] ?? '').replace(/^<|>$/g, ''),
        senderLine: index + 1,
        arrival,
        format: format ?? (arrival.length > 16 ? 'postfix' : 'sendmail'),
      };
      reply = null;
      continue;
    }
    const wrapped = entry ? wrappedReason(lines, index) : null;
    const reason = entry ? (wrapped?.reason ?? reasonOf(line)) : null;
    if (reason !== null) {
      reply = replyOf(reason);
      reasonLine = index + 1;
      byDomain = new Map();
      if (wrapped) index = wrapped.last;
      continue;
    }
    const domain = domainOf(RECIPIENT.exec(line)?.[1] ?? '');
    if (!entry || !reply || !domain || byDomain.has(domain)) continue;
    const incident = incidentOf(source, entry, reply, reasonLine);
    if (!incident) continue;
    incident.recipientDomain = domain;
    cite(incident, 'recipientDomain', source.ref(index + 1));
    byDomain.set(domain, incident);
    incidents.push(incident);
  }
  const warnings: Note[] = [];
  incidents.forEach((incident, i) => {
    warnings.push(...finishIncident(incident, i + 1));
  });
  return { incidents, warnings };
}

/** The incident of a reason (null when the reply is this machine's own or has no code). */
export function incidentOf(
  source: SourceText,
  entry: Entry,
  reply: { reply: string; peer: string },
  reasonLine: number,
): Incident | null {
  const remote = hostAndIp(reply.peer);
  if (isLocalPeer(reply.peer, remote.ip)) return null;
  const parsed = parseReply(reply.reply);
  if (parsed.reply.code === null && !parsed.isOrangeReply) return null;
  const incident = emptyIncident(entry.format);
  applyReply(incident, parsed);
  const reasonRef = source.ref(reasonLine);
  cite(incident, 'reply', reasonRef);
  if (parsed.orange) cite(incident, 'orange', reasonRef);
  for (const ip of parsed.linkIps) addUnique(incident.sendingIps, ip);
  if (parsed.linkIps.length > 0) cite(incident, 'sendingIps', reasonRef);
  incident.remoteHost = remote.host;
  incident.remoteIp = remote.ip;
  if (remote.host) cite(incident, 'remoteHost', reasonRef);
  if (remote.ip) cite(incident, 'remoteIp', reasonRef);
  const senderDomain = domainOf(entry.sender);
  if (senderDomain) {
    incident.sendingDomain = senderDomain;
    cite(incident, 'sendingDomain', source.ref(entry.senderLine));
  }
  incident.assumptions.push(arrivalNote(entry.arrival));
  return incident;
}
