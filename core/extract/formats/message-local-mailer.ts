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
 *
 * Without an x-unix diagnostic, the status line names the target itself when it is a program or a file
 * of the machine (`554 "|IFS=' ' && exec /usr/local/bin/procmail -f- || exit 75 #kijitora"... Service
 * unavailable`, `X-Actual-Recipient: RFC822; |IFS=...`: Sisimai's rfc3464-04, found by left62): an
 * address starting with `|` or `/` is one only Sendmail's prog and file mailers deliver to, and no
 * server sits behind them either.
 */
import type { Incident, Note } from '../../types';
import type { Field } from '../header-block';
import { localDeliveryWords } from '../local-delivery';
import { NOTES } from '../notes';

/**
 * Sendmail's words for the exit statuses of sysexits.h (its table of them, `SysExMsg` in sendmail's
 * err.c), and for a status outside it (`unknown mailer error 255`): the only words of such a line.
 */
const EXIT_WORDS =
  "(?:unknown mailer error \\d{1,3}|Operating system error|Service unavailable|Insufficient permission|Internal software error|Local configuration error|Can't create output|I\\/O error|Cannot open input|Critical OS file missing|Data format error)\\.?";
const STATUS_CODE = '[45]\\d\\d(?: [45]\\.\\d{1,3}\\.\\d{1,3})? ';
const STATUS_LINE = new RegExp(`^${STATUS_CODE}${EXIT_WORDS}$`);

/** Sendmail's status for a target of its prog or file mailer: `554 "|program"... Service unavailable`. */
const TARGET_STATUS_HEAD = new RegExp(`^${STATUS_CODE}"?[|/]`);
const TARGET_STATUS_TAIL = new RegExp(`^${EXIT_WORDS}$`);

/** Whether `status` is Sendmail's status line for its local mailer's exit (`554 5.3.0 unknown mailer error 255`). */
export const isMailerExitStatus = (status: string): boolean => STATUS_LINE.test(status);

/** Whether `status` is Sendmail's status for its delivery to a program or a file of its own machine. */
export function isLocalTargetStatus(status: string): boolean {
  const dots = status.lastIndexOf('... ');
  return (
    dots > 0 &&
    status.length <= 1000 &&
    TARGET_STATUS_HEAD.test(status) &&
    TARGET_STATUS_TAIL.test(status.slice(dots + 4))
  );
}

/**
 * When the reply of `incident` was read from the notice's text and is Sendmail's status for its local
 * mailer's exit (`diagnostic`: the recipient's Diagnostic-Code), empties it, and its rejecting host when
 * that was only the notice's Reporting-MTA; returns the note that quotes it (`255 (554 5.3.0 unknown
 * mailer error 255)`: the exit status, then Sendmail's line for it; or the line naming the program or
 * file). Else null, the incident untouched.
 */
export function dropLocalMailerStatus(incident: Incident, diagnostic: Field | null): Note | null {
  const exit = diagnostic ? localDeliveryWords(diagnostic.value) : null;
  const status = incident.reply.text.trim();
  if (incident.reply.code === null) return null;
  if (/^\s*Diagnostic-Code\s*:/i.test(incident.sources.reply?.text ?? '')) return null;
  const note =
    exit !== null && isMailerExitStatus(status)
      ? NOTES.localProgramFailed(`${exit} (${status})`)
      : isLocalTargetStatus(status)
        ? NOTES.sendmailLocalTargetFailed(status)
        : null;
  if (note === null) return null;
  incident.reply = { code: null, enhanced: null, text: '' };
  delete incident.sources.reply;
  if (/^\s*Reporting-MTA\s*:/i.test(incident.sources.remoteHost?.text ?? '')) {
    incident.remoteHost = null;
    delete incident.sources.remoteHost;
  }
  return note;
}
