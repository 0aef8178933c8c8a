/**
 * What the returned original headers (text/rfc822-headers, message/rfc822, or the copy pasted in a
 * bounce body) say about the sender: envelope sender, From, DKIM d=, and the sending MTA.
 */
import { domainOf, type Field, fieldValue, readFields, splitLines } from './header-block';
import { isNonPublicIp, normalizeIp } from './ip';
import { hopOf, type ReceivedHop } from './received';

export interface ReturnedHeaders {
  fields: Field[];
  /** Envelope sender candidates in order of trust: Return-Path, X-Envelope-From, Exim `envelope-from`. */
  envelopeSender: Field | null;
  from: Field | null;
  dkim: { domain: string; field: Field } | null;
  /**
   * The envelope sender's domain a receiver's SPF check names in Authentication-Results
   * (`smtp.mailfrom=kernel.org`, Exchange Online's), for a copy that kept neither Return-Path nor From.
   */
  spfMailFrom: { domain: string; field: Field } | null;
  to: Field | null;
  /**
   * The topmost Received hop naming its receiving host (`by`, other than localhost): the last hop
   * inside the sender's network. Only the hops down to it are parsed.
   */
  topHop: { hop: ReceivedHop; field: Field } | null;
  /**
   * The address Amazon SES sent the copy from, in its `X-SES-Outgoing: 2020.05.28-192.0.2.29` header
   * (`X-AWS-Outgoing: 192.0.2.79` in 2011), when no Received field stands above it but Amazon's own
   * (no relay after SES): the address the remote saw. `internal`: the Amazon hops above it.
   */
  sesOutgoing: { ip: string; field: Field; internal: Field[] } | null;
}

const SES_OUTGOING = /^(?:\d{4}\.\d{1,2}\.\d{1,2}-)?([0-9A-Fa-f:.]{2,45})$/;
/** A name under Amazon's own domains. */
const AMAZON_NAME = /(?:^|\.)(?:amazon\.com|amazonses\.com)$/;

/**
 * A Received hop inside Amazon, from one of its hosts to another: the receiving host and every name
 * the client is given (`unknown` aside) under amazon.com or amazonses.com, the client's address an
 * inner one, as in a copy SES returned in 2011: `from unknown (HELO aws-bacon-dlvr-svc-na-i-8dc23dec.
 * us-east-1.amazon.com) ([10.13.146.206]) by na-mm-outgoing-6102-bacon.iad6.amazon.com`.
 */
function isAmazonInnerHop(field: Field): boolean {
  const hop = hopOf(field);
  if (!hop.byHost || !AMAZON_NAME.test(hop.byHost) || (hop.fromIp && !isNonPublicIp(hop.fromIp)))
    return false;
  const from = hop.fromName?.toLowerCase();
  const names = [from === 'unknown' ? null : from, hop.fromRdns, hop.fromHelo].filter((n) => !!n);
  return names.length > 0 && names.every((n) => AMAZON_NAME.test((n as string).replace(/\.$/, '')));
}

function sesOutgoingOf(fields: readonly Field[]): ReturnedHeaders['sesOutgoing'] {
  const internal: Field[] = [];
  for (const field of fields) {
    if (field.name === 'received') {
      if (!isAmazonInnerHop(field)) return null;
      internal.push(field);
      continue;
    }
    if (field.name !== 'x-ses-outgoing' && field.name !== 'x-aws-outgoing') continue;
    const ip = normalizeIp(SES_OUTGOING.exec(field.value.trim())?.[1] ?? '');
    return ip ? { ip, field, internal } : null;
  }
  return null;
}

const ENVELOPE_FROM = /\(envelope-from\s{1,4}<?([^\s<>()]{3,320})>?\)/i;
const DKIM_D = /(?:^|;)\s{0,8}d\s{0,4}=\s{0,4}([A-Za-z0-9.-]{1,253})/;
/** `smtp.mailfrom=kernel.org` or `smtp.mailfrom=user@kernel.org` in an Authentication-Results field. */
const SMTP_MAILFROM =
  /\bsmtp\.mailfrom=(?:[^\s;@]{1,64}@)?([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,8})\.?(?:[\s;]|$)/i;

function spfMailFromOf(fields: readonly Field[]): ReturnedHeaders['spfMailFrom'] {
  for (const field of fields) {
    if (field.name !== 'authentication-results') continue;
    const domain = SMTP_MAILFROM.exec(field.value)?.[1];
    if (domain) return { domain: domain.toLowerCase(), field };
  }
  return null;
}

function usableAddress(field: Field | null): Field | null {
  return field && domainOf(field.value) ? field : null;
}

