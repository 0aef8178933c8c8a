/**
 * nodemailer 0.7's debug log (its `debug: true` option), which draws each line of a session under a
 * label naming its side and the connection's number, the first line of a multi-line reply behind a tree
 * mark and the others indented (nodemailer issue 548, 2016):
 *
 *     SERVER 2:
 *     └──250-gmx.com Hello [127.0.0.1] [54.149.120.24]
 *        250-SIZE 69920427
 *     CLIENT 2:
 *     └──RCPT TO:<b@example.net>
 *
 * Several connections log at once, their labels interleaved (a reply under `SERVER 2:` answers the last
 * command under `CLIENT 2:`, whatever `CLIENT 1:` sent in between). Each connection's lines are handed to
 * the session reader (smtp-session.ts) as a transcript of its own, in Sendmail's transcript marks
 * (`>>> `, `<<< `), each remembering the line it came from.
 */

import type { ExpandedLines } from './swift-log-data';

/** `SERVER 2:` or `CLIENT 2:`, alone on its line. */
const LABEL = /^\s{0,4}(SERVER|CLIENT) (\d{1,6}):\s*$/;
/** The tree mark before a block's first line. */
const TREE_MARK = '└──';
/** A reply's next lines, under its first one's text. */
const INDENTED = /^ {3}(\S.{0,4000})$/;
/** Lines read (a debug log of one send is short; past this, the rest is left as it is read). */
const MAX_LINES = 20_000;

/** The log's connections, each as a transcript, or null when `lines` hold no such log. */
export function nodemailerTreeLines(lines: readonly string[]): ExpandedLines[] | null {
  const sessions = new Map<string, ExpandedLines>();
  let side: string | null = null;
  let session: ExpandedLines | null = null;
  let labels = 0;
  let marks = 0;
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i++) {
    const line = lines[i] as string;
    const label = LABEL.exec(line);
    if (label) {
      labels++;
      side = label[1] === 'SERVER' ? '<<<' : '>>>';
      const id = label[2] as string;
      session = sessions.get(id) ?? { lines: [], origin: [] };
      sessions.set(id, session);
      continue;
    }
    if (session === null) continue;
    let text: string | null = null;
    if (line.startsWith(TREE_MARK)) {
      marks++;
      text = line.slice(TREE_MARK.length);
    } else if (side === '<<<') text = INDENTED.exec(line)?.[1] ?? null;
    if (text === null) {
      // Any other line ends the block (`Connection secured`, the poster's words).
      session = null;
      continue;
    }
    session.lines.push(`${side} ${text.trim()}`);
    session.origin.push(i);
  }
  if (labels < 2 || marks < 2) return null;
  const read = [...sessions.values()].filter((s) => s.lines.length > 0);
  return read.length > 0 ? read : null;
}
