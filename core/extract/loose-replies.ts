/**
 * Replies written where no reader's wording introduces them, read only when nothing else was found: in the
 * middle of a sentence (`... which says "554 Message not allowed - [299]".`), in backticks or a Markdown list
 * (`` - `554 ... Comcast block for spam.` ``), in parentheses (`@gmail.com (550-5.7.1 ...)`), after a tool's
 * words (`Negative SMTP reply: 550 5.5.0 ...`, `SMTP Error (550): ... (5.7.1 ...)`, `ssmtp: 501 ...`,
 * `permanent: 5.7.1 ...`, a wrapped `refused to talk` / `to me: 554 ...`), a protocol log's `S: 550-...`
 * lines, after CJK text (`邮件发送失败，554 DT:SPM ...`, or glued to it: `邮件投递失败550 ...`). What makes such a number
 * a reply: an enhanced code beside it, an opening quote or bracket right before it, or a lead-in that names a
 * reply or an error. A reply in quotes ends at the closing one (maybe some lines further), others at the
 * line's end (a protocol log's `550-` lines go on to its `550 ` line).
 */

import { arrayReplyRest } from './array-reply-lines';
import { type FoundReply, RECIPIENT_LABEL } from './body-replies';
import { connectedAddressBefore } from './connected-address';
import { recipientIn } from './envelope-address';
import { lastEndpoint } from './exchange-status';
import { STACK_FRAME } from './stack-frame';
import { stringAround } from './string-literal';
import { type TransportHost, transportHost } from './transport-config';
import { beforeWriterSentence } from './writer-sentence';

const MAX_LINES = 2000;
const MAX_LINE = 4000;
/** Lines a quoted reply may be wrapped over. */
const MAX_WRAPPED = 6;
const ENHANCED = String.raw`[245]\.\d{1,3}\.\d{1,3}`;
const HTTP_STATUS = String.raw`(?:500 Internal Server Error|502 Bad Gateway|503 Service Unavailable|504 Gateway Time-?out|401 Unauthorized|403 Forbidden|404 Not Found)\b`;
// Not a class of codes named in a sentence: `a temporary (400-class) error`, `the 5xx-series`.
// Nor an HTTP status a web client printed after `Error:` (`Error: 500 Internal Server Error`).
const STARTS = String.raw`(?![245]\d\d-(?:class|series|level|range|type|family)\b)(?!${HTTP_STATUS})(?=[245]\d\d[ -]\S|${ENHANCED}\s\S)`;
/**
 * An application's words that sending failed, up to their colon (`failed to send email: 554 ...`,
 * `error sending message 'Welcome': 554 ...`), maybe one more short label (listmonk's `error sending
 * message in campaign x: subscriber 31: 421 ...`), then one of SMTP's codes, not an HTTP status an API
 * client would print there (`500 Internal Server Error`, `503 Service Unavailable`).
 */
const SEND_FAILED_WORDS = String.raw`\b(?:(?:failed|unable|could not|couldn't|cannot|can't) to send|error (?:while )?sending|sending failed|send failed)\b[^:\n]{0,80}:\s{1,4}(?:[^:\n\d][^:\n]{0,39}:\s{1,4})?`;
/**
 * One of SMTP's refusal codes ahead, then a word or what has the shape of an enhanced code, also one of
 * no RFC 3463 class (Yahoo's submission answers `554 6.6.0 Error sending message for delivery.`, which
 * nodemailer quotes as `Message failed: 554 6.6.0 ...`, nodemailer issue 1515): not an HTTP status an API
 * client would print there.
 */
const SMTP_CODE_AHEAD = String.raw`(?=(?:421|45[0-5]|50[0-4]|53[04-8]|55[0-6])\s(?:[A-Za-z]|[1-9]\.\d{1,3}\.\d{1,3}\s[A-Za-z]))(?!${HTTP_STATUS})`;
const SEND_FAILED = `${SEND_FAILED_WORDS}${SMTP_CODE_AHEAD}`;
/**
 * A library's label for the command that failed or its exception, up to its colon, then the reply even
 * without an enhanced code: JavaMail's `MessagingException: 550 Access denied`, gomail's
 * `Rcpt: 550 Mailbox not found` and `Mail: 501 Mail from address must be ...`, Gitea's
 * `failed to issue MAIL command: 502 Invalid input`, nodemailer's `Mail command failed: 553 Local user only`,
 * a PHP queue's `Message failed: 451 Temporary local problem`, nodemailer's `Invalid login: 535 Error:
 * authentication failed` (its EAUTH error; 163.com's and QQ's submission give no enhanced code,
 * xuess/puppeteer-sign issue 2).
 */
