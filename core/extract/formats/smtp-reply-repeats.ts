/**
 * Replies a paste shows more than once kept once: the same refusal repeated by an exception chain or a
 * stack trace printed again, Gmail's retries of one transaction; and Orange's replies found by their
 * token beside the others, in the order of the text.
 */

import type { Incident, SourceRef } from '../../types';
import type { FoundReply } from '../body-replies';
import { findEmbeddedOrangeReplies, orangeReason } from '../embedded-orange';
import { cite } from '../incident';
import { MAX_REPLIES_READ } from '../incident-cap';
import type { SourceText } from '../source-text';
import { STACK_FRAME } from '../stack-frame';
import { incidentsOf } from './smtp-reply';

/**
 * An exception chain's words (also behind a log line's prefix): Java's `Caused by:`, JavaMail's `nested
 * exception is:`, Python's traceback (an application logs the exception, then the traceback ends with it).
 */
const EXCEPTION_CHAIN = /\b(?:Caused by:|nested exception is\b|Traceback \(most recent call last\))/;

/**
 * `incidents` and those of Orange's `replies` whose reason none of them has (orangeReason), in the order of
 * the text.
 */
export function withOrangeBeside(
  incidents: Incident[],
  replies: readonly FoundReply[],
  source: SourceText,
  assumeZone: string | undefined,
): Incident[] {
  if (incidents.length === 0 || replies.length === 0) return incidents;
  const reasons = new Set(incidents.map((i) => orangeReason(i.orange)));
  const beside = incidentsOf(replies, source, assumeZone, false).filter(
    (i) => !reasons.has(orangeReason(i.orange)),
  );
  return beside.length === 0 ? incidents : inTextOrder([...incidents, ...beside]);
}

export function inTextOrder(incidents: Incident[]): Incident[] {
  const line = (i: Incident) => i.sources.reply?.line ?? 0;
  return incidents.sort((a, b) => line(a) - line(b));
}

/**
 * A stack trace repeats each cause at every level of its exception chain (`SendFailedException`, then
 * `Caused by: SMTPAddressFailedException: 454 ...`, and JavaMail's `nested exception is:` in each): in a
 * paste that holds such a chain, the same reply again for the same recipient is the same failure, read
 * once. So is one on the line a stack trace starts with (`EmailError: Failed to send email. Reason: ...`
 * then `    at ...`), which repeats the message its application's log wrote above it (Ghost's `MESSAGE:
 * ...`, TryGhost/Ghost issue 12819).
 */
export function withoutRepeatedCauses(found: FoundReply[], lines: readonly string[]): FoundReply[] {
  if (found.length < 2) return found;
  const chain = lines.some((line) => EXCEPTION_CHAIN.test(line));
  const headsStack = (reply: FoundReply) => STACK_FRAME.test((lines[reply.lineIndex + 1] ?? '').trim());
  if (!chain && !found.some(headsStack)) return found;
  // Each reply's line, by recipient and text: the last copy kept.
  const seen = new Map<string, number>();
  return found.filter((reply) => {
    const key = `${reply.recipient ?? ''} ${reply.text.replace(/\s+/g, ' ').trim()}`;
    const before = seen.get(key);
    seen.set(key, reply.lineIndex);
    if (before === undefined) return true;
    if (chain) return false;
    // The copy on a stack trace's first line repeats the message logged right above it; after another
    // stack trace, it is another failure alike (the same refusal for the next message an hour later).
    return !headsStack(reply) || framesBetween(lines, before, reply.lineIndex);
  });
}

/**
 * False when withoutRepeatedCauses surely keeps every reply of `lines`: no exception chain's words and
 * no stack frame on any line.
 */
function mayDropRepeatedCauses(lines: readonly string[]): boolean {
  return lines.some((line) => EXCEPTION_CHAIN.test(line) || STACK_FRAME.test(line.trim()));
}

/**
 * Orange's replies found by their token (embedded-orange.ts), for withoutRepeatedCauses then
 * boundedReplies: only the first MAX_REPLIES_READ + 1 are looked for (the one after the last kept says
 * where the text was cut) unless a repeat may be dropped first. A paste of one 64 MB line of refusals
 * held 370,000 of them at once, about 60 MB, to keep 4,000.
 */
export function orangeRepliesToBound(lines: readonly string[]): FoundReply[] {
  const first = findEmbeddedOrangeReplies(lines, MAX_REPLIES_READ + 1);
  return first.length > MAX_REPLIES_READ && mayDropRepeatedCauses(lines)
    ? findEmbeddedOrangeReplies(lines)
    : first;
}

