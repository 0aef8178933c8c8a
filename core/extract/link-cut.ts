/**
 * A link in angle brackets that a wrap cut before its `>`: GoDaddy's `... the following page. <https://che`
 * / `ckspam.secureserver.net/?sid=...&mid=...>`, in a Diagnostic-Code whose lines a copy wrapped mid-word
 * without indenting them (CiviCRM's test_nested_message.eml, 2017). The two pieces are one link, as no
 * space is ever inside one: they are joined without the space a wrap between words would get back.
 */
const LINK_CUT = /<https?:\/\/[^\s<>]{0,2000}$/i;
const LINK_REST = /^[^\s<>]{1,2000}>/;

/** True when `line` is the rest of a bracketed link `previous` ends with, cut by a wrap. */
export function linkGoesOn(previous: string, line: string): boolean {
  return previous.includes('://') && LINK_CUT.test(previous) && LINK_REST.test(line);
}
