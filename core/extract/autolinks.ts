/**
 * Text copied out of a Markdown editor (a chat, a forum, a ticket tool) comes back with the links the
 * editor made by itself around every name that looked like one: `host [mx.example.net](http://mx.example.net/)[192.0.2.1]`,
 * `<[user@example.org](mailto:user@example.org)>`, `SPF check for [[orange.fr](http://orange.fr/)]`
 * (a Postfix notice pasted that way in stephane-klein/backlog, issue 149). Such a link only repeats
 * its text, so it is put back to that text, line for line; a link whose text says something else is a
 * writer's own and stays.
 */
const LINK = /\[([^[\]\s]{1,500})\]\(((?:mailto:|https?:\/\/)[^()\s]{1,520})\)/gi;
const SCHEME = /^(?:mailto:|https?:\/\/)/i;

const bare = (s: string) => s.replace(SCHEME, '').replace(/\/$/, '').toLowerCase();

/** The text with every link that only repeats its own text replaced by that text. */
export function withoutAutolinks(text: string): string {
  if (!text.includes('](')) return text;
  return text.replace(LINK, (link, label: string, url: string) => (bare(label) === bare(url) ? label : link));
}
