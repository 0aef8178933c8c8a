/**
 * Sendmail. Facts from sendmail's logging (op.me "Log Information", fail2ban test logs in
 * ../shared/corpus/logs/sendmail-*.log):
 * - `QID: from=<sender>, size=N, class=0, nrcpts=N, msgid=<...>, proto=ESMTP, daemon=MTA, relay=...`
 *   gives the envelope sender of a queue id; sendmail writes the address as it was given, so a sender
 *   submitted without angle brackets is logged without them (`from=alerts@app.example.com, size=55`);
 * - `QID: to=<rcpt>, delay=..., xdelay=..., mailer=esmtp, pri=N, relay=host. [ip], dsn=X.Y.Z,
 *   stat=Deferred: 421 ...` (or `stat=<reply>` for a permanent failure, `stat=Sent (...)` on success),
 *   one such line for each MX host a delivery run tried (1&1's two MX answering `421 unable to verify
 *   sender domain` in the same second, an Ubuntu Forums thread of 2009);
 * - `ruleset=check_... reject=550 ...` are rejections of incoming mail by this server, not incidents;
 * - a delivery line's `ctladdr=<root@host.example.com> (0/0)` names the address it relays for, the
 *   sender when the from= line is not in the excerpt.
 * Sendmail logs the local source address only at LogLevel 12 and above (OUTGOING below); else the sending
 * IP comes only from the reply.
 */

import type { Note } from '../../../types';
import { isSendmailOwnReply } from '../../connection-failure';
import { isLoopbackIp } from '../../ip';
import { NOTES } from '../../notes';
import type { FormatReader, Found, ScanContext } from '../model';
import { detach, refOf, rememberSender, windowRef } from '../model';
import { angleField, baseRejection, boundedState, startsWithReplyCode, syslogHost } from './common';

const QUEUE_ID = /^([0-9A-Za-z]{8,24}): /;
const BARE_FROM = /^from=([^<>,\s]{1,512}),/;
// A recipient given with its display name is logged with it: `to=Vasya <unixappdev@gmail.com>, ctladdr=`.
const NAMED_TO = /^to=(?:"[^"]{0,256}" ?|[^<,"]{1,256})<([^>\s]{1,512})>/;
// sendmail writes an IPv6 peer as `[IPv6:2a00:1450:400c:c08:0:0:0:1b]` (RFC 5321's address literal).
const RELAY = /(?:^|, )relay=(?:([^\s,[]{1,255}?)\.? )?\[(?:IPv6:)?([^\]\s]{1,64})\]/;

/**
 * `QID: SMTP outgoing connect on [192.0.2.25]`: the local interface a delivery process connected from
 * (makeconnection in daemon.c, at LogLevel 12 and above), by its name, or by its address in brackets when
 * it has none (`[192.168.198.81]` in fluent-plugin-sendmail's example log). That address is the sending IP
 * of the same process's delivery lines for the queue id; a name is left alone.
 */
const OUTGOING = /^SMTP outgoing connect on \[(?:IPv6:)?([0-9A-Fa-f.:]{2,45})\]/;

/** The outgoing interface by queue id and process, bounded like the other per-id state. */
function outgoing(ctx: ScanContext) {
  return boundedState<Found<string>>(ctx, 'sendmail.outgoing');
}

// `dsn=5.7.1, stat=User unknown` (also without the space, as a copy may lose it): the status as sendmail
// words it, the remote's reply is only in the DSN.
const PERMANENT_STATUS = /, dsn=(5\.\d{1,3}\.\d{1,3}), ?stat=/;

/**
 * A refusal sendmail logged by its status alone (`dsn=5.0.0, stat=Service unavailable`): no incident is
 * made of it, as the reply Orange's desk asks for is not in the log, but the user is told where it is.
 */
function statusOnlyNote(remote: string, dsn: string, stat: string): Note {
  const words = stat.slice(0, 80);
  return {
    code: 'input.sendmail-status-without-reply',
    text: {
      fr: `Sendmail a noté un refus de ${remote} (dsn=${dsn}, « ${words} ») sans la réponse du serveur. Cette réponse figure dans l’avis de non-remise renvoyé à l’expéditeur : collez cet avis pour l’obtenir.`,
      en: `Sendmail logged a refusal by ${remote} (dsn=${dsn}, "${words}") without the server's reply. The reply is in the bounce sent back to the sender: paste that bounce to get it.`,
    },
  };
}

