/** Reading "Name: value" blocks (mail headers, DSN fields), unfolding continuation lines. */

export interface Field {
  /** Lower-case name. */
  name: string;
  /** Value unfolded onto one line (folding whitespace collapsed to one space). */
  value: string;
  /** The field's first physical line as written, to find it in the original text. */
  firstLine: string;
}

const FIELD_START = /^([A-Za-z][A-Za-z0-9-]{0,76}):[ \t]?(.*)$/;

/**
 * Fields of one block of lines; stops at the first blank line when `stopAtBlank`. Lines that are neither
 * a field nor a continuation are skipped.
 */
export function readFields(
  lines: readonly string[],
  start = 0,
  stopAtBlank = true,
): { fields: Field[]; end: number } {
  const fields: Field[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      if (stopAtBlank && fields.length > 0) break;
      continue;
    }
    const last = fields[fields.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const m = FIELD_START.exec(line);
    if (m) fields.push({ name: (m[1] ?? '').toLowerCase(), value: (m[2] ?? '').trim(), firstLine: line });
  }
  return { fields, end: i };
}

/** Lines of a text; CRLF, LF and CR-only endings each end one line. */
export function splitLines(text: string): string[] {
  // A plain string split is several times faster than the regular expression; most texts are LF-only.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** First value of a field, or null. */
export function fieldValue(fields: readonly Field[], name: string): Field | null {
  return fields.find((f) => f.name === name) ?? null;
}

/** `rfc822; user@example.com` → `user@example.com`, `dns; mx.example.com` → `mx.example.com`. */
export function stripType(value: string): string {
  const i = value.indexOf(';');
  return (i >= 0 && i < 40 && !/\s/.test(value.slice(0, i)) ? value.slice(i + 1) : value).trim();
}

/** The domain of an address (`"Name" <user@Example.COM>` → `example.com`), or null. */
export function domainOf(address: string): string | null {
  const m = /@\[?([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])\]?/.exec(address);
  return m?.[1] ? m[1].toLowerCase().replace(/\.$/, '') : null;
}

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,10}[A-Za-z]{2,63}\.?$/;

/** True for a dotted host name with a letter TLD (not an IP, not `localhost`). */
export function isHostName(text: string): boolean {
  return HOST_NAME.test(text);
}
