/**
 * eM Client's log names the recipient the server refused in its own words on the line above the reply it
 * quotes (stalwartlabs/stalwart issue 386, 2024):
 *
 *     22:30:26 a@example.org SMTP Sending messages: Recipient address 'b@example.net' not accepted due to the following reason:
 *                  "4.3.0 <a@example.org>: Temporary lookup failure
 *
 * The line starts with the sending account, and the reply may name another address than the refused
 * recipient (the sender's, whose lookup failed): the address eM Client names is the recipient. The account,
 * when the line names it by an address (the name eM Client gives an account unless the user renames it;
 * here the very address whose lookup the reply says failed), is the sender: its domain is the sending
 * domain. An account named otherwise (`Boutique`) gives none.
 */

import type { FoundReply } from './found-reply';

/** eM Client's sentence, the recipient in single quotes. */
const NOT_ACCEPTED =
  /\bRecipient address '([^'\s@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])' not accepted due to the following reason:/;
/** The sentence's line as eM Client starts it: the time, then the account's address, then the protocol. */
const ACCOUNT_LEAD =
  /^\s{0,12}\d\d:\d\d:\d\d ([^\s@'"<>]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9]) SMTP Sending messages: /;

/** Lines above the reply the sentence may be on. */
const LINES_ABOVE = 2;

export interface EmClientRefusal {
  recipient: string;
  /** The sending account's address, or null when the line names the account otherwise. */
  account: string | null;
}

/** The recipient eM Client names on the line just above the reply at `at`, and the account; or null. */
export function emClientRefusalAbove(lines: readonly string[], at: number): EmClientRefusal | null {
  for (let k = at - 1; k >= 0 && k >= at - LINES_ABOVE; k--) {
    // (The line's head only: a paragraph of thousands of replies asks this once for each.)
    const head = (lines[k] as string).slice(0, 4000);
    if (!head.includes("' not accepted")) continue;
    const named = NOT_ACCEPTED.exec(head);
    if (named?.[1]) return { recipient: named[1], account: ACCOUNT_LEAD.exec(head)?.[1] ?? null };
  }
  return null;
}

/**
 * `replies` (read from `lines`) with the envelope eM Client's sentence above each names: its recipient,
 * whatever address the reply or the line names first (the account), and the account as the sender.
 */
export function withEmClientEnvelope<T extends FoundReply>(replies: T[], lines: readonly string[]): T[] {
  for (const r of replies) {
    const named = emClientRefusalAbove(lines, r.lineIndex);
    if (!named) continue;
    r.recipient = named.recipient;
    if (named.account) r.sender ??= named.account;
  }
  return replies;
}
