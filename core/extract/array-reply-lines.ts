/**
 * A multi-line reply a program logs as its array of lines, one string each: `["554-Transaction failed",
 * "554-Reject due to policy restrictions.", "554 For explanation visit https://www.ionos.com/help/...",
 * ""]` (an iPhone app's SMTP library quoted in homematic-community/hm_email issue 13, 2022). The reply
 * goes on in the next string while its line is a `554-` one (RFC 5321's continuation), up to its last
 * line, `554 ...`.
 */
import { stringAround } from './string-literal';

/** A string's separator from the next one in the array: `, "`. */
const NEXT_STRING = /^\s{0,4},\s{0,4}"/;

/** Most lines a reply has in such an array (Gmail's longest replies have seven). */
const MAX_LINES = 12;

/**
 * The lines after the first of a reply whose first line is the string closing at `close` and starting
 * with `first` (`554-...`), each after a space, or '' when the string is no array's line of a reply.
 */
export function arrayReplyRest(line: string, first: string, close: number): string {
  const code = /^([245]\d\d)-/.exec(first)?.[1];
  if (!code) return '';
  let rest = '';
  let at = close + 1;
  for (let n = 1; n < MAX_LINES; n++) {
    const sep = NEXT_STRING.exec(line.slice(at, at + 12));
    if (!sep) break;
    const open = at + sep[0].length - 1;
    const string = stringAround(line, open + 1);
    if (!string || string.open !== open) break;
    const element = line.slice(open + 1, string.close);
    if (!element.startsWith(code) || (element[3] !== '-' && element[3] !== ' ')) break;
    rest += ` ${element}`;
    if (element[3] === ' ') break;
    at = string.close + 1;
  }
  return rest;
}
