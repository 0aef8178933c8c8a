/** Reading "Name: value" blocks (mail headers, DSN fields), unfolding continuation lines. */
import { parse } from 'tldts';
import { linkGoesOn } from './link-cut';

export interface Field {
  /** Lower-case name. */
  name: string;
  /** Value unfolded onto one line (folding whitespace collapsed to one space). */
  value: string;
  /** The field's first physical line as written, to find it in the original text. */
  firstLine: string;
}

// A regular expression's `.` stops at these; the name and the `:[ \t]?` before the value hold none.
const LINE_SEPARATORS = /[\u2028\u2029]/;

/**
 * Length of a field name at the start of `line` (`[A-Za-z][A-Za-z0-9_-]{0,76}`) and where its `:` is, or
 * null. RFC 5322's obsolete syntax (section 4.5.3) allows white space between the name and the colon,
 * as Mimecast writes its DSN fields (`Reporting-MTA : dns;...`): up to 4 spaces or tabs are accepted.
 */
function fieldName(line: string): { length: number; colon: number } | null {
  const first = line.charCodeAt(0) | 32;
  if (first < 97 || first > 122) return null;
  const max = Math.min(line.length, 78);
  let i = 1;
  for (; i < max; i++) {
    const c = line.charCodeAt(i);
    if (c === 58) return { length: i, colon: i };
    const lower = c | 32;
    if (!((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95)) break;
  }
  const length = i;
  while (i < length + 4 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i > length && line.charCodeAt(i) === 58 ? { length, colon: i } : null;
}

/**
 * Fields of one block of lines; stops at the first blank line when `stopAtBlank`. Lines that are neither a
 * field nor a continuation are skipped, unless `continues` says they carry on the last field. A field line is
 * `Name: value` with a name of letters, digits, dashes and underscores (up to 77 characters) and a value
 * without U+2028/U+2029 (a regular expression's `.`); scanned by hand, as this runs on every header line of
 * every message.
 */
export function readFields(
  lines: readonly string[],
  start = 0,
  stopAtBlank = true,
  /** For a line that is no field: true when it continues `last` although it is not indented. */
  continues?: (last: Field, line: string, previous: string, next: string | undefined) => boolean,
): { fields: Field[]; end: number } {
  const fields: Field[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const first = line.charCodeAt(0);
    const isBlank = line === '' || ((first <= 32 || first >= 0x80) && line.trim() === '');
    if (isBlank) {
      if (stopAtBlank && fields.length > 0) break;
      continue;
    }
    const last = fields[fields.length - 1];
    if ((first === 32 || first === 9) && last) {
      const more = line.trim();
      last.value = last.value === '' ? more : `${last.value} ${more}`;
      continue;
    }
    const name = fieldName(line);
    if (name === null) {
      if (last && continues?.(last, line, lines[i - 1] ?? '', lines[i + 1])) {
        const more = line.trim();
        // A wrap cut anywhere, inside a link as well (link-cut.ts); a fold is only ever between words.
        last.value = linkGoesOn(last.value, more) ? `${last.value}${more}` : `${last.value} ${more}`;
      }
      continue;
    }
    const nameLength = name.length;
    let valueStart = name.colon + 1;
    const after = line.charCodeAt(valueStart);
    if (after === 32 || after === 9) valueStart++;
    if (LINE_SEPARATORS.test(line)) continue;
    fields.push({
      name: line.slice(0, nameLength).toLowerCase(),
      value: line.slice(valueStart).trim(),
      firstLine: line,
    });
  }
  return { fields, end: i };
}

/** Lines of a text; CRLF, LF and CR-only endings each end one line. */
export function splitLines(text: string): string[] {
  // A plain string split is several times faster than the regular expression; most texts are LF-only,
  // the others CRLF-only or CR-only, and the expression is needed only for mixed line ends.
  if (!text.includes('\r')) return text.split('\n');
  if (!text.includes('\n')) return text.split('\r');
  const lines = text.split('\r\n');
  for (const line of lines) if (line.includes('\r') || line.includes('\n')) return text.split(/\r\n|\r|\n/);
  return lines;
}

/** First value of a field, or null. */
export function fieldValue(fields: readonly Field[], name: string): Field | null {
  // A loop rather than `find`: called for every field read, it then allocates no closure.
  for (const field of fields) if (field.name === name) return field;
  return null;
}

/** `rfc822; user@example.com` → `user@example.com`, `dns; mx.example.com` → `mx.example.com`. */
export function stripType(value: string): string {
  const i = value.indexOf(';');
  return (i >= 0 && i < 40 && !/\s/.test(value.slice(0, i)) ? value.slice(i + 1) : value).trim();
}

/** The domain of an address (`"Name" <user@Example.COM>` → `example.com`), or null. */
/** An address as compared: lower case, without its angle brackets. */
export function addressKey(address: string): string {
  return address.toLowerCase().replace(/^<|>$/g, '');
}

export function domainOf(address: string): string | null {
  // Underscores included: no host name holds one, but a mistyped address does (`a@dgh_allborg.dk`),
  // and its domain is that whole word, not the part before the underscore.
  const m = /@\[?([A-Za-z0-9][A-Za-z0-9_.-]{0,252}[A-Za-z0-9])\]?/.exec(address);
  return m?.[1] ? m[1].toLowerCase().replace(/\.$/, '') : null;
}

/**
 * A name under a public (ICANN) suffix, not an internal one (`fgsrv-mail01.fasadglas.sto`, `rimi.lan`,
 * `corp.local`): an internal name is some company's inner server, never one a remote saw.
 */
export function isIcannName(name: string): boolean {
  return parse(name).isIcann === true;
}

const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,10}[A-Za-z]{2,63}\.?$/;

/** True for a dotted host name with a letter TLD (not an IP, not `localhost`). */
export function isHostName(text: string): boolean {
  // A dot is required ({1,10} labels end with one): words without one skip the expression.
  return text.includes('.') && HOST_NAME.test(text);
}
