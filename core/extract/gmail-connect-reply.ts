/**
 * Gmail's notice of a server that did not let it deliver: `The recipient server did not accept our
 * requests to connect. Learn more at https://support.google.com/mail/answer/7720` (later `For more
 * information, go to ...`), then in brackets the server it tried, that server's address and what came of
 * it: `[mail.lt.g4s.com 193.150.40.9: timed out]`, `[mx1.forwardemail.net 178.128.149.101: unable to read
 * banner]` (forwardemail issue 117), the name maybe with its final dot (`[example.com. 192.0.2.1: ...]`)
 * or an address in its place (`[199.246.133.60 199.246.133.60: socket error]`, mailsac issue 21). When
 * the server answered the connection with a refusal, its reply is what came of it: `[smtp-in.orange.fr.
 * 193.252.22.65: 550 mwinf5c04 ME Adresse IP source bloquee ... OFR006_102 ... [102]]`. The server and
 * address in the bracket are the remote's (Orange's MX), never the sender's; the reply runs to the
 * bracket that closes the one opened before the server's name, its own `[102]` inside it.
 */

import { type FoundReply, reply } from './found-reply';
import { isHostName } from './header-block';
import { normalizeIp } from './ip';
import { lineOfOffset, type Paragraph } from './reply-paragraphs';

/** Gmail's words for a connection the remote server did not accept. */
export const GMAIL_CONNECT_HINT = /\bdid not accept our requests to connect\b/i;

/**
 * The bracket's opening up to the reply's code: the server's name (or address), its address, a colon;
 * before 2016 a count first and the address in brackets with its port (`[(0) mx.example.jp. [192.0.2.1]:25:
 * socket error]`, Sisimai's lhost-gmail samples).
 */
const BRACKET_OPENING =
  /\[\s{0,2}(?:\(\d{1,3}\)\s{1,2})?([A-Za-z0-9][A-Za-z0-9.:-]{0,252}?)\.?\s{1,4}\[?([0-9A-Fa-f:.]{2,45})\]?(?::\d{1,5})?:\s{1,4}(?=[245]\d\d[\s-])/g;

/** Where the bracket opened before `from` closes (the index of its `]`), or -1 when it is not closed. */
function closingBracket(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return i;
  }
  return -1;
}

/** A reply in Gmail's bracket: its text, where it starts, and the server and address before it. */
interface BracketReply {
  text: string;
  /** Offsets, in the text read, of the reply and of the bracket's opening. */
  start: number;
  openAt: number;
  host: string | null;
  ip: string | null;
}

/** The replies in the brackets after Gmail's words in `text` (none without the words). */
function bracketReplies(text: string): BracketReply[] {
  const words = GMAIL_CONNECT_HINT.exec(text);
  if (!words) return [];
  const replies: BracketReply[] = [];
  const opening = new RegExp(BRACKET_OPENING.source, 'g');
  opening.lastIndex = words.index;
  for (let m = opening.exec(text); m; m = opening.exec(text)) {
    const start = m.index + m[0].length;
    // (A paste cut before the closing bracket: the reply to the end of the text.)
    const end = closingBracket(text, start);
    const ip = normalizeIp(m[2] ?? '');
    const name = (m[1] ?? '').replace(/\.$/, '');
    const host = !normalizeIp(name) && isHostName(name) ? name.toLowerCase() : null;
    if (ip || host) {
      const reply = text.slice(start, end < 0 ? text.length : end).trimEnd();
      replies.push({ text: reply, start, openAt: m.index, host, ip });
    }
    if (end < 0) break;
    opening.lastIndex = end + 1;
  }
  return replies;
}

/**
 * The reply inside Gmail's bracket when `text` is Gmail's words about a connection (a Diagnostic-Code:
 * `smtp; The recipient server did not accept ... [host IP: 550 ... [102]]`), without the bracket that
 * closes it; null for any other text.
 */
export function gmailConnectReply(text: string): string | null {
  return bracketReplies(text)[0]?.text ?? null;
}

/** The replies of the brackets after Gmail's words in a paragraph; false when it has none. */
export function readGmailConnect(
  p: Paragraph,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): boolean {
  const replies = bracketReplies(joined);
  for (const r of replies) {
    const serverLine = lineOfOffset(p, joined, r.openAt);
    found.push(reply(r.text, lineOfOffset(p, joined, r.start), r.host, r.ip, serverLine, lastRecipient, 1));
  }
  return replies.length > 0;
}
