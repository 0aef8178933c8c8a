/**
 * A field's source line as the user pasted it. The engine cites the line of its cleaned copy of the paste
 * (core/extract/paste-cleaning.ts), whose steps keep every line where it was but write some characters
 * plainly, one for one (core/extract/plain-characters.ts: curly quotes, no-break spaces, a date's
 * typographic dashes), and may take marks off a line's start (an indent, a list or quote mark) or spaces
 * off its end. When the pasted line, at the same place, holds the cited text character for character but
 * for those one-for-one replacements, it is shown instead; anything else (a character taken out, a run of
 * spaces made one) keeps the cited text.
 */
import { plainCharacter } from '../../../core/extract/plain-characters';
import { type LineIndex, lineText } from './lineIndex';

/** The engine's mark of a cited line cut short (core/extract/source-text.ts). */
const CUT = '…';

function readsAs(pasted: string, cited: string): boolean {
  if (pasted.length !== cited.length) return false;
  for (let i = 0; i < pasted.length; i++) {
    const p = pasted.charAt(i);
    const c = cited.charAt(i);
    if (p !== c && plainCharacter(p) !== c) return false;
  }
  return true;
}

/** The cited text of line `line` as pasted in `text` where the two match exactly (see above), else `cited`. */
export function citedAsPasted(text: string, lines: LineIndex, line: number, cited: string): string {
  const pasted = lineText(text, lines, line).trimEnd();
  if (pasted === cited || cited === '') return cited;
  // A long line is cited from its start, cut short with an ellipsis: its start is compared.
  if (cited.endsWith(CUT)) {
    const head = cited.slice(0, -CUT.length);
    for (const start of [0, pasted.length - pasted.trimStart().length]) {
      const span = pasted.slice(start, start + head.length);
      if (readsAs(span, head)) return `${span}${CUT}`;
    }
    return cited;
  }
  // Marks taken off the start: the cited text is the end of the pasted line.
  const span = pasted.slice(Math.max(0, pasted.length - cited.length));
  return readsAs(span, cited) ? span : cited;
}
