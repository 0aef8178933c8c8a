/**
 * Text copied from a chat, a forum or a GitHub issue keeps its Markdown code marks: a fence line
 * (```` ``` ```` or ```` ```log ````, `~~~~~`, or a Jira ticket's `{code}` / `{noformat}`) around a log, or a
 * whole line in backticks (a list item's marker before it too) (`` `2021-04-21T17:16:28+02:00 server1
 * postfix/smtp[17514]: ...` ``, as pasted in a pull request of ActiveCampaign/smtp-field-manual). They are
 * removed, line by line, so the log's own syntax is seen; the line count stays the same, so the lines cited
 * are those of the paste.
 */

// Also Jira's and Confluence's wiki markup: `{code}`, `{code:java}`, `{noformat}` alone on a line.
const FENCE_LINE =
  /^[ \t]{0,3}(?:(?:`{3,}|~{3,})[\w+-]{0,20}|\{(?:code|noformat)(?::[^{}\r\n]{0,60})?\})[ \t]*$/;
/** A Markdown list item's marker before a line in backticks (`` - `554 ...` ``): it goes with the marks. */
const LIST_MARKER = /^(?:[-*+]|\d{1,3}[.)])[ \t]{1,4}(?=`)/;

/** Whether a block fenced with backticks (or a fence line's marks) is open at the line being read. */
interface FenceState {
  open: boolean;
}

/** One line without a code fence, or without the backticks around its whole text. */
function lineWithoutMarks(text: string, fences: FenceState): string {
  let line = text;
  if (FENCE_LINE.test(line)) {
    fences.open = !fences.open;
    return '';
  }
  let start = 0;
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++;
  const marker = LIST_MARKER.exec(line.slice(start, start + 12))?.[0].length ?? 0;
  if (marker > 0) line = line.slice(0, start) + line.slice(start + marker);
  let end = line.length;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')) end--;
  const opens = line.startsWith('```', start) ? 3 : line[start] === '`' ? 1 : 0;
  const closes = line.endsWith('```', end) && end - 3 >= start + opens ? 3 : line[end - 1] === '`' ? 1 : 0;
  const openInside = opens === 3 ? !fences.open : fences.open;
  const runs = line.match(FENCE_RUNS)?.length ?? 0;
  if (runs % 2 === 1) fences.open = !fences.open;
  const inner = withoutInnerFence(line.slice(start + opens, end - closes), openInside);
  if (opens === 0 && closes === 0 && inner === line.slice(start, end)) return line;
  return line.slice(0, start) + inner + line.slice(end);
}

const FENCE_RUNS = /`{3,}/g;
/** A block closed and the next opened on the same line: `...status=bounced (...)``` ```Mar 14 ...`. */
const CLOSED_THEN_OPENED = /`{3,}[ \t]{0,8}`{3,}/g;

/**
 * A line's text between its own start and end marks without the code fences chats take inside a line
 * (Slack, Discord and Mattermost need no line break around them). Two blocks on one line are made
 * spaces apart (two log lines run on one line, read as such: logs/run-on.ts); a block opened after the
 * writer's words (`here is mail.log: ```Mar 14 10:02:10 mta1 postfix/qmgr[...]: ...`, closed lines below)
 * keeps its own text only, and so does a block closed before the writer's words (`...))``` any idea?`),
 * as if unfenced. A block opened and closed inside the line is left to the readers of inline code.
 */
function withoutInnerFence(text: string, openBefore: boolean): string {
  if (!text.includes('```')) return text;
  const spaced = text.replace(CLOSED_THEN_OPENED, (marks) => ' '.repeat(marks.length));
  const runs = [...spaced.matchAll(FENCE_RUNS)];
  if (runs.length !== 1) return spaced;
  const run = runs[0] as RegExpMatchArray;
  const at = run.index ?? 0;
  const before = spaced.slice(0, at);
  const after = spaced.slice(at + run[0].length);
  if (before.trim() === '' || after.trim() === '') return spaced;
  return openBefore ? before.trimEnd() : after.trimStart();
}

/** Every mark starts with one of these: a line without any of them is kept as it is. */
const MARK_CHARACTERS = ['`', '~', '{'];

/**
 * Where `character` next occurs in `text` at or after `from` (-1: nowhere), remembering the last hit in
 * `known` so that a character far ahead (or absent) is not searched for again from every line.
 */
function nextOf(text: string, character: string, from: number, known: Map<string, number>): number {
  const last = known.get(character);
  if (last !== undefined && (last < 0 || last >= from)) return last;
  const at = text.indexOf(character, from);
  known.set(character, at);
  return at;
}

/** The text without Markdown code marks at the start or end of its lines (unchanged without any backtick). */
export function withoutCodeMarks(text: string): string {
  if (!text.includes('`') && !text.includes('~~~') && !text.includes('{code') && !text.includes('{noformat'))
    return text;
  // Only the lines holding a mark character are cut out and read (a replace over every line kept a
  // match and a string per line until its end: 300 MB for a 50 MB paste); the text between the lines
  // changed is copied in slices, joined into chunks as it goes so that no piece per line lives long.
  const known = new Map<string, number>();
  const fences: FenceState = { open: false };
  const chunks: string[] = [];
  let pieces: string[] = [];
  let copied = 0;
  let from = 0;
  for (;;) {
    let mark = -1;
    for (const character of MARK_CHARACTERS) {
      const at = nextOf(text, character, from, known);
      if (at >= 0 && (mark < 0 || at < mark)) mark = at;
    }
    if (mark < 0) break;
    // The line around the mark: back to the previous line break (never before `from`, the end of the
    // last line read, so no character is walked back over twice), on to the next.
    let start = mark;
    while (start > from && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    const nl = nextOf(text, '\n', mark, known);
    const cr = nextOf(text, '\r', mark, known);
    const end = nl < 0 ? (cr < 0 ? text.length : cr) : cr < 0 ? nl : Math.min(nl, cr);
    const line = text.slice(start, end);
    const kept = lineWithoutMarks(line, fences);
    if (kept !== line) {
      if (start > copied) pieces.push(text.slice(copied, start));
      if (kept !== '') pieces.push(kept);
      copied = end;
      if (pieces.length >= 4096) {
        chunks.push(pieces.join(''));
        pieces = [];
      }
    }
    from = end;
  }
  if (copied === 0) return text;
  pieces.push(text.slice(copied));
  chunks.push(pieces.join(''));
  return chunks.join('');
}
