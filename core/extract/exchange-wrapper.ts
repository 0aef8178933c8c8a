import type { FoundReply, Paragraph } from './body-replies';
import { recipientIn } from './envelope-address';

/**
 * Exchange (2007 to 2019, and Office 365 in a hybrid setup) quotes the remote's reply inside its own
 * status: `Remote Server returned '554 5.7.1 <vger.kernel.org #5.7.1 smtp; 550 5.7.1 Content-Policy
 * ...>'`, or without its own code, `'< #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found>'`.
 * The reply is what follows `smtp;` (Exchange's code before it is its own summing-up: 554 for the
 * remote's 550), and the name before `#` is the server Exchange was talking to, when it gives one.
 */

const WRAPPED =
  /^(?:[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\s{1,4})?<\s{0,2}([A-Za-z0-9][A-Za-z0-9.-]{0,252})?\s{0,2}#[245]\.\d{1,3}\.\d{1,3}\s{1,4}smtp;\s{0,4}([245]\d\d[\s-][\s\S]{0,8000}?)\s*(?:>\s*)?$/i;

export interface ExchangeWrapped {
  /** The remote's reply, Exchange's `>` after it removed. */
  reply: string;
  /** The server Exchange names before `#`, if any. */
  host: string | null;
}

/** The remote's reply inside Exchange's status, or null when the text is not so wrapped. */
export function exchangeWrapped(text: string): ExchangeWrapped | null {
  const m = WRAPPED.exec(text.trim());
  if (!m?.[2]) return null;
  return { reply: m[2].trim(), host: m[1]?.toLowerCase() ?? null };
}

/**
 * Exchange 2007-2010's notice lists each recipient, then the server that refused and its reply between
 * `#` and `##`: `smtp-in.orange.fr #550 5.7.1 Service refuse. ... OFR_506 [506] ##` (the server is left
 * out when Exchange itself refused: `#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##`).
 */
const HASH_LINE =
  /^\s{0,8}(?:([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63}) )?#([245]\d\d[ -][^\n]{1,2000}?)\s{0,4}##\s*$/;

/**
 * Exchange 2003 relaying the reply of the server it handed the message to: `host #<host #5.7.1 smtp; 550
 * 5.7.1 Message rejected as spam by Content Filtering.> #SMTP#`.
 */
const HASH_LINE_SMTP =
  /^\s{0,8}(?:([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63}) )?#<[^#<>\s]{0,253}\s{0,2}#[245]\.\d{1,3}\.\d{1,3}\s{1,4}smtp;\s{0,2}([245]\d\d[ -][^\n]{1,2000}?)>\s{0,4}#SMTP#\s*$/i;

/**
 * A text holding Exchange 2007-2010's status line (HASH_LINE, searched in a whole text): written the same
 * in every language of its notice, as Sisimai's Exchange 2007 samples show it, it tells Exchange's notice
 * in a language whose labels the readers lack (Polish, Czech, Portuguese, Russian…).
 */
const EXCHANGE_STATUS_LINE =
  /^[ \t]{0,8}(?:[A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63} )?#[245]\d\d[ -][^\n]{1,2000}?[ \t]##[ \t]*\r?$/m;

/**
 * Whether `text` holds EXCHANGE_STATUS_LINE; the closing `##` it needs is looked for first, as most texts
 * have none (the expression is tried at every line of the text).
 */
export function holdsExchangeStatusLine(text: string): boolean {
  return text.includes('##') && EXCHANGE_STATUS_LINE.test(text);
}

export const HASH_LINE_HINT = /#[245]\d\d[ -][^\n]{0,2000}##|#SMTP#/;

/** The replies of a paragraph's `host #550 ... ##` lines; false when it has none. */
export function readHashLines(p: Paragraph, lastRecipient: string | null, found: FoundReply[]): boolean {
  const before = found.length;
  p.lines.forEach((line, i) => {
    const m = HASH_LINE.exec(line) ?? HASH_LINE_SMTP.exec(line);
    if (!m?.[2]) return;
    const above = i > 0 ? recipientIn(p.lines[i - 1] as string) : null;
    found.push({
      text: m[2],
      lineIndex: p.start + i,
      remoteHost: m[1]?.toLowerCase() ?? null,
      remoteIp: null,
      remoteLineIndex: m[1] ? p.start + i : null,
      recipient: above ?? lastRecipient,
      strength: 1,
    });
  });
  return found.length > before;
}

/**
 * Exchange's own status around the remote's reply, in words (Exchange 2013-2019 and Exchange Online, as
 * Get-Queue's LastError and the message trace show it): `451 4.4.0 Primary target IP address responded
 * with: "454 4.7.0 Temporary authentication failure." Attempted failover ...`, `451 4.4.395 Target host
 * responded with error. -> 451 5.7.3 STARTTLS is required to send mail`, `550 5.4.300 Message expired ->
 * 451 4.4.397 Error communicating with target host. -> 421 4.2.1 Unable to connect -> ...`, `450 4.4.101
 * Proxy session setup failed on Frontend with '451 4.4.0 ...'`. Exchange's code is its own summing-up.
 * (The quote may close only after an empty line, which ends the reply read: a Microsoft Q&A post of 2020
 * broke `... responded with: "451 4.7.3 The admin has temporarily disallowed this secure domain.` there.)
 */
const STATUS = String.raw`^\s{0,8}[245]\d\d[ -][245][.-]\d{1,3}\.\d{1,3}\s`;
const RESPONDED_WITH = new RegExp(
  String.raw`${STATUS}[^"]{0,200}?\bresponded with:?\s{0,2}"([245]\d\d[ -][^"]{1,4000})(?:"|\s*$)`,
  'i',
);
const ARROW = new RegExp(String.raw`${STATUS}[^\n]{0,200}?\s->\s{1,2}(?=[245]\d\d[ -])`);
const FRONTEND = new RegExp(
  String.raw`${STATUS}\s{0,3}Proxy session setup failed on Frontend with '([245]\d\d[ -][^']{1,4000})'?`,
  'i',
);

/** The reply Exchange's own status quotes (see above), or null when the text is not so wrapped. */
export function exchangeInnerReply(text: string): string | null {
  if (!text.includes('->') && !/responded with|Proxy session/i.test(text.slice(0, 300))) return null;
  const arrow = ARROW.exec(text);
  if (arrow) return text.slice(arrow[0].length);
  return (RESPONDED_WITH.exec(text) ?? FRONTEND.exec(text))?.[1] ?? null;
}
