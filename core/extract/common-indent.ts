/**
 * A paste indented as a whole: a forum's code block (four spaces before every line), a log copied out of
 * a document or a reply, a terminal's output shifted by a tab. Every line then looks like a folded
 * continuation (no header block, no mbox `From ` line, no log line start). When every line that holds
 * text starts with the same spaces or tabs, they are removed; deeper indentation (folded headers,
 * wrapped replies) keeps what it has beyond them.
 */
import { firstTextLine } from './leading-blank-lines';

const INDENTED_START = /^[ \t]/;

export function withoutCommonIndent(text: string): string {
  if (!INDENTED_START.test(firstTextLine(text))) return text;
  const lines = text.split(/(\r\n|\r|\n)/);
  let common: string | null = null;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (common === null) common = indent;
    else {
      let n = 0;
      while (n < common.length && n < indent.length && common[n] === indent[n]) n++;
      common = common.slice(0, n);
    }
    if (common === '') return text;
  }
  if (!common) return text;
  const size = common.length;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i] as string;
    lines[i] = line.trim() === '' ? '' : line.slice(size);
  }
  return lines.join('');
}
