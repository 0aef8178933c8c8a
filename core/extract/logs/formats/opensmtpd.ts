/**
 * OpenSMTPD. Its mta logs one line per delivery attempt (mta_log in usr.sbin/smtpd/mta.c):
 * `SESSION mta delivery evpid=ID from=<sender> to=<rcpt> rcpt=<-> source="LOCAL-IP"
 *  relay="REMOTE-IP (remote-host)" delay=Ns result="Ok|TempFail|PermFail|Loop" stat="REPLY"`.
 * `source` is the local address the connection left from: the sending IP.
 */
import type { FormatReader } from '../model';
import { refOf } from '../model';
import { angleField, baseRejection, quotedField, startsWithReplyCode, stripPort, syslogHost } from './common';

export const opensmtpdReader: FormatReader = {
  format: 'opensmtpd',
  claimsSyslog: (syslog) => syslog.program === 'smtpd' && syslog.message.includes(' mta delivery '),
  claimsBare: (text) => text.includes(' mta delivery evpid='),
  read(record, syslog, ctx) {
    const message = syslog ? syslog.message : record.text;
    if (!message.includes(' mta delivery ')) return;
    const result = quotedField(message, 'result') ?? /result=(\S{1,16})/.exec(message)?.[1] ?? '';
    if (result === 'Ok') {
      ctx.count('delivered');
      return;
    }
    if (result !== 'TempFail' && result !== 'PermFail') return;
    const stat = quotedField(message, 'stat') ?? '';
    if (!startsWithReplyCode(stat)) {
      ctx.count('failure-without-reply');
      return;
    }
    const ref = refOf(record);
    const rejection = baseRejection('opensmtpd', ref, syslog?.stamp ?? null, stat);
    rejection.recipient = angleField(message, 'to');
    const sender = angleField(message, 'from');
    if (sender !== null) rejection.sender = { value: sender, ref };
    const source = quotedField(message, 'source');
    if (source && source !== '-') rejection.sendingIps.push({ value: stripPort(source), ref });
    const relay = quotedField(message, 'relay') ?? '';
    const r = /^(\S{1,64})(?: \(([^)\s]{1,255})\))?/.exec(relay);
    if (r) {
      rejection.remoteIp = r[1] ?? null;
      rejection.remoteHost = r[2] ?? null;
    }
    rejection.sendingHost = syslogHost(syslog, ref);
    ctx.emit(rejection);
  },
};
