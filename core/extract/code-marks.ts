/**
 * Text copied from a chat, a forum or a GitHub issue keeps its Markdown code marks: a fence line
 * (```` ``` ```` or ```` ```log ````, `~~~~~`, or a Jira ticket's `{code}` / `{noformat}`) around a log, or a whole line in backticks (a list item's
 * marker before it too) (`` `2021-04-21T17:16:28+02:00
 * server1 postfix/smtp[17514]: ...` ``, as pasted in a pull request of ActiveCampaign/smtp-field-manual).
 * They are removed, line by line, so the log's own syntax is seen; the line count stays the same, so
 * the lines cited are those of the paste.
 */

// Also Jira's and Confluence's wiki markup: `{code}`, `{code:java}`, `{noformat}` alone on a line.
const FENCE_LINE =
  /^[ \t]{0,3}(?:(?:`{3,}|~{3,})[\w+-]{0,20}|\{(?:code|noformat)(?::[^{}\r\n]{0,60})?\})[ \t]*$/;
/** A Markdown list item's marker before a line in backticks (`` - `554 ...` ``): it goes with the marks. */
const LIST_MARKER = /^(?:[-*+]|\d{1,3}[.)])[ \t]{1,4}(?=`)/;

/** One line without a code fence, or without the backticks around its whole text. */
function lineWithoutMarks(text: string): string {
  let line = text;
  if (FENCE_LINE.test(line)) return '';
  let start = 0;
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++;
  const marker = LIST_MARKER.exec(line.slice(start, start + 12))?.[0].length ?? 0;
  if (marker > 0) line = line.slice(0, start) + line.slice(start + marker);
  let end = line.length;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')) end--;
  const opens = line.startsWith('```', start) ? 3 : line[start] === '`' ? 1 : 0;
  const closes = line.endsWith('```', end) && end - 3 >= start + opens ? 3 : line[end - 1] === '`' ? 1 : 0;
  if (opens === 0 && closes === 0) return line;
  return line.slice(0, start) + line.slice(start + opens, end - closes) + line.slice(end);
}

/** The text without Markdown code marks at the start or end of its lines (unchanged without any backtick). */
export function withoutCodeMarks(text: string): string {
  if (!text.includes('`') && !text.includes('~~~') && !text.includes('{code') && !text.includes('{noformat'))
    return text;
  return text.replace(/[^\r\n]+/g, lineWithoutMarks);
}
