/**
 * The incidents a bounce holds, planned before they are read: one per failed DSN recipient (with its
 * reply in the body), else one per distinct reply of the body, else one; repeated sightings of a reply
 * merged, in linear time however many recipients a bounce lists.
 */

import type { FoundReply } from '../body-replies';
import { type Field, fieldValue, stripType } from '../header-block';
import { keyOf, sameAddress } from './message-addresses';
import type { Content } from './message-content';

/**
 * The plans of one reply text, indexed so that a paste of thousands of recipients is read in linear
 * time: the first, the first without a recipient, the first of each recipient (each with its rank).
 */
interface SameText {
  first: Plan;
  unnamed: { plan: Plan; rank: number } | null;
  byRecipient: Map<string, { plan: Plan; rank: number }>;
  size: number;
}

/**
 * The earlier plan a reply repeats: any one when the reply names no recipient, else the first that
 * names none or names the same.
 */
function sameRefusal(group: SameText, recipient: string | null): Plan | undefined {
  const key = keyOf(recipient);
  if (key === null) return group.first;
  const named = group.byRecipient.get(key);
  const unnamed = group.unnamed;
  if (!named || !unnamed) return (named ?? unnamed)?.plan;
  return unnamed.rank < named.rank ? unnamed.plan : named.plan;
}

/** Adds a plan of that reply text to its group. */
function addSameText(group: SameText, plan: Plan, recipient: string | null): void {
  const key = keyOf(recipient);
  const entry = { plan, rank: group.size++ };
  if (key === null) group.unnamed ??= entry;
  else if (!group.byRecipient.has(key)) group.byRecipient.set(key, entry);
}

export interface Plan {
  dsn: Field[] | null;
  body: FoundReply | null;
}

/**
 * What makes two sightings of a reply the same: its first line, spaces collapsed and a continuation
 * mark (`550-5.1.1`) read as the last line's (`550 5.1.1`). Sendmail's `(reason: ...)` line keeps only
 * the first line of a multi-line reply its transcript gives whole.
 */
const ARROW_BEFORE_REPLY = /\s->\s{1,2}(?=[245]\d\d[ -])/;

function replyKey(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  // Exchange's words or own status around the remote's reply (`550 5.1.351 Remote server returned ...
  // -> 550 Unknown user x` in its diagnostic, `unknown recipient or mailbox unavailable -> 550 ...` in its
  // first lines): the same refusal, keyed by the reply after the arrow.
  const arrow = ARROW_BEFORE_REPLY.exec(line);
  const first = arrow ? line.slice(arrow.index + arrow[0].length) : line;
  return first
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^([245]\d\d)-/, '$1 ')
    .slice(0, 300);
}

/**
 * A recipient the DSN reports as delivered (RFC 3464 actions `delivered`, `relayed`, `expanded`, with a
 * 2.X.X status): a return receipt or a relay notice, not a refusal. Also Postfix's `deliverable`, the
 * action of the report `sendmail -bv` asks for (address verification: the remote accepted the recipient,
 * `Status: 2.1.5`, `250 2.1.5 Ok`; Sisimai's set-of-emails rfc3464-28), with a 2.X.X status only.
 */
function isDelivered(fields: readonly Field[]): boolean {
  const action = fieldValue(fields, 'action')?.value.trim().toLowerCase() ?? '';
  const status = fieldValue(fields, 'status')?.value.trim() ?? '';
  if (isVerifiedDeliverable(action, status)) return true;
  if (!/^(?:delivered|relayed|expanded)\b/.test(action)) return false;
  if (/^2\.\d{1,3}\.\d{1,3}/.test(status)) return true;
  // Exchange's delivery receipts write `Action: delivered` with `Status: 5.4.0` (and `X-Supplementary-Info:
  // < #2.0.0>`): the action says what happened, unless a server's refusal is quoted beside it.
  const diagnostic = fieldValue(fields, 'diagnostic-code')?.value ?? '';
  return !/\b[45]\d\d\b/.test(diagnostic);
}

