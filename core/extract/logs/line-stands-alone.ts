/**
 * Whether a line of a chunk can be read as it is, without being cut out of the chunk and passed
 * through the record assembler (LineSplitterOptions.takeSpan): nothing below may continue it, and the
 * assembler holds nothing it may continue.
 */
import type { PartialLines } from './partial-lines';
import { isCriPartialAt } from './partial-lines';
import { ENTRY_START, endsCutShort, mayStartEntry, type RecordAssembler } from './records';

/** ENTRY_START at a given place of a chunk (lastIndex), without cutting the line out. */
const ENTRY_START_AT = new RegExp(ENTRY_START.source.slice(1), 'y');

/** True when chunk[s, e), a whole line, is a record of its own that no other line joins. */
export function lineStandsAlone(
  chunk: string,
  s: number,
  e: number,
  assembler: RecordAssembler,
  partials: PartialLines,
): boolean {
  // The next line must be known not to continue this one, and no JSON object may be open. (The chunk's
  // length is checked rather than charCodeAt's NaN past its end: reading past a string's end throws the
  // splitter's optimised loop away, to be compiled again, the first time a chunk ends with a line end.)
  if (e + 1 >= chunk.length) return false;
  const next = chunk.charCodeAt(e + 1);
  if (next === 32 || next === 9 || assembler.collectingJson || e === s) return false;
  // A next line opened by `(` continues this one in the assembler (records.ts): a wrapped status's
  // `(host ... said:`, a queue listing's reason under its entry (formats/queue-entry.ts).
  if (next === 40) return false;
  // A CRI piece and the records after it, until its line is whole (partial-lines.ts).
  if (partials.pending || isCriPartialAt(chunk, s, e)) return false;
  const c0 = chunk.charCodeAt(s);
  if (c0 === 32 || c0 === 9 || c0 === 123) return false;
  // After an entry, a next line that starts none may be its wrapped rest (`5.7.0 (SNT004-MC4F16) ...`
  // after `said: 550`, `restrictions. (in reply ...`): the assembler decides.
  if (mayStartEntry(c0)) {
    if (next >= 97 && next <= 122) return false;
    if (next >= 48 && next <= 57) {
      ENTRY_START_AT.lastIndex = e + 1;
      if (!ENTRY_START_AT.test(chunk)) return false;
    }
  }
  // A record wrapped by a post without indenting (records.ts, isCutShort): the assembler joins it.
  if (assembler.cutShort || (c0 === 40 && assembler.holding)) return false;
  // A reply's next line after chasquid's failure line, behind the server's enhanced code (`4.7.28 ...`,
  // records.ts, continuesGoReply): the assembler decides.
  if (assembler.holding && (c0 === 50 || c0 === 52 || c0 === 53) && chunk.charCodeAt(s + 1) === 46)
    return false;
  if (mayStartEntry(c0) && endsCutShort(chunk.charCodeAt(e - 1))) return false;
  // A qmail delivery line (`@4000<20 hex> delivery N: ...`, records.ts) not ended by its `/`: the
  // assembler may join its wrapped rest. Its `status:` lines are taken as they are.
  if (c0 === 64 && chunk.charCodeAt(e - 1) !== 47 && chunk.startsWith(' delivery ', s + 25)) return false;
  return true;
}
