/**
 * Roundcube's send errors, as its users paste them from the webmail's message bar (the wordings of its
 * localisations, `smtptoerror`, `smtpfromerror` and `smtperror`, in English and French):
 *
 *     SMTP Error (451): Failed to add recipient "a@example.org" (Temporary local problem - please try later).
 *     Erreur SMTP (550) : échec lors de l'ajout du destinataire « a@orange.fr » (5.1.1 user unknown)
 *     SMTP Error (550): Failed to set sender "me@example.com" (Sender address rejected).
 *     SMTP Error: [550] Incorrect sender header (LOCAL)
 *
 * The server's reply is the text in the last parentheses (or, for a refused message, after `[code]`),
 * without its code, which Roundcube writes apart: the code is put back before it. Roundcube's own
 * errors (`Connection to server failed.`, `Authentication failed.`) quote no reply and give nothing.
 */

import { blankRunsWithBreaksAsSpace } from './joined-lines';
import type { LibraryReply } from './library-errors';

const LEAD = '(?:SMTP Error|Erreur SMTP|Error SMTP|SMTP-Fehler|Errore SMTP)';
export const ROUNDCUBE_HINT = new RegExp(String.raw`${LEAD}\s?(?:\([245]\d\d\)\s?:|:\s?\[[245]\d\d\])`);

/** `SMTP Error (550): ...` to the line's end. */
const CODE_IN_PARENS = new RegExp(String.raw`${LEAD}\s?\(([245]\d\d)\)\s?:\s?([^\n]{1,4000})`, 'g');
/** `SMTP Error: [550] ...` (a message refused after DATA) to the line's end. */
const CODE_IN_BRACKETS = new RegExp(String.raw`${LEAD}\s?:\s?\[([245]\d\d)\]\s?([^\n]{1,4000})`, 'g');
/** The address Roundcube names in quotes or guillemets, and whether it is the sender. */
const NAMED = /(set sender|l['’]exp[ée]diteur)?\s{0,4}["«“]\s?([^\s"»”]{1,320}@[^\s"»”]{1,253})\s?["»”]/i;

/** The text of the parentheses that close `line` (a final `.` allowed), or null. */
function lastParentheses(line: string): string | null {
  const end = line.replace(/[.\s]+$/, '');
  if (!end.endsWith(')')) return null;
  let depth = 0;
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i] === ')') depth++;
    else if (end[i] === '(' && --depth === 0) return end.slice(i + 1, -1).trim();
  }
  return null;
}

/** Lines a wrapped error may run over, up to its closing parenthesis. */
const MAX_LINES = 3;

/**
 * The error from `at` to the end of its line, or to the end of the next line or two when a mail client
 * wrapped it before its closing parenthesis (`... (Temporary local problem -` / `please try later).`),
 * the lines joined by a space.
 */
function closedWithin(text: string, at: number): string {
  let end = text.indexOf('\n', at);
  if (end < 0) return text.slice(at);
  for (let k = 1; k < MAX_LINES && !/\)\.?\s*$/.test(text.slice(at, end)); k++) {
    const next = text.indexOf('\n', end + 1);
    const line = text.slice(end + 1, next < 0 ? text.length : next);
    if (line.trim() === '') break;
    if (/\)\.?\s*$/.test(line)) return blankRunsWithBreaksAsSpace(`${text.slice(at, end)} ${line.trim()}`);
    if (next < 0) break;
    end = next;
  }
  return text.slice(at, text.indexOf('\n', at));
}

/** The code put back before the reply's text, unless the text starts with it already. */
function withCode(code: string, text: string): string {
  return text.startsWith(`${code} `) || text.startsWith(`${code}-`) ? text : `${code} ${text}`;
}

/** The replies in Roundcube's errors in the text, in order. */
export function roundcubeReplies(text: string): LibraryReply[] {
  const found: LibraryReply[] = [];
  CODE_IN_PARENS.lastIndex = 0;
  for (let m = CODE_IN_PARENS.exec(text); m && found.length < 1000; m = CODE_IN_PARENS.exec(text)) {
    const rest = closedWithin(text, m.index + m[0].length - (m[2] ?? '').length);
    const said = lastParentheses(rest);
    if (!said) continue;
    const reply: LibraryReply = { text: withCode(m[1] ?? '', said), offset: m.index, recipient: null };
    const named = NAMED.exec(rest.slice(0, rest.length - said.length));
    if (named?.[1] && named[2]) reply.sender = named[2];
    else if (named?.[2]) reply.recipient = named[2];
    found.push(reply);
  }
  CODE_IN_BRACKETS.lastIndex = 0;
  for (let m = CODE_IN_BRACKETS.exec(text); m && found.length < 1000; m = CODE_IN_BRACKETS.exec(text)) {
    const said = (m[2] ?? '').trim().replace(/\.$/, '');
    if (said) found.push({ text: withCode(m[1] ?? '', said), offset: m.index, recipient: null });
  }
  return found.sort((a, b) => a.offset - b.offset);
}
