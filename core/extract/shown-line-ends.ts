/**
 * Output of `cat -A` (or `cat -e`, `cat -vet`), pasted to show a file's invisible characters: every line
 * ends with `$`, a CRLF file's lines with `^M$`, and `-A`/`-T` write each tab as `^I` (GNU coreutils'
 * cat, `--show-ends`, `--show-tabs`, `-v`'s `^` notation). Left in, a notice's reply held
 * `incident^M$ de spam` and its last word `[102]^M$`. When every line of the paste ends with `$`, the
 * marks come off: the `$` and a `^M` before it, and `^I` becomes the tab it stands for. The lines stay
 * where they are.
 */

/** A line's end as cat shows it: `$`, after `^M` when the file's line ends were CRLF. */
const SHOWN_END = /(?:\^M)?\$$/;

export function withoutShownLineEnds(text: string): string {
  if (!text.includes('$')) return text;
  // The first line decides most pastes before the whole text is split (a large log holding a `$`).
  const firstEnd = text.search(/\r|\n/);
  if (!SHOWN_END.test(firstEnd < 0 ? text : text.slice(0, firstEnd))) return text;
  const lines = text.split(/(\r\n|\r|\n)/);
  // The text's last line end may leave an empty line after it: that one holds no mark.
  const last = (lines[lines.length - 1] as string) === '' ? lines.length - 3 : lines.length - 1;
  let marked = 0;
  for (let i = 0; i <= last; i += 2) {
    if (!SHOWN_END.test(lines[i] as string)) return text;
    marked++;
  }
  // One line ending in `$` is no such output (a reply or a shell prompt may end so).
  if (marked < 2) return text;
  const tabs = text.includes('^I');
  for (let i = 0; i <= last; i += 2) {
    const line = (lines[i] as string).replace(SHOWN_END, '');
    lines[i] = tabs ? line.replaceAll('^I', '\t') : line;
  }
  return lines.join('');
}
