/**
 * A paragraph (lines without a blank line between them) longer than the readers of a notice's wordings
 * take at once is not read by them: their patterns look across a paragraph, and on megabytes they would
 * take minutes. It was skipped without a word (the adversarial audit's finding): a notice pasted with
 * its attachment's base64 right under the reply gave `550 5.7.1` without its text, read by a fallback
 * from the first line. The readers of bare replies and Orange's tokens still read such a paragraph line
 * by line; the warning says that a reply in it may be missing or read only in part. (Reading it in
 * pieces instead changed what other pastes gave: a JSON Lines file of 417 results, read line by line,
 * gave 36 once its pieces were read by the wordings' readers.)
 */
import type { Note } from '../types';
import { note } from './notes';

/** The readers' patterns look across a paragraph: this many characters at most. */
export const MAX_PARAGRAPH_CHARS = 200_000;

/** A reply code or an enhanced status code, as a reply starts (base64 has neither). */
const REPLY_OR_STATUS = /(?:^|[\s:("'[;])[245]\d\d[ -]|(?:^|[\s(#])[245]\.\d{1,3}\.\d{1,3}\b/m;

/** True when a paragraph too long to be read may hold a reply: it shows a reply code somewhere. */
export function mayHoldReply(joined: string): boolean {
  return REPLY_OR_STATUS.test(joined);
}

/** The warning for paragraphs too long to be read by the readers of wordings, given their first lines. */
export function paragraphsTooLong(firstLines: readonly string[]): Note {
  const start = (firstLines[0] ?? '').trim().slice(0, 40);
  const one = firstLines.length === 1;
  return note(
    'input.paragraph-too-long',
    `${one ? 'Un paragraphe' : `${firstLines.length} paragraphes`} de plus de 200\u00a0000 caractères sans ligne vide (le premier commence par «\u00a0${start}…\u00a0») ${one ? 'était trop long' : 'étaient trop longs'} pour être lu${one ? '' : 's'} en entier\u00a0: une réponse SMTP qui s’y trouverait manque peut-être, ou n’a été lue qu’en partie. Séparez les blocs par une ligne vide, ou collez-les à part.`,
    `${one ? 'A paragraph' : `${firstLines.length} paragraphs`} of more than 200,000 characters without a blank line (the first starting "${start}…") ${one ? 'was' : 'were'} too long to be read whole: an SMTP reply in ${one ? 'it' : 'them'} may be missing, or read only in part. Separate the blocks with a blank line, or paste them apart.`,
  );
}
