/**
 * hMailServer's log (Windows): one quoted, tab-separated line per event, `"SMTPC"	thread	session
 * "YYYY-MM-DD HH:MM:SS.mmm"	"remote IP"	"SENT: ..."` or `"RECEIVED: ..."` for its outgoing SMTP client,
 * `"SMTPD"` for mail coming in, `"APPLICATION"` for the delivery manager (hMailServer's documentation,
 * "Logging"; lines as posted in its forum). A refusal is the remote's `RECEIVED: 550 ...` in an SMTPC
 * session, its lines `550-...` to `550 ...` when it has several (on one log line, parted by `[nl]`, or
 * on several); the session gives the remote's address
 * (its own column), its name (the greeting, `RECEIVED: 220 mx.example.net ESMTP`), the sender (`SENT:
 * MAIL FROM:<...>`), the recipient (`SENT: RCPT TO:<...>`) and the name this server gave (`SENT: EHLO
 * ...`). The time has no zone: the server's local time.
 */
import { isHostName } from '../../header-block';
import type { FormatReader, Found, ScanContext } from '../model';
import { detach, refOf } from '../model';
import type { RawStamp } from '../time';
import { baseRejection, boundedState } from './common';

// Tabs often become spaces once pasted.
const CLIENT_LINE =
  /^"SMTPC"\s{1,8}\d{1,10}\s{1,8}(\d{1,12})\s{1,8}"(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.\d{1,6})?"\s{1,8}"([0-9A-Fa-f:.]{2,45})"\s{1,8}"(SENT|RECEIVED): ([\s\S]{0,8000})"\s*$/;
const REPLY = /^([245])\d\d([ -]|$)/;
const ADDRESS = /^(MAIL FROM|RCPT TO):\s{0,4}<([^<>\s]{0,512})>/i;
const HELLO = /^(?:EHLO|HELO)\s{1,4}(\S{1,255})/i;
const GREETING_HOST = /^220[ -]([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s/;

interface Session {
  sender: Found<string> | null;
  recipient: string | null;
  greeting: string | null;
  hello: Found<string> | null;
  /** The lines of a multi-line refusal read so far, and where it started. */
  pending: string[];
  pendingRef: ReturnType<typeof refOf> | null;
}

function sessions(ctx: ScanContext) {
  return boundedState<Session>(ctx, 'hmailserver.sessions');
}

export const hmailserverReader: FormatReader = {
  format: 'hmailserver',
  claimsBare: (text) =>
    text.startsWith('"SMTPC"') || text.startsWith('"SMTPD"') || text.startsWith('"APPLICATION"'),
  read(record, _syslog, ctx) {
    const m = CLIENT_LINE.exec(record.text);
    if (!m) return;
    const [, id = '', date = '', time = '', ip = '', way, text = ''] = m;
    const map = sessions(ctx);
    let session = map.get(id);
    if (!session) {
      session = { sender: null, recipient: null, greeting: null, hello: null, pending: [], pendingRef: null };
      map.set(detach(id), session);
    }
    const ref = refOf(record);
    if (way === 'SENT') {
      const address = ADDRESS.exec(text);
      if (address?.[1]?.toUpperCase() === 'MAIL FROM')
        session.sender = { value: detach(address[2] ?? ''), ref };
      else if (address) session.recipient = detach(address[2] ?? '');
      const hello = HELLO.exec(text)?.[1];
      if (hello && isHostName(hello)) session.hello = { value: detach(hello.toLowerCase()), ref };
      return;
    }
    const reply = REPLY.exec(text);
    if (!reply) return;
    if (reply[1] === '2' || reply[1] === '3') {
      const host = GREETING_HOST.exec(text)?.[1];
      if (host && isHostName(host)) session.greeting = detach(host.toLowerCase());
      if (reply[1] === '2' && text.startsWith('250') && session.pending.length === 0) ctx.count('delivered');
      return;
    }
    session.pendingRef ??= ref;
    // A multi-line reply comes on one line, its line ends written `[nl]`, or one line per log line.
    const lines = text.split('[nl]').filter((l) => l !== '');
    for (const l of lines) session.pending.push(detach(l));
    if (/^[245]\d\d-/.test(lines[lines.length - 1] ?? '') && session.pending.length < 50) return;
    const stamp: RawStamp = { kind: 'local', date, time };
    const rejection = baseRejection('hmailserver', session.pendingRef, stamp, session.pending.join('\n'));
    session.pending = [];
    session.pendingRef = null;
    rejection.remoteIp = detach(ip);
    rejection.remoteHost = session.greeting;
    rejection.sender = session.sender;
    rejection.recipient = session.recipient;
    if (session.hello) rejection.sendingHost = { ...session.hello, origin: 'helo' };
    ctx.emit(rejection);
  },
};