const COMMAND_FAILED_WORDS = String.raw`\b(?:[A-Za-z]{0,40}Exception|(?:command|message|mail|rcpt|data|delivery)\s(?:command\s)?failed|command|mail|rcpt|data|invalid login)\s{0,2}:\s{1,4}`;
const COMMAND_FAILED = `${COMMAND_FAILED_WORDS}${SMTP_CODE_AHEAD}`;
/**
 * simplesmtp's errors (Ghost 4 and other Node applications on it): `Mail from command failed - 501 ...`,
 * `Data command failed - 554 ...`, the remote's reply after a dash.
 */
const SIMPLESMTP_WORDS = String.raw`\b(?:Mail from|Data) command failed - `;
const SIMPLESMTP_FAILED = `${SIMPLESMTP_WORDS}${SMTP_CODE_AHEAD}`;
/**
 * The lead-ins above that are an application's or a library's own error: the reply after them is the
 * server it sends through (transport-config.ts), whatever the reply's words.
 */
const APPLICATION_LEAD = new RegExp(
  `(?:${SEND_FAILED_WORDS}|${COMMAND_FAILED_WORDS}|${SIMPLESMTP_WORDS})$`,
  'i',
);
/**
 * Such words before any reply code: whether a text holds such a line (extract's log path then reads replies).
 */
export const APPLICATION_SEND_FAILED = new RegExp(String.raw`${SEND_FAILED_WORDS}[245]\d\d\s`, 'i');
/** A code with its enhanced code; a code after an opener; a code or an enhanced code after a lead-in. */
const LOOSE = new RegExp(
  [
    // (Also after a line break a JSON string spelled out: `"Raw error: \\n554 5.7.1 Message rejected ..."`.)
    // (Also two spaces between the codes, as a page that doubled its spaces shows them: `550  5.7.26 ...`;
    // and the enhanced code behind a `#`, as Exchange 2003 wrote it and Xeams' failure log quotes it:
    // `[Failure reason: Unable to send email to the server. 550 #5.1.0 Address rejected.`.)
    String.raw`(?:(?<![\w.\-/=:])|(?<=\\n))([245]\d\d)(?:-| {1,2})(?=#?${ENHANCED}\s)`,
    String.raw`(["'\x60«(\[])\s{0,2}${STARTS}`,
    String.raw`(?:(?:^|\s)(?:S:|to me:|reply:|response:|responded:|error:|said:|says:|answered:|permanent:|transient:|critical:|detail:|answer:|status code:|erreur\s?:|r[ée]ponse\s?:|error \([245]\d\d\):)|[，、：])\s{0,4}${STARTS}`,
    // Monolog's `channel.LEVEL:` (Magento's, Laravel's logs: `main.CRITICAL: 5.7.57 SMTP;
    // Client was not ...`).
    String.raw`\b[a-z_]{2,30}\.(?:CRITICAL|ERROR|ALERT|EMERGENCY|WARNING):\s{0,4}${STARTS}`,
    // A delivery report's fields flattened into one line (an ESP's CSV cell, a forum's paste), or its
    // diagnostic's type quoted in a sentence (`The Diagnostic-Code says: smtp; 550-Requested ...`).
    String.raw`\bDiagnostic-Code:\s{0,2}(?:smtp;\s{0,2})?${STARTS}`,
    String.raw`(?:^|\s)smtp;\s{0,2}${STARTS}`,
    // Coremail's hint, the command glued to the reply (`SMTP error, RCPT TO:550 5.2.1 The email account
    // ... is disabled.`).
    String.raw`\bSMTP error,\s{0,4}(?:RCPT TO|MAIL FROM|DATA|DOT|EHLO|HELO)\s{0,2}:\s{0,4}${STARTS}`,
    // A sendmail-compatible program printing the reply its relay gave (`ssmtp: 501 Mail from address must
    // be same as authorization user.`), at the start of its line.
    String.raw`^\s{0,4}(?:ssmtp|sSMTP|sendmail|nullmailer(?:-send)?|dma|mailx|s-nail)(?:\[\d{1,10}\])?:\s{1,4}${STARTS}`,
    // Right after Chinese or Japanese words, with no mark between (`邮件投递失败550 Mail content denied`).
    String.raw`(?<=[\u3040-\u30ff\u4e00-\u9fff])${STARTS}`,
    SEND_FAILED,
    COMMAND_FAILED,
    SIMPLESMTP_FAILED,
    // A log's key=value record (`response=421-4.7.0 Try again later, closing connection.`).
    String.raw`\bresponse=(?=[245]\d\d[ -]${ENHANCED}\s)`,
    // MailKit's message keeps only the enhanced code (`Failed: 5.7.0 Mail relay denied [IP] ...`), as its
    // exception's dump does (`Message=5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException...`) and
    // its exception's line (`MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Service refuse ...`).
    String.raw`(?:^|\s)(?:failed:\s{0,4}|Message=|[\w.]{0,80}Exception:\s{1,4})(?=${ENHANCED}\s[A-Za-z])`,
  ].join('|'),
  'gi',
);
const NEXT_DSN_FIELD =
  /\s(?:Action:\s{0,2}(?:failed|delayed|delivered|relayed|expanded)\b|Last-Attempt-Date:|Final-Recipient:|Original-Recipient:|Remote-MTA:|Will-Retry-Until:)/i;
