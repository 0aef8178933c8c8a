/**
 * `text.includes(before + rest)` for a needle that starts with a common character (a space: ` (http`,
 * ` ms]`): a string search looks at each place its first character occurs, every few characters of a
 * text for a space, and costs as much as a scan of every character. Searching for the rarer `rest`,
 * then checking what comes before it, finds the same places.
 */
export function includesAfter(text: string, before: string, rest: string): boolean {
  for (let at = text.indexOf(rest, before.length); at >= 0; at = text.indexOf(rest, at + 1))
    if (text.startsWith(before, at - before.length)) return true;
  return false;
}
