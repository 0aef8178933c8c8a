/**
 * Text copied out of a Markdown editor (a chat, a forum, a ticket tool) comes back with the links the editor
 * made by itself around every name that looked like one:
 * `host [mx.example.net](http://mx.example.net/)[192.0.2.1]`,
 * `<[user@example.org](mailto:user@example.org)>`, `SPF check for [[orange.fr](http://orange.fr/)]` (a
 * Postfix notice pasted that way in stephane-klein/backlog, issue 149), or the plain-text form a ticket tool
 * gives them (`host mx.example.net (http://mx.example.net)[192.0.2.1]`), or the one a mail client's
 * plain-text part gives a log pasted into a message (`relay=smtp-in.orange.fr
 * <http://smtp-in.orange.fr>[80.12.24.81]:25`, `<news@example.com <mailto:news@example.com>>`, as Outlook
 * and Gmail write the links they made). Such a link only repeats its text,
 * so it is put back to that text, line for line; a link whose text says something else is a writer's own and
 * stays.
 */
import { includesAfter } from './rare-search';

const LINK = /\[([^[\]\s]{1,500})\]\(((?:mailto:|https?:\/\/)[^()\s]{1,520})\)/gi;
const SCHEME = /^(?:mailto:|https?:\/\/)/i;

const bare = (s: string) => s.replace(SCHEME, '').replace(/\/$/, '').toLowerCase();

/**
 * A plain-text form of such a link: the address in parentheses (a ticket tool's) or angle brackets (a mail
 * client's) after the name it repeats (`host hotmail-com.olc.protection.outlook.com
 * (http://hotmail-com.olc.protection.outlook.com)[52.101.68.13]`). Found from each ` (` or ` <` (`open`),
 * the name read backwards from there: linear in the text.
 */
const ANNOTATION_AT = {
  ' (': /^ \(((?:mailto:|https?:\/\/)[^()\s]{1,520})\)/i,
  ' <': /^ <((?:mailto:|https?:\/\/)[^<>\s]{1,520})>/i,
};
// The run starts at the text's start or after a character it may not hold: tried there only, not at each
// of its characters (each of which read the run to its end again: quadratic in its length).
const NAME_BEFORE = /(?:^|[\s()[\]<>"'`,;])([^\s()[\]<>"'`,;]{1,320})$/;

/** The name (or its value after a log's `key=`, as in `relay=host`) is what the link repeats. */
function repeats(name: string, url: string): boolean {
  const target = bare(url);
  return bare(name) === target || bare(name.slice(name.lastIndexOf('=') + 1)) === target;
}

function withoutAnnotations(text: string, open: keyof typeof ANNOTATION_AT): string {
  const annotation = ANNOTATION_AT[open];
  let out = '';
  let from = 0;
  for (let at = text.indexOf(open, 0); at >= 0; at = text.indexOf(open, at + 2)) {
    const m = annotation.exec(text.slice(at, at + 540));
    if (!m) continue;
    const name = NAME_BEFORE.exec(text.slice(Math.max(from, at - 320), at))?.[1];
    if (!name || !repeats(name, m[1] as string)) continue;
    out += text.slice(from, at);
    from = at + m[0].length;
    // A mail client's link inside angle brackets closes them after a space: `<a@b.fr <mailto:a@b.fr> >`.
    if (open === ' <' && text.startsWith(' >', from)) from++;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The text with every link that only repeats its own text replaced by that text. */
export function withoutAutolinks(text: string): string {
  const linked = text.includes('](')
    ? text.replace(LINK, (link, label: string, url: string) => (bare(label) === bare(url) ? label : link))
    : text;
  const inParentheses =
    includesAfter(linked, ' ', '(http') || includesAfter(linked, ' ', '(mailto:')
      ? withoutAnnotations(linked, ' (')
      : linked;
  if (!includesAfter(inParentheses, ' ', '<http') && !includesAfter(inParentheses, ' ', '<mailto:'))
    return inParentheses;
  return withoutAnnotations(inParentheses, ' <');
}
