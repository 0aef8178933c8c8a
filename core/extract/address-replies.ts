/**
 * Replies written after the recipient's address: `rcpt: 550 ...` lines, qmail's `<rcpt>:` paragraph,
 * Zoho's labelled `ERROR_CODE :550` lines.
 */

import { courierPeer } from './courier-peer';
import { recipientIn } from './envelope-address';
import { type FoundReply, reply } from './found-reply';
import { childStatusBelow, QMAIL_RECIPIENT } from './qmail-child-status';
import { lineOfOffset, type Paragraph } from './reply-paragraphs';
import { cleanIp, LABELLED_LINE, STARTS_WITH_CODE } from './reply-patterns';
import { TALKING_TO } from './smtp-session-state';

// `rcpt: 550 ...`, SurfControl's `rcpt: [192.0.2.5], 550 ...`, or Sendmail's `<rcpt>... Deferred: 421 ...`
// (its transcript's line for a recipient it will try again).
const ADDRESS_COLON =
  /(?:^|\s)<?[A-Za-z0-9._%+=/'-]{1,64}@[A-Za-z0-9.-]{1,253}>?(?:\.\.\.\s{1,4}Deferred)?:\s{1,12}(?:\[([0-9A-Fa-f:.]{2,45})\],?\s{1,12})?(?=[245]\d\d[\s-])/;

const LINE_ADDRESS_COLON =
  /^\s{0,12}<?[A-Za-z0-9._%+=/'-]{1,64}@[A-Za-z0-9.-]{1,253}>?(?:\.\.\.\s{1,4}Deferred)?:\s{1,12}(?=[245]\d\d[\s-])/;

/**
 * qmail-send's sentence when it gives up on a message older than its queue lifetime, written right after
 * the last attempt's status (glued to it, or after a `/` in Yahoo's copy): `Unable to contact LDAP server.
 * (#4.4.3)I'm not going to try again; this message has been in the queue too long.` (Sisimai's
 * lhost-qmail-05 and lhost-x2-05, found by audit61). qmail's own words, no part of any reply.
 */
const QMAIL_QUEUE_TOO_LONG =
  /\s{0,4}\/?I'm not going to try again; this\s{1,4}message has been in the queue too long\.\s*$/;

/**
 * Zoho: `rcpt Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.1 ...`, one line per recipient; its
 * newer notices write `rcpt, ERROR CODE :550 - 5.7.1 ...`, the remote's reply after the dash (a Zoho
 * notice quoted in a qemu-devel thread, 2025), kept as the remote wrote it: `550 5.7.1 ...`.
 */
export function readLabelledLines(p: Paragraph, found: FoundReply[]): void {
  for (let n = 0; n < p.lines.length; n++) {
    const line = p.lines[n] as string;
    if (!LABELLED_LINE.test(line)) continue;
    let text = line
      .replace(/^\s{0,12}\S{1,320}@\S{1,253}\s{1,12}/, '')
      .replace(/^ERROR CODE\s{0,2}:\s{0,2}([245]\d\d)\s{0,2}-\s{0,2}/, '$1 ');
    // A long reply goes on over indented lines (Zoho's copy of Gmail's two-line reply), or over lines a
    // mail client wrapped, which go on with a word in lower case (`... ERROR_CODE :The email you sent` /
    // `has an invalid DKIM signature ...`).
    for (let k = n + 1; k < p.lines.length; k++) {
      const next = p.lines[k] as string;
      if (!/^(?:[ \t]|[a-z])/.test(next) || LABELLED_LINE.test(next)) break;
      text = `${text}\n${next}`;
    }
    found.push(reply(text, p.start + n, null, null, null, recipientIn(line), 1));
  }
}

/** OpenSMTPD lists one `rcpt: 550 ...` line per recipient: one reply each (when more than one). */
export function readAddressLines(p: Paragraph, found: FoundReply[]): boolean {
  let count = 0;
  for (const line of p.lines) if (LINE_ADDRESS_COLON.test(line)) count++;
  if (count <= 1) return false;
  for (let n = 0; n < p.lines.length; n++) {
    const line = p.lines[n] as string;
    const m = LINE_ADDRESS_COLON.exec(line);
    if (!m) continue;
    found.push(reply(line.slice(m[0].length), p.start + n, null, null, null, recipientIn(m[0]), 1));
  }
  return true;
}

/** `rcpt: 550 ...`, SurfControl's `rcpt: [192.0.2.5], 550 ...`, Sendmail's `<rcpt>... Deferred: 421 ...`. */
export function readAddressColon(p: Paragraph, joined: string, found: FoundReply[]): boolean {
  const m = ADDRESS_COLON.exec(joined.slice(0, 4000));
  if (!m) return false;
  const at = m.index + m[0].length;
  const deferred = /Deferred:\s*$/.test(m[0]);
  // Sendmail writes a deferred recipient's reply on its line (its own words follow on the next ones),
  // after the transcript of the session that names the remote (`... while talking to mx.example.net.:`).
  const lineEnd = deferred ? joined.indexOf('\n', at) : -1;
  const talkingAt = deferred ? joined.lastIndexOf('while talking to', m.index) : -1;
  const talking = talkingAt >= 0 ? TALKING_TO.exec(joined.slice(talkingAt, m.index)) : null;
  const remoteLine = m[1] || talking ? lineOfOffset(p, joined, talking ? talkingAt : m.index) : null;
  found.push(
    reply(
      joined.slice(at, lineEnd < 0 ? undefined : lineEnd),
      lineOfOffset(p, joined, at),
      talking?.[1] ?? null,
      cleanIp(m[1]),
      remoteLine,
      recipientIn(m[0]),
      1,
    ),
  );
  return true;
}

/**
 * qmail: `<rcpt>:` alone on a line, the remote or local explanation below it. Not Courier's, whose
 * indented `host [ip]:` line below it opens the session its transcript reader reads (courier-peer.ts).
 */
export function readQmailRecipient(p: Paragraph, found: FoundReply[]): boolean {
  const first = p.lines[0] ?? '';
  if (!QMAIL_RECIPIENT.test(first) || p.lines.length <= 1 || STARTS_WITH_CODE.test(p.lines[1] ?? ''))
    return false;
  if (courierPeer(p.lines, 1)) return false;
  // A local delivery program's exit status is no reply (qmail-child-status.ts): the notice's note says so.
  if (childStatusBelow(p.lines, 0)) return true;
  const status = p.lines.slice(1).join('\n');
  const gaveUp = status.includes("I'm not going to try again") ? QMAIL_QUEUE_TOO_LONG.exec(status) : null;
  const text = gaveUp && gaveUp.index > 0 ? status.slice(0, gaveUp.index) : status;
  found.push(reply(text, p.start + 1, null, null, null, recipientIn(first), 2));
  return true;
}