/** Exchange's words before the remote's reply it quotes (exchange-wrapper.ts). */
const EXCHANGE_QUOTE = /\bresponded with:?\s{0,2}$/i;
const CLOSERS: Record<string, string> = { '"': '"', "'": "'", '`': '`', '«': '»', '(': ')', '[': ']' };
const QUOTE_MARKS = /^\s{0,4}(?:>\s?){1,4}/;
const CONTINUES = /^\s{0,4}(?:S:\s{0,2})?([245]\d\d)([ -])/;
/**
 * This server refusing mail coming in (Postfix's `NOQUEUE: reject: RCPT from ...`, Sendmail's `ruleset=`
 * and `reject=`, Exim's `rejected RCPT`): its own words, never a remote's refusal of the user's mail.
 */
const INBOUND =
  /\b(?:NOQUEUE: (?:reject|milter-reject)|reject: (?:RCPT|MAIL|DATA|CONNECT|END-OF-MESSAGE|header|body) from|ruleset=check_|reject=|rejected (?:RCPT|MAIL|EHLO|HELO|after DATA|connection))/;
/** Roundcube names the code apart: `SMTP Error (550): Failed to add recipient "x" (5.7.1 ...)`. */
// (Also a tool's `permanent error (554): 5.7.1 Spam message rejected`.)
// (Also an application's `Returned SMTP StatusCode: 451 ErrorInProcessing. System.Exception: 4.7.500 ...`,
// MailKit's status named beside its message.)
const CODE_APART = /\b(?:SMTP|permanent|temporary) Error \(([245]\d\d)\):|\bStatusCode:\s{0,2}([245]\d\d)\b/i;
const CODE_BELOW = /^\s{0,4}SMTP code:\s{0,2}([245]\d\d)\s*$/i;

function codeApart(line: string): string | undefined {
  const m = CODE_APART.exec(line);
  return m?.[1] ?? m?.[2];
}

/** A program's own line under a reply: Go's `panic:`, a logger's `fatal:`, `error:`, `warning:`. */
const PROGRAM_LABEL = /^(?:panic|fatal|error|warning|warn|info|debug|exception|traceback)\b[^:\s]{0,20}:/i;

const URL_ALONE = /^(?:https?:\/\/|www\.)\S+$/i;
/** A reply's words that go on with a link (`Learn more at` / `https://support.google.com/...`). */
const LEADS_TO_LINK = /(?:\b(?:at|see|visit|to|on|here|via|in)|[:>-])$/i;

const withoutPrompt = (text: string) => text.trim().replace(/^S:\s{0,2}/, '');

/**
 * A `'` between two letters is an apostrophe of the reply's words (Exim-style `That's not a valid user
 * here`, French `l'adresse`), not the quote that closes it.
 */
function isApostrophe(line: string, at: number): boolean {
  return /\p{L}/u.test(line.charAt(at - 1)) && /\p{L}/u.test(line.charAt(at + 1));
}

/** Where a reply opened by `opener` at `from` ends in the line: its closing character, or the line's end. */
function closeAt(line: string, from: number, opener: string | undefined): number {
  const closer = opener ? CLOSERS[opener] : undefined;
  if (!closer) return line.length;
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (opener === '(' && c === '(') depth++;
    else if (c === closer && !(closer === "'" && isApostrophe(line, i))) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return line.length;
}

/**
 * The reply `text` (found at `from` in `line`) up to where the words before it on the line come again
 * in it, matched backwards as far as they go (the tool's whole sentence), or the text unchanged.
 */
