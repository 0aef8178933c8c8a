/**
 * Orange's reply wherever it sits in a line, for pastes no wording of body-replies.ts introduces: a
 * Postfix status cut before its host (`refused to talk to me: 421 mwinf5c79 ME ...`), a webmail's error
 * (Roundcube: `SMTP Error (550): Failed to add recipient "x@orange.fr" (550 5.1.1 ... OFR_416 [416]).`),
 * a reply in quotes or guillemets (`« 421 ... OFR004_104 [104] »`), a sentence around it (`J'ai ce
 * message : 550 ...`), or the wording alone without its code. Orange's token (`OFR005_104`) proves the
 * reply is one; it starts at the last reply code before the token in the same paragraph (else at the
 * server id, else where the paragraph's text starts) and ends with the `[NNN]` that repeats the reason.
 */
import type { FoundReply } from './body-replies';

// Not inside a word, a file name or a link's parameter (`...?ec=OFR006_101`).
const TOKEN = /(?<![\w/=.-])OFR(?:\d{3}[_-]|[ _-]?)\d{3}(?!\d)/gi;
/** A reply code: not part of a number, an IP or a date, followed by a space or a dash. */
const CODE = /(?<![\w.:/])[245]\d\d(?=[ \t-])/g;
const CODE_AT = /^[245]\d\d/;
const SERVER_ID = /\b(?:mwinf|opmta)[A-Za-z0-9]{2,20}\b/i;
/** The reason repeated in brackets after the token (`... Ref http://...?ip=... [102]`), near it. */
const REASON = /\[\d{3}\]/;
/** Farthest a reply code may sit before the token (Orange's longest wordings are ~250 characters). */
const MAX_BEFORE = 600;
/** The last address before the reply in its paragraph: the refused recipient (Roundcube names it). */
const ADDRESS = /[A-Za-z0-9._%+=/'-]{1,64}@([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}/g;
/** Opening quotes and list marks at a paragraph's start, before a reply without its code. */
const LEADING = /^[\s"'«“‘(>*-]+/;

/** Offsets to 0-based lines and paragraph starts, for offsets that only grow (linear over the text). */
function cursor(text: string) {
  let next = text.indexOf('\n');
  let line = 0;
  let paragraph = 0;
  return (to: number): { line: number; paragraph: number } => {
    for (; next >= 0 && next < to; next = text.indexOf('\n', next + 1)) {
      line++;
      // A blank line (empty or white space) ends a paragraph: the next one starts after it.
      let j = next + 1;
      while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < to && text[j] === '\n') paragraph = j + 1;
    }
    return { line, paragraph };
  };
}

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Where the reply holding the token at `token` starts, never before `from`. */
function replyStart(text: string, from: number, token: number): number {
  const before = Math.max(from, token - MAX_BEFORE);
  const window = text.slice(before, token);
  let code = -1;
  CODE.lastIndex = 0;
  for (let m = CODE.exec(window); m; m = CODE.exec(window)) code = m.index;
  if (code >= 0) return before + code;
  const server = SERVER_ID.exec(window);
  if (server) return before + server.index;
  const lead = LEADING.exec(window);
  return before + (lead ? lead[0].length : 0);
}

function lastAddress(text: string): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(ADDRESS)) last = m[0];
  return last;
}

/** Orange's replies in the lines, one per token, each with the line where it starts. */
export function findEmbeddedOrangeReplies(lines: readonly string[]): FoundReply[] {
  const text = lines.join('\n');
  const found: FoundReply[] = [];
  const at = cursor(text);
  let end = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const tokenEnd = m.index + m[0].length;
    const here = at(m.index);
    const from = Math.max(end, here.paragraph);
    const start = replyStart(text, from, m.index);
    // Up to the bracketed reason when it follows within the paragraph, else to the token's line end.
    const after = text.slice(tokenEnd, tokenEnd + 300);
    const stop = after.search(/\n[ \t]*\n/);
    const reason = REASON.exec(stop >= 0 ? after.slice(0, stop) : after);
    // A token alone (a list of codes, a link) is no reply: the reason repeated or a code before it.
    if (!reason && !CODE_AT.test(text.slice(start, start + 4))) continue;
    const lineEnd = text.indexOf('\n', tokenEnd);
    end = reason ? tokenEnd + reason.index + reason[0].length : lineEnd < 0 ? text.length : lineEnd;
    found.push({
      text: text.slice(start, end),
      lineIndex: here.line - newlines(text, start, m.index),
      remoteHost: null,
      remoteIp: null,
      remoteLineIndex: null,
      recipient: lastAddress(text.slice(Math.max(from, start - MAX_BEFORE), start)),
      strength: 3,
    });
    TOKEN.lastIndex = end;
  }
  return found;
}
