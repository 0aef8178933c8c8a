/**
 * A block quoted with a bar (`| ` before each line), as some mail clients and mailing-list replies
 * quote a bounce (`> | host aspmx.l.google.com [...]`, under the reply's own `> `): read without the
 * bars, line for line. Only a run of two lines or more, none of them ending with a bar, so that a
 * Markdown table (`| a | b |`) is left alone.
 */
const BAR = /^[ \t]{0,3}\|(?=\s|$) ?/;
const ANY_BAR = /^[ \t]{0,3}\|(?=\s|$)/m;
/** A bar alone on its line: the quote's empty line. */
const BARE = /^[ \t]{0,3}\|\s*$/;

function isQuoted(line: string): boolean {
  return BAR.test(line) && (BARE.test(line) || !line.trimEnd().endsWith('|'));
}

/** The text with each bar-quoted run of lines unquoted (the same string when there is none). */
export function withoutBarQuotes(text: string): string {
  if (!text.includes('|') || !ANY_BAR.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && isQuoted(lines[end] as string)) end++;
    if (end - start >= 2) {
      for (let i = start; i < end; i++) lines[i] = (lines[i] as string).replace(BAR, '');
      changed = true;
    }
    start = end > start ? end : start + 1;
  }
  return changed ? lines.join('\n') : text;
}
