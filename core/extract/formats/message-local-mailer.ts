/**
 * Sendmail's status for a recipient its own local mailer failed: the program it pipes to (`X-Actual-
 * Recipient: X-Unix; |/home/kijitora/mail/catch.pl`) or its local delivery agent exited with an error,
 * and Sendmail writes the code it maps that exit status to on the transcript's last line (`554 5.3.0
 * unknown mailer error 255`; `451 4.0.0 Operating system error` for sysexits' EX_OSERR, 71), the DSN
 * giving the exit status itself as an x-unix diagnostic (`Diagnostic-Code: X-Unix; 255`). No server
 * replied over SMTP: that line is Sendmail's own, and the Reporting-MTA, the machine that holds the
 * mailbox, refused nothing from anyone (Sisimai's set-of-emails lhost-sendmail-18 and -55, found by
 * audit63). The reply is emptied, so that the notice's note says why there is none (local-delivery.ts,
 * replyless-notice.ts) instead of asking for one.
 */
import type { Incident } from '../../types';
import type { Field } from '../header-block';
import { localDeliveryWords } from '../local-delivery';

/**
 * Sendmail's words for the exit statuses of sysexits.h (its table of them, `SysExMsg` in sendmail's
 * err.c), and for a status outside it (`unknown mailer error 255`): the only words of such a line.
 */
const STATUS_LINE =
  /^[45]\d\d(?: [45]\.\d{1,3}\.\d{1,3})? (?:unknown mailer error \d{1,3}|Operating system error|Service unavailable|Insufficient permission|Internal software error|Local configuration error|Can't create output|I\/O error|Cannot open input|Critical OS file missing|Data format error)\.?$/;

/**
 * When the reply of `incident` was read from the notice's text and is Sendmail's status for its local
 * mailer's exit (`diagnostic`: the recipient's Diagnostic-Code), empties it, and its rejecting host when
 * that was only the notice's Reporting-MTA; returns the words a note quotes (`255 (554 5.3.0 unknown
 * mailer error 255)`: the exit status, then Sendmail's line for it). Else null, the incident untouched.
 */
export function dropLocalMailerStatus(incident: Incident, diagnostic: Field | null): string | null {
  const exit = diagnostic ? localDeliveryWords(diagnostic.value) : null;
  const status = incident.reply.text.trim();
  if (exit === null || incident.reply.code === null || !STATUS_LINE.test(status)) return null;
  if (/^\s*Diagnostic-Code\s*:/i.test(incident.sources.reply?.text ?? '')) return null;
  incident.reply = { code: null, enhanced: null, text: '' };
  delete incident.sources.reply;
  if (/^\s*Reporting-MTA\s*:/i.test(incident.sources.remoteHost?.text ?? '')) {
    incident.remoteHost = null;
    delete incident.sources.remoteHost;
  }
  return `${exit} (${status})`;
}
