/**
 * A paste copied out of an e-mail often ends with the writer's signature, after the `-- ` line mail
 * clients put before it (RFC 3676, section 4.3): a name, a title, a phone number. Those lines are no part
 * of a log, a JSON event or a bounce, and they made a JSON paste unreadable or a short log look like
 * prose. They are blanked, so that every line keeps its number.
 */
const MAX_SIGNATURE_LINES = 8;

// `-- ` exactly: a line of two dashes alone is a notice's own separator (Gmail's `Address not found` / `--`).
const SEPARATOR = /(?:\r\n|\r|\n)-- (?=\r\n|\r|\n|$)/g;

// A line that starts with a syslog or ISO stamp (`Apr 09 09:30:06 `, `2024-04-09T09:30:06`).
const LOG_LINE = /^(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2})/;

export function withoutSignature(text: string): string {
  if (!text.includes('\n-- ') && !text.includes('\r-- ')) return text;
  let at = -1;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) at = m.index;
  if (at < 0) return text;
  const rest = text.slice(at);
  const lines = rest.split(/\r\n|\r|\n/);
  // The empty piece before the first line end, the separator, then the signature's lines.
  if (lines.length > MAX_SIGNATURE_LINES + 3) return text;
  // `journalctl -x` puts explanation blocks of `-- ` lines among the log's (`-- Subject: ...`, `-- `):
  // that separator belongs to one, and a dated log line after it is no signature either.
  if (/(?:^|[\r\n])-- [^\r\n]*[\r\n]+$/.test(text.slice(Math.max(0, at - 400), at + 1))) return text;
  if (lines.some((l) => LOG_LINE.test(l))) return text;
  return text.slice(0, at) + rest.replace(/[^\r\n]+/g, '');
}
