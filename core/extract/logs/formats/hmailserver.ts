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
 *
 * A refusal at the greeting comes before any `MAIL FROM`: the sender and the recipient are then only in
 * the delivery manager's line above the session, `"APPLICATION" thread "time" "SMTPDeliverer - Message
 * 172670: Delivering message from a@example.com to b@example.org. File: C:\...\{...}.eml"` (as a user
 * posted hMailServer's log in a support thread). That line names no session: it is read for the next
 * session that starts, and only when it is the one delivery announced since the previous session began
 * (several deliveries run at once, and a guess would be worse than an empty field); its recipient only
 * when it names one. The session's own `MAIL FROM` and `RCPT TO` come first.
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
const DELIVERING =
  /^"APPLICATION"\s{1,8}\d{1,10}\s{1,8}"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:\.\d{1,6})?"\s{1,8}"SMTPDeliverer - Message \d{1,20}: Delivering message from ([^\s<>",]{0,512}) to ([^"<>]{1,4000}?)\. File: /;
const SINGLE_ADDRESS = /^[^\s@,<>]{1,64}@[A-Za-z0-9.-]{1,253}$/;

/** The delivery manager's announced delivery: its sender and, when it names one only, its recipient. */
interface Delivery {
  sender: Found<string> | null;
  recipient: string | null;
  /** When it was announced, in seconds (the log's own clock). */
  at: number;
}
/**
 * Longest wait between a delivery's announcement and its session's first line: the MX look-up and the
 * connection take a second or two; a later session is another message's.
 */
const MAX_WAIT_SECONDS = 10;

function secondsOf(date: string, time: string): number {
  return Date.parse(`${date}T${time}Z`) / 1000;
}

interface Session {
  sender: Found<string> | null;
  recipient: string | null;
  greeting: string | null;
  hello: Found<string> | null;
  /** The lines of a multi-line refusal read so far, and where it started. */
  pending: string[];
  pendingRef: ReturnType<typeof refOf> | null;
  /** The delivery announced just before the session began, when it was the only one. */
  announced: Delivery | null;
}

function sessions(ctx: ScanContext) {
  return boundedState<Session>(ctx, 'hmailserver.sessions');
}

/** The deliveries announced since the last session began (a few: cleared at each session's start). */
function deliveries(ctx: ScanContext): Delivery[] {
  let list = ctx.formatState.get('hmailserver.deliveries') as Delivery[] | undefined;
  if (!list) {
    list = [];
    ctx.formatState.set('hmailserver.deliveries', list);
  }
  return list;
}

/** The one delivery announced shortly before a session began, or null. */
function takenDelivery(announced: Delivery[], at: number): Delivery | null {
  const only = announced.length === 1 ? announced[0] : undefined;
  if (!only || !(at >= only.at && at - only.at <= MAX_WAIT_SECONDS)) return null;
  return only;
}

/** A delivery manager's `Delivering message from ... to ...` line, kept for the next session. */
function noteDelivery(record: Parameters<FormatReader['read']>[0], ctx: ScanContext): void {
  const m = DELIVERING.exec(record.text);
  if (!m) return;
  const [, stamp = '', from = '', toList = ''] = m;
  const at = secondsOf(stamp.slice(0, 10), stamp.slice(11));
  const list = deliveries(ctx);
  // An announcement no session took in time (a local delivery opens none) no longer counts.
  const fresh = list.filter((d) => at >= d.at && at - d.at <= MAX_WAIT_SECONDS);
  list.length = 0;
  list.push(...fresh);
  // Two already: no session will take one of them, and the list stays short.
  if (list.length >= 2) return;
  const to = toList.trim();
  list.push({
    at,
    sender: SINGLE_ADDRESS.test(from) ? { value: detach(from), ref: refOf(record) } : null,
    recipient: SINGLE_ADDRESS.test(to) ? detach(to) : null,
  });
}

export const hmailserverReader: FormatReader = {
  format: 'hmailserver',
  claimsBare: (text) =>
    text.startsWith('"SMTPC"') || text.startsWith('"SMTPD"') || text.startsWith('"APPLICATION"'),
  read(record, _syslog, ctx) {
    const m = CLIENT_LINE.exec(record.text);
    if (!m) {
      noteDelivery(record, ctx);
      return;
    }
    const [, id = '', date = '', time = '', ip = '', way, text = ''] = m;
    const map = sessions(ctx);
    let session = map.get(id);
    if (!session) {
      const announced = deliveries(ctx);
      session = {
        sender: null,
        recipient: null,
        greeting: null,
        hello: null,
        pending: [],
        pendingRef: null,
        announced: takenDelivery(announced, secondsOf(date, time)),
      };
      announced.length = 0;
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
    rejection.sender = session.sender ?? session.announced?.sender ?? null;
    rejection.recipient = session.recipient ?? session.announced?.recipient ?? null;
    if (session.hello) rejection.sendingHost = { ...session.hello, origin: 'helo' };
    ctx.emit(rejection);
  },
};
