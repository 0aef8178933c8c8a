/**
 * Reading one SMTP reply: basic code, enhanced code, the text on one line, and Orange's parts
 * (token, reason number, server id, the sending IP written in its links). Sync and pure.
 *
 * Facts used (../shared/notes/orange.md, section 2):
 * - Orange replies look like `550 mwinf5c04 ME <fr>. <en>. OFR006_102 Ref http://...?ip=<IP> [102]`
 *   or `550 opmta1mti07aub smtp.orange.fr <session> ... OFR006_100 please visit ...?q=<IP> [100]`.
 * - Tokens come as OFR_NNN, OFRppp_NNN, OFR004-104, OFR 305, ofr_506; the last three digits carry the
 *   meaning and are echoed as [NNN].
 * - The SPF refusal carries no token: it is recognised by its wording, see `isOrangeSpfRefusal`. Its
 *   `orange` part has token and reason null (the knowledge code tests the text with that function).
 */

import type { OrangeReply, SmtpReply } from '../types';
import { exchangeInnerReply } from './exchange-wrapper';
import { ironPortInnerReply } from './ironport-status';
import { parseOrange } from './orange-reply-parts';
import { endedAtOrangeReason, trimToReply } from './reply-end';
import { findLinkIps } from './reply-link-ips';
import { splitJoinedReply, unwrapReply } from './reply-unwrap';
import { withOriginalLinks } from './wrapped-link';

export { foldText, isOrangeHost, isOrangeSpfRefusal, ORANGE_TOKEN } from './orange-reply-parts';
export { splitJoinedReply, unwrapReply } from './reply-unwrap';

export interface ParsedReply {
  reply: SmtpReply;
  orange: OrangeReply | null;
  /** Sending IPs the reply names: in links, after Orange's token, in wordings naming the client. */
  linkIps: string[];
  isOrangeReply: boolean;
}