export const sendmailReader: FormatReader = {
  format: 'sendmail',
  claimsSyslog: (syslog) => syslog.program.startsWith('sm-') || syslog.program === 'sendmail',
  read(record, syslog, ctx) {
    const message = syslog ? syslog.message : record.text;
    const q = QUEUE_ID.exec(message);
    if (!q) return;
    const qid = q[1] ?? '';
    const body = message.slice(q[0].length);
    if (body.includes('reject=')) {
      ctx.count('inbound-rejection');
      return;
    }
    const local = OUTGOING.exec(body);
    if (local) {
      const value = detach(local[1] ?? '');
      outgoing(ctx).set(detach(`${qid} ${syslog?.pid ?? ''}`), { value, ref: windowRef(record) });
      return;
    }
    if (body.startsWith('from=')) {
      const sender = angleField(body, 'from') ?? BARE_FROM.exec(body)?.[1] ?? null;
      if (sender !== null) rememberSender(ctx, qid, sender, record);
      return;
    }
    if (!body.startsWith('to=')) return;
    const statAt = body.indexOf('stat=');
    if (statAt < 0) return;
    let stat = body.slice(statAt + 5);
    if (/^Sent\b/.test(stat)) {
      ctx.count('delivered');
      return;
    }
    stat = stat.replace(/^Deferred: /, '');
    const relay = RELAY.exec(body);
    // The submission program relaying to the local MTA (`relay=[127.0.0.1]`) got this machine's reply;
    // `451 4.4.1 reply: read error from mx.example.net.` and `403 4.7.0 TLS handshake failed.` are
    // sendmail's own: the server said nothing.
    const own = isSendmailOwnReply(stat);
    if (!startsWithReplyCode(stat) || isLoopbackIp(relay?.[2] ?? null) || own) {
      ctx.count('failure-without-reply');
      if (own) ctx.warnOnce(NOTES.noServerReply(stat.slice(0, 200).trim()));
      const status = PERMANENT_STATUS.exec(body);
      if (status && relay?.[2] && !isLoopbackIp(relay[2]) && !stat.startsWith('Deferred')) {
        ctx.warnOnce(statusOnlyNote(relay[1] ?? relay[2], status[1] ?? '', stat));
      }
      return;
    }
    const ref = refOf(record);
    const rejection = baseRejection('sendmail', ref, syslog?.stamp ?? null, stat);
    rejection.recipient =
      angleField(body, 'to') ?? NAMED_TO.exec(body)?.[1] ?? /^to=([^,\s]{1,512})/.exec(body)?.[1] ?? null;
    // The message's from= line may be out of the excerpt: the controlling address sendmail relays for
    // (`ctladdr=<root@server.example.com> (0/0)`), written as an address, is its sender.
    const ctladdr = angleField(body, 'ctladdr');
    rejection.sender = ctx.senders.get(qid) ?? (ctladdr?.includes('@') ? { value: ctladdr, ref } : null);
    // Else its from= line may come below (`grep QID /var/log/maillog*` lists the newest file first, the
    // message's arrival in the rotated one after it): the rejection waits for it (later-sender.ts).
    if (rejection.sender === null) rejection.senderKey = qid;
    if (relay) {
      rejection.remoteHost = relay[1] ?? null;
      rejection.remoteIp = relay[2] ?? null;
    }
    rejection.sendingHost = syslogHost(syslog, ref);
    const from = outgoing(ctx).get(`${qid} ${syslog?.pid ?? ''}`);
    if (from) rejection.sendingIps.push(from);
    // A delivery run logs one such line per MX host it tried, each refusing alike: one refusal. Its
    // process writes them all; a queue run's retry is another process (`sm-mta[6601]`).
    rejection.runKey = `sendmail:${qid} ${syslog?.pid ?? ''} ${rejection.recipient ?? ''}`;
    ctx.emit(rejection);
  },
};
