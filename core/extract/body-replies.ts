/**
 * Finding SMTP replies in free text: bounce bodies of Postfix, Exim, Sendmail, qmail, Exchange, Gmail...
 * and replies quoted by mail clients. Works paragraph by paragraph (lines up to a blank line), so a
 * reply wrapped over several lines is read whole.
 *
 * Formats (facts observed in the Sisimai set-of-emails corpus and in the MTAs' own messages):
 * - Postfix: `<rcpt>: host mx.example.net[192.0.2.1] said: 550 ... (in reply to RCPT TO command)`, or
 *   `refused to talk to me: 550 ...`.
 * - Exim: `SMTP error from remote mail server after RCPT TO:<rcpt>:` then `host mx [192.0.2.1]: 550 ...`.
 * - Sendmail: `... while talking to mx.example.net.:` then `<<< 550 ...` transcript lines;
 *   `(reason: 550 ...)` after the recipient.
 * - qmail: `remote host 192.0.2.1 said: 550 ...`; X2: `Remote host said[Response Message]: 554 ...`.
 * - Exchange / Office 365: `Remote Server returned '550 5.1.1 ...'`.
 * - Mail clients: `The error that the other server returned was: 550 ...`, `Réponse du serveur : 550 ...`.
 */

import { readAddressColon, readAddressLines, readLabelledLines, readQmailRecipient } from './address-replies';
import { CISCO_HINT, readCiscoEsa } from './cisco-esa';
import { readCodeLine } from './code-line-replies';
import { HASH_LINE_HINT, readHashLines } from './exchange-wrapper';
import { type FoundReply, reply } from './found-reply';
import { GMAIL_CONNECT_HINT, readGmailConnect } from './gmail-connect-reply';
import { HMAILSERVER_HINT, readHmailserverNotice } from './hmailserver-notice';
import { hostSaidMatch, readHostSaid, readRejectedCommand } from './host-said-replies';
import { LETTRE_HINT } from './lettre-response';
import { LIBRARY_HINT } from './library-errors';
import { MAX_PARAGRAPH_CHARS, mayHoldReply } from './long-paragraph';
import { MIMECAST_HINT, readMimecastNotice } from './mimecast-notice';
import { MSMTP_HINT, readMsmtp } from './msmtp';
import { nodemailerTreeLines } from './nodemailer-tree-log';
import {
  readHostIp,
  readJson,
  readLibraryError,
  readReason,
  readRemoteSaid,
  readSmtpErrorAfter,
  readTrackingStatus,
} from './notice-line-replies';
import { PFLOGSUMM_TITLE, pflogsummReplies } from './pflogsumm-report';
import { NOT_QUOTED, readQuoted } from './quoted-replies';
import {
  eachParagraph,
  HAS_ADDRESS_COLON,
  HAS_CODE,
  HAS_HOST,
  HAS_REMOTE,
  hintsOf,
  type Paragraph,
  paragraphRecipient,
  WORDS,
} from './reply-paragraphs';
import { LABELLED_LINE, POSTAL_ERROR, REPLY_CODE_AHEAD } from './reply-patterns';
import { isTypedSession, sessionReplies } from './smtp-session';
import { hasTranscript } from './smtp-session-lines';
import { readStalwartLines, STALWART_EVENT_HINT } from './stalwart-lines';
import { type ExpandedLines, lastClientName, swiftLogData } from './swift-log-data';

// Where the readers of replies beside this module find the shapes they share.
export type { FoundReply } from './found-reply';
export { eachParagraph, lineOfOffset, type Paragraph, RECIPIENT_LABEL } from './reply-paragraphs';

/** POSTAL_ERROR's line as its paragraph's last: the reply is the next paragraph. */
const POSTAL_ERROR_LAST =
  /\b(?:Permanent|Temporary) SMTP delivery error when sending to [A-Za-z0-9][A-Za-z0-9.-]{0,252}(?:\s{1,4}\([^()\n]{1,60}\))?[ \t]*$/i;