function beforeRepeat(text: string, line: string, from: number): string {
  const words = line.slice(Math.max(0, from - 40), from).trim();
  if (words.length < 12) return text;
  let at = text.indexOf(words);
  if (at <= 0) return text;
  let back = line.lastIndexOf(words, from);
  while (at > 0 && back > 0 && text[at - 1] === line[back - 1]) {
    at--;
    back--;
  }
  return at > 0 ? text.slice(0, at).trimEnd() : text;
}

/**
 * A client's message that gives the reply twice, as nodemailer's does (`response=421 4.7.0 Try again
 * later ... - gsmtp: 421 4.7.0 Try again later ... - gsmtp`): the reply once.
 */
function withoutRepeatedReply(text: string): string {
  const half = text.indexOf(`: ${text.slice(0, 24)}`, 12);
  return half > 0 && text.slice(half + 2) === text.slice(0, half) ? text.slice(0, half) : text;
}

/** Lines above a reply a recipient-labelled line may be on (`Destinataire : x@y` / `Erreur : 550 ...`). */
const LABEL_LINES_ABOVE = 3;

function labelledRecipientAbove(lines: readonly string[], at: number): string | null {
  for (let k = at - 1; k >= 0 && k >= at - LABEL_LINES_ABOVE; k--) {
    const line = (lines[k] as string).slice(0, MAX_LINE);
    if (line.trim() === '') return null;
    if (RECIPIENT_LABEL.test(line)) return recipientIn(line);
  }
  return null;
}

/**
 * Replies found without a wording, in the text's order: at most one per line (the first), and those
 * that follow one in code marks on its line.
 */
