/**
 * Cisco Secure Email's (IronPort's) mail_logs quote the remote's reply as a Python tuple of its code and
 * its lines, after the sender and the recipient:
 *
 *     Mon Mar 19 20:16:03 2018 Info: Delayed: DCID 8414309 MID 19410908 From: <a@example.com>
 *       To: <b@example.net> RID 0 - 4.3.2 - Not accepting messages at this time ('421', ['4.3.2 try again later'])
 *
 * (one line). The reply is the code before each of its lines, as the server sent them (`550-5.1.1 ...`
 * up to `550 5.1.1 ...`). A code of `000` is the appliance's own (a timeout, a DNS error): no reply.
 *
 * A record cut over several lines (its bounce log as the AsyncOS manual prints it: the stamp, then
 * `From:<a@x> To:<b@y>`, then `Reason: "..." Response: "('451',` and the tuple's items on the next lines)
 * is read whole: a tuple opened on a line goes on until its brackets close, and the sender and recipient
 * are the ones the record's lines above the tuple name, up to the line that starts the record.
 */
import type { FoundReply, Paragraph } from './body-replies';
import { recipientIn, senderIn } from './envelope-address';
import { replyFromLines } from './reply';

export const CISCO_HINT = /\('[245]\d\d',\s{1,4}\[/;
const TUPLE =
  /\('([245]\d\d)', \[((?:'(?:[^'\\]|\\.){0,1000}'|"(?:[^"\\]|\\.){0,1000}")(?:, ?(?:'(?:[^'\\]|\\.){0,1000}'|"(?:[^"\\]|\\.){0,1000}")){0,30})\]\)/;
const ITEM = /'((?:[^'\\]|\\.){0,1000})'|"((?:[^"\\]|\\.){0,1000})"/g;
/** A tuple's start: its code, quoted, and its comma. */
const OPENED = /\('[245]\d\d',/;
/** Lines a cut tuple, or a cut record above it, may take, each no longer than a wrapped line is. */
const MAX_CUT_LINES = 6;
const MAX_CUT_LINE = 1000;
/** A record's start: its stamp and level (`Thu Dec 26 18:37:00 2003 Info:`), or the level alone. */
const RECORD_START =
  /^\s{0,4}(?:[A-Z][a-z]{2} [A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d \d{4} )?(?:Info|Warning|Critical|Debug|Trace):/;

/** The line with the lines its tuple was cut onto, joined, and how many lines that took. */
function withCutTuple(lines: readonly string[], i: number): { line: string; taken: number } {
  let line = lines[i] as string;
  if (line.length > MAX_CUT_LINE || TUPLE.test(line) || !OPENED.test(line)) return { line, taken: 1 };
  for (let k = i + 1; k < lines.length && k <= i + MAX_CUT_LINES; k++) {
    if ((lines[k] as string).length > MAX_CUT_LINE) break;
    line = `${line.trimEnd()} ${(lines[k] as string).trim()}`.replace(/(\('[245]\d\d',)\s{1,8}\[/, '$1 [');
    if (TUPLE.test(line)) return { line, taken: k - i + 1 };
  }
  return { line: lines[i] as string, taken: 1 };
}

/** The record's lines above line `i` when line `i` goes on a record started above, or ''. */
function recordAbove(lines: readonly string[], i: number): string {
  if (RECORD_START.test(lines[i] as string)) return '';
  for (let k = i - 1; k >= 0 && k >= i - MAX_CUT_LINES; k--) {
    const line = lines[k] as string;
    if (line.trim() === '' || OPENED.test(line)) return '';
    if (RECORD_START.test(line)) return lines.slice(k, i).join(' ');
  }
  return '';
}

/** The replies of a paragraph of mail_logs lines; false when none of its lines quotes one. */
export function readCiscoEsa(p: Paragraph, found: FoundReply[]): boolean {
  const before = found.length;
  for (let i = 0; i < p.lines.length; i++) {
    const { line, taken } = withCutTuple(p.lines, i);
    const m = TUPLE.exec(line);
    if (!m?.[1] || m[2] === undefined) continue;
    const code = m[1];
    const items = [...m[2].matchAll(ITEM)].map((x) => (x[1] ?? x[2] ?? '').replace(/\\(.)/g, '$1').trim());
    const text = replyFromLines(code, items);
    const own = line.slice(0, m.index);
    const head = recipientIn(own) ? own : `${recordAbove(p.lines, i)} ${own}`;
    const reply: FoundReply = {
      text,
      lineIndex: p.start + i,
      remoteHost: null,
      remoteIp: null,
      remoteLineIndex: null,
      recipient: recipientIn(head),
      strength: 1,
    };
    const sender = senderIn(head);
    if (sender) reply.sender = sender;
    found.push(reply);
    i += taken - 1;
  }
  return found.length > before;
}