/** Stalwart's words before the reply, whichever of its two a notice's line uses. */
const STALWART_REJECTED = /' rejected (?:command '|transaction with code )/;

/** A detail section of pflogsumm's report: one reply per line (pflogsumm-report.ts). */
function readPflogsumm(p: Paragraph, found: FoundReply[]): boolean {
  const replies = pflogsummReplies(p.lines);
  if (!replies || replies.length === 0) return false;
  for (const r of replies) {
    const f = reply(
      r.text,
      p.start + r.lineIndex,
      r.remoteHost,
      r.remoteIp,
      r.remoteLineIndex === null ? null : p.start + r.remoteLineIndex,
      null,
      1,
    );
    // The report lists refusals only: one it left without its code is one all the same.
    f.refusalWithoutCode = true;
    if (r.note) f.note = r.note;
    found.push(f);
  }
  return true;
}

/*
 * The wordings, most explicit first (in the modules named by what introduces the reply). Each reader is
 * a small function of its own (V8 optimises small functions after fewer calls than one large one); each
 * returns true when it took the paragraph.
 */
/**
 * The replies of paragraph k, by the first wording that matches it. Returns the index of the last
 * paragraph read (k + 1 when a quoted reply was in the next paragraph).
 */
function readParagraph(
  paras: readonly Paragraph[],
  k: number,
  joined: string,
  lastRecipient: string | null,
  found: FoundReply[],
): number {
  const p = paras[k] as Paragraph;
  if (PFLOGSUMM_TITLE.test(p.lines[0] ?? '') && readPflogsumm(p, found)) return k;
  const hints = hintsOf(joined);
  const code = (hints & HAS_CODE) !== 0;
  if (code && LABELLED_LINE.test(joined)) {
    readLabelledLines(p, found);
    return k;
  }
  if (code && MSMTP_HINT.test(joined) && readMsmtp(p, found)) return k;
  if (code && CISCO_HINT.test(joined) && readCiscoEsa(p, found)) return k;
  if (code && HMAILSERVER_HINT.test(joined) && readHmailserverNotice(p, found)) return k;
  if (code && MIMECAST_HINT.test(joined) && readMimecastNotice(p, lastRecipient, found)) return k;
  if (code && HASH_LINE_HINT.test(joined) && readHashLines(p, lastRecipient, found)) return k;
  if (code && STALWART_EVENT_HINT.test(joined) && readStalwartLines(p, found)) return k;
  if (code && GMAIL_CONNECT_HINT.test(joined) && readGmailConnect(p, joined, lastRecipient, found)) return k;
  if (code && (hints & HAS_HOST) !== 0 && STALWART_REJECTED.test(joined)) {
    if (readRejectedCommand(p, joined, lastRecipient, found)) return k;
  }
  // Postal's page shows the server tried and its reply in paragraphs of their own.
  if (joined.includes('SMTP delivery error') && POSTAL_ERROR_LAST.test(joined)) {
    const next = paras[k + 1];
    if (next && REPLY_CODE_AHEAD.test(next.lines[0] ?? '')) {
      const gap = next.start - (p.start + p.lines.length);
      const merged: Paragraph = {
        start: p.start,
        lines: [...p.lines, ...Array<string>(gap).fill(''), ...next.lines],
      };
      const text = merged.lines.join('\n');
      const match = POSTAL_ERROR.exec(text);
      if (match) {
        readHostSaid(merged, text, match, lastRecipient, found);
        return k + 1;
      }
    }
  }
  const hostSaid = hostSaidMatch(joined, hints);
  if (hostSaid) {
    readHostSaid(p, joined, hostSaid, lastRecipient, found);
    return k;
  }
  if (code && (hints & HAS_HOST) !== 0 && readHostIp(p, joined, lastRecipient, found)) return k;
  if (code && joined.includes('"') && readJson(p, joined, lastRecipient, found)) return k;
  const remoteSaid = (hints & HAS_REMOTE) !== 0 && (hints & HAS_HOST) !== 0 && WORDS.said.test(joined);
  if (remoteSaid && readRemoteSaid(p, joined, lastRecipient, found)) return k;
  if (code && WORDS.reasonParen.test(joined) && readReason(p, joined, lastRecipient, found)) return k;
  if (code && (hints & HAS_REMOTE) !== 0 && readSmtpErrorAfter(p, joined, lastRecipient, found)) return k;
  if (code && joined.includes('{LED=') && readTrackingStatus(p, joined, lastRecipient, found)) return k;
  // Rust's lettre spells the code out in words: no digits to hint at it.
  const library = (code || LETTRE_HINT.test(joined)) && LIBRARY_HINT.test(joined);
  if (library && readLibraryError(p, joined, lastRecipient, found)) return k;
  const quoted = readQuoted(paras, k, joined, lastRecipient, found);
  if (quoted !== NOT_QUOTED) return quoted;
  const addressColon = (hints & HAS_ADDRESS_COLON) !== 0;
  if (addressColon && readAddressLines(p, found)) return k;
  if (addressColon && readAddressColon(p, joined, found)) return k;
  if (readQmailRecipient(p, found)) return k;
  if (code) readCodeLine(p, lastRecipient, found);
  return k;
}

