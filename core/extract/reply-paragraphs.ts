/**
 * The paragraphs replies are looked for in (lines up to a blank line), the recipient each names in
 * its first lines, and the cheap hints, tested once per paragraph, that let most paragraphs skip the
 * wordings that cannot match them.
 */

import { cmdletRecipient, cmdletSender } from './cmdlet-addresses';
import { namesSender, recipientIn } from './envelope-address';

export interface Paragraph {
  start: number;
  lines: string[];
  /** Offsets of the lines in the joined paragraph, filled on first use by lineOfOffset. */
  lineStarts?: number[];
}

/**
 * The paragraphs one at a time: a paste of a million one-line paragraphs then holds no million of them
 * at once (readers keep the few around the one they read).
 */
export function* eachParagraph(lines: readonly string[]): Generator<Paragraph> {
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // A blank line: empty, or only white space (`trim` only for lines that may be all white space).
    const first = line.charCodeAt(0);
    const blank = line === '' || ((first <= 32 || first >= 0x80) && line.trim() === '');
    if (!blank) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && goesOnAfterBlank(lines, i)) continue;
    if (start >= 0) yield { start, lines: lines.slice(start, i) };
    start = -1;
  }
  if (start >= 0) yield { start, lines: lines.slice(start) };
}

/** A reply's line announcing another (`550-...`): its code. */
const ANNOUNCES_MORE = /^\s{0,4}([245]\d\d)-/;

/**
 * True when the blank line `i` sits inside a multi-line reply: the line above announces another
 * (`550-5.7.26 ...`) and the line below goes on with the same code. The DragonFly Mail Agent copies the
 * remote's `\r\n` into its notice before its own line end (`\r\r\n`, Sisimai's lhost-dragonfly-01.eml):
 * each of the reply's lines then reads as a paragraph of its own, which no reply is.
 */
function goesOnAfterBlank(lines: readonly string[], i: number): boolean {
  const code = ANNOUNCES_MORE.exec(lines[i - 1] as string)?.[1];
  if (!code) return false;
  const next = (lines[i + 1] ?? '').trimStart();
  return next.startsWith(code) && (next[3] === '-' || next[3] === ' ');
}

/**
 * The line (in the lines given to findReplies) of an offset in the paragraph's joined text. The offsets
 * of the paragraph's line starts are found once, so a paragraph listing thousands of replies stays
 * linear.
 */
export function lineOfOffset(p: Paragraph, joined: string, offset: number): number {
  if (!p.lineStarts) {
    p.lineStarts = [0];
    for (let i = joined.indexOf('\n'); i >= 0; i = joined.indexOf('\n', i + 1)) p.lineStarts.push(i + 1);
  }
  const starts = p.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return p.start + low;
}

/** A line naming the recipient by label (Office 365's `Recipient Address:`, `Destinataire :`). */
export const RECIPIENT_LABEL =
  /^\s{0,12}(?:Recipient(?:\s+Address)?|Adresse\s+du\s+destinataire|Destinataire)\s{0,4}:/i;

/** A line naming someone else by label: the sender, or a header whose address is not the recipient. */
const OTHER_LABEL =
  /^\s{0,12}(?:Sender(?:\s+Address)?|From|Reply-To|Return-Path|Exp[ée]diteur|Adresse\s+de\s+l.exp[ée]diteur|De|To|Cc|[ÀA])\s{0,4}:/i;

/** A line holding a label and nothing after its colon. */
const LABEL_ALONE = /^\s{0,12}[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ -]{0,40}\s{0,2}:\s*$/;

/**
 * The recipient a paragraph names in its first lines: the address of a recipient-labelled
 * line, else the first address on a line not labelled as someone else's (an Office 365 notice lists
 * `Sender Address:` before `Recipient Address:`; a bounce's own `To:` is the original sender).
 */
export function paragraphRecipient(lines: readonly string[]): string | null {
  // Lines that start in the first 300 characters, each whole (an address cut at the limit would give
  // a wrong domain), up to 1,000 characters.
  let budget = 300;
  let first: string | null = null;
  let previous = '';
  for (const line of lines) {
    if (budget <= 0) break;
    const head = line.length > 1000 ? line.slice(0, 1000) : line;
    budget -= line.length + 1;
    const above = previous;
    previous = head;
    if (!head.includes('@')) continue;
    // A label alone on the line above names the address below (a console's `Sender:` / `bounces+...@...`).
    // (Tested only above a line with an address.)
    const labelAbove = LABEL_ALONE.test(above) ? above : '';
    // A cmdlet's command line names its recipient by parameter (cmdlet-addresses.ts).
    const asked = cmdletRecipient(head);
    if (asked) return asked;
    if (RECIPIENT_LABEL.test(head) || RECIPIENT_LABEL.test(labelAbove)) {
      const labelled = recipientIn(head);
      if (labelled) return labelled;
    }
    if (first === null && !OTHER_LABEL.test(head) && !OTHER_LABEL.test(labelAbove)) {
      const address = recipientIn(head);
      // Also a sender's label ending the line above (Exim's `for your MAIL FROM address` / `<a@b> ...`).
      if (
        address &&
        address !== cmdletSender(head) &&
        !namesSender(head, address) &&
        !namesSender(`${above} ${head}`, address)
      )
        first = address;
    }
  }
  return first;
}

// Cheap necessary conditions, tested once per paragraph so that most paragraphs (prose, headers, HTML)
// skip the patterns that cannot match them: every code pattern needs `[245]` and two digits (or, for a
// bare enhanced code, `[245].` and a digit); the wordings need their words (tested ignoring case, as
// the patterns do, without a lower-cased copy of the text).
const CODE_HINT = /[245](?:\d\d|\.\d)/;

export const WORDS = {
  host: /host/i,
  remote: /remote/i,
  reason: /reason:/i,
  returned: /returned/i,
  failedOrResponded: /failed|responded/i,
  said: /said(?:\[Response Message\])?:/i,
  reasonParen: /\(reason:/i,
};

// `rcpt: 550 ...` needs an address's domain right before `:` and a space (a scan from each '@' only).
const ADDRESS_COLON_HINT = /@[A-Za-z0-9.-]{1,253}>?(?:\.\.\.\s{1,4}Deferred)?:\s/;

// What a paragraph holds, as bits (see the hints above): tested once, read by every wording below.
export const HAS_CODE = 1;
export const HAS_HOST = 2;
export const HAS_REMOTE = 4;
export const HAS_ADDRESS_COLON = 8;

export function hintsOf(joined: string): number {
  const code = CODE_HINT.test(joined);
  let hints = code ? HAS_CODE : 0;
  if (WORDS.host.test(joined)) hints |= HAS_HOST;
  if (WORDS.remote.test(joined)) hints |= HAS_REMOTE;
  if (code && joined.includes('@') && ADDRESS_COLON_HINT.test(joined)) hints |= HAS_ADDRESS_COLON;
  return hints;
}
