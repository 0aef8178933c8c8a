/**
 * Masks recipient addresses in a pasted bounce or log before it is stored: the abuse desk needs the
 * sending side (IPs, hosts, domain) and the recipient *domain*, never the people written to.
 * An address is a recipient's when it sits in a recipient field (Final-Recipient, Original-Recipient,
 * X-Failed-Recipients, X-Original-To, Delivered-To, RCPT TO:, Postfix `to=<>`/`orig_to=<>`, JSON
 * `"rcpt"`/`"recipient"`), or when it is at an Orange mailbox domain (orange.fr, wanadoo.fr), the
 * recipients of every incident this app handles. Role accounts (postmaster@, abuse@...) stay readable.
 * The local part becomes `***`; the domain is kept. Linear scan from each `@`: safe on 1 MB lines.
 */

const MASK = '***';
const ORANGE_MAILBOX_DOMAINS = new Set(['orange.fr', 'wanadoo.fr']);
const ROLE_ACCOUNTS = new Set(['postmaster', 'abuse', 'mailer-daemon', 'hostmaster', 'noreply', 'no-reply']);
const RECIPIENT_HEADER =
  /^\s{0,20}(?:final-recipient|original-recipient|x-failed-recipients|x-original-to|delivered-to)\s{0,20}:/i;
/** Text just before an address that marks it as a recipient (checked on the last 24 characters). */
const RECIPIENT_BEFORE =
  /(?:rcpt to:\s{0,3}<?|\borig_to=<|\bto=<|"(?:rcpt|rcpt_to|recipient)"\s{0,3}:\s{0,3}"|\brecipient[=:]\s{0,3}<?)$/i;

const LOCAL_CHARS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/;
const DOMAIN_CHARS = /[A-Za-z0-9.-]/;

interface AddressSpan {
  start: number;
  at: number;
  end: number;
}

/** Finds `local@domain.tld` around the `@` at index `at` in `line`, or null. */
function addressAround(line: string, at: number): AddressSpan | null {
  let start = at;
  while (start > 0 && at - start < 64 && LOCAL_CHARS.test(line.charAt(start - 1))) start -= 1;
  let end = at + 1;
  while (end < line.length && end - at <= 253 && DOMAIN_CHARS.test(line.charAt(end))) end += 1;
  while (end > at + 1 && /[.-]/.test(line.charAt(end - 1))) end -= 1;
  // A local part never starts with a dot; `<`/`:` are already excluded by the character class.
  while (start < at && line.charAt(start) === '.') start += 1;
  if (start === at) return null;
  const domain = line.slice(at + 1, end);
  if (!/^[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63}){1,10}$/.test(domain)) return null;
  return { start, at, end };
}

function maskLine(line: string): string {
  if (!line.includes('@')) return line;
  const wholeLine = RECIPIENT_HEADER.test(line);
  let out = '';
  let copied = 0;
  let from = 0;
  for (let at = line.indexOf('@', from); at !== -1; at = line.indexOf('@', from)) {
    from = at + 1;
    const span = addressAround(line, at);
    if (!span || span.start < copied) continue;
    const local = line.slice(span.start, span.at);
    const domain = line.slice(span.at + 1, span.end).toLowerCase();
    const before = line.slice(Math.max(0, span.start - 24), span.start);
    const isRecipient =
      wholeLine ||
      RECIPIENT_BEFORE.test(before) ||
      (ORANGE_MAILBOX_DOMAINS.has(domain) && !ROLE_ACCOUNTS.has(local.toLowerCase()));
    if (!isRecipient || local === MASK) continue;
    out += line.slice(copied, span.start) + MASK;
    copied = span.at;
    from = span.end;
  }
  return out + line.slice(copied);
}

/** Returns `text` with recipient addresses masked; line breaks (CRLF, CR, LF) are kept as they were. */
export function maskRecipients(text: string): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) parts[i] = maskLine(parts[i] ?? '');
  return parts.join('');
}
