/**
 * Every match of a global regular expression, in order, as `text.matchAll(pattern)` gives them.
 * matchAll copies the expression on every call (a new RegExp, per the specification's species
 * constructor), which in V8 costs more than matching a short reply; this runs the expression itself
 * and leaves its `lastIndex` at 0. For expressions with the `g` flag and without `u`/`y`.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  try {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      found.push(m);
      // An empty match would loop forever: step over it, as matchAll does.
      if (m[0] === '') pattern.lastIndex++;
    }
  } finally {
    pattern.lastIndex = 0;
  }
  return found;
}
