/**
 * Replies a mail client or a person quotes after a marker (`The error that the other server returned
 * was:`, `Réponse du serveur :`), on the marker's line or in the paragraph below it.
 */

import { clientClosingRecipient } from './client-closing-recipient';
import {
  CLIENT_MARKER,
  clientServer,
  findQuoteMarker,
  hostLineAbove,
  nextMarkerLine,
  quotedReplyText,
} from './client-quote';
import { dotnetStatus, isDotnetRefusal } from './dotnet-status';
import { senderIn } from './envelope-address';
import { exchangeWrapped } from './exchange-wrapper';
import { type FoundReply, reply } from './found-reply';
import { gmailRejectingServer } from './gmail-server';
import { lineOfOffset, type Paragraph } from './reply-paragraphs';
import { CLOSING_QUOTE, cleanIp, REPLY_CODE_AHEAD } from './reply-patterns';
import { THUNDERBIRD_CODELESS_WORDS } from './thunderbird-l10n-words';

/**
 * Thunderbird's words, in English, French, German (its de strings, `smtp-server-error`: `Der Mail-Server
 * antwortete: { $serverResponse }.`, as users paste them: hunt48/SOURCES.md) and its other languages
 * (thunderbird-l10n-words.ts), before a reply it quotes without the basic code.
 */
const REFUSAL_WORDS = new RegExp(THUNDERBIRD_CODELESS_WORDS, 'i');

/** A quoted reply's own basic code, or the enhanced code it starts with when it has none (.NET's quotes). */
const BASIC_CODE_FIRST = /^\s{0,4}[245]\d\d[\s-]/;

const LEADING_ENHANCED = /^\s{0,4}([245]\.\d{1,3}\.\d{1,3})\b/;

/**
 * The reply in `rest`, the text after a wording: up to the quote the wording opened (`opening`), or one
 * opened right after it, else as quotedReplyText ends it.
 */
