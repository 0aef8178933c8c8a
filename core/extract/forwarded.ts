/**
 * A bounce forwarded as an attachment: a customer's message (`TR: Undelivered Mail...`) whose
 * `message/rfc822` part is the bounce itself. Read as the outer message, the bounce's own headers (its
 * `Received:` lines into the sender's mailbox) look like those of the returned message, and the
 * sender's inbound MX passes for a sending host. The attached bounce is read on its own instead, with
 * the line numbers of the whole paste.
 */
export interface ForwardedBounce {
  /** The attached message, as written in the paste. */
  text: string;
  /** Its first and last lines in the paste (1-based). */
  from: number;
  to: number;
}

/** The outer message is itself a notice: its parts are the bounce's, not a forward. */
const NOTICE_SENDER = /mailer-daemon|postmaster|mail delivery|mail administrator/i;
/** A report, or the words a bounce's own headers and first lines carry. */
const BOUNCE_SIGNS =
  /multipart\/report|message\/delivery-status|^From:.*(?:mailer-daemon|postmaster|mail delivery)|^Diagnostic-Code:|^X-Failed-Recipients:|This is the mail system at host|Delivery has failed|could not be delivered|couldn['’]t be delivered|Undeliver/im;

/** The value of header `name` in an unfolded header block, or null. */
function header(lines: readonly string[], name: string): string | null {
  const prefix = `${name.toLowerCase()}:`;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.toLowerCase().startsWith(prefix)) continue;
    let value = line.slice(prefix.length);
    for (let k = i + 1; k < lines.length && /^[ \t]/.test(lines[k] as string); k++) value += ` ${lines[k]}`;
    return value.trim();
  }
  return null;
}

function boundaryOf(contentType: string | null): string | null {
  const m = /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;"]{1,200}))/i.exec(contentType ?? '');
  return m ? ((m[1] ?? m[2]) as string) : null;
}

/** The lines of the header block starting at line index `at`, and the index of the blank line after it. */
function headersFrom(lines: readonly string[], at: number): { fields: string[]; end: number } {
  let end = at;
  while (end < lines.length && (lines[end] as string).trim() !== '') end++;
  return { fields: lines.slice(at, end), end };
}

/**
 * The bounce attached to a forwarded message, or null when the text is not a multipart message
 * forwarding one (a bounce itself, an unencoded `message/rfc822` part that does not look like a
 * bounce, an encoded one whose lines are not in the paste).
 */
export function forwardedBounce(lines: readonly string[]): ForwardedBounce | null {
  const top = headersFrom(lines, 0);
  if (top.end === 0) return null;
  const contentType = header(top.fields, 'content-type');
  if (!contentType || !/^multipart\/(?:mixed|related|alternative)/i.test(contentType)) return null;
  if (NOTICE_SENDER.test(header(top.fields, 'from') ?? '')) return null;
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  const delimiter = `--${boundary}`;
  for (let i = top.end; i < lines.length; i++) {
    if ((lines[i] as string).trimEnd() !== delimiter) continue;
    const part = headersFrom(lines, i + 1);
    const type = header(part.fields, 'content-type') ?? '';
    const encoding = (header(part.fields, 'content-transfer-encoding') ?? '7bit').toLowerCase();
    if (!/^message\/rfc822/i.test(type) || !/^(?:7bit|8bit|binary)$/.test(encoding)) continue;
    const first = part.end + 1;
    let last = first;
    while (last < lines.length && !(lines[last] as string).startsWith(delimiter)) last++;
    const inner = lines.slice(first, last);
    const head = inner.slice(0, 400).join('\n');
    if (!BOUNCE_SIGNS.test(head) && !BOUNCE_SIGNS.test(inner.join('\n').slice(0, 64 * 1024))) continue;
    return { text: inner.join('\n'), from: first + 1, to: last };
  }
  return null;
}