/**
 * Every reply found in the lines, in order; several per text when several recipients failed. A paragraph
 * too long to be read (long-paragraph.ts) is not, the index of its first line pushed to `tooLong`.
 */
export function findReplies(lines: readonly string[], tooLong: number[] = []): FoundReply[] {
  const found: FoundReply[] = [];
  // The paragraphs as they come, the one above and the one below at hand (a quote's reply may sit in
  // the next, Gmail's server in the one above): all of them held at once cost 60 MB for a 50 MB paste.
  const paras = eachParagraph(lines);
  let above: Paragraph | undefined;
  let current = paras.next().value as Paragraph | undefined;
  let below = paras.next().value as Paragraph | undefined;
  const step = () => {
    above = current;
    current = below;
    below = paras.next().value as Paragraph | undefined;
  };
  let lastRecipient: string | null = null;
  // (One array for the three, refilled for each paragraph: the readers keep no hold on it.)
  const around: Paragraph[] = [];
  for (; current; step()) {
    const joined = current.lines.join('\n');
    if (joined.length > MAX_PARAGRAPH_CHARS) {
      if (mayHoldReply(joined)) tooLong.push(current.start);
      continue;
    }
    const addr = paragraphRecipient(current.lines);
    if (addr) lastRecipient = addr;
    around.length = 0;
    if (above) around.push(above);
    around.push(current);
    if (below) around.push(below);
    const k = above ? 1 : 0;
    // The next paragraph read as well (the reply quoted there) is not read again.
    if (readParagraph(around, k, joined, lastRecipient, found) > k) step();
  }
  // Explicit wordings first, then the remote server's lines of a transcript, then bare codes.
  const typed = isTypedSession(lines);
  // nodemailer 0.7's tree of interleaved connections is read one connection at a time, not as one session.
  const tree = nodemailerTreeLines(lines);
  const transcripts = !tree && (typed || hasTranscript(lines)) ? sessionReplies(lines, typed) : [];
  // A line both read (PHPMailer's `SMTP ERROR: RCPT TO command failed: 451 ...`): the explicit reading
  // comes first, with the sender of the session's `MAIL FROM` when its own words name none.
  // (And the name the client gave in its EHLO: PHPMailer's `CLIENT -> SERVER: EHLO client.example.org`.)
  // Exim's `-v` output logs the session's refusal again below it (`LOG: MAIN` / `  H=host [ip]: SMTP
  // error from remote mail server after ...: 421 ...`): that line, read for its words, takes the
  // envelope (the recipient `exim -d`'s transport line names too) and client of the session whose reply
  // it repeats, the address the remote's EHLO answer
  // named included (`250-mwinf5c27 hello [192.0.2.7]`).
  if (transcripts.length > 0) {
    const sessions = new Map<number, FoundReply>();
    for (const t of transcripts) sessions.set(t.lineIndex, t);
    for (const f of found) {
      const session = sessions.get(f.lineIndex) ?? repeatedSession(transcripts, f);
      if (!session) continue;
      f.sender ??= session.sender;
      // The session's recipient (its RCPT TO, `exim -d`'s transport line) over the one the paragraph
      // named for all its replies (a shell prompt's `root@mail`, the first of two deliveries pasted). A
      // copy that names none is left so (a debug log's `data: (550, ...)` under `reply: b'550 ...'` is
      // the same refusal, merged as one: smtp-reply-repeats.ts).
      if (f.recipient && session.recipient) f.recipient = session.recipient;
      f.clientName ??= session.clientName;
      if (session.clientIp) f.clientIp ??= session.clientIp;
    }
  }
  const expanded = tree
    ? tree.flatMap((connection) => expandedSessions(connection, found))
    : swiftSessions(lines, found, transcripts);
  return [...found, ...transcripts, ...expanded].sort((a, b) => a.strength - b.strength);
}

