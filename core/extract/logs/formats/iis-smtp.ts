/**
 * The SMTP service of Windows Server (IIS 6's SMTPSVC, still the relay many web applications send
 * through) writes W3C extended logs: `#Fields: date time c-ip cs-username s-sitename s-computername s-ip
 * s-port cs-method cs-uri-stem cs-uri-query sc-status ...`, then one line per command or reply, blanks
 * between columns, the spaces inside a value written `+` (Microsoft's SMTP service source, which logs
 * its client's traffic under the user names `OutboundConnectionCommand` and `OutboundConnectionResponse`).
 * On those lines `c-ip` is the remote server, `cs-method` the command sent (`EHLO`, `MAIL`, `RCPT`) and
 * `cs-uri-query` its argument or the remote's reply:
 *
 *     2024-03-05 08:41:13 193.252.22.84 OutboundConnectionResponse SMTPSVC1 APPSRV02 - 25 - - 550+mwinf5c36+ME+... 0 0 174 0 140 SMTP - - - -
 *
 * A 4xx or 5xx reply there is the remote's refusal. W3C logs give the time in UTC (IIS documentation,
 * "W3C Extended Log File Format"). The lines carry no session id: what was sent is kept per remote address
 * until its reply. The local address (`s-ip`) is mostly `-` and is not read as the sending IP.
 */
import { isHostName } from '../../header-block';
import type { FormatReader, Found, ScanContext } from '../model';
import { detach, refOf } from '../model';
import { baseRejection } from './common';

/** The columns IIS writes for its SMTP service by default, used until a `#Fields:` line says others. */
const DEFAULT_COLUMNS = [
  'date',
  'time',
  'c-ip',
  'cs-username',
  's-sitename',
  's-computername',
  's-ip',
  's-port',
  'cs-method',
  'cs-uri-stem',
  'cs-uri-query',
];
const COLUMNS_KEY = 'iis-smtp.columns';
const LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S{1,64} \S{1,255} SMTPSVC\d{1,4} /;
const REPLY = /^([245])\d\d(?:[ -]|$)/;
const ADDRESS = /^(?:FROM|TO):\s{0,4}<([^<>\s]{0,512})>/i;
const IP = /^[0-9A-Fa-f:.]{2,45}$/;

interface Session {
  sender: Found<string> | null;
  recipient: string | null;
  hello: Found<string> | null;
  /** The remote said 354: its next 250 accepts the message. */
  inData: boolean;
  /** The lines of a multi-line reply read so far. */
  pending: string[];
}

function sessions(ctx: ScanContext) {
  let map = ctx.formatState.get('iis-smtp.sessions') as Map<string, Session> | undefined;
  if (!map) {
    map = new Map();
    ctx.formatState.set('iis-smtp.sessions', map);
  }
  return map;
}

/** IIS writes a value's spaces as `+`; a `-` alone is an empty value. */
function value(field: string | undefined): string {
  return !field || field === '-' ? '' : field.replace(/\+/g, ' ').trim();
}

/** True for a `#Fields:` line of the SMTP service's log (not another W3C log). */
export function isIisSmtpFields(text: string): boolean {
  return text.startsWith('#Fields:') && text.includes(' cs-username') && text.includes(' cs-uri-query');
}

export const iisSmtpReader: FormatReader = {
  format: 'iis-smtp',
  claimsBare: (text) => LINE.test(text),
  read(record, _syslog, ctx) {
    const text = record.text;
    if (text.startsWith('#')) {
      if (isIisSmtpFields(text)) ctx.formatState.set(COLUMNS_KEY, text.slice(8).trim().split(/\s+/));
      return;
    }
    const columns = (ctx.formatState.get(COLUMNS_KEY) as string[] | undefined) ?? DEFAULT_COLUMNS;
    const fields = text.split(/\s+/);
    const get = (name: string) => {
      const i = columns.indexOf(name);
      return i < 0 ? undefined : fields[i];
    };
    const user = get('cs-username');
    if (user !== 'OutboundConnectionCommand' && user !== 'OutboundConnectionResponse') return;
    const remote = get('c-ip') ?? '';
    if (!IP.test(remote)) return;
    const map = sessions(ctx);
    let session = map.get(remote);
    if (!session) {
      if (map.size >= 1024) map.clear();
      session = { sender: null, recipient: null, hello: null, inData: false, pending: [] };
      map.set(detach(remote), session);
    }
    const ref = refOf(record);
    const argument = value(get('cs-uri-query'));
    if (user === 'OutboundConnectionCommand') {
      const method = (get('cs-method') ?? '').toUpperCase();
      // The connection ends: the next one to the same address starts afresh.
      if (method === 'QUIT') {
        map.delete(remote);
        return;
      }
      const address = ADDRESS.exec(argument)?.[1];
      if (method === 'MAIL' && address) session.sender = { value: detach(address), ref };
      else if (method === 'RCPT' && address) session.recipient = detach(address);
      else if ((method === 'EHLO' || method === 'HELO') && isHostName(argument))
        session.hello = { value: detach(argument.toLowerCase()), ref };
      return;
    }
    const reply = REPLY.exec(argument);
    if (!reply) return;
    if (reply[1] === '2' || reply[1] === '3') {
      if (argument.startsWith('354')) session.inData = true;
      else if (session.inData && argument.startsWith('250')) {
        session.inData = false;
        ctx.count('delivered');
      }
      return;
    }
    session.inData = false;
    session.pending.push(detach(argument));
    if (/^[45]\d\d-/.test(argument) && session.pending.length < 50) return;
    const date = get('date') ?? '';
    const time = get('time') ?? '';
    const rejection = baseRejection(
      'iis-smtp',
      ref,
      date && time ? { kind: 'iso', text: `${date}T${time}Z` } : null,
      session.pending.join('\n'),
    );
    session.pending = [];
    rejection.remoteIp = detach(remote);
    rejection.sender = session.sender;
    rejection.recipient = session.recipient;
    if (session.hello) rejection.sendingHost = { ...session.hello, origin: 'helo' };
    ctx.emit(rejection);
  },
};
