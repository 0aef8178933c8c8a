/**
 * An SMTP session as it is pasted: the transcript a bounce quotes (Sendmail's `>>> RCPT To:<...>` /
 * `<<< 550 ...`, Trend Micro's `Received >>> 550 ...`, OpenSMTPD's `mta: 0x...: <<< 554-...`), a test
 * with swaks (` -> RCPT TO:<...>` / `<** 550 ...` / `<-  250 ...`, `=== Connected to host.`), or a
 * session typed by hand in telnet or `openssl s_client` (`mail from: <...>` then `550 ...`, unprefixed).
 *
 * Each 4xx/5xx reply of the remote is a refusal, with its `550-` continuation lines; the commands before
 * it give the envelope: the sender of the last `MAIL FROM`, the recipient of the `RCPT TO` it answers,
 * and the name the client gave in `EHLO`/`HELO`. The remote is the host the session connected to
 * (swaks's and telnet's `Connected to host.`, openssl's `-connect host:port`, Sendmail's `while talking
 * to host.:`). A `503` (bad sequence of commands) after a refusal in the same session is that refusal's
 * consequence (the client went on to DATA with no recipient left), not a refusal of its own.
 */

import type { FoundReply } from './body-replies';
import { courierPeer } from './courier-peer';
import { normalizeIp } from './ip';
import { netcatConnection } from './netcat-connection';
import { summaryRecipient } from './sendmail-summary-recipient';
import { deliveryRecipient, inWholePaste, smarterMailThreads } from './smartermail-threads';
import {
  CLIENT_COMMAND,
  NOT_A_WRAP,
  PROBE_COMMAND,
  SERVER_LINE_PREFIX,
  SERVER_REPLY,
  SMTPLIB_DEBUG_REPLY,
  SWAKS_REPLY,
  serverText,
  TYPED_COMMAND,
  TYPED_REPLY,
  WRITTEN_LINE_END,
} from './smtp-session-lines';
import { command, greeted, newSession, remote, sessionReply } from './smtp-session-state';

/**
 * After a refusal, DATA's answer that no recipient is left (Postfix's `554 5.5.1 Error: no
 * valid recipients`).
 */
const NO_VALID_RECIPIENTS = /\bno valid recipients\b/i;
/** A syntax error (500 to 502, with no status or a 5.5.X one): the command was not understood. */
const MISTYPED = /^50[0-2](?:[ -]5\.5\.\d{1,3})?(?:[ -]|$)(?![\s\S]*\b5\.[1-7]\.\d)/;

/**
 * telnet's line before the server's greeting: a reply right under it is the greeting, a refusal when it
 * is a 4xx or 5xx (`421 mwinf5c77 ME Service refuse. ... OFR_999 [999]`, a session refused before any
 * command was typed).
 */
const TELNET_ESCAPE = /^\s{0,4}Escape character is '\^\]'\.\s*$/;
/** An envelope command typed at the margin (a literal in isTypedSession's loop was one object a line). */
const TYPED_ENVELOPE_COMMAND = /^\s{0,4}(?:MAIL\s{1,4}FROM|RCPT\s{1,4}TO)\s{0,4}:/i;

/**
 * A session typed by hand: a `MAIL FROM` or `RCPT TO` line at the margin answered, on the next line that
 * is not blank, by a reply; or telnet's escape line answered so by a refusal.
 */
export function isTypedSession(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // (netcat's `-v` line stands where telnet's escape line does: netcat-connection.ts.)
    const afterEscape = TELNET_ESCAPE.test(line) || netcatConnection(line) !== null;
    if (!afterEscape && !TYPED_ENVELOPE_COMMAND.test(line)) continue;
    let k = i + 1;
    while (k < lines.length && (lines[k] ?? '').trim() === '') k++;
    const reply = TYPED_REPLY.exec(lines[k] ?? '');
    // (After the escape line, only a refusal: a `220` greeting starts a session as any other.)
    if (reply && (!afterEscape || reply[1]?.[0] !== '2')) return true;
  }
  return false;
}

/**
 * OpenSMTPD's trace names each session's state machine (`mta: 0xea6710: `): another one is another session.
 */
const TRACE_ID = /\bmta: (0x[0-9a-f]{1,16}): /;

function sameTrace(a: string, b: string): boolean {
  return TRACE_ID.exec(a)?.[1] === TRACE_ID.exec(b)?.[1];
}

/**
 * The refusals of the session(s) in the lines: prefixed transcripts always, lines typed by hand only
 * when `typed` (isTypedSession said so). The deliveries of a SmarterMail log, whose lines interleave,
 * each apart (smartermail-threads.ts).
 */