/**
 * The session refusal above a reply read for its words that repeats it, word for word: the nearest one
 * (two deliveries refused alike, each logged below its own session).
 */
function repeatedSession(transcripts: readonly FoundReply[], f: FoundReply): FoundReply | undefined {
  const text = f.text.trim();
  let nearest: FoundReply | undefined;
  for (const t of transcripts)
    if (t.lineIndex < f.lineIndex && t.text.trim() === text && (!nearest || t.lineIndex > nearest.lineIndex))
      nearest = t;
  return nearest;
}

/**
 * The envelope of Swift Mailer's flattened session log (swift-log-data.ts) given to the reply its error
 * read on the same line; a refusal of the log no wording read is returned as the transcript's.
 */
function swiftSessions(
  lines: readonly string[],
  found: FoundReply[],
  transcripts: readonly FoundReply[],
): FoundReply[] {
  if (transcripts.length > 0) return [];
  const data = swiftLogData(lines);
  if (!data) return [];
  const own = expandedSessions(data, found);
  // A dump with no refusal the session reader read (cut before it) still names the client's EHLO to the
  // error read on its line.
  for (const f of found) {
    if (f.clientName || !data.origin.includes(f.lineIndex)) continue;
    const named = lastClientName(data, f.lineIndex);
    if (named) f.clientName = named;
  }
  return own;
}

/**
 * The refusals of the transcript `data` rebuilt from a log's lines (swift-log-data.ts,
 * nodemailer-tree-log.ts), at the lines they came from: the envelope and client of each given to the
 * reply a wording read on its line, the others returned as the transcript's.
 */
function expandedSessions(data: ExpandedLines, found: FoundReply[]): FoundReply[] {
  const at = (k: number) => data.origin[k] ?? k;
  const own: FoundReply[] = [];
  for (const session of sessionReplies(data.lines, false)) {
    const lineIndex = at(session.lineIndex);
    const clientName = session.clientName && {
      ...session.clientName,
      lineIndex: at(session.clientName.lineIndex),
    };
    const clientIp = session.clientIp && { ...session.clientIp, lineIndex: at(session.clientIp.lineIndex) };
    const read = found.filter((f) => f.lineIndex === lineIndex);
    for (const f of read) {
      f.sender ??= session.sender;
      f.recipient ??= session.recipient;
      if (clientName) f.clientName ??= clientName;
      if (clientIp) f.clientIp ??= clientIp;
    }
    if (read.length > 0) continue;
    const remoteLineIndex = session.remoteLineIndex === null ? null : at(session.remoteLineIndex);
    own.push({ ...session, lineIndex, remoteLineIndex, clientName, clientIp, remoteIpLineIndex: undefined });
  }
  return own;
}
