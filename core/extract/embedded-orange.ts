/**
 * Orange's reply wherever it sits in a line, for pastes no wording of body-replies.ts introduces: a
 * Postfix status cut before its host (`refused to talk to me: 421 mwinf5c79 ME ...`), a webmail's error
 * (Roundcube: `SMTP Error (550): Failed to add recipient "x@orange.fr" (550 5.1.1 ... OFR_416 [416]).`),
 * a reply in quotes or guillemets (`« 421 ... OFR004_104 [104] »`), a sentence around it (`J'ai ce
 * message : 550 ...`), or the wording alone without its code. Orange's token (`OFR005_104`) proves the
 * reply is one; it starts at the last reply code before the token in the same paragraph (else at the
 * enhanced code alone, else at the server id, else where the paragraph's text starts) and ends with the
 * `[NNN]` that repeats the reason.
 */
import type { OrangeReply } from '../types';
import { eachParagraph, type FoundReply, lineOfOffset } from './body-replies';
import { connectedAddressBefore } from './connected-address';
import { recipientIn } from './envelope-address';
import { lastEndpoint } from './exchange-status';
import { ORANGE_TOKEN, parseOrangeReply } from './reply';

// Orange's token as reply.ts reads it, not inside a word, a file name or a link's parameter
// (`...?ec=OFR006_101`).
const TOKEN = new RegExp(`(?<![\\w/=.-])${ORANGE_TOKEN.source.replace(/^\\b/, '')}`, 'gi');
/**
 * A reply code: not part of a number, an IP, a date or a path, followed by a space or a dash; a code
 * comment's `//` may stand right before it (`//421 mwinf5d30 ME Service refuse...`).
 */
const CODE = /(?:(?<![\w.:/])|(?<=(?:^|\s)\/\/))[245]\d\d(?=[ \t-])/g;
const CODE_AT = /^[245]\d\d/;
/**
 * An enhanced code alone, as a client library keeps the reply (MailKit's `SmtpCommandException: 5.7.1 ...`).
 */
