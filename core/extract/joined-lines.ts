/**
 * A reply, a record's field or a tracking tag wrapped over lines is read as one line again: each line break,
 * with the blanks around it, becomes one space. Done in one pass: an expression such as `\s*\n\s*` with the
 * `g` flag starts again at every blank of a long run of spaces that no line break follows and reads the run
 * to its end each time, quadratic time (a KumoMTA record whose `content` held 64 kB of spaces took two
 * seconds, one of 1 MB minutes).
 */

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * Each line break (`\r\n`, `\r` or `\n`) and the spaces and tabs around it made one space, as
 * replacing every match of `[ \t]*(?:\r\n|\r|\n)[ \t]*` would; `breaks` set to `\n` takes a lone `\n` alone
 * as a break (`[ \t]*\n[ \t]*`).
 */
export function breaksAsSpaces(text: string, breaks: '\n' | 'any' = 'any'): string {
  const parts = breaks === '\n' ? text.split('\n') : text.split(/\r\n|\r|\n/);
  if (parts.length === 1) return text;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as string;
    let start = 0;
    let end = part.length;
    if (k > 0) while (start < end && isBlank(part.charCodeAt(start))) start++;
    if (k < parts.length - 1) while (end > start && isBlank(part.charCodeAt(end - 1))) end--;
    if (start > 0 || end < part.length) parts[k] = part.slice(start, end);
  }
  return parts.join(' ');
}

/**
 * Each run of white space (`\s`) that holds a `\n` made one space, as
 * replacing every match of `\s*\r?\n\s*` would: runs without a line break stay as they are.
 */
export function blankRunsWithBreaksAsSpace(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}
