/**
 * A notice's header block below another, complete notice, where the first gave no end of its own: a
 * mail client's display of several bounces one after the other (From/Subject/Date/To, the text, the
 * delivery-status fields), raw bounces whose first was cut before its returned message, or whose
 * closing boundary a redaction changed (`--3E2481BC80849.1576573997/xxxxx.odiso.net--` below a
 * `boundary=".../xxxx.xxxx.net"`, Sisimai's rhost-franceptt-06), or that is not multipart at all
 * (1&1's notice, lhost-einsundeins-03). Read as one message, the later notices' replies took the
 * first one's Arrival-Date and Remote-MTA, or were lost in its last part.
 *
 * A notice's own header block says so: a null Return-Path (`Return-Path: <>`, RFC 5321 section 4.5.5)
 * or a mail system's From, and a Date; or both of the first two. Such a block is a returned copy (of a
 * postmaster's mail, or a double bounce) when it is a part's body (`Content-Type: message/rfc822`,
 * `text/rfc822-headers`: Sisimai's lhost-postfix-65) or below the words that announce a copy
 * (`Original message follows.`: lhost-dragonfly-27), and a forward's when below the forward's own
 * line: neither starts a notice. Nor does a block below which nothing says what went wrong (no
 * delivery-status field, no reply code) before the next notice or the end: a returned copy whose
 * announcing line is in another language or missing, or a notice's own headers pasted below its display
 * (b1's derived inputs of lhost-postfix-65, cpanel-exim-fr-latin1, lhost-qmail-01 and audit18's
 * postfix-dsn-orange-999-after-queue).
 */
import { startsWithHeaders } from '../detect';
import { NOTICE_SENDER } from '../forwarded';
import { fieldValue, readFields } from '../header-block';
import type { SourceText } from '../source-text';
import { blockLines, linesFrom } from './block-lines';

/** How many lines a header block is looked at (a raw notice's Received chain comes before its From). */
const HEADER_LINES = 80;
/**
 * The closing delimiter of a multipart body (RFC 2046 section 5.1.1), the next message's headers right below.
 */
const CLOSING_DELIMITER = /^--\S{1,200}--\s*$/;
/** A multipart body's delimiter line, above a part's header. */
const DELIMITER = /^--\S{1,200}\s*$/;
/** A part header's type whose body is a returned message or its headers. */
const RETURNED_PART = /^content-type:[ \t]*(?:message\/|text\/rfc822-headers)/i;
/**
 * The words above a returned copy or a forwarded message (Exim's `------ This is a copy of the message,
 * including all the headers. ------`, qmail's `--- Below this line is a copy of the message.`, 1&1's
 * `--- The header of the original message is following. ---`, Sendmail's `----- Original message
 * follows -----`, Apple Mail's `Begin forwarded message:`, Exchange's `Original message headers:`).
 */
const ANNOUNCES_COPY =
  /\b(?:copy|original|returned|unsent|undelivered|headers?|follows?|following|below|forwarded|attached|enclosed)\b|:\s*$/i;
/** A field's line, or a line quoting a reply's code. */
const NOT_AN_ANNOUNCEMENT = /^[A-Za-z][A-Za-z0-9-]{0,76}:|\b[2-5]\d\d\b/;
/** What the notice above says went wrong: a delivery-status field, or a reply's code. */
const COMPLETE_NOTICE = /^(?:Diagnostic-Code|Status|Action|Final-Recipient)[ \t]*:|\b[45]\d\d[ -]/i;

/**
 * What a notice's own header lines hold somewhere, as written: a null Return-Path's `<>`, or the words
 * of NOTICE_SENDER in its From, a fold maybe standing for a space between them (readFields joins a
 * folded value's lines with one space; the value is trimmed pieces of its lines). Implied by the fields
 * startsNotice reads: lines holding none of these start no notice. Most header blocks below a complete
 * notice (its delivery-status fields, the returned message's) hold none, and their fields go unread
 * (over Sisimai's set-of-emails, messageStarts took 19 ms CPU per pass, now 17.5 ms).
 */
const NOTICE_HEADER_WORDS = new RegExp(`<>|${NOTICE_SENDER.source.replaceAll(' ', '\\s+')}`, 'i');
/** The characters for which readFields takes a line for no field (header-block.ts). */
const LINE_SEPARATOR = /[\u2028\u2029]/;

/**
 * Whether the lines from `line` on are a notice's own header block: a null Return-Path or a mail system's
 * From, and a Date (or both).
 */
