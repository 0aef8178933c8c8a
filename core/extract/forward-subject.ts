/**
 * A subject that says a person forwarded the message (`Fwd:`, `FW:`, French `TR:`, German `WG:`,
 * Spanish `RV:`, Italian `I:`, Portuguese `Enc:`, Dutch `Doorst:`), also when the mail client encoded
 * it (RFC 2047: Thunderbird's `=?UTF-8?Q?Fwd=3A_...?=`, `=?utf-8?B?...?=`). A mail system's notice never
 * starts its subject so: a postmaster or mail administrator forwarding a bounce to the support desk
 * (`From: postmaster@...`, `Subject: TR: Undelivered Mail...`) is a person forwarding it.
 */
const FORWARD_PREFIX = /^\s{0,4}(?:Fwd?|TR|WG|RV|I|Enc|Doorst)\s?:/i;
const ENCODED_WORD = /^\s{0,4}=\?[^?\s]{1,40}\?([BbQq])\?([^?\s]{1,200})\?=/;

/** The start of an encoded word's text, decoded enough to read a prefix (ASCII). */
function encodedStart(kind: string, text: string): string {
  if (kind.toUpperCase() === 'Q')
    return text
      .replace(/_/g, ' ')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  try {
    return atob(text.slice(0, 16).replace(/=+$/, '').slice(0, 12));
  } catch {
    return '';
  }
}

export function isForwardSubject(subject: string): boolean {
  if (FORWARD_PREFIX.test(subject)) return true;
  const m = ENCODED_WORD.exec(subject);
  return m !== null && FORWARD_PREFIX.test(encodedStart(m[1] as string, m[2] as string));
}
