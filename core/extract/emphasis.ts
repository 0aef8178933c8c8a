/**
 * A line a Markdown editor set in italics or bold as a whole (`_Support: Error in email delivery: 550
 * 5.7.1 ... See http://postmaster.gandi.net_`, `**550 5.7.1 ...**`) comes back with the marks around it,
 * and the closing one would end the reply. The marks go; the line stays where it was. A mark is one
 * only when it touches the text (`_ x _` is no emphasis) and the same mark closes the line. Bold inside a
 * line (`said: 550-5.7.1 [IP] **Messages missing a valid messageId header ... are not accepted**.`) goes
 * too; single marks inside a line stay, as `_` and `*` are parts of names and tokens (`OFR_506`).
 */
import { markedLineStarts } from './marked-lines';

// (Within one line, whatever ends it: `$` also ends a line at a lone CR, U+2028 or U+2029.) Tried
// only at the lines that start with a mark (marked-lines.ts).
const MARKED_LINE = /^([ \t]*)(\*\*|__|\*|_)(?=[^\s*_])([^\n\r\u2028\u2029]*?[^\s*_])\2[ \t]*$/my;
const MARKS = ['*', '_'];

const HAS_BOLD = /\*\*[^\s*]/;
// Not a word's part set in bold, as a poster marks what they redacted (`from **domain**.com`).
// Bold italics too: `**_Please use the SMTP_**`. Words are set in bold, not a mask's stars and dots
// (`[**.**.***.***]`): a letter or a digit comes before the closing marks.
const INLINE_BOLD =
  /(?<![*\w.@-])\*\*(_?)(?=[^\s*_])(?=[^*\n]{0,2000}[\p{L}\p{N}])([^*\n]{0,2000}?[^\s*_])\1\*\*(?![*\w]|[.@-]\w)/gu;

export function withoutEmphasis(pasted: string): string {
  const lines = withoutLineMarks(pasted);
  // (`**` is rare: looked for before the expression that tells bold from a mask's stars.)
  return lines.includes('**') && HAS_BOLD.test(lines) ? lines.replace(INLINE_BOLD, '$2') : lines;
}

/** The text without the marks around each line set in italics or bold as a whole. */
function withoutLineMarks(text: string): string {
  const kept: string[] = [];
  let from = 0;
  for (const start of markedLineStarts(text, MARKS)) {
    MARKED_LINE.lastIndex = start;
    const marked = MARKED_LINE.exec(text);
    if (!marked) continue;
    kept.push(text.slice(from, start), marked[1] as string, marked[3] as string);
    from = start + marked[0].length;
  }
  if (kept.length === 0) return text;
  kept.push(text.slice(from));
  return kept.join('');
}
