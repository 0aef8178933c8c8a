/**
 * Bare reply lines (`550 5.7.1 ...`, strength 3): read only when no wording introduced a reply, with
 * the head of the reply a wrap or a paste left on the line above.
 */

import { recipientIn } from './envelope-address';
import { type FoundReply, reply } from './found-reply';
import { localAgentNote, localAgentWords } from './local-agent-status';
import { isReleaseNoteLine } from './release-note-lines';
import type { Paragraph } from './reply-paragraphs';
import { cleanIp, IN_REPLY_NOTE, LINE_LEAD, STARTS_WITH_CODE } from './reply-patterns';
import { SENDMAIL_HOST_LINE } from './sendmail-v5-lines';
import { isTranscriptReply } from './smtp-session-lines';

// (Its address maybe masked, `[xx.xx.xx.xx]`, `[*.*.*.*]`, or in words, `[IP.ADR.ESS.GMX]` as a Magento
// user hid GMX's: the name is still the remote's.)
export const HOST_MENTION =
  /\bhost\s{1,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,12}\[([0-9A-Fa-fXx*:.]{2,45}|[A-Za-z]{1,12}(?:\.[A-Za-z]{1,12}){1,7})\]/i;

/**
 * A writer's line about replies of a code, no reply (`- 550 errors only for orange.fr and wanadoo.fr`,
 * `- 421 deferrals stopped after we lowered concurrency`, `- 550 refus uniquement sur orange.fr`, a list
 * of what was checked under a pasted notice): the code names the replies it counts. No reply starts with
 * such a word in lower case.
 */
const TALKS_OF_CODES = new RegExp(
  String.raw`${LINE_LEAD}[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?(?:errors|deferrals?|bounces|rejections|refusals|responses|replies|codes|erreurs|rejets|refus|temporaires)\b`,
);

/**
 * A line of an SMTP transcript (`>>> RCPT To:<...>`, `<<< 550 ...`, swaks's ` -> RCPT TO:<...>` and
 * `<** 550 ...`): not part of a reply above it.
 */
const TRANSCRIPT_LINE = /^\s{0,12}(?:>>>|<<<|<-|<~?\*\*|~?->|~>)/;

/** A line holding only an address (a recipient heading its block in Exim's and Postfix's bounces). */
const BARE_ADDRESS_LINE = /^\s{0,12}<?[^\s<>@]{1,320}@[^\s<>@]{1,253}>?:?\s*$/;

