/**
 * Patterns shared by the readers of body-replies.ts: the remote host's wordings, a reply's start at a
 * line's lead (quote marks, list bullets), the next recipient's line that ends a reply.
 */

import { normalizeIp } from './ip';

/**
 * What may stand before a reply at a line's start: quote marks (`> `), then a list's bullet a web page, a
 * document or a chat kept (IONOS's help page: `  • 554 Service unavailable; Client host [...]
 * blocked using ...`), also a Markdown list's `- ` or `* ` on a line of its own, and the bullets Outlook and
 * Word leave in a copy: `·` and the Symbol font's U+F0B7 then spaces, `o` (then a tab or spaces, never one
 * space alone: `o 550 is ...` is a word) and U+F0A7 for the levels below.
 */
export const LINE_LEAD = String.raw`^\s{0,8}(?:>\s{0,2}){0,3}(?:[-*\u00b7\u2022\u2023\u25aa\u25e6\u25cf\u2013\uf0a7\uf0b7][ \t]{1,12}|o(?:\t|[ \t]{2,12}))?`;

// A reply alone in parentheses too: `(451 too many errors from your ip (192.0.2.7), please visit ...)`,
// as a log's status quotes it and a user pastes it on its own.
export const STARTS_WITH_CODE = new RegExp(
  String.raw`${LINE_LEAD}\(?(?:smtp;\s{0,2})?#?(?:([245]\d\d)[\s-]|[245]\.\d{1,3}\.\d{1,3}\s)`,
  'i',
);

// Exim's bare address line, its `SMTP error from` line, or Postfix's next `<rcpt>: host ...` line (at the
// line start: a reply wrapped before `<rcpt>: Recipient address rejected` is indented); in a paste of
// Postfix's log fragments, the next `host X[ip] said:` (a few characters in: `QID: host`) or the next
// status fragment (`to=<...`, `relay=...`, maybe after the queue id).
export const NEXT_RECIPIENT =
  /\n(?:\s{0,12}(?:\S{1,320}@\S{1,253}\s*\n|SMTP error from)|<[^\s<>]{1,320}@[^\s<>]{1,253}>(?: \(expanded from <[^<>\n]{1,320}>\))?:\s{1,4}(?:host|connect to|Host or domain)\s|[^\n]{0,40}?\bhost\s{1,12}[A-Za-z0-9][A-Za-z0-9._-]{0,252}(?:\s{0,12}\[[^\]\s]{2,45}\])?\s{1,8}(?:said|refused\s{1,8}to\s{1,8}talk\s{1,8}to\s{1,8}me)\s{0,12}:|\s{0,12}(?:[0-9A-Za-z]{5,24}:\s{1,4})?(?:to=<|relay=))/;

export const LABELLED_LINE = /(?:ERROR[_ ]CODE\s{0,2}:|ResponseCode)\s{0,2}[245]\d\d\b/;

export const REPLY_CODE_AHEAD = /^\s{0,12}['"[]?(?:smtp;\s{0,2})?[245]\d\d[\s-]/i;

export function cleanIp(text: string | undefined): string | null {
  return text ? normalizeIp(text) : null;
}

/**
 * Postal's technical details: `Permanent SMTP delivery error when sending to gmail-smtp-in.l.google.com
 * (108.177.15.26)` (the address maybe redacted), the reply on the next lines, then Postal's `Time:` and
 * `Support Ref:` lines.
 */
export const POSTAL_ERROR =
  /\b(?:Permanent|Temporary) SMTP delivery error when sending to ([A-Za-z0-9][A-Za-z0-9.-]{0,252})(?:\s{1,4}\(([0-9A-Fa-f:.]{2,45})\)|\s{1,4}\([^()\n]{1,60}\))?[ \t]*\n\s*/i;

/** Postfix's `(in reply to RCPT TO command)` after a reply (maybe wrapped, its `)` maybe cut off). */
export const IN_REPLY_NOTE = String.raw`\(in\s{1,12}reply\s{1,12}to\s{1,12}[A-Za-z][A-Za-z .\s-]{0,60}?command`;

/**
 * The quote that closes a reply opened by each (a word processor's curly ones: `returned ‘550 ...’.`;
 * French guillemets with the space French puts inside them: `a répondu : « 421 ... [505] »`).
 */
export const CLOSING_QUOTE: Record<string, RegExp> = {
  "'": /'(?=[\s.,;]|$)/,
  '"': /"(?=[\s.,;]|$)/,
  '‘': /[’'](?=[\s,;.)]|$)/,
  '“': /[”"](?=[\s,;.)]|$)/,
  '«': /\s{0,2}»(?=[\s,;.)]|$)/,
  '[': /\](?=[\s,;.)]|$)/,
};
