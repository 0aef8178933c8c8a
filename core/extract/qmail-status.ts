/**
 * qmail's delivery status quoted without its log line's start (`delivery 4711: ` cut off, or only the
 * status copied into a mail or a forum post): `Connected_to_193.252.22.65_but_greeting_failed./
 * Remote_host_said:_421_..._OFR004_104_[104]/`, qmail writing spaces as `_` and line breaks as `/`. No
 * reader of pasted text reads a reply in that shape (the log reader needs the `delivery N:` line), so the
 * status is written back in plain words, on its own line, where the reply readers find it. A whole
 * qmail log line is left to the log reader.
 */
import { decodeQmailText } from './logs/formats/qmail';
import { includesAfter } from './rare-search';

const SAID = 'Remote_host_said:_';
/** A status longer than this is no quoted status. */
const MAX_STATUS = 8192;
/** A qmail log line the log reader reads itself. */
const LOG_LINE = /\bdelivery \d{1,12}: (?:success|deferral|failure): /;

/** `text` with each quoted qmail status in plain words, line for line; the same text when there is none. */
export function withReadableQmailStatus(text: string): string {
  // Wrapped, `Remote_host_said:_` may be cut anywhere: one of these pieces stays whole.
  // (`Remote_h` found by its rarer `_h`: a search for a capital R stops at each Received and Return-Path.)
  if (!includesAfter(text, 'Remote', '_h') && !text.includes('_said:_')) return text;
  return unwrapped(text.split('\n'))
    .map((line) => (line.includes(SAID) && !LOG_LINE.test(line) ? readableLine(line) : line))
    .join('\n');
}

/** A line's indentation and quote marks (`> `, `>> `), kept on a wrapped status's emptied lines. */
const PREFIX = /^[ \t]*(?:>[ \t]?)*/;
const QUOTED = /^[ \t]*>/;
/** Widths a line cut at a column has (mail clients wrap at 72 or 76 columns, terminals at 80 or more). */
const MIN_WIDTH = 60;
const MAX_WIDTH = 200;
/**
 * The start of a status of its own (`Connected_to_...`, `193.252.22.65_does_not_like_recipient./...`): a
 * line of it is no piece of the status above, nor is any line after one ending a sentence of qmail's (`./`).
 */
const STATUS_START = /^(?:Connected_to_|Remote_host_said:_|Sorry,_|Giving_up_on_|\d{1,3}(?:\.\d{1,3}){3}_)/;

/**
 * The lines with each status a mail client or a terminal wrapped inside its token (qmail's status has
 * no space: it is cut at the column, `..._OFR006_1` / `02_Ref_...`; a quoted line cut after its `> ` was
 * added goes on without it) joined back on its first line, the lines it took emptied (their quote marks
 * kept) so that the line count does not change.
 */
function unwrapped(text: string[]): string[] {
  // A file's CRLF ends: each line is measured and joined without its `\r`, which it keeps.
  const cr = text.map((line) => line.endsWith('\r'));
  const lines = text.map((line, k) => (cr[k] ? line.slice(0, -1) : line));
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as string;
    const width = first.length;
    if (width < MIN_WIDTH || width > MAX_WIDTH || /\s$/.test(first)) continue;
    const prefix = (PREFIX.exec(first) as RegExpExecArray)[0];
    let joined = first;
    let j = i + 1;
    // Every line but the last is cut at the same column; the last is no longer.
    for (
      ;
      j < lines.length &&
      (lines[j - 1] as string).length === width &&
      !(lines[j - 1] as string).endsWith('./');
      j++
    ) {
      const next = lines[j] as string;
      // A quoted line wrapped after its quote marks were added goes on without them.
      const piece = next.startsWith(prefix) ? next.slice(prefix.length) : QUOTED.test(next) ? '' : next;
      if (piece === '' || next.length > width || /\s/.test(piece) || STATUS_START.test(piece)) break;
      if (joined.length > MAX_STATUS) break;
      joined += piece;
    }
    if (j === i + 1) continue;
    // The lines joined are not looked at again, whether they hold a status or not (a base64 part's lines
    // are cut at one column too: each is read once).
    const from = i;
    i = j - 1;
    const token = joined.slice(joined.search(/\S+$/));
    const said = token.indexOf(SAID);
    if (said < 0 || !/^[245]\d\d[_-]/.test(token.slice(said + SAID.length))) continue;
    // A whole log line wrapped is the log reader's, which joins its pieces itself.
    if (LOG_LINE.test(joined)) continue;
    lines[from] = joined;
    for (let k = from + 1; k < j; k++)
      lines[k] = (lines[k] as string).startsWith(prefix) ? prefix.trimEnd() : '';
  }
  return lines.map((line, k) => (cr[k] ? `${line}\r` : line));
}

/** The line with the token (a run without spaces) around each `Remote_host_said:_<code>` decoded. */
function readableLine(line: string): string {
  let out = '';
  let done = 0;
  for (let at = line.indexOf(SAID); at >= 0; at = line.indexOf(SAID, Math.max(at + 1, done))) {
    if (at < done || !/^[245]\d\d[_-]/.test(line.slice(at + SAID.length, at + SAID.length + 4))) continue;
    let start = at;
    while (start > done && !/\s/.test(line[start - 1] ?? ' ')) start--;
    let end = at + SAID.length;
    while (end < line.length && !/\s/.test(line[end] ?? ' ')) end++;
    // Too long for a status: left as written, and not scanned again for the next one.
    const status = line.slice(start, end);
    out +=
      line.slice(done, start) +
      (end - start > MAX_STATUS ? status : decodeQmailText(status).replace(/\n/g, ' '));
    done = end;
  }
  return out + line.slice(done);
}
