/**
 * Web pages and chat tools put characters nobody sees into what they display: a zero-width space after
 * every `@` or dot so that nothing turns an address into a link (`jean@\u200borange.fr`), zero-width
 * joiners, word joiners, soft hyphens where a line could break. Copied, they split every address and
 * name the readers look for. They are removed; lines stay where they were.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function withoutInvisibleCharacters(text: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}