/**
 * True when a stack frame lies on a line strictly between `from` and `to`, and no caret line: Node.js
 * printing an uncaught error again as it stops (`/srv/app/mailer.js:41`, `    throw err;`, `    ^`, then
 * the error and its stack once more) after the application logged it with its stack.
 */
function framesBetween(lines: readonly string[], from: number, to: number): boolean {
  let frames = false;
  for (let i = from + 1; i < to; i++) {
    const line = (lines[i] ?? '').trim();
    if (/^\^+$/.test(line)) return false;
    frames ||= STACK_FRAME.test(line);
  }
  return frames;
}

/**
 * The same refusal logged twice by one tool in the same minute (Delta Chat's `SMTP failed to send:
 * Permanent(Response { ... message: ["5.7.1 ..."] })`, then `Msg#41 failed: Permanent SMTP error: 5.7.1
 * ...`): one incident. Refusals at other times, or of other recipients, or undated, stay apart.
 */
const TRANSACTION_ID = /\s[0-9a-z-]{6,40}\.\d{1,4} - gsmtp\s*$/;

export function withoutRepeats(incidents: Incident[]): Incident[] {
  if (incidents.length < 2) return incidents;
  const seen = new Map<string, Incident[]>();
  /** Undated refusals by their key, and the line each was last read from. */
  const undated = new Map<string, SourceRef>();
  /** Undated refusals by their text alone: the line each was last read from, and its incident. */
  const undatedText = new Map<string, { ref: SourceRef; incident: Incident }>();
  return incidents.filter((i) => {
    // Undated, two equal refusals may be two attempts: both stay, unless read from two different
    // lines that follow each other (a webmail's log writes the reply, then the exception quoting it:
    // RainLoop's `SMTP[DATA]: < 554 ...` then `SMTP[ERROR]: ...NegativeResponseException: Failed to
    // add recipient "x": 554 ...`).
    const text = i.reply.text.replace(/\s+/g, ' ').trim();
    if (!i.occurredAt) {
      const ref = i.sources.reply;
      if (!ref) return true;
      const key = [text, i.recipientDomain].join('\u0000');
      const before = undated.get(key);
      const beforeText = undatedText.get(text);
      undated.set(key, ref);
      undatedText.set(text, { ref, incident: i });
      // Gmail's reply ends with the id of its one transaction (`... 5b1f17b1804b1-4201735bc59si1024.216 -
      // gsmtp`): the same reply twice is one refusal quoted twice, wherever the copies are.
      if (before && TRANSACTION_ID.test(text)) return false;
      // A debug log that prints the reply it got, then what the library made of it a line or two below
      // (Python's smtplib: `reply: b'550 ...'`, `reply: retcode (550); Msg: ...`, `data: (550, b'...')`;
      // mox's `queue deliverhost result`, then `permanent failure delivering from queue ... recipient=`),
      // one of the copies naming no recipient: one refusal, with the recipient the other names.
      const first = beforeText?.incident;
      if (first && ref.text !== beforeText.ref.text && (!i.recipientDomain || !first.recipientDomain)) {
        const gap = ref.line - beforeText.ref.line;
        if (gap >= 1 && gap <= 3) {
          if (!first.recipientDomain && i.recipientDomain) {
            first.recipientDomain = i.recipientDomain;
            const rcptRef = i.sources.recipientDomain;
            if (rcptRef) cite(first, 'recipientDomain', rcptRef);
          }
          // The copy read stays the one kept.
          undatedText.set(text, { ref, incident: first });
          return false;
        }
      }
      return !before || ref.line - before.line !== 1 || ref.text === before.text;
    }
    const key = [text, i.reply.code, i.occurredAt.slice(0, 16)].join('\u0000');
    const kept = seen.get(key) ?? [];
    // The same refusal read twice (PHPMailer's `SERVER -> CLIENT: 554 ...` in its session, then `SMTP
    // ERROR: RCPT TO command failed: 554 ...` or `DATA END command failed: 554 ...`, which names no
    // recipient): one incident, with what either reading found.
    // The last few kept only: a paste of thousands of equal refusals from as many servers stays linear.
    const same = kept.slice(-8).find((k) => SIDE_FIELDS.every((f) => !k[f] || !i[f] || k[f] === i[f]));
    if (same) {
      for (const f of SIDE_FIELDS) {
        if (same[f] || !i[f]) continue;
        same[f] = i[f];
        const ref = i.sources[f];
        if (ref) cite(same, f, ref);
      }
      return false;
    }
    seen.set(key, [...kept, i]);
    return true;
  });
}

/** Fields two readings of one refusal may each have found, or not. */
const SIDE_FIELDS = ['sendingDomain', 'recipientDomain', 'remoteHost', 'remoteIp'] as const;
