/**
 * Text copied out of a forum post keeps its BBCode when taken from the editor or a quote: `[code]` ...
 * `[/code]` around a log, `[email]user@example.org[/email]` or `[url=http://x/]x[/url]` around every
 * address the forum linked (an Exim refusal quoted that way: `Unable to relay for
 * [email]rahmath@local.com[/email]`). The tags are removed, line for line; a link whose text differs from
 * its target keeps its text.
 */
const LINK = /\[(email|url)(?:=[^\]\s]{1,520})?\]([^[\]]{0,520})\[\/\1\]/gi;
const BLOCK = /\[\/?(?:code|quote|pre|tt)(?:=[^\]\n]{0,80})?\]/gi;

/** The text without forum BBCode tags (the same string when it has none). */
export function withoutBbcode(text: string): string {
  if (!text.includes('[/')) return text;
  return text.replace(LINK, (_tag, _kind: string, label: string) => label).replace(BLOCK, '');
}