function startsNotice(source: SourceText, line: number): boolean {
  const first = source.line(line);
  if (!/^[A-Za-z][A-Za-z0-9-]{0,76}:/.test(first)) return false;
  const block = blockLines(source, line, HEADER_LINES);
  if (!startsWithHeaders(block.lines)) return false;
  // Its first line is a field to readFields (without a line separator), which then reads the block's
  // lines alone: lines without a notice's words are no notice's, told before the fields are read.
  if (!LINE_SEPARATOR.test(first) && !NOTICE_HEADER_WORDS.test(block.lines.join('\n'))) return false;
  let { fields, end } = readFields(block.lines, 0, true);
  // Not stopped at the empty line (no field above it): read on below it, as readFields does.
  if (block.cut && end === block.lines.length)
    ({ fields } = readFields(linesFrom(source, line, HEADER_LINES), 0, true));
  const nullPath = fieldValue(fields, 'return-path')?.value.trim() === '<>';
  const systemFrom = NOTICE_SENDER.test(fieldValue(fields, 'from')?.value ?? '');
  // 1&1's notice has no Date: its null Return-Path and its From say enough.
  return (nullPath && systemFrom) || ((nullPath || systemFrom) && fieldValue(fields, 'date') !== null);
}

/** Whether the block at `line` is a part's body or follows the words announcing a copy or a forward. */
function isCopy(source: SourceText, line: number): boolean {
  if (CLOSING_DELIMITER.test(source.line(line - 1))) return false;
  let above = line - 1;
  while (above >= 1 && source.line(above).trim() === '') above--;
  if (above < 1) return true;
  // A reply's last line or a field may say `headers` or `original`; the words announcing a copy are neither.
  const last = source.line(above);
  if (ANNOUNCES_COPY.test(last) && !NOT_AN_ANNOUNCEMENT.test(last)) return true;
  // The lines right above, up to the empty line before them: a part's header (below its delimiter, or
  // naming a returned message) when a copy follows; a notice's own header block is no part's body.
  let top = above;
  for (; top >= 1 && source.line(top).trim() !== ''; top--) {
    if (RETURNED_PART.test(source.line(top))) return true;
    if (DELIMITER.test(source.line(top))) return !CLOSING_DELIMITER.test(source.line(top));
  }
  return false;
}

/**
 * Whether the message whose header block starts at `line` says what went wrong itself, before the next
 * notice's header block or the end. A returned copy whose announcing line is in another language or
 * missing (Exim's in French, qmail's in German: a postmaster's own test mail, From postmaster@) holds
 * the copy's text only, and a notice's own header block pasted below its display (Outlook's Internet
 * headers, Thunderbird's source headers) holds its header fields only: neither is a notice of its own.
 */
function holdsNotice(source: SourceText, line: number): boolean {
  for (let l = line; l <= source.lineCount; l++) {
    if (l > line && isBreak(source.line(l - 1)) && startsNotice(source, l)) return false;
    if (COMPLETE_NOTICE.test(source.line(l))) return true;
  }
  return false;
}

/** An empty line or a closing delimiter, which a later message's header block follows. */
function isBreak(text: string): boolean {
  // Most lines start with a printable ASCII character other than `-`: neither blank nor a delimiter
  // (said without trimming a copy of each line of a long notice).
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127 && first !== 45) return false;
  return text.trim() === '' || CLOSING_DELIMITER.test(text);
}

/** isBreak of the 1-based line, the line cut out of the text only when its first character leaves it open. */
function isBreakLine(source: SourceText, line: number): boolean {
  // The line's first character, as isBreak reads it (an empty line's is its line break, or none).
  const first = source.text.charCodeAt(source.offsetOf(line));
  if (first > 32 && first < 127 && first !== 45) return false;
  return isBreak(source.line(line));
}

/** The first 1-based line from `from` on that COMPLETE_NOTICE matches, or null. */
function nextCompleteLine(source: SourceText, from: number): number | null {
  for (let line = from; line <= source.lineCount; line++)
    if (COMPLETE_NOTICE.test(source.line(line))) return line;
  return null;
}

/**
 * The 1-based lines where a notice's header block starts below a complete notice, after the message
 * starting at line 1; empty when there is none.
 */
export function laterNoticeStarts(source: SourceText, max: number): number[] {
  const starts: number[] = [];
  // From the line that completes a notice (line 1 never does), to the start of the next notice below it.
  for (let complete = nextCompleteLine(source, 2); complete !== null && starts.length < max; ) {
    let line = complete + 1;
    while (
      line <= source.lineCount &&
      !(
        isBreakLine(source, line - 1) &&
        startsNotice(source, line) &&
        !isCopy(source, line) &&
        holdsNotice(source, line)
      )
    )
      line++;
    if (line > source.lineCount) break;
    starts.push(line);
    // The line starting a notice is not read as completing one.
    complete = nextCompleteLine(source, line + 1);
  }
  return starts;
}