function replyAfterMarker(rest: string, opening: string | undefined): string {
  // A word processor's curly quotes (`Remote Server returned ‘550 ... AS(7555)’.`) read as straight ones,
  // and so are guillemets (a French client's or writer's `Le serveur distant a répondu : « 550 ... »`).
  const curly = opening ? undefined : /^\s*([‘“«])/.exec(rest)?.[1];
  if (curly) {
    const straight = curly === '‘' ? "'" : '"';
    const inner = rest.replace(/^\s*(?:[‘“]|«\s{0,2})/, '');
    const end = (CLOSING_QUOTE[curly] as RegExp).exec(inner);
    return quotedReplyText(
      end && end.index > 0
        ? `${inner.slice(0, end.index)}${straight}${inner.slice(end.index + end[0].length)}`
        : inner,
      straight,
    );
  }
  return quotedReplyText(rest.replace(/^\s*['"[]/, ''), opening ?? /^\s*(['"[])/.exec(rest)?.[1]);
}

/**
 * The text after a marker up to the next line starting with one (another error quoted below), in the
 * first 1,500 characters (where a client's sentence after the reply starts): each reply of a paragraph
 * of many reads a bounded part.
 */
function ownPart(rest: string): string {
  const head = rest.length > 1500 ? rest.slice(0, 1500) : rest;
  const next = nextMarkerLine(head);
  return next > 0 ? head.slice(0, next) : head;
}

/** `readQuoted` found no quoted reply: the next readers get the paragraph. */
export const NOT_QUOTED = -1;

/**
 * A reply quoted after a wording (`Remote Server returned '550 ...'`, `Réponse du serveur : 550 ...`),
 * maybe in the next paragraph. Returns the index of the last paragraph read (k, or k + 1 when the
 * reply was the next one), or NOT_QUOTED.
 */
export function readQuoted(
  paras: readonly Paragraph[],
  k: number,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): number {
  const marker = findQuoteMarker(joined);
  if (!marker) return NOT_QUOTED;
  const p = paras[k] as Paragraph;
  const at = marker.index + marker[0].length;
  const opening = /['"[]$/.exec(marker[0])?.[0];
  let rest = joined.slice(at);
  let lineIndex = lineOfOffset(p, joined, at);
  let last = k;
  if (!REPLY_CODE_AHEAD.test(rest)) {
    const next = paras[k + 1];
    if (rest.trim() === '' && next && REPLY_CODE_AHEAD.test(next.lines.join('\n'))) {
      rest = next.lines.join('\n');
      lineIndex = next.start;
      last = k + 1;
    } else if (!/^\s*\S/.test(rest)) return k;
  }
  if (!REPLY_CODE_AHEAD.test(rest) && !CLIENT_MARKER.test(marker[0])) return last === k ? NOT_QUOTED : last;
  const quotedText = replyAfterMarker(rest, opening);
  // Exchange's own status around the remote's reply (`554 5.7.1 <host #5.7.1 smtp; 550 ...>`).
  const wrapped = exchangeWrapped(quotedText);
  const text = wrapped?.reply ?? quotedText;
  const named = clientServer(joined) ?? hostLineAbove(joined, marker.index);
  // The name before `#` may be an address (`<23.128.96.18 #5.7.1 smtp; 553 ...>`).
  const wrappedIp = wrapped?.host ? cleanIp(wrapped.host) : null;
  const fromWrapper = wrapped?.host
    ? wrappedIp
      ? { host: null, ip: wrappedIp, index: at }
      : { host: wrapped.host, index: at }
    : null;
  const server = named ?? fromWrapper;
  let serverLine = server ? lineOfOffset(p, joined, server.index) : null;
  let ip = server && 'ip' in server ? cleanIp(server.ip) : null;
  let host = server?.host ?? null;
  // Gmail's older notice names the server in the paragraph above its `The error that the other server
  // returned was:`.
  const above = server ? null : paras[k - 1];
  const gmail = above ? gmailRejectingServer(above.lines) : null;
  if (above && gmail) {
    host = gmail.host;
    ip = gmail.ip;
    serverLine = above.start + gmail.lineIndex;
  }
  // The recipient the client's own sentence after the reply names (Thunderbird's `... des Empfängers "x"`).
  const namedRecipient = clientClosingRecipient(ownPart(rest));
  const quoted = reply(text, lineIndex, host, ip, serverLine, namedRecipient ?? lastRecipient, 1);
  const before = joined.slice(Math.max(0, marker.index - 80), marker.index);
  const stated = BASIC_CODE_FIRST.test(text)
    ? null
    : dotnetStatus(before, marker[0], LEADING_ENHANCED.exec(text)?.[1] ?? null);
  if (stated) quoted.statedCode = stated;
  if (
    !REPLY_CODE_AHEAD.test(rest) &&
    (REFUSAL_WORDS.test(marker[0]) || (!stated && isDotnetRefusal(before, marker[0])))
  )
    quoted.refusalWithoutCode = true;
  // The sender the words above the reply name as such (Mailgun's `Failed: sender -> recipient`).
  const sender = senderIn(joined.slice(Math.max(0, marker.index - 2000), marker.index));
  if (sender) quoted.sender = sender;
  found.push(quoted);
  if (last === k) readQuotedBelow(p, joined, at, lastRecipient, found);
  return last;
}

/** A line holding one address alone (Exchange's recipient line, `jean@orange.fr`, or `<jean@orange.fr>`). */
const ADDRESS_ALONE = /^[ \t]{0,12}<?([^\s<>@'"]{1,64}@[A-Za-z0-9][A-Za-z0-9.-]{0,252})>?[ \t]*$/;

/**
 * The recipient's address alone on the line right above the reply's marker (at `at` in the paragraph),
 * or above the server's line written between them, and that server; null when that line holds no lone
 * address. Exchange's notice writes one such block per recipient under its diagnostic words; an HTML
 * notice read as text, or a copy that lost the empty lines, runs them together in one paragraph.
 */
function recipientBlockAbove(
  paragraph: string,
  at: number,
): { recipient: string; host: { host: string | null; ip?: string; index: number } | null } | null {
  const host = hostLineAbove(paragraph, at);
  const end = paragraph.lastIndexOf('\n', (host ? host.index : at) - 1);
  if (end <= 0) return null;
  const line = paragraph.slice(paragraph.lastIndexOf('\n', end - 1) + 1, end);
  const recipient = ADDRESS_ALONE.exec(line)?.[1];
  return recipient ? { recipient, host } : null;
}

/**
 * Client errors pasted one under the other (`La réponse du serveur était : 421 ...` twice): each line
 * starting with a wording after the reply read at `at` gives its own reply.
 */
function readQuotedBelow(
  p: Paragraph,
  joined: string,
  at: number,
  lastRecipient: string | null,
  found: FoundReply[],
): void {
  for (let next = nextMarkerLine(joined.slice(at)); next > 0 && found.length <= 10_000; ) {
    const lineStart = at + next + 1;
    const marker = findQuoteMarker(joined.slice(lineStart));
    if (!marker) return;
    at = lineStart + marker.index + marker[0].length;
    const rest = joined.slice(at);
    if (!REPLY_CODE_AHEAD.test(rest) && !CLIENT_MARKER.test(marker[0])) return;
    const quoted = replyAfterMarker(rest, /['"[]$/.exec(marker[0])?.[0]);
    // Exchange's own status around the remote's reply, as for the first (`554 5.7.0 < #5.7.133
    // smtp;550 ...>`).
    const text = exchangeWrapped(quoted)?.reply ?? quoted;
    // Exchange's block of its own for each recipient (its address, the server, `Remote Server returned
    // '...'`), the blocks run together: the address and server written above this reply are its own.
    const block = recipientBlockAbove(joined, lineStart + marker.index);
    const serverLine = block?.host ? lineOfOffset(p, joined, block.host.index) : null;
    found.push(
      reply(
        text,
        lineOfOffset(p, joined, at),
        block?.host?.host ?? null,
        block?.host?.ip ? cleanIp(block.host.ip) : null,
        serverLine,
        block?.recipient ?? clientClosingRecipient(ownPart(rest)) ?? lastRecipient,
        1,
      ),
    );
    next = nextMarkerLine(rest);
  }
}
