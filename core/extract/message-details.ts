/**
 * The envelope an Apache James bounce lists under `Message details:` (its Bounce/DSN mailet; Verizon's
 * vtext gateway sends the same notice): `MAIL FROM: sender@example.com` is the envelope sender and
 * `RCPT TO: rcpt@example.net` the failed recipient, each on its own indented line among the returned
 * message's Subject, Sent date, From and size. (Shape seen in the Sisimai corpus: lhost-apachejames-01,
 * lhost-verizon-02.)
 */
import { domainOf } from './header-block';
import { ADDRESS } from './notice-recipient';

const DETAILS_HEADING = /^\s{0,8}Message details:\s*$/i;
const ENVELOPE_LINE = new RegExp(String.raw`^\s{1,12}(MAIL FROM|RCPT TO):\s{0,4}${ADDRESS}\s*$`, 'i');
/** Lines read after the heading: James writes about ten. */
const DETAILS_LINES = 16;
/** The heading comes in the notice's text, before the returned message. */
const MAX_LINES = 400;

export interface DetailsAddress {
  domain: string;
  /** The line as written, to cite it. */
  line: string;
}

export interface MessageDetails {
  sender: DetailsAddress | null;
  recipient: DetailsAddress | null;
}

/** Per message (its body lines), as every recipient's incident asks again. */
const found = new WeakMap<readonly string[], MessageDetails | null>();

/** The envelope sender and recipient of the `Message details:` block, or null without one. */
export function messageDetails(lines: readonly string[]): MessageDetails | null {
  let details = found.get(lines);
  if (details === undefined) {
    details = findDetails(lines);
    found.set(lines, details);
  }
  return details;
}

function findDetails(lines: readonly string[]): MessageDetails | null {
  const last = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < last; i++) {
    if (!DETAILS_HEADING.test(lines[i] as string)) continue;
    const details: MessageDetails = { sender: null, recipient: null };
    const end = Math.min(lines.length, i + 1 + DETAILS_LINES);
    for (let k = i + 1; k < end; k++) {
      const line = lines[k] as string;
      const m = line.length < 400 ? ENVELOPE_LINE.exec(line) : null;
      const domain = m?.[2] ? domainOf(m[2]) : null;
      if (!m || !domain) continue;
      const slot = m[1]?.toUpperCase() === 'MAIL FROM' ? 'sender' : 'recipient';
      details[slot] ??= { domain, line };
    }
    return details.sender || details.recipient ? details : null;
  }
  return null;
}