const HOST_COLON_NAME = /\bhost:\s{0,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\s*$/im;

/** The note closing its line (a double parenthesis when Postfix's status wraps it). */
const IN_REPLY_LINE_END = new RegExp(String.raw`${IN_REPLY_NOTE}\)\)?\s*$`, 'i');

/** A line starting with a code (not a transcript line), the host maybe named on the lines before. */
/**
 * Where the reply starting at line `from` of a paragraph ends: at the next recipient's bare address line
 * (modern Exim lists `rcpt` / `host mx [ip]` / `SMTP error from ...:` / the reply, once per recipient), or
 * at a transcript line, or at the end of the paragraph.
 */
function replyEnd(lines: readonly string[], from: number): number {
  // The code of the reply's last line that started with one, when that line was final (`554 ...`, not
  // `554-`): after it, a line starting with the same code is another reply (a list, one reply a line),
  // and so is one starting with a refusal's code and its enhanced code (`554 5.7.1 ... Access denied` /
  // `450 4.7.1 Error: too much mail ...`). Sendmail's older notices give a refusal over two lines with
  // two codes (`550 example.org (smtp)... 550 Host unknown` / `554 <rcpt>... 550 Host unknown`).
  let final = finalCode(lines[from] as string);
  for (let n = from + 1; n < lines.length; n++) {
    // Postfix's note closes the reply (`... [405] (in reply to MAIL FROM command)`): the next line is
    // the writer's, not the reply's.
    if (IN_REPLY_LINE_END.test(lines[n - 1] as string)) return n;
    const line = lines[n] as string;
    if (BARE_ADDRESS_LINE.test(line) || TRANSCRIPT_LINE.test(line)) return n;
    // Sendmail 5's next destination (sendmail-v5-lines.ts), or Sendmail's own words of its delay notice.
    if (SENDMAIL_HOST_LINE.test(line) || SENDMAIL_DELAY_LINE.test(line)) return n;
    const code = STARTS_WITH_CODE.exec(line)?.[1];
    if (code) {
      if (code === final || (final !== null && REFUSAL_WITH_ENHANCED.test(line))) return n;
      // A final line of another code, after a final one, is another reply too (a list of refusals from
      // different servers, `550 5.7.1 ... blocked` / `554 The IP address of the sender ...`), unless it
      // is Sendmail's second line, quoting the first's reply after `...`.
      if (final !== null && finalCode(line) !== null && !line.includes('...')) return n;
      final = finalCode(line);
    }
  }
  return lines.length;
}

/**
 * Sendmail's own lines under the transcript of its delay notice (`Warning: message still undelivered
 * after 4 hours` / `Will keep trying until message is 8 hours old`, Sendmail's warning-timeout notice,
 * Sisimai's lhost-sendmail-29 and -55): what Sendmail says of its queue, not the reply above them.
 */
const SENDMAIL_DELAY_LINE =
  /^\s{0,8}(?:Warning: message still undelivered after \d|Will keep trying until message is \d)/;

/** A refusal's first line with its enhanced code (`450 4.7.1 ...`). */
const REFUSAL_WITH_ENHANCED = new RegExp(String.raw`${LINE_LEAD}[45]\d\d [45]\.\d{1,3}\.\d{1,3}\s`);

/** A reply's final line: its code followed by a space (`554 ...`), where `554-` announces more. */
const FINAL_CODE_LINE = new RegExp(String.raw`${LINE_LEAD}\(?(?:smtp;\s{0,2})?([245]\d\d) `, 'i');

const finalCode = (line: string) => FINAL_CODE_LINE.exec(line)?.[1] ?? null;

const LEAD = new RegExp(LINE_LEAD);

const QUOTE_LEAD = /^\s{0,8}(?:>\s{0,2}){0,3}/;

/**
 * A multi-line reply an application printed after its own words, its next lines starting with the
 * enhanced code alone (Go's and Haskell's clients: `... but received 550 5.7.1 [IP] Our system has
 * detected that` / `5.7.1 this message does not meet ...`) or with the reply's own codes (`error: SMTP
 * code:550 msg:550-5.7.25 [IP] The IP address sending this message does not have a` / `550-5.7.25 PTR
 * record setup, ...`): the first line's part from its code, when it has the same codes as the line below,
 * else null.
 */
function replyHeadAbove(above: string, codeLine: string): string | null {
  const codes = LEADING_CODES.exec(codeLine);
  const enhanced = codes?.[2];
  if (!enhanced || above.length > MAX_HEAD_LINE) return null;
  // Each place the enhanced code stands (then a space), a code and a space or dash before it, nothing of a
  // word before that: the first such place, unless it opens the line. No pattern built per line.
  for (let at = above.indexOf(enhanced); at >= 0; at = above.indexOf(enhanced, at + 1)) {
    const start = at - 4;
    if (start < 0 || !/\s/.test(above[at + enhanced.length] ?? '')) continue;
    const code = above.slice(start, at - 1);
    if (!/^[245]\d\d[ -]$/.test(above.slice(start, at)) || (codes[1] && code !== codes[1])) continue;
    if (start > 0 && /[\w.#-]/.test(above[start - 1] ?? '')) continue;
    return start > 0 ? above.slice(start) : null;
  }
  return null;
}

/**
 * A multi-line reply whose first line lost its codes when it was copied (Gmail's `This message does not
 * have authentication information or fails to` / `550-5.7.26 pass authentication checks. ...`): the line
 * above, given the codes of the line below, when that line goes on with a lowercase word (the sentence
 * started above) and the line above stops in the middle of it (no closing `:` `.` `!` `?`) at about the
 * width the reply was wrapped to (a user's short `The bounce says` is not the reply's), else null.
 */
function lostCodesAbove(above: string, codeLine: string): string | null {
  const codes = CONTINUED_MID_SENTENCE.exec(codeLine);
  const words = above.trim();
  if (!codes || words.length > MAX_LOST_LINE || !/^[A-Za-z]/.test(words) || /[:.!?;>)\]]$/.test(words))
    return null;
  const width = codeLine.trim().length - codes[0].trim().length + 1;
  if (words.length < MIN_LOST_LINE || words.length < width * 0.6) return null;
  if (STARTS_WITH_CODE.test(above) || /\b[245]\d\d[\s-]/.test(words)) return null;
  return `${codes[1]} ${words}`;
}

/** A continuation line (`550-`, maybe an enhanced code) going on with a lowercase word. */
const CONTINUED_MID_SENTENCE = /^\s{0,4}([245]\d\d-(?:[245]\.\d{1,3}\.\d{1,3})?)\s{1,4}[a-z]/;

const MAX_LOST_LINE = 200;

const MIN_LOST_LINE = 40;

/** A line's codes: maybe a basic code, then an enhanced code. */
const LEADING_CODES = /^\s{0,4}(?:([245]\d\d)[ -])?([245]\.\d{1,3}\.\d{1,3})\s/;

const MAX_HEAD_LINE = 4000;

/**
 * The first line starting with a code, up to the next recipient's block: one reply per recipient block,
 * each with the host and recipient named above it.
 */
export function readCodeLine(p: Paragraph, lastRecipient: string | null, found: FoundReply[]): void {
  let start = 0;
  while (start < p.lines.length) {
    let codeLine = -1;
    for (let n = start; n < p.lines.length; n++) {
      const line = p.lines[n] as string;
      if (
        STARTS_WITH_CODE.test(line) &&
        !isTranscriptReply(line) &&
        !TALKS_OF_CODES.test(line) &&
        !isReleaseNoteLine(line)
      ) {
        codeLine = n;
        break;
      }
    }
    if (codeLine < 0) return;
    const end = replyEnd(p.lines, codeLine);
    const above = p.lines[codeLine - 1] as string;
    const first = p.lines[codeLine] as string;
    // Sendmail 5's destination line says its recipient on the line below (sendmail-v5-lines.ts); with a
    // 2xx code it is no failure (`250 example.net (smtp)... 250 Deferred`).
    const sendmailHost = SENDMAIL_HOST_LINE.test(first);
    if (sendmailHost && /^\s*2/.test(first)) {
      start = end;
      continue;
    }
    // Sendmail's status under its local program's words: no server's reply, the program's words are.
    const agent = codeLine > start ? localAgentWords(above, first) : null;
    if (agent !== null) {
      const rcpt = recipientIn(first) ?? lastRecipient;
      const f = reply(agent, p.start + codeLine - 1, null, null, null, rcpt, 3);
      f.note = localAgentNote(agent);
      found.push(f);
      start = end;
      continue;
    }
    const head = codeLine > start ? (replyHeadAbove(above, first) ?? lostCodesAbove(above, first)) : null;
    const before = p.lines.slice(start, head === null ? codeLine : codeLine - 1).join('\n');
    const hostName = HOST_COLON_NAME.exec(before);
    const mention = HOST_MENTION.exec(before);
    const host = mention ?? (hostName ? { 1: hostName[1], 2: undefined, index: hostName.index } : null);
    let text = head ?? '';
    for (let n = codeLine; n < end; n++) {
      // (The bullet only on the reply's first line: on the next ones a `- ` may be the reply's own.)
      const line = (p.lines[n] as string).replace(n === codeLine ? LEAD : QUOTE_LEAD, '');
      text = n === codeLine && head === null ? line : `${text}\n${line}`;
    }
    if (text.startsWith('(') && text.trimEnd().endsWith(')')) text = text.trimEnd().slice(1, -1);
    // The host's line: the block's first line plus the line breaks before it in `before`.
    let hostLine = start;
    if (host)
      for (let i = before.indexOf('\n'); i >= 0 && i < host.index; i = before.indexOf('\n', i + 1))
        hostLine++;
    found.push(
      reply(
        text,
        p.start + codeLine - (head === null ? 0 : 1),
        host?.[1] ?? null,
        cleanIp(host?.[2]),
        host ? p.start + hostLine : null,
        (sendmailHost ? recipientIn(text) : null) ?? recipientIn(before) ?? lastRecipient,
        host ? 1 : 3,
      ),
    );
    start = end;
  }
}
