/**
 * A paste read as a log: its records (also in a JSON wrapper's dress), the log lines quoted inline in a
 * sentence, the remotes' replies a log quotes outside any record it knows.
 */

import type { ExtractionResult, ExtractOptions } from '../types';
import { NAMES_CONNECTION_ENDS } from './connection-ends';
import { parseJsonInput } from './formats/json-input';
import { jsonLogText, WRAPPED_LOG_HINT } from './formats/json-log';
import type { Json } from './formats/json-value';
import { extractSmtpReplies } from './formats/smtp-reply';
import { splitLines } from './header-block';
import { inPaste } from './in-paste';
import { asLogResult } from './incident-cap';
import { inlineLog } from './inline-log';
import { hasInputNote } from './input-note';
import { LIBRARY_HINT } from './library-errors';
import { withRefusalsBesideLog } from './log-with-replies';
import { extractFromLog as readLog } from './logs';
import { APPLICATION_SEND_FAILED } from './loose-replies';
import { NOTES } from './notes';
import { hasTranscript } from './smtp-session-lines';
import type { SourceText } from './source-text';

/** A log's incidents, marked as such: a log is read whole (incident-cap.ts). */
export function extractFromLog(text: string, options: ExtractOptions): ExtractionResult {
  return asLogResult(readLog(text, options));
}

/**
 * A remote server's reply as an MTA logs it: Postfix's `host X[IP] said:`, Exim's `SMTP error from remote`.
 */
const REMOTE_SAID =
  /\bhost\s{1,4}\S{1,300}\s{1,4}(?:said|refused to talk to me):|SMTP error from remote mail server|SMTP ERROR:\s{1,4}[A-Z][A-Z ]{1,20}command failed:/i;

/**
 * An application's label for the server's reply it logs (`2026-12-04 10:14:02 [ERROR] mailer: SMTP error:
 * 421 ...`, whose stamp looks like an Exim log's): the reply right after it.
 */
const APPLICATION_SMTP_ERROR = /\bSMTP error\s?:\s{1,4}[245]\d\d[\s-]/i;

/**
 * Log lines in JSON dress (Docker's json-file, journalctl -o json, a log viewer's export), read as the log.
 */
export function wrappedLog(values: Json[], input: string, options: ExtractOptions): ExtractionResult | null {
  const wrapped = jsonLogText(values, input);
  return wrapped ? inPaste(extractFromLog(wrapped.text, options), input, wrapped.pasteLine) : null;
}

/**
 * A paste that reads as a log: its records (through a wrapper's JSON dress), else the log lines quoted
 * inline in a sentence, else the remotes' replies it quotes as such; with the refusals quoted beside
 * its lines.
 */
export function extractLogPaste(
  input: string,
  source: SourceText,
  options: ExtractOptions,
): ExtractionResult {
  let result: ExtractionResult;
  try {
    // Only a wrapper's keys make it worth parsing the JSON here (KumoMTA's records are read as the log).
    const values = WRAPPED_LOG_HINT.test(input.slice(0, 4096)) ? parseJsonInput(input) : null;
    result = (values && wrappedLog(values, input, options)) || extractFromLog(input, options);
  } catch (error) {
    // Never let one reader's bug take the app down: say so, with the reason.
    result = {
      incidents: [],
      warnings: [NOTES.logError(error instanceof Error ? error.message : String(error))],
    };
  }
  // Log lines pasted without their syslog prefix (`host postfix/smtp[123]: ...`, or only the status's
  // end `to=<...>, relay=..., status=deferred (host X said: ...)`): no record was read, but the
  // remote's replies are still there to be read as such (only a remote's own wording: an inbound
  // refusal, `NOQUEUE: reject: RCPT from ...: 554 ...`, is this server's, never an incident).
  // Log lines quoted inline in a sentence (`... messages like \`Apr 21 ... status=deferred (...)\` which`).
  if (result.incidents.length === 0 && input.includes('`')) {
    const inline = inlineLog(splitLines(input));
    const read = inline ? extractFromLog(inline.text, options) : null;
    if (inline && read && read.incidents.length > 0) result = inPaste(read, input, inline.lineOf);
  }
  // A protocol log's session (Haraka's `[PROTOCOL] ... S: 550-...`) is read as a pasted session, and
  // an application's stamped line saying sending failed (`2024-03-12 10:15:32 ERROR failed to send
  // email: 421 ...`, `... [ERROR] mailer: SMTP error: 421 ...`, which look like an Exim log's) as the
  // reply it quotes; so is a mail library's error such a line holds (loguru's `2026-12-04 10:14:03.512 |
  // ERROR | app:send:42 - Unable to send email: (550, b'5.1.0 ...')`, library-errors.ts).
  if (
    result.incidents.length === 0 &&
    !hasInputNote(result.warnings) &&
    (REMOTE_SAID.test(input.slice(0, 256 * 1024)) ||
      APPLICATION_SEND_FAILED.test(input.slice(0, 256 * 1024)) ||
      LIBRARY_HINT.test(input.slice(0, 256 * 1024)) ||
      APPLICATION_SMTP_ERROR.test(input.slice(0, 256 * 1024)) ||
      NAMES_CONNECTION_ENDS.test(input.slice(0, 256 * 1024)) ||
      hasTranscript(splitLines(input.slice(0, 256 * 1024))))
  ) {
    const replies = extractSmtpReplies(source, options);
    if (replies.incidents.length > 0) result = replies;
  }
  if (result.incidents.length > 0) result = withRefusalsBesideLog(result, input, options);
  return result;
}
