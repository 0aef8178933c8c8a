/**
 * A reply quoted inside a message's HTML part read as source: Gmail's notice writes `The response
 * was:<br/>` then `<p style="font-family:monospace">`, the reply, and `</p> </td> </tr> ...` up to
 * `</html>` (Sisimai's set-of-emails, lhost-googleworkspace-01.eml, 2023). The layout tags before the
 * reply are no part of it, and the first one after it ends it. An address in angle brackets
 * (`<jean@orange.fr>`) is no layout tag and stays.
 */
import { LAYOUT_TAG } from './html-source';

/** Layout tags and the spaces around them at the start of a quoted reply. */
const LEADING_TAGS = new RegExp(String.raw`^(?:\s{0,200}${LAYOUT_TAG.source}){1,20}\s{0,200}`, 'i');

/**
 * `text` without the layout tags it starts with, cut at the next one; `text` itself when it starts
 * with no layout tag (a reply in plain text, whose words may well hold `<...>`).
 */
export function replyOutOfMarkup(text: string): string {
  const leading = LEADING_TAGS.exec(text);
  if (!leading) return text;
  const rest = text.slice(leading[0].length);
  const next = rest.search(LAYOUT_TAG);
  return next >= 0 ? rest.slice(0, next) : rest;
}
