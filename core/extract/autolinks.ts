/**
 * Text copied out of a Markdown editor (a chat, a forum, a ticket tool) comes back with the links the editor
 * made by itself around every name that looked like one:
 * `host [mx.example.net](http://mx.example.net/)[192.0.2.1]`,
 * `<[user@example.org](mailto:user@example.org)>`, `SPF check for [[orange.fr](http://orange.fr/)]` (a
 * Postfix notice pasted that way in stephane-klein/backlog, issue 149), or the plain-text form a ticket tool
 * gives them (`host mx.example.net (http://mx.example.net)[192.0.2.1]`). Such a link only repeats its text,
 * so it is put back to that text, line for line; a link whose text says something else is a writer's own and
 * stays.
 */
import { includesAfter } from './rare-search';

const LINK = /\[([^[\]\s]{1,500})\]\(((?:mailto:|https?:\/\/)[^()\s]{1,520})\)/gi;
const SCHEME = /^(?:mailto:|https?:\/\/)/i;

const bare = (s: string) => s.replace(SCHEME, '').replace(/\/$/, '').toLowerCase();

/**
 * A ticket tool's plain-text form of such a link: the address in parentheses after the name it repeats (`host
 * hotmail-com.olc.protection.outlook.com (http://hotmail-com.olc.protection.outlook.com)[52.101.68.13]`).
 * Found from each ` (http` or ` (mailto:`, the name read backwards from there: linear in the text.
 */
const ANNOTATION_AT = /^ \(((?:mailto:|https?:\/\/)[^()\s]{1,520})\)/i;
const NAME_BEFORE = /[^\s()[\]<>"'`,;]{1,320}$/;

function withoutAnnotations(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(' (', 0); at >= 0; at = text.indexOf(' (', at + 2)) {
    const m = ANNOTATION_AT.exec(text.slice(at, at + 540));
    if (!m) continue;
    const name = NAME_BEFORE.exec(text.slice(Math.max(from, at - 320), at))?.[0];
    if (!name || bare(name) !== bare(m[1] as string)) continue;
    out += text.slice(from, at);
    from = at + m[0].length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The text with every link that only repeats its own text replaced by that text. */
export function withoutAutolinks(text: string): string {
  const linked = text.includes('](')
    ? text.replace(LINK, (link, label: string, url: string) => (bare(label) === bare(url) ? label : link))
    : text;
  if (!includesAfter(linked, ' ', '(http') && !includesAfter(linked, ' ', '(mailto:')) return linked;
  return withoutAnnotations(linked);
}