export function sessionReplies(lines: readonly string[], typed: boolean): FoundReply[] {
  const threads = typed ? null : smarterMailThreads(lines);
  if (!threads) return threadReplies(lines, typed);
  return threads
    .flatMap((thread) => threadReplies(thread.lines, typed).map((r) => inWholePaste(r, thread)))
    .sort((a, b) => a.lineIndex - b.lineIndex);
}

/** The refusals of the session(s) in lines that are one thread's (all of them, but in SmarterMail's log). */
function threadReplies(lines: readonly string[], typed: boolean): FoundReply[] {
  const found: FoundReply[] = [];
  const session = newSession();
  const replyLine = typed ? TYPED_REPLY : SERVER_REPLY;
  // A refusal of the greeting, before the client said its name: a client that goes on with `EHLO` anyway
  // (OpenSMTPD's `mta: 0x...: >>> EHLO leki.example.net` after a `554-` banner) names itself after it.
  let refusedBeforeName: FoundReply | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (session.inData) {
      if (line.trim() === '.') session.inData = false;
      continue;
    }
    // Courier's `<rcpt>:` then its indented `host [ip]:` start the next recipient's session
    // (courier-peer.ts).
    const courier = courierPeer(lines, i);
    if (courier) {
      Object.assign(session, newSession(), {
        recipient: courier.recipient,
        remoteHost: courier.host,
        remoteIp: normalizeIp(courier.ip),
        remoteLineIndex: i,
      });
      refusedBeforeName = null;
      continue;
    }
    if (remote(session, line, i)) {
      refusedBeforeName = null;
      continue;
    }
    const client = CLIENT_COMMAND.exec(line) ?? (typed ? TYPED_COMMAND.exec(line) : null);
    if (client?.[1]) {
      session.commanded = true;
      session.probing = false;
      command(session, client[1], (client[2] ?? '').replace(WRITTEN_LINE_END, ''), i);
      if (
        refusedBeforeName &&
        session.clientName &&
        /^(?:EHLO|HELO)$/i.test(client[1]) &&
        sameTrace(lines[refusedBeforeName.lineIndex] ?? '', line)
      )
        refusedBeforeName.clientName = session.clientName;
      refusedBeforeName = null;
      continue;
    }
    // A command that sends no mail (`VRFY`, `EXPN`, `HELP`, `NOOP`): its answer refuses nothing.
    if (PROBE_COMMAND.test(line)) {
      session.probing = true;
      continue;
    }
    const m = replyLine.exec(line) ?? SERVER_REPLY.exec(line);
    if (!m) continue;
    if (typed && m[1] === '354') session.inData = true;
    if (m[1]?.[0] === '2' || m[1]?.[0] === '3') {
      greeted(session, line.replace(SERVER_LINE_PREFIX, ''), i);
      continue;
    }
    if (session.probing) continue;
    // A syntax error answering a command mistyped by hand (`Mail` for `MAIL FROM:`: `501 5.5.4 Unrecognized
    // parameter`) is the typist's, no refusal of the mail.
    if (typed && MISTYPED.test(serverText(line))) continue;
    // After a refusal, DATA's answer that no recipient is left (`503 5.5.1 Need RCPT`, Postfix's `554 5.5.1
    // Error: no valid recipients`, which Sendmail's pipelining puts in its transcript) is its consequence.
    // A refusal in smtplib's debug lines before any command is the end of a reply cut by the paste: its
    // library error (`data: (550, b'...')`) has it whole.
    if (!session.commanded && SMTPLIB_DEBUG_REPLY.test(line)) continue;
    const isConsequence = session.refused && (m[1] === '503' || NO_VALID_RECIPIENTS.test(line));
    session.refused = true;
    const parts = [serverText(line)];
    let j = i;
    const isReply = (l: string) => replyLine.test(l) || SERVER_REPLY.test(l);
    for (;;) {
      const next = lines[j + 1];
      if (next === undefined) break;
      // `550-` lines up to the final `550 `; after a swaks line, the lines its terminal wrapped.
      if (m[2] === '-' && isReply(next)) parts.push(serverText(next));
      else if (SWAKS_REPLY.test(lines[j] ?? '') && !NOT_A_WRAP.test(next)) parts.push(next.trim());
      else break;
      j++;
      if (/^\d{3} /.test(parts[parts.length - 1] ?? '')) break;
    }
    if (!isConsequence) {
      const reply = sessionReply(session, parts.join('\n'), i);
      // No RCPT TO answered: the recipient Sendmail's summary line below names
      // (sendmail-summary-recipient.ts).
      reply.recipient ??= summaryRecipient(lines, j, session.sender);
      // Nor in SmarterMail's log: its delivery's `Delivery for ... to RECIPIENT has completed` below.
      reply.recipient ??= deliveryRecipient(lines, j, session.sender);
      found.push(reply);
      refusedBeforeName = session.commanded ? null : reply;
    }
    i = j;
  }
  return found;
}
