/**
 * Postal's sender log (`smtp_sender.log`, or the worker's output, as Postal issues #699 and #297 paste
 * them), each line as Ruby's Logger writes it under Postal's process and log id:
 *
 *     # Logfile created on 2024-03-01 08:00:02 +0000 by logger.rb/v1.4.2
 *     [worker.1:2817] [2024-03-04T09:12:01.902] INFO -- : [QX7RZ2LM] Connected to 193.252.22.84:25 (smtp-in.orange.fr)
 *     [worker.1:2817] [2024-03-04T09:12:01.903] INFO -- : [QX7RZ2LM] Sending message 3::18422 to jean.dupont@orange.fr
 *     [worker.1:2817] [2024-03-04T09:12:03.240] INFO -- : [QX7RZ2LM] Net::SMTPFatalError: 550 5.0.0 ...
 *
 * Postal's SMTPSender logs the remote's reply as the error Ruby's Net::SMTP raised
 * (`Net::SMTPFatalError`, `Net::SMTPServerBusy`, `Net::SMTPUnknownError`, `Net::SMTPSyntaxError`,
 * `Net::SMTPAuthenticationError`: `CLASS: REPLY`); the log id ties it to the session's `Connected to
 * IP:PORT (HOST)` line, the remote, and its `Sending message ID to RCPT` line, the recipient; a refusal at
 * the greeting is logged as the connection's failure, `Cannot connect to IP:PORT (HOST) (CLASS: REPLY`,
 * before any recipient is named (the session's other attempts or later lines may name it). The stamp
 * has no zone: the zone Logger's header names when it is UTC (`+0000`), else the assumed one. The
 * address Postal sent from is not logged there.
 */
import { normalizeIp } from '../../ip';
import type { BoundedMap } from '../bounded-map';
import type { FormatReader, ScanContext } from '../model';
import { detach, refOf } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, boundedState, dropUnbalancedParen } from './common';
import { isPostalKloggerLine, postalKloggerEntry } from './postal-klogger';

const LINE =
  /^\[[\w.-]{1,40}:\d{1,10}\] \[(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d{1,6})?\] [A-Z]{4,7} -- [\w.-]{0,40}: \[([A-Z0-9]{6,16})\] /;
const HEADER = /^# Logfile created on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d ([+-]\d{4}) by logger\.rb/;
const CONNECTED = /^Connected to (?:\[?([0-9a-fA-F.:]{2,45}?)\]?):\d{1,5} \(([^()\s]{1,255})\)/;
const SENDING = /^Sending message \d{1,10}::\d{1,12} to (\S{1,512}@\S{1,255})$/;
const NET_SMTP_ERROR =
  'Net::SMTP(?:FatalError|ServerBusy|UnknownError|SyntaxError|AuthenticationError): (?=[245]\\d\\d[ -])';
const REFUSED = new RegExp(`^${NET_SMTP_ERROR}`);
/**
 * A refusal at the greeting, which ends the connection: `Cannot connect to IP:PORT (HOST)
 * (Net::SMTP...: REPLY`.
 */
const CANNOT_CONNECT = new RegExp(
  `^Cannot connect to (?:\\[?([0-9a-fA-F.:]{2,45}?)\\]?):\\d{1,5} \\(([^()\\s]{1,255})\\) \\(${NET_SMTP_ERROR}`,
);

interface Session {
  host: string | null;
  ip: string | null;
  recipient: string | null;
}

function sessions(ctx: ScanContext): BoundedMap<string, Session> {
  return boundedState<Session>(ctx, 'postal.sessions');
}

/** True for a line of Postal's sender log, or Logger's header above it. */
export function isPostalLine(text: string): boolean {
  return LINE.test(text) || HEADER.test(text);
}

export const postalReader: FormatReader = {
  format: 'postal',
  claimsBare: (text) => (text.charCodeAt(0) === 91 /* [ */ && LINE.test(text)) || isPostalKloggerLine(text),
  read(record, _syslog, ctx) {
    const text = record.text;
    const header = HEADER.exec(text);
    if (header) {
      ctx.formatState.set('postal.utc', header[1] === '+0000');
      return;
    }
    // Postal v3's JSON entries (postal-klogger.ts), their time with its offset.
    const entry = text.charCodeAt(0) === 123 /* { */ ? postalKloggerEntry(text) : null;
    const line = entry ? null : LINE.exec(text);
    if (!line && !entry) return;
    const id = entry?.id ?? line?.[3] ?? '';
    const message = entry ? entry.message : text.slice(line?.[0].length ?? 0).trimEnd();
    const known = sessions(ctx).get(id);
    const connected = CONNECTED.exec(message);
    if (connected) {
      sessions(ctx).set(detach(id), {
        host: detach(connected[2]?.toLowerCase() ?? '') || null,
        ip: connected[1] ? normalizeIp(connected[1]) : null,
        recipient: known?.recipient ?? null,
      });
      return;
    }
    const sending = SENDING.exec(message);
    if (sending) {
      const session = known ?? { host: null, ip: null, recipient: null };
      session.recipient = detach(sending[1] ?? '');
      if (!known) sessions(ctx).set(detach(id), session);
      return;
    }
    if (/^Accepted by /.test(message) || /^Message sent #/.test(message)) return ctx.count('delivered');
    // Ruby's message keeps the reply's line end: the `)` after it is on the next line, or ends this one.
    const greeting = CANNOT_CONNECT.exec(message);
    const refused = greeting ?? REFUSED.exec(message);
    if (!refused) return;
    const reply = message.slice(refused[0].length);
    const stamp: RawStamp =
      entry?.stamp ??
      (ctx.formatState.get('postal.utc') === true
        ? { kind: 'iso', text: `${line?.[1]}T${line?.[2]}Z` }
        : { kind: 'local', date: line?.[1] ?? '', time: line?.[2] ?? '' });
    const rejection = baseRejection(
      'postal',
      refOf(record),
      stamp,
      greeting ? dropUnbalancedParen(reply) : reply,
    );
    rejection.remoteHost = greeting ? (greeting[2]?.toLowerCase() ?? null) : (known?.host ?? null);
    rejection.remoteIp = greeting?.[1] ? normalizeIp(greeting[1]) : (known?.ip ?? null);
    rejection.recipient = known?.recipient ?? null;
    ctx.emit(rejection);
  },
};
