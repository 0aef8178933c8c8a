/**
 * A mail that quotes a bounce or log lines in its body (`> ` lines: a mailing list's answer to "why did
 * this bounce?"), read as a message, gives nothing of its own: its quote is read alone. The longest run
 * of quoted lines of its first text/plain part (decoded when quoted-printable or base64), without the
 * marks, with the message's line each line came from.
 */
import { decodeReadParts } from './decode-parts';
import { unquoteLines } from './mail-quote';
import { splitPlainMessage } from './plain-mime';

export interface QuotedBlock {
  text: string;
  /** For each line of `text`, its 1-based line in the message (the part's first line when base64). */
  lineOf: number[];
}

const QUOTED_LINE = /^[ \t]{0,3}>/;
/** Fewer quoted lines than this hold no bounce nor log excerpt worth a second reading. */
const MIN_QUOTED_LINES = 3;

export async function quotedBlockOfPost(raw: string): Promise<QuotedBlock | null> {
  if (!/^[ \t]{0,3}>|quoted-printable|base64/im.test(raw)) return null;
  const message = splitPlainMessage(raw);
  const index = message.parts.findIndex((p) => p.type === 'text/plain');
  const part = message.parts[index];
  if (!part || part.lines.length === 0) return null;
  const start = message.lines.indexOf(part.lines[0] as string, message.bodyStart);
  const decoded = await decodeReadParts({ top: message.top, parts: [part] }, () => true);
  const lines = decoded.parts[0]?.lines ?? part.lines;
  const run = longestQuotedRun(lines);
  if (!run) return null;
  const rawLineOf = rawLines(part.encoding, part.lines, start);
  const block = lines.slice(run.first, run.end);
  return {
    text: unquoteLines(block).join('\n'),
    lineOf: block.map((_, k) => rawLineOf(run.first + k)),
  };
}

/** The longest run of quoted lines, an empty line allowed between two of them; null when too short. */
function longestQuotedRun(lines: readonly string[]): { first: number; end: number } | null {
  let best = { first: 0, end: 0 };
  for (let i = 0; i < lines.length; ) {
    if (!QUOTED_LINE.test(lines[i] as string)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length) {
      if (QUOTED_LINE.test(lines[end] as string)) end++;
      else if ((lines[end] as string).trim() === '' && QUOTED_LINE.test(lines[end + 1] ?? '')) end += 2;
      else break;
    }
    if (end - i > best.end - best.first) best = { first: i, end };
    i = end;
  }
  return best.end - best.first >= MIN_QUOTED_LINES ? best : null;
}

/**
 * The message's 1-based line of each decoded line of a part starting at `start` (0-based): the same
 * line unless quoted-printable (a soft break, `=` at a line's end, runs one decoded line over several),
 * the part's first line for base64.
 */
function rawLines(encoding: string, partLines: readonly string[], start: number): (k: number) => number {
  if (start < 0) return () => 1;
  if (encoding === 'base64') return () => start + 1;
  if (encoding !== 'quoted-printable') return (k) => start + k + 1;
  const firstOf: number[] = [0];
  partLines.forEach((line, i) => {
    if (!line.endsWith('=')) firstOf.push(i + 1);
  });
  return (k) => start + (firstOf[k] ?? 0) + 1;
}
