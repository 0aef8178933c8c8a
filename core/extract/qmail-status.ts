/**
 * qmail's delivery status quoted without its log line's start (`delivery 4711: ` cut off, or only the
 * status copied into a mail or a forum post): `Connected_to_193.252.22.65_but_greeting_failed./
 * Remote_host_said:_421_..._OFR004_104_[104]/`, qmail writing spaces as `_` and line breaks as `/`. No
 * reader of pasted text reads a reply in that shape (the log reader needs the `delivery N:` line), so the
 * status is written back in plain words, on its own line, where the reply readers find it. A whole
 * qmail log line is left to the log reader.
 */
import { decodeQmailText } from './logs/formats/qmail';

const SAID = 'Remote_host_said:_';
/** A status longer than this is no quoted status. */
const MAX_STATUS = 8192;
/** A qmail log line the log reader reads itself. */
const LOG_LINE = /\bdelivery \d{1,12}: (?:success|deferral|failure): /;

/** `text` with each quoted qmail status in plain words, line for line; the same text when there is none. */
export function withReadableQmailStatus(text: string): string {
  if (!text.includes('Remote_host_said:_')) return text;
  return text
    .split('\n')
    .map((line) => (line.includes(SAID) && !LOG_LINE.test(line) ? readableLine(line) : line))
    .join('\n');
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