export function findLooseReplies(lines: readonly string[]): FoundReply[] {
  const found: FoundReply[] = [];
  const count = Math.min(lines.length, MAX_LINES);
  /** Where the line's search goes on: after a reply in code marks, else at the line's start. */
  let resume = 0;
  /** The server the pasted transport settings name (transport-config.ts), looked for once. */
  let transport: TransportHost | null | undefined;
  for (let i = 0; i < count; i++) {
    const line = (lines[i] as string).slice(0, MAX_LINE);
    if (INBOUND.test(line)) continue;
    const after = resume;
    LOOSE.lastIndex = resume;
    resume = 0;
    const m = LOOSE.exec(line);
    if (!m) continue;
    const from = m[1] !== undefined ? m.index : m.index + m[0].length;
    const opener = m[2];
    let end = closeAt(line, from, opener);
    // A reply inside a JSON string (an application's JSON log line: `{"error":"... response=421 4.7.0 ...
    // - gsmtp","stack":"Error: ..."}`) ends at the string's closing quote.
    const close = opener ? -1 : (stringAround(line, from)?.close ?? -1);
    const inString = close > from && close < end;
    if (inString) end = close;
    // (The string may be a line of a reply logged as an array of its lines: the others follow it.)
    const stringEnd = opener === '"' && end < line.length ? end : inString ? close : -1;
    const rest = stringEnd > from ? arrayReplyRest(line, line.slice(from, stringEnd), stringEnd) : '';
    let text = withoutRepeatedReply(withoutPrompt(line.slice(from, end) + rest));
    // A tool that logs each reply on the same line in the same words (`Error [120]: Ran into problems
    // sending Mail. Response: 501 ... Error [120]: Ran into problems sending Mail. Response: 554 ...`):
    // the reply ends where its words come again.
    text = beforeRepeat(text, line, from);
    // A reply in a person's sentence, not in quotes, ends where their own next sentence starts.
    if (!opener && !inString) text = beforeWriterSentence(text);
    // The next field of a flattened delivery report ends the reply (`... Action: failed
    // Last-Attempt-Date: ...`).
    const field = NEXT_DSN_FIELD.exec(text);
    if (field) text = text.slice(0, field.index);
    let last = i;
    /**
     * The reply ended at the mark closing its opener: what is before that mark is the reply's. Not
     * Exchange's quote, whose template adds a period inside it (`Primary target IP address responded
     * with: "530 5.7.1 Client was not authenticated." Attempted failover ...`).
     */
    const exchangeQuote =
      opener === '"' && EXCHANGE_QUOTE.test(line.slice(Math.max(0, m.index - 40), m.index));
    let closed = opener !== undefined && !exchangeQuote && end < line.length;
    if (opener && end === line.length) {
      // A quoted reply wrapped over lines (`"refused to talk` / `to me: 554 ... Use a` / `... (DIAL)"`).
      for (let k = i + 1; k < count && k <= i + MAX_WRAPPED; k++) {
        const next = lines[k] as string;
        if (next.trim() === '') break;
        const close = closeAt(next, 0, opener);
        if (close === next.length) continue;
        const wrapped = lines.slice(i + 1, k).concat(next.slice(0, close));
        // In a mail quote (`> Mails bounce ("550 5.4.1 ...` / `> Access denied ...")`), without its marks.
        const quoted = QUOTE_MARKS.test(line);
        text = [text, ...wrapped.map((l) => (quoted ? l.replace(QUOTE_MARKS, '') : l).trim())].join(' ');
        last = k;
        closed = !exchangeQuote;
        break;
      }
    }
    // A reply a mail client wrapped: the next line goes on in lower case while the text has not ended.
    // (Not after a quote closed on a later line: the reply ended there.)
    // (Nor after a string's quote closed it on its line.)
    if (!inString && (!opener || (end === line.length && last === i))) {
      for (let k = last + 1; k < count && k <= i + MAX_WRAPPED; k++) {
        const next = (lines[k] as string).trim();
        // A reply whose line ends with `:` (`Recipient address rejected:`) goes on whatever the case.
        const cut = text.endsWith(':');
        if ((!cut && !/^[a-zà-ÿ]/.test(next)) || /[.!?)\]"'»]$/.test(text) || CONTINUES.test(next)) break;
        // Nor the program's next message (Go's `panic: gomail: could not send email 1: 503 ...`).
        if (STACK_FRAME.test(next) || PROGRAM_LABEL.test(next)) break;
        // Nor a link alone that the reply's words do not lead to (an error tracker's page under it).
        if (URL_ALONE.test(next) && !LEADS_TO_LINK.test(text)) break;
        text = `${text} ${next}`;
        last = k;
      }
    }
    // A protocol log's multi-line reply: `S: 550-...` lines up to `S: 550 ...`.
    for (let c = CONTINUES.exec(text); c?.[2] === '-' && last + 1 < count; ) {
      const next = CONTINUES.exec(lines[last + 1] as string);
      if (!next || next[1] !== c[1]) break;
      last++;
      text = `${text}\n${withoutPrompt(lines[last] as string)}`;
      c = next;
    }
    // A log's next column (MailEnable's tab-separated fields) is no part of the reply, nor a line break
    // the log wrote out (`... Domain not found\r\n`).
    // (Its own period stays when a string's quote closed it, or the quote or parenthesis opened before
    // it: `Externe server retourneerde '550 5.1.8 Toegang geweigerd, slechte uitgaande afzender.'`,
    // Microsoft's Dutch article; the writer's period after the quote is outside it.)
    text = text.split('\t', 1)[0]?.trimEnd() ?? '';
    if (!inString && !closed) text = text.replace(/[.,;]$/, '');
    // A reply inside a JSON string ends at the string's closing quote (`... 1234"}`).
    if (/"[}\],]{0,4}$/.test(text) && (text.match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1)
      text = text.replace(/"[}\],]{0,4}$/, '');
    // (PHPMailer names it on the next line: `... Detail: 5.7.60 SMTP; ...` / `SMTP code: 550`.)
    const apart = /^[245]\./.test(text)
      ? (codeApart(line) ?? CODE_BELOW.exec(lines[last + 1] ?? '')?.[1])
      : undefined;
    if (apart && apart[0] === text[0]) text = `${apart} ${text}`;
    // An application's or a library's error: the server its settings pasted beside it name replied.
    const byApplication = m[1] === undefined && APPLICATION_LEAD.test(m[0]);
    if (byApplication && transport === undefined) transport = transportHost(lines);
    const settings = byApplication ? transport : null;
    found.push({
      text,
      lineIndex: i,
      remoteHost: settings?.host ?? null,
      // (Or the one Exchange's status names after the reply it quotes: `The last endpoint
      // attempted was IP:25`.)
      remoteIp: connectedAddressBefore(line, from) ?? lastEndpoint(text),
      remoteLineIndex: settings?.lineIndex ?? null,
      // (After another reply on its line, an address the words since that reply name.)
      // (eM Client's own sentence above the reply names it otherwise: em-client-recipient.ts.)
      recipient: recipientIn(line.slice(after)) ?? labelledRecipientAbove(lines, i),
      strength: 3,
    });
    i = last;
    // Another reply may follow in the same sentence after one in quotes or code marks (``Orange `501
    // OFR_515` + Yahoo `554 5.7.9`, ...``, a French project's notes in Markdown): the line is read on.
    // (In code marks only: a JSON record's strings each hold a field, another recipient's reply too.)
    if (opener === '`' && end < line.length && last === i) {
      resume = end + 1;
      i--;
    }
  }
  return found;
}
