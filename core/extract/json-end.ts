/**
 * Where a JSON value pasted among other lines ends: the line on which the brackets its first line opens
 * are all closed again (strings skipped). Its end is not the paste's last line ending in `}` or `]`
 * when replies follow it: a Mailgun `"delivery-status": {` member pasted above fenced Outlook replies
 * that end in `... 08DCD1CFD0B7A9E3]` (MieuxVoter issue 71, then ppresume/community issue 104).
 */

/** How many lines are scanned at most: an event pasted among words is short. */
const MAX_LINES = 2000;

/** The index of the line that closes what line `first` opens, or -1 when none does (or it opens nothing). */
export function closingLine(lines: readonly string[], first: number): number {
  let depth = 0;
  let opened = false;
  const end = Math.min(lines.length, first + MAX_LINES);
  for (let k = first; k < end; k++) {
    const line = lines[k] as string;
    // A string never spans lines in JSON: a stray quote (`weren't sent."`) ends with its line.
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') {
        depth++;
        opened = true;
      } else if ((c === '}' || c === ']') && depth > 0) {
        depth--;
        if (depth === 0 && opened) return k;
      }
    }
  }
  return -1;
}
