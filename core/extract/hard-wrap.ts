/**
 * A paste hard-wrapped by a mail client or a forum (72 to 78 columns): a log record or a reply goes on
 * at the start of the next line, not indented, only because its next word did not fit
 * (`... 2755E408D6: host` / `mx03.t-online.de[194.25.134.73] refused to talk to me: 554 ...`,
 * `... Deferred: 421 mwinf5c12 ME Service refuse.` / `Veuillez essayer plus tard. ...`). The width is
 * read from the paste itself, and only believed when the paste shows it: its longest line with a space
 * in it (a longer line is one long word a wrapper cannot break) is 50 to 100 characters long and at
 * least two lines end where the next line's first word would have made them longer than that. A log
 * whose lines run past 100 characters, as delivery lines do, was not wrapped.
 */
import { CLIENT_CLOSING_WORDS } from './client-quote';
import { splitLines } from './header-block';
import { ENTRY_START } from './logs/records';
import { cutAt, terminalWidth } from './terminal-wrap';

const MIN_WIDTH = 50;
/** Wider than any wrap: a line this long was not cut by one (body-replies.ts ends a reply after it). */
export const MAX_WRAP_WIDTH = 100;
/** Only a paste's first lines are looked at (a wrapped paste is short; a large log is not wrapped). */
const MAX_LINES = 2000;

/** Length of the first word of `line` (up to its first space or tab). */
function firstWordLength(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) return i;
  }
  return line.length;
}

/**
 * True when `next` starts a new line only because its first word would not have fitted after `line`
 * within `width` columns (`next` is neither blank nor indented).
 */
function wrappedBefore(line: string, next: string, width: number): boolean {
  if (width === 0 || line.length === 0 || next.length === 0) return false;
  const c0 = next.charCodeAt(0);
  if (c0 === 32 || c0 === 9) return false;
  return line.length + 1 + firstWordLength(next) > width;
}

/** The width `lines` were hard-wrapped at, or 0 when they show no such wrapping. */
export function hardWrapWidth(lines: readonly string[]): number {
  const count = Math.min(lines.length, MAX_LINES);
  let width = 0;
  for (let i = 0; i < count; i++) {
    const line = lines[i] as string;
    if (line.length > width && line.trimStart().includes(' ')) width = line.length;
  }
  if (width < MIN_WIDTH || width > MAX_WRAP_WIDTH) return 0;
  let cuts = 0;
  for (let i = 0; i + 1 < count && cuts < 2; i++) {
    const line = lines[i] as string;
    // A line without a space is one long word, which a wrapper leaves on a line of its own.
    const next = lines[i + 1] as string;
    // (A line that starts something of its own is no sign of a cut before it.)
    if (line.trimStart().includes(' ') && wrappedBefore(line, next, width) && !startsItsOwn(next)) cuts++;
  }
  return cuts >= 2 ? width : 0;
}

/**
 * A line that starts something of its own even where a wrap could have put it: a header or DSN field
 * (`Remote-MTA: ...`, `Serveur distant : ...`), a MIME boundary or a `---` rule, a quote, a transcript
 * line (`<<< 550 ...`, `>>> RCPT TO`), a notice's recipient line (`<jean@orange.fr>: host ...`), a list
 * item, a log entry.
 */
const STARTS_ITS_OWN =
  /^(?:[A-Z][A-Za-z0-9-]{0,40}:(?:\s|$)|[A-ZÀ-Ý][a-zà-ÿ]{1,20}(?: [a-zà-ÿ]{1,20}){0,3} :|--|==|\*\*|>|<<<|<[^<>\s]{1,300}>:|[-*•] |\d{1,2}[.)] )/;
/**
 * A line of PHP's smtp class's transcript (HESK's debug output): the server's `S 250-...`, the client's
 * `C EHLO ...`, `C RCPT TO:<...>`. Each is a line of its own, as a transcript's `<<<` and `>>>` are; so
 * are the class's own debug lines around them (its `OutputDebug` calls: `Resolving SMTP server domain
 * "host"...`, `Connecting to host address "IP" port 25...`, `Connected to SMTP server "host".`,
 * `Disconnected.`), which a HESK log cut before the server's greeting showed as wrapped lines.
 */
