/**
 * A log saved from a terminal with its colours (`grep --color=always orange /var/log/mail.log > out.log`)
 * read in chunks, as extract reads it whole (core/extract/terminal-colours.ts): the colour and erase-in-line
 * sequences removed, also one that a chunk's end cut in two (its start waits for the next chunk). A chunk
 * without ESC costs one indexOf.
 */
import { withoutTerminalColours } from '../extract/terminal-colours';

/** The longest sequence removed: ESC, `[`, up to 24 digits or `;`, then `m` or `K`. */
const LONGEST = 27;
/** A sequence's start with no end yet, at the end of a chunk. */
const OPEN_AT_END = /\x1b(?:\[[\d;]{0,24})?$/;

export interface ColourStripper {
  /** The chunk without its sequences (less the start of one it ends with, kept for the next). */
  strip(text: string): string;
  /** What was kept, at the end of the input. */
  flush(): string;
}

export function createColourStripper(): ColourStripper {
  let kept = '';
  return {
    strip(chunk) {
      const text = kept + chunk;
      kept = '';
      if (text.indexOf('\x1b') < 0) return text;
      const open = OPEN_AT_END.exec(text.slice(-LONGEST));
      const whole = open ? text.slice(0, text.length - open[0].length) : text;
      if (open) kept = open[0];
      return withoutTerminalColours(whole);
    },
    flush() {
      const rest = kept;
      kept = '';
      return rest;
    },
  };
}
