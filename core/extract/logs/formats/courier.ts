/**
 * Courier's mail log: `courieresmtp` writes each reply the remote gave for a recipient, then the
 * delivery's outcome (a Courier-MTA forum post's log):
 *
 *     Dec 10 12:20:52 host courieresmtp: id=0038C081.4D026173.000051A4,from=<a@example.org>,addr=<b@gmail.com>: 250 OK DD/68-...
 *     Dec 10 12:20:52 host courieresmtp: id=0038C081.4D026173.000051A4,from=<a@example.org>,addr=<b@gmail.com>,size=329,success: delivered: smtp.example.net [192.0.2.22]
 *     Dec 10 12:20:52 host courieresmtp: id=0038C081.4D026173.000051A4,from=<a@example.org>,addr=<b@gmail.com>,size=329,status: success
 *
 * A 4xx or 5xx reply line is a refusal, with its envelope; the line names no remote (only a delivery
 * names the server it reached).
 *
 * Courier logs a reply line by line (module.esmtp/esmtpclient.c: `log_reply` for each line, the greeting's
 * last line through `smtp_error`), each behind the same `id=...,addr=<...>: `: the `NNN-` lines of one reply
 * are joined up to its last line (or the delivery's `,status:` line, Courier logging at most eleven), one
 * refusal. Its logger (libs/lcclog.c, `clog_msg_str`) keeps at most 128 characters of each piece and
 * writes `...` after them: a longer reply line (Orange's Cloudmark and Abusix blocks, its 506) loses its
 * end in the log itself, which is said (the whole reply is in the bounce Courier sends).
 */
import type { Note } from '../../../types';
import type { BoundedMap } from '../bounded-map';
import type { FormatReader, RawRejection, ScanContext } from '../model';
import { detach, refOf } from '../model';
import { baseRejection, boundedState, syslogHost } from './common';

const REPLY_LINE = /^id=[0-9A-F.]{8,64},from=<([^<>\s]{0,512})>,addr=<([^<>\s]{1,512})>: (?=[45]\d\d[ -])/;
/** The delivery's outcome for a recipient, which ends the reply logged before it. */
const STATUS_LINE =
  /^(id=[0-9A-F.]{8,64},from=<[^<>\s]{0,512}>,addr=<[^<>\s]{1,512}>)(?:,size=\d{1,12})?,status: /;
/** What clog_msg_str keeps of a longer piece: 128 characters, then `...`. */
const CUT_LENGTH = 128 + 3;

const CUT_BY_COURIER: Note = {
  code: 'log-reply-cut',
  text: {
    fr: 'Courier n’écrit dans son journal que les 128\u00a0premiers caractères de chaque ligne de réponse, suivis de «\u00a0...\u00a0»\u00a0: la fin de la réponse manque dans le journal lui-même (le motif d’Orange ou l’adresse d’envoi nommée dans son lien peuvent s’y trouver). Le ticket doit citer la réponse entière\u00a0: reprenez-la dans l’avis de non-remise que Courier a renvoyé à l’expéditeur.',
    en: 'Courier writes only the first 128 characters of each reply line to its log, followed by “...”: the end of the reply is missing from the log itself (Orange’s reason, or the sending address its link names, may be in it). The ticket must quote the whole reply: take it from the non-delivery notice Courier sent back to the sender.',
  },
};

/** A reply's `NNN-` lines, kept until its last line (or the delivery's status) is logged. */
interface Pending {
  rejection: RawRejection;
  lines: string[];
}

function pendingReplies(ctx: ScanContext): BoundedMap<string, Pending> {
  return boundedState<Pending>(ctx, 'courier.replies');
}

/** The reply of the lines kept for a delivery, published as one refusal. */
function publish(ctx: ScanContext, key: string, pending: Pending, last?: string): void {
  pendingReplies(ctx).delete(key);
  const lines = last === undefined ? pending.lines : [...pending.lines, last];
  const rejection = pending.rejection;
  rejection.replyText = lines.join(' ');
  if (lines.some((l) => l.length === CUT_LENGTH && l.endsWith('...'))) rejection.replyNote = CUT_BY_COURIER;
  ctx.emit(rejection);
}

export const courierReader: FormatReader = {
  format: 'courier',
  claimsSyslog: (syslog) => syslog.program === 'courieresmtp',
  read(record, syslog, ctx) {
    if (!syslog) return;
    const message = syslog.message;
    const m = REPLY_LINE.exec(message);
    if (!m) {
      const status = STATUS_LINE.exec(message);
      const key = status?.[1];
      const pending = key ? pendingReplies(ctx).get(key) : undefined;
      // (Courier logs the first eleven lines of a reply: the status line ends a longer one.)
      if (key && pending) publish(ctx, key, pending);
      if (/,status: success$/.test(message)) ctx.count('delivered');
      return;
    }
    const key = message.slice(0, m[0].length - 2);
    const line = message.slice(m[0].length);
    const pending = pendingReplies(ctx).get(key);
    // A line of the reply already begun, with its code: its last line ends it.
    if (pending && line.startsWith(pending.lines[0]?.slice(0, 3) ?? '')) {
      if (line.charCodeAt(3) === 45 /* - */) pending.lines.push(detach(line));
      else publish(ctx, key, pending, line);
      return;
    }
    if (pending) publish(ctx, key, pending);
    const ref = refOf(record);
    const rejection = baseRejection('courier', ref, syslog.stamp, line);
    rejection.recipient = m[2] ?? null;
    if (m[1]) rejection.sender = { value: m[1], ref };
    rejection.sendingHost = syslogHost(syslog, ref);
    const lines = [detach(line)];
    if (line.charCodeAt(3) === 45) pendingReplies(ctx).set(detach(key), { rejection, lines });
    else publish(ctx, key, { rejection, lines });
  },
  finish(ctx) {
    const map = ctx.formatState.get('courier.replies') as BoundedMap<string, Pending> | undefined;
    if (!map) return;
    for (const [key, pending] of map.entries()) publish(ctx, key, pending);
  },
};
