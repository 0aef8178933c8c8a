/**
 * Text whose UTF-8 bytes were read as Windows-1252 (Latin-1) somewhere on its way: a terminal, a web
 * mail's "view source", a forum that stored the bytes in the wrong charset. Every accent comes out as two
 * or three characters (`RÃ©ponse du serveur`, `refusÃ©`, `Â« ... Â»`, `â€™`), labels stop matching and
 * the reply would go to the abuse desk that way. A line showing that pattern is turned back into the
 * bytes it was read from and decoded as UTF-8; a line that does not decode cleanly stays as it is (it
 * was Latin-1 text with a real `Ã`). Lines stay where they were.
 */
import { windows1252Bytes } from './windows-1252';

/** A lead byte of a two- or three-byte UTF-8 sequence read as Windows-1252, then a continuation byte. */
const BROKEN =
  /[ÂÃ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€/;
/**
 * A broken sequence's first character; three indexOf searches cost a tenth of `/[ÂÃâ]/` on a text without
 * one.
 */
function hasLead(text: string): boolean {
  return text.includes('Â') || text.includes('Ã') || text.includes('â');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The line decoded again, or null when it does not decode as UTF-8. */
function repairedLine(line: string): string | null {
  // `à` is `Ã` and a no-break space, which a copy often turns into a plain one (`Ã  la` for `à la`).
  const bytes = windows1252Bytes(line.replace(/Ã /g, 'Ã\u00a0'));
  if (!bytes) return null;
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** The text with its broken lines repaired, and whether any was. */
export function withRepairedAccents(text: string): { text: string; repaired: boolean } {
  if (!hasLead(text) || !BROKEN.test(text)) return { text, repaired: false };
  let repaired = false;
  const lines = text.split('\n').map((line) => {
    if (line.length > 10_000 || !BROKEN.test(line)) return line;
    const fixed = repairedLine(line);
    if (fixed === null || fixed === line) return line;
    repaired = true;
    return fixed;
  });
  return { text: repaired ? lines.join('\n') : text, repaired };
}