const PHP_SMTP_LINE =
  /^(?:[SC] (?:[245]\d\d[ -]|(?:EHLO|HELO|MAIL|RCPT|DATA|QUIT|RSET|AUTH|STARTTLS|NOOP)\b)|(?:Resolving SMTP server domain|Connecting to host address|Connected to SMTP server) "|Disconnected\.\s*$)/;
/**
 * qmail-send's own lines of its notice, each written on a line of its own: `This is a permanent error;
 * I've given up. ...` under its opening, and its verdict under a remote's reply (`Giving up on
 * 192.0.2.7.`, `I'm not going to try again; ...`). A reply without an enhanced code makes the reply's line
 * the notice's longest, which made the verdict look like the reply's wrapped rest.
 */
const QMAIL_OWN_LINE =
  /^(?:This is a permanent error; I['’]ve given up\.|Giving up on \S|I['’]m not going to try again)/;
/**
 * Thunderbird's sentence naming a refused recipient, which its strings put on a line of their own under
 * the reply (smtp-error-sending-recipient-command: `De mailserver antwoordde:` / reply / `Controleer de
 * berichtontvanger ‘x’ en probeer het opnieuw.`; in French `Veuillez vérifier le destinataire du message
 * « x » et réessayer.`), and the client's other closing sentences (client-quote.ts): the dialog's lines,
 * not a wrap, however long its first line.
 */
const CLIENT_CLOSING_LINE = new RegExp(`^(?:${CLIENT_CLOSING_WORDS})`, 'i');
const startsItsOwn = (line: string) =>
  STARTS_ITS_OWN.test(line) ||
  PHP_SMTP_LINE.test(line) ||
  QMAIL_OWN_LINE.test(line) ||
  CLIENT_CLOSING_LINE.test(line);
/**
 * A reply's first line (`550 5.7.1 ...`, `550-...`) or a Postfix queue id's line (`0572C2801E1: host
 * ...`): its own line, unless the line above announces it (`... said:`, `... postfix/smtp[819]:`).
 */
const STARTS_OWN_UNLESS_ANNOUNCED = /^(?:[245]\d\d[ -]|[0-9A-F]{5,24}: )/;

/** The paste's lines cut by a hard wrap joined again; each line read keeps its number in the paste. */
export interface Unwrapped {
  text: string;
  /** For each line of `text` (0-based), the 1-based number in the paste of its first piece. */
  pasteLine: number[];
}

/**
 * A program's prefix to its own messages (`msmtp: `, `sendmail: `, `smtpd[812]: `), or to each line of a
 * session it logs (a Node.js client's `recv gmail.com>`, `send gmail.com>`).
 */
const PROGRAM_PREFIX = /^(?:[a-z][\w./-]{1,31}(?:\[\d{1,10}\])?: |(?:recv|send) [^\s>]{1,253}>)/;

/** True when both lines start with the same program's prefix: each is a message of its own. */
function sameProgram(line: string, next: string): boolean {
  const prefix = PROGRAM_PREFIX.exec(next)?.[0];
  return prefix !== undefined && line.startsWith(prefix);
}

/** True when `next` is the rest of `line`, cut by a wrap at `width`. */
function goesOn(line: string, next: string, width: number): boolean {
  // A line without a space that fills the width is a block of base64 or one long word; `=` ends a
  // quoted-printable line, which its decoder joins.
  if ((line.length >= width && !line.trimStart().includes(' ')) || line.endsWith('=')) return false;
  if (!wrappedBefore(line, next, width) || startsItsOwn(next) || ENTRY_START.test(next)) return false;
  if (sameProgram(line, next)) return false;
  return line.endsWith(':') || !STARTS_OWN_UNLESS_ANNOUNCED.test(next);
}

/**
 * A line no terminal's cut leaves at a line's start: a log entry, a header or DSN field. (Not the other
 * lines of STARTS_ITS_OWN: a cut falls anywhere, before a `>` or `--` inside a line as well.)
 */
const HEADER_FIELD = /^[A-Z][A-Za-z0-9-]{0,40}:\s/;
const startsEntry = (line: string) => ENTRY_START.test(line) || HEADER_FIELD.test(line);

/**
 * The paste with the lines a hard wrap cut joined again, or null when it shows no wrap: by one space
 * where a mail client or a forum wrapped between words, as they were where a terminal cut at a column.
 */
export function unwrapped(text: string): Unwrapped | null {
  if (text.length > 256 * 1024) return null;
  const lines = splitLines(text);
  const columns = terminalWidth(lines, startsEntry);
  const width = columns || hardWrapWidth(lines);
  if (width === 0) return null;
  const kept: string[] = [];
  const pasteLine: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const above = lines[i - 1] as string;
    if (kept.length > 0 && columns > 0 && cutAt(above, line, columns, startsEntry)) {
      kept[kept.length - 1] += line;
      continue;
    }
    if (kept.length > 0 && goesOn(above, line, width)) {
      kept[kept.length - 1] += ` ${line}`;
      continue;
    }
    kept.push(line);
    pasteLine.push(i + 1);
  }
  return kept.length < lines.length ? { text: kept.join('\n'), pasteLine } : null;
}
