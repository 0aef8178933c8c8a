/**
 * A subject that says a person forwarded the message (`Fwd:`, `FW:`, French `TR:`, German `WG:`,
 * Spanish `RV:`, Italian `I:`, Portuguese `Enc:`, Dutch `Doorst:`, and as Outlook writes it in Polish
 * `PD:` (przekaż dalej), Danish and Norwegian `VS:` (videresendt), Swedish `VB:` (vidarebefordrat),
 * Finnish `VL:` (välitetty); Finnish `VS:` is a reply, a person's message all the same), also when the
 * mail client encoded it (RFC 2047: Thunderbird's `=?UTF-8?Q?Fwd=3A_...?=`, `=?utf-8?B?...?=`). A mail
 * system's notice never starts its subject so: a postmaster or mail administrator forwarding a bounce to
 * the support desk (`From: postmaster@...`, `Subject: TR: Undelivered Mail...`) is a person forwarding it.
 */
import { decodeEncodedWords } from './encoded-words';

/**
 * The prefixes, as a pattern's alternatives (also read after a forward's `Subject:` label:
 * embedded-block.ts).
 */
export const FORWARD_PREFIXES = 'Fwd?|TR|WG|RV|I|Enc|Doorst|PD|VS|VB|VL';

const FORWARD_PREFIX = new RegExp(String.raw`^\s{0,4}(?:${FORWARD_PREFIXES})\s?:`, 'i');

export function isForwardSubject(subject: string): boolean {
  if (FORWARD_PREFIX.test(subject)) return true;
  if (!subject.includes('=?')) return false;
  // Only the start matters: a long subject is not decoded whole.
  return FORWARD_PREFIX.test(decodeEncodedWords(subject.slice(0, 400)));
}
