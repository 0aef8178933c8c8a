/**
 * Gmail's "Show original" page, copied whole, starts with a summary table above the raw message:
 * `Original Message`, then `Message ID`, `Created at:` (the reader's local time, no zone: `Fri, Dec 4,
 * 2026 at 1:12 AM (Delivered after 1 second)`), `From:`, `To:`, `Subject:`, `SPF:`, `DKIM:`, `DMARC:`
 * rows, then the page's `Download Original` and `Copy to clipboard` buttons. Those rows are no header of
 * the message (read as one, they hid the notice's own headers and so its Date): they are blanked, the
 * lines kept where they are, and the raw message below is read as it stands.
 */

const TITLE = /^[ \t]*Original Message[ \t]*$/;
const DOWNLOAD = /^[ \t]*Download Original\b/;
const COPY_ONLY = /^[ \t]*Copy to clipboard[ \t]*$/;
const ROW = /^[ \t]*(?:Message ID|Created (?:at|on):?)(?:[ \t]|$)/;
/** The summary is a dozen lines; a few more when the copy put each label and value on lines of their own. */
const MAX_HEAD_LINES = 40;

/** The text with Gmail's "Show original" summary blanked; the text itself when it has none. */
export function withoutShowOriginalHead(text: string): string {
  if (!text.includes('Original Message') || !text.includes('Download Original')) return text;
  const lines = text.split(/(?<=\r\n|\n|\r)/);
  let first = 0;
  while (first < lines.length && (lines[first] as string).trim() === '') first++;
  if (first >= lines.length || !TITLE.test((lines[first] as string).replace(/\r?\n|\r/, ''))) return text;
  let rows = 0;
  let last = -1;
  for (let i = first + 1; i < Math.min(lines.length, first + MAX_HEAD_LINES); i++) {
    const line = (lines[i] as string).replace(/\r?\n|\r/, '');
    if (ROW.test(line)) rows++;
    if (DOWNLOAD.test(line)) {
      last =
        i + 1 < lines.length && COPY_ONLY.test((lines[i + 1] as string).replace(/\r?\n|\r/, '')) ? i + 1 : i;
      break;
    }
  }
  // Both the Message ID and the Created row: the page's own summary, not a quoted line that says so.
  if (last < 0 || rows < 2) return text;
  const blank = (part: string) => part.replace(/[^\r\n]+/g, '');
  return lines.map((line, i) => (i >= first && i <= last ? blank(line) : line)).join('');
}
