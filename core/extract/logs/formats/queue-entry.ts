/**
 * A mail queue listing saved to a file (Postfix's `mailq` / `postqueue -p`, Sendmail's `mailq`): the queue
 * of a server Orange holds back lists many thousands of messages, too many to paste, so the log scanner
 * reads it too (the paste reader is formats/queue-listing.ts, whose shapes and note this shares). The
 * record assembler joins each entry's lines into one record, as they come: the entry line, then the
 * reason in parentheses (not indented, or indented by Sendmail) and the indented recipients, until the
 * blank line after them:
 *
 *     4QXk3F0nTbz9vC    20431 Mon Mar 16 10:02:17  news@example.com (host smtp-in.orange.fr[193.252.22.65]
 *     said: 421 ... [104] (in reply to end of DATA command)) jean.dupont@orange.fr paul@wanadoo.fr
 *
 * Each reason is one rejection per recipient domain; the date stays empty, the listing giving only the
 * time the message arrived (said in a note). A record stands alone: no state, so a file split between
 * two threads reads the same. An entry whose only reason has no remote's reply (a timeout, `(connect to
 * HOST[IP]:25: Connection timed out)`) is counted as a failure without a reply, as a log's line with that
 * reason is (the pre-filter, record-markers.ts, passes it on), and makes no incident: `extract` says of
 * the same listing that no server replied.
 */

import { ARRIVALS_ONLY, arrivalNote, ENTRY_HEAD, replyOf } from '../../formats/queue-listing';
import { domainOf } from '../../header-block';
import { isLocalPeer } from '../local-peer';
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { refOf } from '../model';
import { baseRejection, hostAndIp } from './common';

/** A reason and the recipients listed under it. */
interface ReasonGroup {
  reason: string;
  recipients: string[];
}

/** Index of the `)` closing the `(` at `open`, or -1 (a reason may hold parentheses of its own). */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i;
  }
  return -1;
}

/** The reasons after an entry's head, each with its recipients (`<a@b>` as Sendmail writes them). */
function reasonGroups(rest: string): ReasonGroup[] {
  const groups: ReasonGroup[] = [];
  let at = 0;
  while (at < rest.length) {
    const c = rest.charCodeAt(at);
    if (c === 32 || c === 9 || c === 10) {
      at++;
      continue;
    }
    if (c === 40) {
      const close = closingParen(rest, at);
      if (close < 0) break;
      groups.push({ reason: rest.slice(at + 1, close).trim(), recipients: [] });
      at = close + 1;
      continue;
    }
    let end = at;
    while (end < rest.length && !/\s/.test(rest.charAt(end))) end++;
    groups.at(-1)?.recipients.push(rest.slice(at, end).replace(/^<|>$/g, ''));
    at = end;
  }
  return groups;
}

function read(record: LogRecord, ctx: ScanContext): void {
  const head = ENTRY_HEAD.exec(record.text);
  if (!head) return;
  const arrival = head[2] ?? '';
  const sender = (head[3] ?? '').replace(/^<|>$/g, '');
  const ref = refOf(record);
  for (const { reason, recipients } of reasonGroups(record.text.slice(head[0].length))) {
    const said = replyOf(reason);
    const remote = hostAndIp(said?.peer ?? '');
    if (!said || isLocalPeer(said.peer, remote.ip)) {
      ctx.count('failure-without-reply');
      continue;
    }
    const domains = new Set<string>();
    for (const recipient of recipients) {
      const domain = domainOf(recipient);
      if (!domain || domains.has(domain)) continue;
      domains.add(domain);
      // Sendmail's time has no seconds (the paste reader's rule when no header says which MTA).
      const rejection = baseRejection(arrival.length > 16 ? 'postfix' : 'sendmail', ref, null, said.reply);
      rejection.recipient = recipient;
      if (sender.includes('@')) rejection.sender = { value: sender, ref };
      rejection.remoteHost = remote.host;
      rejection.remoteIp = remote.ip;
      rejection.stampNote = arrivalNote(arrival);
      ctx.warnOnce(ARRIVALS_ONLY);
      ctx.emit(rejection);
    }
  }
}

export const queueEntryReader: FormatReader = {
  format: 'postfix',
  claimsBare: (text) => ENTRY_HEAD.test(text),
  read: (record, _syslog, ctx) => read(record, ctx),
};
