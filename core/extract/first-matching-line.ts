/**
 * The first of some lines a pattern matches, found with one test of the lines joined before any line
 * is tested alone: most bounces hold no such line, and one native scan of the joined text costs less
 * than a call per line. For patterns without `^`, `$`, lookarounds or the `g`/`y` flags: a match inside
 * one line is then also a match of the joined text, and the loop over the lines decides.
 */
export function firstMatchingLine(
  lines: readonly string[],
  pattern: RegExp,
  count = lines.length,
  minLength = 0,
): number {
  const end = Math.min(count, lines.length);
  const joined = end === lines.length ? lines.join('\n') : lines.slice(0, end).join('\n');
  if (!pattern.test(joined)) return -1;
  for (let i = 0; i < end; i++) {
    const line = lines[i] as string;
    if (line.length >= minLength && pattern.test(line)) return i;
  }
  return -1;
}
