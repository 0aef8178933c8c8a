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
 */
import type { FormatReader } from '../model';
import { refOf } from '../model';
import { baseRejection, syslogHost } from './common';

const REPLY_LINE = /^id=[0-9A-F.]{8,64},from=<([^<>\s]{0,512})>,addr=<([^<>\s]{1,512})>: (?=[45]\d\d[ -])/;

export const courierReader: FormatReader = {
  format: 'courier',
  claimsSyslog: (syslog) => syslog.program === 'courieresmtp',
  read(record, syslog, ctx) {
    if (!syslog) return;
    const m = REPLY_LINE.exec(syslog.message);
    if (!m) {
      if (/,status: success$/.test(syslog.message)) ctx.count('delivered');
      return;
    }
    const ref = refOf(record);
    const rejection = baseRejection('courier', ref, syslog.stamp, syslog.message.slice(m[0].length));
    rejection.recipient = m[2] ?? null;
    if (m[1]) rejection.sender = { value: m[1], ref };
    rejection.sendingHost = syslogHost(syslog, ref);
    ctx.emit(rejection);
  },
};