const ENHANCED = /(?<![\w.:/])[245]\.\d{1,3}\.\d{1,3}(?= )/g;
const SERVER_ID = /\b(?:mwinf|opmta)[A-Za-z0-9]{2,20}\b/i;
/** The reason repeated in brackets after the token (`... Ref http://...?ip=... [102]`), near it. */
const REASON = /\[\d{3}\]/;
/** Farthest a reply code may sit before the token (Orange's longest wordings are ~250 characters). */
const MAX_BEFORE = 600;
/** Opening quotes and list marks at a paragraph's start, before a reply without its code. */
const LEADING = /^[\s"'«“‘(>*-]+/;

/** Quotes and code marks that may open a reply, and what closes each. */
const CLOSERS: Record<string, string> = { '`': '`', '"': '"', "'": "'", '«': '»', '“': '”' };

/** Where the last match of the global expression `re` in `text` starts, or -1. */
function lastMatch(re: RegExp, text: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  return at;
}

/** Where the reply holding the token at `token` starts, never before `from`. */
function replyStart(text: string, from: number, token: number): number {
  const before = Math.max(from, token - MAX_BEFORE);
  const window = text.slice(before, token);
  const code = lastMatch(CODE, window);
  if (code >= 0) return before + code;
  const enhanced = lastMatch(ENHANCED, window);
  if (enhanced >= 0) return before + enhanced;
  const server = SERVER_ID.exec(window);
  if (server) return before + server.index;
  const lead = LEADING.exec(window);
  return before + (lead ? lead[0].length : 0);
}

/**
 * Where the words that may name the recipient of the reply starting at `start` begin: after the line of
 * another reply code above it, whose recipient that line names (a bounce-message fixture listing one
 * reply per provider, WHEP's `'icloud_1' => '552 5.2.2 <recipient@example.com>: ...'` three lines above
 * `'orange_1' => '552 5.1.1 ... OFR_417 [417]'`), else at `from`. None when that code is on the reply's
 * own line.
 */
function recipientFrom(text: string, from: number, start: number): number {
  const other = lastMatch(CODE, text.slice(from, start));
  if (other < 0) return from;
  const lineEnd = text.indexOf('\n', from + other);
  // On the reply's own line, the words after that code are the other reply's.
  return lineEnd >= 0 && lineEnd < start ? lineEnd + 1 : start;
}

/**
 * How far after a reply Exchange's status may name its last endpoint: its LastError's sentences between
 * the quoted reply and `The last endpoint attempted was IP:25` take ~200 characters. Bounded: on a paste
 * of one line (20 MB of refusals, no line break), reading each reply's whole rest of the line took time
 * growing with the square of its length (over two minutes).
 */
const ENDPOINT_REACH = 2000;

/**
 * Orange's replies in the lines, one per token, each with the line where it starts; the first `limit`
 * only, when given (a paste of one 64 MB line of refusals holds 370,000, a reader keeps a few thousand).
 */
export function findEmbeddedOrangeReplies(
  lines: readonly string[],
  limit = Number.POSITIVE_INFINITY,
): FoundReply[] {
  const found: FoundReply[] = [];
  // (One paragraph at a time: their array, a million for a 50 MB paste of one refusal, lived to the end.)
  for (const p of eachParagraph(lines)) {
    const joined = p.lines.join('\n');
    TOKEN.lastIndex = 0;
    const first = TOKEN.exec(joined);
    // (Most paragraphs hold no token: nothing below is made for them.)
    if (!first) continue;
    // The end of the line holding `at`, for `at`s that never go back: a line break is looked for once
    // per line, not once per reply (a paste of one 20 MB line holds a hundred thousand of them).
    let lineEnd = -1;
    const lineEndAt = (at: number) => {
      if (lineEnd < at) {
        const next = joined.indexOf('\n', at);
        lineEnd = next < 0 ? joined.length : next;
      }
      return lineEnd;
    };
    let end = 0;
    for (let m: RegExpExecArray | null = first; m; m = TOKEN.exec(joined)) {
      const tokenEnd = m.index + m[0].length;
      const start = replyStart(joined, end, m.index);
      // Up to the bracketed reason when it follows, else to the token's line end.
      const reason = REASON.exec(joined.slice(tokenEnd, tokenEnd + 300));
      // A token alone (a list of codes, a link) is no reply: the reason repeated or a code before it.
      if (!reason && !CODE_AT.test(joined.slice(start, start + 4))) continue;
      const from = Math.max(end, start - MAX_BEFORE);
      end = reason ? tokenEnd + reason.index + reason[0].length : lineEndAt(tokenEnd);
      // A reply quoted in a sentence ends at its closing mark, before the words that follow it
      // (``Orange `501 OFR_515` + Yahoo `554 5.7.9`, ...``, a French project's notes in Markdown).
      const closer = CLOSERS[joined[start - 1] ?? ''];
      const closed = closer ? joined.slice(tokenEnd, end).indexOf(closer) : -1;
      if (closed >= 0) end = tokenEnd + closed;
      found.push({
        text: joined.slice(start, end),
        lineIndex: lineOfOffset(p, joined, start),
        remoteHost: null,
        // (Or the one Exchange's status names after the reply it quotes, on its line: Get-Queue's
        // `... responded with: "421 ... [999]." ... The last endpoint attempted was 80.12.242.9:25`.)
        remoteIp:
          connectedAddressBefore(joined, start) ??
          lastEndpoint(joined.slice(end, Math.min(lineEndAt(end), end + ENDPOINT_REACH))),
        remoteLineIndex: null,
        // The refused recipient, when named before the reply (Roundcube names it).
        recipient: recipientIn(joined.slice(recipientFrom(joined, from, start), start)),
        strength: 3,
      });
      if (found.length >= limit) return found;
      TOKEN.lastIndex = end;
    }
  }
  return found;
}

/**
 * What tells one Orange refusal from another: its reason number (`OFR004_104` and `OFR102_104` are two
 * wordings of the same refusal, 104), else its token.
 */
export function orangeReason(orange: OrangeReply | null | undefined): string {
  return orange ? String(orange.reason ?? orange.token ?? '') : '';
}

/**
 * Orange's replies in the lines whose reason none of the replies `found` holds: beside replies another
 * reader found (an ESP's map of domains to replies, La Poste's read first), Orange's would be lost.
 * Its token proves each as well as a wording would (strength 1).
 */
export function orangeRepliesBeside(found: readonly FoundReply[], lines: readonly string[]): FoundReply[] {
  if (found.length === 0) return [];
  const embedded = findEmbeddedOrangeReplies(lines);
  if (embedded.length === 0) return [];
  // The reply a wording introduced is most often the very text Orange's token finds: that one's reason is
  // among the found replies' without reading any (a bounce's one reply was parsed only to be dropped).
  const foundTexts = new Set(found.map((r) => r.text));
  const orange = embedded.filter((r) => !foundTexts.has(r.text));
  if (orange.length === 0) return [];
  // Each text read once.
  const readReasons = new Map<string, string>();
  const reasonOf = (text: string) => {
    let reason = readReasons.get(text);
    if (reason === undefined) {
      reason = orangeReason(parseOrangeReply(text));
      readReasons.set(text, reason);
    }
    return reason;
  };
  const reasons = new Set(found.map((r) => reasonOf(r.text)));
  return orange.filter((r) => !reasons.has(reasonOf(r.text))).map((r) => ({ ...r, strength: 1 as const }));
}
