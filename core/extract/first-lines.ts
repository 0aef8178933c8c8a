/**
 * The first lines of a text, as splitLines (header-block.ts) gives them: the passes that look at a log's
 * start only (its clocks, its hosts' full names, its journal headers: 200,000 lines each) had every line
 * of a pasted log split into an array, some 10 MB more for a 50 MB paste of 440,000 lines.
 */
import { splitLines } from './header-block';

/** `splitLines(text).slice(0, count)`, without splitting the lines after those. */
export function firstLines(text: string, count: number): string[] {
  // The next CR and LF at or after `at`, each searched for again only once passed (a text without CR
  // is searched for one once).
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  let at = 0;
  for (let n = 1; ; n++) {
    if (cr >= 0 && cr < at) cr = text.indexOf('\r', at);
    if (lf >= 0 && lf < at) lf = text.indexOf('\n', at);
    const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
    // Fewer lines than `count`: all of them.
    if (end < 0) return splitLines(text);
    // Line `count` ends here: the text up to its line end holds those lines, and only them.
    if (n === count) return splitLines(text.slice(0, end));
    at = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
}