const CODE_ANYWHERE = /(?<![\w.\-/#:=[\]@])([245]\d\d)(?=[ -]|:\s|$)/g;

const LABELLED_CODE = /(?:ERROR[_ ]CODE\s{0,2}:\s{0,2}|ResponseCode\s{1,2}|Reply-Code:\s{0,2})([245]\d\d)\b/i;

const ENHANCED_AFTER_CODE = /^:?[ -]?#?([245]\.\d{1,3}\.\d{1,3})(?![0-9]|\.[0-9])/;

// Away from the code, only a subject RFC 3463 defines (0 to 7): Yahoo's `... deferred - 4.16.50` is its
// own reference, not an enhanced code.
const ENHANCED_ANYWHERE = /(?<![0-9.])#?([245]\.[0-7]\.\d{1,3})(?![0-9]|\.[0-9])/;

/**
 * The reply's basic code: the first 4xx/5xx code (a greeting banner `220-` before a refusal is not
 * the answer), else a labelled one (`ERROR_CODE :550`), else the first 2xx.
 */
function findCode(text: string): { code: number | null; after: number } {
  const head = text.slice(0, 4096);
  let first2xx: RegExpExecArray | null = null;
  CODE_ANYWHERE.lastIndex = 0;
  for (let m = CODE_ANYWHERE.exec(head), n = 0; m && n < 50; m = CODE_ANYWHERE.exec(head), n++) {
    if (m[1]?.[0] !== '2') return { code: Number(m[1]), after: m.index + m[0].length };
    first2xx ??= m;
  }
  const labelled = LABELLED_CODE.exec(head);
  if (labelled) return { code: Number(labelled[1]), after: -1 };
  if (first2xx) return { code: Number(first2xx[1]), after: first2xx.index + first2xx[0].length };
  return { code: null, after: -1 };
}

/**
 * A basic code right before an enhanced code (`response=550 5.7.0`), at the end of the text between them.
 * (Anchored at the end, and bounded: one short try at each position of that text.)
 */
const CODE_BEFORE_ENHANCED = /(?<![\w.])[245]\d\d[ -]#?$/;

/**
 * True when the enhanced code found at `at`, away from the reply's own code (which ends at `after`), is
 * the one of another reply this one quotes (Forward Email's `550 Error for a@x of "Invalid greeting.
 * response=550 5.7.0 Blocked ..."`, forwardemail/free-email-forwarding issue 219): that reply's code
 * stands right before it, with words of this reply between. (Not a code doubled before it, `554 554 5.7.1`.)
 */
function isQuotedReplyCode(text: string, code: number, after: number, at: number): boolean {
  if (after < 0 || at <= after) return false;
  const between = text.slice(after, at);
  const quoted = CODE_BEFORE_ENHANCED.exec(between);
  if (quoted === null || between.slice(0, quoted.index).trim() === '') return false;
  // The same code after a space is the last line of this reply, joined (Postfix logs `said: 550-Mailbox
  // unavailable 550 5.1.1 User unknown`, the enhanced code on the last line only); a quote is introduced
  // by a mark of its own (`response=550`, `"550`) or carries another code (`said: 421 4.7.0`).
  const before = between.charCodeAt(quoted.index - 1);
  return Number(between.slice(quoted.index, quoted.index + 3)) !== code || (before !== 32 && before !== 9);
}

function findEnhanced(text: string, code: number | null, after: number): string | null {
  if (after >= 0) {
    const direct = ENHANCED_AFTER_CODE.exec(text.slice(after, after + 40));
    if (direct?.[1]) return direct[1];
  }
  const any = ENHANCED_ANYWHERE.exec(text.slice(0, 4096));
  const enhanced = any?.[1] ?? null;
  if (enhanced && code !== null && enhanced[0] !== String(code)[0]) return null;
  if (any && code !== null && isQuotedReplyCode(text, code, after, any.index)) return null;
  return enhanced;
}

/** The reply's text as read (unwrapped, cut to the reply) and its basic code, with where the code ends. */
interface ReplyText {
  text: string;
  code: number | null;
  after: number;
}

function readReplyText(text: string): ReplyText {
  // Exchange's own status quoting the remote's reply: the remote's is the reply (each wrapper is shorter).
  const inner = exchangeInnerReply(text);
  if (inner !== null && inner.length < text.length) return readReplyText(inner);
  // IronPort's status around the remote's reply (`5.3.0 - Other mail system problem 550-'...'`): the same.
  const quoted = ironPortInnerReply(text);
  if (quoted !== null && quoted.length < text.length) return readReplyText(quoted);
  const joined = unwrapReply(endedAtOrangeReason(text));
  const found = findCode(joined);
  const codeAt = found.after < 0 ? 0 : found.after - 3;
  let unwrapped = trimToReply(joined, codeAt);
  // A reply joined on one line after words of its own (`host X said: 550-5.7.1 ... 550 5.7.1 ...`).
  const split = splitJoinedReply(unwrapped);
  if (split !== unwrapped) unwrapped = unwrapReply(split);
  // A link a mail gateway rewrote, as the remote wrote it (wrapped-link.ts).
  unwrapped = withOriginalLinks(unwrapped);
  return { text: unwrapped, ...findCode(unwrapped) };
}

/** Parses one SMTP reply text (see the module comment). Never throws. */
export function parseReply(text: string): ParsedReply {
  const { text: unwrapped, code, after } = readReplyText(text);
  const enhanced = findEnhanced(unwrapped, code, after);
  const { orange, tokenEnd } = parseOrange(unwrapped, code);
  const linkIps = findLinkIps(unwrapped, tokenEnd);
  return {
    reply: { code, enhanced, text: unwrapped },
    orange,
    linkIps,
    isOrangeReply: orange !== null,
  };
}

/**
 * `parseReply(text).orange` without reading the rest (the sending IPs its links and wordings name, half
 * of the work), for callers that only tell one Orange refusal from another.
 */
export function parseOrangeReply(text: string): OrangeReply | null {
  const { text: unwrapped, code } = readReplyText(text);
  return parseOrange(unwrapped, code).orange;
}

/** `parseReply(text).reply.code` without reading the rest. */
export function replyCodeOf(text: string): number | null {
  return readReplyText(text).code;
}

/**
 * A reply a program gave as its code and its lines apart (Cisco's `('550', ['5.1.1 ...', ...])`, Rust
 * lettre's `Response`), as the server sent it: `550-` before each line, `550 ` before the last.
 */
export function replyFromLines(code: string, lines: readonly string[]): string {
  return lines.map((line, k) => `${code}${k < lines.length - 1 ? '-' : ' '}${line}`).join('\n');
}
