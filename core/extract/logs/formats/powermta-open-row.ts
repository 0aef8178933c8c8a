/**
 * A PowerMTA accounting row whose quoted field goes on over the next lines. RFC 4180 (section 2, rule 6)
 * lets a double-quoted field hold line breaks, and a spreadsheet that re-saves the file keeps them: a
 * multi-line reply kept in its cell (`"smtp;554-5.7.1 ...` then `554 5.7.1 ..."`), or a header field the
 * configuration records (`header_Subject`). Read line by line, the first piece would be a row cut short
 * (its Orange token in the next line) and the next lines no row at all.
 *
 * The dispatcher (which routes the following lines to the PowerMTA reader) and the reader (which joins
 * them) both follow the same count, so that they agree on where the row ends.
 */

/** The most lines one row is joined over: a stray quote must not swallow the rest of the file. */
export const MAX_ROW_LINES = 8;

function hasOddQuotes(text: string): boolean {
  let odd = false;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) odd = !odd;
  return odd;
}

/**
 * Lines read so far of a row still inside quotes after `text`, given `open` lines of it before (0: `text`
 * starts a row). 0 when the row ends with `text`, or when it has run over MAX_ROW_LINES lines.
 */
export function openRowLines(open: number, text: string): number {
  // `""` inside quotes counts twice: only an odd count opens or closes a field.
  const toggles = hasOddQuotes(text);
  if (open === 0) return toggles ? 1 : 0;
  if (toggles || open + 1 >= MAX_ROW_LINES) return 0;
  return open + 1;
}
