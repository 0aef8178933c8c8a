/**
 * Exim verifying an address by callout while it receives a message (`verify = recipient/callout`,
 * `verify = sender/callout`): it opens an SMTP session of its own to the address's MX and logs the MX's
 * refusal on the line that refuses its client (shapes of Exim's test log 0227 and verify.c):
 * - `H=client [ip] F=<sender> rejected RCPT <rcpt>: response to "RCPT TO:<rcpt>" from mx [ip] was: 550 ...`
 * - `H=client [ip] sender verify fail for <addr>: response to "MAIL FROM:<>" from mx [ip] was: 550 ...`
 * - `... sender verify defer for <addr>: Could not complete sender verify callout: response to ... was: 4xx`
 * Orange's reply there was to this relay's callout: Orange saw this relay's address (not logged: its
 * Cloudmark or Abusix link may give it), never the `H=` client's, which is the host this relay refused.
 * The callout's envelope sender is `<>` unless `use_sender` is set: `F=` is the client's, not necessarily
 * what Orange was given, so the sender is taken only from an echoed `MAIL FROM:<...>`.
 * (`temporarily rejected RCPT <x>: Could not complete recipient verify callout` quotes no reply: no event.)
 */
import type { Note } from '../../../types';
import type { LogRecord, ScanContext } from '../model';
import { refOf } from '../model';
import type { SyslogLine } from '../syslog';
import type { RawStamp } from '../time';
import { baseRejection, syslogHost } from './common';

const RESPONSE = /: response to "([^"\n]{1,1100})" from (\S{1,255}) \[([^\]\s]{1,64})\] was: /;
/** The address the client's command named, or the sender address verified. */
const VERIFIED = /(?:rejected RCPT|verify (?:fail|defer) for) <?([^\s<>]{1,512}?)>?:/;
const ECHOED_RCPT = /^RCPT TO:<([^\s<>]{1,512})>/i;
const ECHOED_MAIL = /^MAIL FROM:<([^\s<>]{0,512})>/i;

/** Said beside the reply: whose connection Orange refused, and what the log leaves out. */
const CALLOUT_NOTE: Note = {
  code: 'exim-callout',
  text: {
    fr: 'Cette réponse a été donnée à une vérification d’adresse (callout) faite par ce relais Exim pendant qu’il recevait un message d’un client (H=, ou U= pour un envoi local)\u00a0: Orange a vu l’adresse IP de ce relais (le journal ne l’indique pas\u00a0; le lien Cloudmark ou Abusix de la réponse peut la donner), et non celle du client. L’expéditeur donné à Orange n’est pas journalisé non plus (<> sauf option use_sender).',
    en: 'This reply answered an address verification (callout) made by this Exim relay while it was receiving a message from a client (H=, or U= for a local submission): Orange saw this relay’s IP address (the log does not record it; the reply’s Cloudmark or Abusix link may give it), not the client’s. The envelope sender Orange was given is not logged either (<> unless the use_sender option is set).',
  },
};

/** Reads a callout refusal (text: the line after its stamp); false when the line is none. */
export function readCalloutRefusal(
  text: string,
  stamp: RawStamp | null,
  record: LogRecord,
  syslog: SyslogLine | null,
  ctx: ScanContext,
): boolean {
  // The client may be local, named by its user only (`U=www-data F=<...> rejected RCPT ...`, `-bs`).
  if (!text.includes(' was: ')) return false;
  const response = RESPONSE.exec(text);
  if (!response) return false;
  const command = response[1] ?? '';
  const ref = refOf(record);
  const rejection = baseRejection('exim', ref, stamp, text.slice(response.index + response[0].length));
  rejection.remoteHost = response[2] === response[3] ? null : (response[2] ?? null);
  rejection.remoteIp = response[3] ?? null;
  rejection.recipient = ECHOED_RCPT.exec(command)?.[1] ?? VERIFIED.exec(text)?.[1] ?? null;
  const mailFrom = ECHOED_MAIL.exec(command)?.[1];
  if (mailFrom) rejection.sender = { value: mailFrom, ref };
  rejection.sendingHost = syslogHost(syslog, ref);
  rejection.replyNote = CALLOUT_NOTE;
  ctx.emit(rejection);
  return true;
}
