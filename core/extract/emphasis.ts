/**
 * A line a Markdown editor set in italics or bold as a whole (`_Support: Error in email delivery: 550
 * 5.7.1 ... See http://postmaster.gandi.net_`, `**550 5.7.1 ...**`) comes back with the marks around it,
 * and the closing one would end the reply. The marks go; the line stays where it was. A mark is one
 * only when it touches the text (`_ x _` is no emphasis) and the same mark closes the line.
 */
const HAS_MARKED_LINE = /^[ \t]*[_*]/m;
const MARKED_LINE = /^([ \t]*)(\*\*|__|\*|_)(?=[^\s*_])([^\n]*?[^\s*_])\2[ \t]*$/gm;

export function withoutEmphasis(text: string): string {
  if (!HAS_MARKED_LINE.test(text)) return text;
  return text.replace(MARKED_LINE, '$1$3');
}
