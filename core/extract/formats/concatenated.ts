/**
 * Several bounces pasted one after the other, without the `From ` lines of an mbox: a user copying two
 * notices of Orange's (`Undelivered Mail Returned to Sender`, one a day) into one paste. Read as one
 * message, the second became the first's epilogue: its replies were read with the first's Arrival-Date
 * and Remote-MTA. A multipart message ends at its closing boundary (`--boundary--`, RFC 2046 section
 * 5.1.1); a header block with a From and a Date after that line starts the next message. A message
 * without such an end (not multipart, cut, its boundary redacted) ends where another notice's own
 * header block follows it (later-notices.ts).
 */
import { startsWithHeaders } from '../detect';
import { fieldValue, readFields } from '../header-block';
import { boundaryOf } from '../plain-mime';
import type { SourceText } from '../source-text';
import { blockLines, linesFrom } from './block-lines';
import { laterNoticeStarts } from './later-notices';

/** How many messages one paste is read as, at most (the rest stays the last one's). */
const MAX_MESSAGES = 200;
/** How many lines after a closing boundary the next message may start (an epilogue is a few words). */
const MAX_EPILOGUE_LINES = 40;
/** How many lines a header block is looked at (its From and Date come early; its Content-Type may not). */
const HEADER_LINES = 80;
const TOP_HEADER_LINES = 200;

/** The top-level boundary of the message whose header block starts at `first` (1-based), or null. */
function topBoundary(source: SourceText, first: number): { boundary: string; bodyLine: number } | null {
  const block = blockLines(source, first, TOP_HEADER_LINES);
  let { fields, end } = readFields(block.lines, 0, true);
  // Not stopped at the empty line (no field above it): read on below it, as readFields does.
  if (block.cut && end === block.lines.length)
    ({ fields, end } = readFields(linesFrom(source, first, TOP_HEADER_LINES), 0, true));
  const multipart = /^\s*multipart\//i.test(fieldValue(fields, 'content-type')?.value ?? '');
  const boundary = multipart ? boundaryOf(fields) : null;
  return boundary ? { boundary, bodyLine: first + end + 1 } : null;
}

/** A line that may open a header block: a field's name and colon, after an empty line or the boundary. */
function mayStartHeader(source: SourceText, line: number): boolean {
  return /^[A-Za-z][A-Za-z0-9-]{0,76}:/.test(source.line(line));
}

/** Whether the lines from `line` on are a message's header block, with its From and Date. */
function startsMessage(source: SourceText, line: number): boolean {
  // (Both tests stop at the first empty line: the lines below it are not needed.)
  const { lines } = blockLines(source, line, HEADER_LINES);
  if (!startsWithHeaders(lines)) return false;
  const end = lines.findIndex((l) => l.trim() === '');
  const block = end < 0 ? lines : lines.slice(0, end);
  return block.some((l) => /^from:/i.test(l)) && block.some((l) => /^date:/i.test(l));
}

/**
 * The line of the closing boundary, from `from` on. The parts' own delimiter is believed when the header's
 * boundary delimits nothing (a redaction that changed one and not the other: `boundary=".../xxx.host"`
 * above `--.../xxxx.host` lines).
 */
function closingLine(source: SourceText, from: number, boundary: string): number | null {
  let delimiter: string | null = null;
  // Only the lines that start with `--` are looked at (found without cutting out the others).
  for (
    let line = source.nextLineStartingWith('--', from);
    line !== null;
    line = source.nextLineStartingWith('--', line + 1)
  ) {
    const text = source.line(line);
    const mark = text.trimEnd().slice(2);
    if (mark === `${boundary}--` || (delimiter !== null && mark === `${delimiter}--`)) return line;
    if (mark === boundary) delimiter = boundary;
    else if (delimiter === null && /^\S{1,200}$/.test(mark) && !mark.endsWith('--')) delimiter = mark;
  }
  return null;
}

/**
 * The 1-based first lines of the messages the paste holds one after another, the first being 1; a
 * single number when it holds one. A message ends at its closing boundary, or where a notice's own
 * header block follows a complete notice (later-notices.ts).
 */
export function messageStarts(source: SourceText): number[] {
  const starts = new Set([...multipartStarts(source), ...laterNoticeStarts(source, MAX_MESSAGES)]);
  return [...starts].sort((a, b) => a - b).slice(0, MAX_MESSAGES);
}

/** The first lines of the messages that follow a multipart message's closing boundary, the first being 1. */
function multipartStarts(source: SourceText): number[] {
  const starts = [1];
  let first = 1;
  while (starts.length < MAX_MESSAGES) {
    const top = topBoundary(source, first);
    if (!top) break;
    const line = closingLine(source, top.bodyLine, top.boundary);
    if (line === null) break;
    // The next message: the first header block after the closing boundary (past empty lines and an
    // epilogue's words).
    let next = line + 1;
    const last = Math.min(source.lineCount, line + MAX_EPILOGUE_LINES);
    while (next <= last && !(mayStartHeader(source, next) && startsMessage(source, next))) next++;
    if (next > last) break;
    starts.push(next);
    first = next;
  }
  return starts;
}
