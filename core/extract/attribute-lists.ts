/**
 * A Markdown attribute list alone on its line, as Wiki.js and kramdown style the block above it
 * (`{.is-info}`, `{: .warning}`, `{#id .note}`): pasted with the block, it would be read as the
 * reply's next words. The line is emptied, so the lines keep their numbers.
 */
const ATTRIBUTE_LINE = /^[ \t]*\{:?[ \t]?[.#][\w-]{1,60}(?:[ \t]{1,4}[.#][\w-]{1,60}){0,8}[ \t]?\}[ \t]*$/gm;

/** The text without attribute-list lines (the same string when it has none). */
export function withoutAttributeLists(text: string): string {
  if (!text.includes('{.') && !text.includes('{:') && !text.includes('{#')) return text;
  return text.replace(ATTRIBUTE_LINE, '');
}
