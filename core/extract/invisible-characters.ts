/**
 * Web pages and chat tools put characters nobody sees into what they display: a zero-width space after
 * every `@` or dot so that nothing turns an address into a link (`jean@\u200borange.fr`), zero-width
 * joiners, word joiners, soft hyphens where a line could break. Copied, they split every address and
 * name the readers look for. They are removed; lines stay where they were.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** INVISIBLE's characters one by one: indexOf searches for one character cost less than the class's test. */
const INVISIBLE_CHARS = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

export function withoutInvisibleCharacters(text: string): string {
  return INVISIBLE_CHARS.some((c) => text.includes(c)) ? text.replace(INVISIBLE, '') : text;
}
