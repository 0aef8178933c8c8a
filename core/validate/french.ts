/** French typography for texts the interface shows. */

/** Keyboard apostrophes between two letters (« l'incident ») become typographic ones (« l’incident »). */
export function typographicApostrophes(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
}