/** Postfix's address verification result `deliverable` with a success status (see isDelivered). */
function isVerifiedDeliverable(action: string, status: string): boolean {
  return /^deliverable\b/.test(action) && /^2\.\d{1,3}\.\d{1,3}/.test(status);
}

/**
 * How a DSN that lists recipients and reports each one as delivered says so: `verified` when each is
 * Postfix's `deliverable` (an address verification, no message sent), `delivered` otherwise; null when
 * one recipient at least was not delivered.
 */
export function onlyDelivered(content: Content): 'delivered' | 'verified' | null {
  const { recipients } = content.dsn;
  if (recipients.length === 0 || !recipients.every(isDelivered)) return null;
  const verified = recipients.every((fields) =>
    isVerifiedDeliverable(
      fieldValue(fields, 'action')?.value.trim().toLowerCase() ?? '',
      fieldValue(fields, 'status')?.value.trim() ?? '',
    ),
  );
  return verified ? 'verified' : 'delivered';
}

/**
 * What makes two recipient blocks of a DSN the same report: its recipient, status and diagnostic, spaces
 * collapsed; null for a block that names no recipient. The fields of one delivery seen twice come from a
 * text copy of the delivery-status part beside the part itself: ZMailer's report quotes it in its text
 * part (`Following is a copy of MESSAGE/DELIVERY-STATUS format section below.`), and a report pasted
 * from a mail client's "show original" or forwarded inline keeps both.
 */
function repeatKey(fields: readonly Field[], rcpt: string): string | null {
  const key = keyOf(rcpt);
  if (key === null) return null;
  const value = (name: string) => (fieldValue(fields, name)?.value ?? '').replace(/\s+/g, ' ').trim();
  // The remote, and the reply a report gives in `X-Supplementary-Info` instead of a Diagnostic-Code, tell
  // two deliveries to one recipient apart (sisimai/p5-sisimai issue 312: `Remote-MTA: dns; 183.81.162.32`
  // then `Remote-MTA: dns; subdomain.mail.protection.outlook.com`, each with its own reply).
  return `${key}\n${value('status')}\n${value('diagnostic-code')}\n${value('remote-mta')}\n${value('x-supplementary-info')}`;
}

/**
 * A DSN recipient's reply as Sendmail's summary gives it (`(reason: 552 Message size exceeds fixed
 * limit)`), with the host its transcript names for the same reply (`... while talking to mx.example.net.:`
 * then `<<< 552 ...`): Sendmail writes no Remote-MTA for a refusal of MAIL FROM, and the transcript is
 * then the only place naming the server that refused.
 */
function withTranscriptHost(match: FoundReply, replies: readonly FoundReply[], rcpt: string): FoundReply {
  if (match.remoteHost || match.remoteIp) return match;
  const key = replyKey(match.text);
  const seen = replies.filter(
    (r) =>
      r !== match &&
      r.remoteHost !== null &&
      (r.recipient === null || sameAddress(r.recipient, rcpt)) &&
      replyKey(r.text) === key,
  );
  // Two servers that gave the same words (Postfix's `552 5.3.4 Message size exceeds fixed limit`) to
  // two recipients: which one refused this recipient is unknown, and the host stays empty.
  const first = seen[0];
  if (!first || seen.some((r) => r.remoteHost?.toLowerCase() !== first.remoteHost?.toLowerCase()))
    return match;
  return { ...match, remoteHost: first.remoteHost, remoteLineIndex: first.remoteLineIndex };
}