export function readReturnedHeaders(fields: Field[]): ReturnedHeaders {
  const get = (name: string) => fieldValue(fields, name);
  // Received fields, topmost (last added, closest to the sending MTA's exit) first.
  const received: Field[] = [];
  for (const field of fields) if (field.name === 'received') received.push(field);
  let topHop: ReturnedHeaders['topHop'] = null;
  for (const field of received) {
    const hop = hopOf(field);
    if (hop.byHost && hop.byHost !== 'localhost') {
      topHop = { hop, field };
      break;
    }
  }
  let envelopeSender = usableAddress(get('return-path')) ?? usableAddress(get('x-envelope-from'));
  if (!envelopeSender) {
    for (const field of received) {
      const m = ENVELOPE_FROM.exec(field.value);
      if (m?.[1] && domainOf(m[1])) {
        // Cited at the address and its closing `>)` (`(envelope-from` may end the line above): the
        // Received field's first line may be the notice's own hop's word for word (the same host, the
        // same Exim), which would be cited instead.
        envelopeSender = { ...field, value: m[1], firstLine: m[0].slice(m[0].indexOf(m[1])) };
        break;
      }
    }
  }
  const dkimField = get('dkim-signature');
  const dkimDomain = dkimField ? DKIM_D.exec(dkimField.value)?.[1]?.toLowerCase() : undefined;
  return {
    fields,
    envelopeSender,
    from: usableAddress(get('from')),
    dkim: dkimField && dkimDomain ? { domain: dkimDomain, field: dkimField } : null,
    spfMailFrom: spfMailFromOf(fields),
    to: usableAddress(get('to')),
    topHop,
    sesOutgoing: sesOutgoingOf(fields),
  };
}

const RETURNED_PART_LIMIT = 200_000;

/** Header block at the start of a returned message part (its first 200,000 characters). */
export function headersOfReturnedPart(content: string): Field[] {
  return readFields(splitLines(content.slice(0, RETURNED_PART_LIMIT)), 0, true).fields;
}

/**
 * `headersOfReturnedPart` on a part already split into lines (none holding a line break): the same
 * 200,000-character cut, applied to the lines only when the part is that long.
 */
export function headersOfReturnedLines(lines: readonly string[]): Field[] {
  let offset = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    if (offset + line.length >= RETURNED_PART_LIMIT) {
      const cut = [...lines.slice(0, k), line.slice(0, RETURNED_PART_LIMIT - offset)];
      return readFields(cut, 0, true).fields;
    }
    offset += line.length + 1;
  }
  return readFields(lines, 0, true).fields;
}

const HEADER_LIKE =
  /^(?:Return-Path|Received|DKIM-Signature|Message-ID|From|Date|Subject|To|X-[A-Za-z0-9-]{1,40}|MIME-Version|Content-Type):\s?\S/i;

/** Headers only an original message has (a bounce's own text may look like other fields). */
const ORIGINAL_HEADERS = new Set(['return-path', 'received', 'from', 'message-id', 'dkim-signature']);

/** The null envelope sender a notice is sent with (`<>`, Sendmail's `<MAILER-DAEMON>`). */
const NULL_SENDER = /^\s{0,8}<?\s{0,8}(?:MAILER-DAEMON)?\s{0,8}>?\s{0,8}$/i;

/**
 * A block that is itself a notice: its Return-Path is the null sender. A helpdesk that mails a relay's
 * bounce on (OCN's `mailadm`) pastes that bounce, headers first, above the message it returns.
 */
function isNoticeBlock(fields: readonly Field[]): boolean {
  const returnPath = fieldValue(fields, 'return-path');
  return !!returnPath && NULL_SENDER.test(returnPath.value);
}

/**
 * The line qmail, Yahoo and Exim write above the returned copy (`--- Below this line is a copy of the
 * message.`, `------ This is a copy of the message, including all the headers. ------`).
 */
const COPY_MARK =
  /^[ \t]{0,4}-{2,}[ \t]{0,2}(?:Below this line is a copy of the message|This is a copy of the message)/i;

/** True when the line above line `i` (blank lines skipped, at most two) is COPY_MARK's. */
function belowCopyMark(lines: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const line = lines[k] ?? '';
    if (line.trim() !== '') return COPY_MARK.test(line);
  }
  return false;
}

/**
 * A header block pasted inside a bounce body (Exim, qmail, 1&1 copy the original below a marker line).
 * Looks after `afterLine` for two header-like lines in a row, or one right under the marker line (a
 * copy the paste cut after its first field: Yahoo's notice quoted down to its `DKIM-Signature:`). A block sent with the null sender is a
 * notice pasted on, not the returned message: a later block is taken when there is one.
 */
export function inlineReturnedHeaders(lines: readonly string[], afterLine: number): Field[] {
  let notice: Field[] | null = null;
  for (let i = Math.max(afterLine, 0); i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    // The longest name HEADER_LIKE accepts is `X-` and 40 characters: its colon is the line's first.
    const colon = line.indexOf(':');
    if (colon < 1 || colon > 42 || !HEADER_LIKE.test(line)) continue;
    const next = lines[i + 1] ?? '';
    if (!HEADER_LIKE.test(next) && !/^[ \t]{1,40}\S/.test(next) && !belowCopyMark(lines, i)) continue;
    const { fields, end } = readFields(lines, i, true);
    // A block without them has none from any later line of it either: read on after it (a block of
    // thousands of fields is read once, not once a line).
    if (!fields.some((f) => ORIGINAL_HEADERS.has(f.name))) {
      i = Math.max(i, end - 1);
      continue;
    }
    if (!isNoticeBlock(fields)) return fields;
    notice ??= fields;
    i = Math.max(i, end - 1);
  }
  return notice ?? [];
}
