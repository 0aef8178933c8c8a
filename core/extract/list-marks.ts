/**
 * A paste made a bulleted list: every line that holds text starts with the same mark (`- `, `* `, `• `),
 * as a Markdown list writes log lines or a notice (`- Jun 29 16:22:38 nuc postfix/smtp[5130]: ...`, a
 * paste of 2018 kept so). The marks are removed when there are at least two such lines and no other;
 * the lines stay where they are. (Numbered lists are line-numbers.ts's.)
 */
import { firstTextLine } from './leading-blank-lines';
import { withoutPrefix } from './line-numbers';

const MARKED = /^[ \t]{0,4}([-*•])[ \t]/;

export function withoutListMarks(text: string): string {
  const first = MARKED.exec(firstTextLine(text));
  if (!first) return text;
  const mark = first[1];
  const lines = text.split(/(\r\n|\r|\n)/);
  let marked = 0;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    if (MARKED.exec(line)?.[1] !== mark) return text;
    marked++;
  }
  return marked < 2 ? text : withoutPrefix(lines, MARKED);
}