/** One incident per DSN recipient (with its reply in the body), else per distinct reply, else one. */
export function plansOf(content: Content): Plan[] {
  const { dsn, replies } = content;
  const plans: Plan[] = [];
  if (dsn.recipients.length > 0) {
    const rcpts = dsn.recipients.map((fields) =>
      stripType(fieldValue(fields, 'final-recipient')?.value ?? ''),
    );
    // A body reply written for another recipient of this DSN is never this one's: a Postfix bounce
    // lists `<a@x>: host ... said: 550 ...` for a refused recipient and only `<b@y>: connect to ...:
    // Connection timed out` (no reply) for another, whose incident took the first one's reply, remote
    // host and the sending IP it names.
    // (Sets and maps of the addresses: a DSN may list thousands of recipients.)
    const dsnRecipients = new Set(rcpts.map((x) => keyOf(x)));
    const othersReply = (r: FoundReply, own: string) =>
      r.recipient !== null && !sameAddress(r.recipient, own) && dsnRecipients.has(keyOf(r.recipient));
    const replyOf = new Map<string, FoundReply>();
    for (const r of replies) {
      const key = keyOf(r.recipient);
      if (key && !replyOf.has(key)) replyOf.set(key, r);
    }
    const seen = new Set<string>();
    for (let i = 0; i < dsn.recipients.length; i++) {
      const fields = dsn.recipients[i] as Field[];
      if (isDelivered(fields)) continue;
      const rcpt = rcpts[i] as string;
      const repeat = repeatKey(fields, rcpt);
      if (repeat !== null) {
        if (seen.has(repeat)) continue;
        seen.add(repeat);
      }
      const usable = (r: FoundReply | undefined) => (r && !othersReply(r, rcpt) ? r : null);
      const match = replyOf.get(keyOf(rcpt) ?? '') ?? usable(replies[i]) ?? usable(replies[0]) ?? null;
      plans.push({ dsn: fields, body: match && withTranscriptHost(match, replies, rcpt) });
    }
  } else if (replies.length > 0) {
    const byText = new Map<string, SameText>();
    // A bare code line (strength 3) is an incident only when nothing more explicit was found: Sendmail
    // repeats each recipient's reply in a summary line (`550 5.1.1 <rcpt>... User unknown`).
    const explicit = replies.some((r) => r.strength < 3);
    for (const r of replies) {
      if (explicit && r.strength === 3) continue;
      const key = replyKey(r.text);
      const sameText = byText.get(key);
      // The same words for another named recipient are another refusal (MailEnable lists each
      // `Recipient: [SMTP:x]` with its `Reason:`); for the same or an unnamed one, the same refusal.
      const same = sameText ? sameRefusal(sameText, r.recipient) : undefined;
      if (same?.body) {
        // The same reply seen again, in Sendmail's transcript (`... while talking to mx:` / `<<< 550`):
        // it names the host the first sighting (`(reason: 550 ...)`) did not, and holds the whole
        // reply where the reason line keeps only its first line.
        if (!same.body.remoteHost && r.remoteHost) {
          same.body = { ...same.body, remoteHost: r.remoteHost, remoteLineIndex: r.remoteLineIndex };
        }
        // And its address, where the later sighting names it for the same host (a log's line of the
        // delivery a notice's line told of: Stalwart's connection line, stalwart-lines.ts).
        if (!same.body.remoteIp && r.remoteIp && (same.body.remoteHost ?? r.remoteHost) === r.remoteHost) {
          const line = r.remoteIpLineIndex ?? r.remoteLineIndex;
          same.body = { ...same.body, remoteIp: r.remoteIp, remoteIpLineIndex: line ?? undefined };
        }
        if (r.text.length > same.body.text.length) same.body = { ...same.body, text: r.text };
        if (!same.body.recipient && r.recipient) same.body = { ...same.body, recipient: r.recipient };
        continue;
      }
      const plan: Plan = { dsn: null, body: r };
      const group = sameText ?? { first: plan, unnamed: null, byRecipient: new Map(), size: 0 };
      if (!sameText) byText.set(key, group);
      addSameText(group, plan, r.recipient);
      plans.push(plan);
    }
  } else {
    plans.push({ dsn: null, body: null });
  }
  return plans;
}
