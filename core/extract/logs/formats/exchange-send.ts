/**
 * Exchange's SMTP Send protocol log (`TransportRoles\Logs\...\ProtocolLog\SmtpSend\SEND*.LOG`): a W3C-style
 * header (`#Log-type: SMTP Send Protocol Log`, `#Fields: date-time,connector-id,session-id,sequence-number,
 * local-endpoint,remote-endpoint,event,data,context`), then one CSV row per event of an outgoing SMTP
 * session: `+` connected, `>` a command sent, `<` a reply received, `*` Exchange's own remark, `-` the
 * end. A remote that refuses answers a `<` row with its 4xx/5xx reply, which is the only row to carry it.
 *
 * The row says nothing of the command the reply answers: commands are answered in the order they were
 * sent (pipelining included), so each session keeps the commands still waiting for their reply, and a
 * reply with none waiting is the greeting. The local endpoint is the sending address (behind NAT it is a
 * private one, which names no sender: incident.ts drops it); a remote's EHLO reply that names the
 * client's address (`250-mwinf5d36 hello [192.0.2.7], pleased to meet you`) gives the public one.
 * The rows are claimed by their shape, with or without the header (a Markdown post drops its `#`).
 */
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { detach, type Found, refOf } from '../model';
import { baseRejection, boundedState, startsWithReplyCode, stripPort } from './common';
import { parseCsvRow } from './csv';

/** A row: the ISO date (UTC), the connector, a session id of 16 hex digits, the sequence number. */
const ROW = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?Z,[^,\n]{0,256},[0-9A-F]{16},\d{1,10},/;

/** Exchange's columns, in the order every release writes them. */
const COLUMNS = [
  'date-time',
  'connector-id',
  'session-id',
  'sequence-number',
  'local-endpoint',
  'remote-endpoint',
  'event',
  'data',
  'context',
];

interface Pending {
  verb: string;
  recipient: string | null;
}

interface Session {
  local: string | null;
  remote: string | null;
  helo: Found<string> | null;
  /** The client's address as the remote's EHLO reply names it. */
  seenAs: Found<string> | null;
  sender: Found<string> | null;
  /** RCPT TO addresses the remote accepted: a refusal of the message's data is theirs. */
  accepted: Found<string>[];
  pending: Pending[];
}

/** A remote's EHLO reply naming the client's address: `hello [192.0.2.7]`, `Hello name [192.0.2.7]`. */
const SEEN_AS = /\bhello\b[^[\n]{0,255}\[(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]{2,39})\]/i;
const ADDRESS = /^(?:MAIL FROM|RCPT TO):\s?<([^<>\s]{0,320})>/i;

export const isExchangeSendRow = (text: string): boolean => ROW.test(text);

/** The header's column list (`#Fields: ...`, or `Fields: ...` once Markdown ate the `#`). */
export function readExchangeSendHeader(text: string, ctx: ScanContext): void {
  const at = text.indexOf('Fields:');
  if (at < 0 || !text.includes('connector-id')) return;
  ctx.formatState.set(
    'exchange-send.columns',
    text
      .slice(at + 7)
      .split(',')
      .map((c) => c.trim()),
  );
}

function sessionOf(ctx: ScanContext, id: string): Session {
  const sessions = boundedState<Session>(ctx, 'exchange-send.sessions');
  let session = sessions.get(id);
  if (!session) {
    session = {
      local: null,
      remote: null,
      helo: null,
      seenAs: null,
      sender: null,
      accepted: [],
      pending: [],
    };
    sessions.set(detach(id), session);
  }
  return session;
}

export function readExchangeSendRow(record: LogRecord, ctx: ScanContext): void {
  const columns = (ctx.formatState.get('exchange-send.columns') as string[] | undefined) ?? COLUMNS;
  const fields = parseCsvRow(record.text.trim());
  // A reply whose commas lost their quotes (retyped, or edited by hand) spills into the columns after
  // it: they are its own, up to the row's last field, the context.
  const dataAt = columns.indexOf('data');
  if (fields.length > columns.length && dataAt >= 0 && dataAt === columns.length - 2) {
    fields.splice(dataAt, fields.length - columns.length + 1, fields.slice(dataAt, -1).join(','));
  }
  const get = (name: string) => fields[columns.indexOf(name)]?.trim() ?? '';
  const id = get('session-id');
  const event = get('event');
  const data = get('data');
  if (!id) return;
  if (event === '-') {
    boundedState<Session>(ctx, 'exchange-send.sessions').delete(id);
    return;
  }
  const session = sessionOf(ctx, id);
  const local = get('local-endpoint');
  const remote = get('remote-endpoint');
  if (local) session.local = detach(stripPort(local));
  if (remote) session.remote = detach(stripPort(remote));
  if (event === '>') sent(session, data, record);
  else if (event === '<') received(session, data, record, get('date-time'), ctx);
}

/** A command sent: it waits for its reply. */
function sent(session: Session, data: string, record: LogRecord): void {
  const verb = /^[A-Za-z]{2,10}/.exec(data)?.[0]?.toUpperCase() ?? '';
  if (!verb) return;
  const address = ADDRESS.exec(data)?.[1] ?? null;
  if (verb === 'EHLO' || verb === 'HELO') {
    const name = data.slice(5).trim();
    if (name) session.helo = { value: detach(name), ref: refOf(record) };
  }
  if (verb === 'MAIL') {
    session.sender = address === null ? null : { value: detach(address), ref: refOf(record) };
    session.accepted = [];
  }
  session.pending.push({ verb, recipient: verb === 'RCPT' && address ? detach(address) : null });
  // A session that lost its replies (an excerpt) must not grow without end.
  if (session.pending.length > 64) session.pending.shift();
}

/** A reply received: the answer to the oldest command waiting, or the greeting when none is. */
function received(session: Session, data: string, record: LogRecord, when: string, ctx: ScanContext): void {
  const command = session.pending.shift() ?? null;
  // After `354` the message is sent, unlogged: the next reply answers its end.
  if (data.startsWith('354')) session.pending.unshift({ verb: 'DOT', recipient: null });
  if (!startsWithReplyCode(data)) return;
  const ref = refOf(record);
  if (!/^[45]/.test(data)) {
    if (command?.verb === 'EHLO' || command?.verb === 'HELO') {
      const ip = SEEN_AS.exec(data)?.[1];
      if (ip) session.seenAs = { value: detach(ip), ref };
    }
    if (command?.verb === 'RCPT' && command.recipient)
      session.accepted.push({ value: command.recipient, ref });
    if ((command?.verb === 'DOT' || command?.verb === 'BDAT') && data.startsWith('250'))
      ctx.count('delivered');
    return;
  }
  // A refusal of the data is one for each recipient accepted; of a RCPT TO, for that one; else (the
  // greeting, EHLO, MAIL FROM) for no recipient the session has named.
  const dataRefused = command?.verb === 'DATA' || command?.verb === 'DOT' || command?.verb === 'BDAT';
  const recipients: (string | null)[] =
    command?.verb === 'RCPT'
      ? [command.recipient]
      : dataRefused && session.accepted.length > 0
        ? session.accepted.map((r) => r.value)
        : [null];
  for (const recipient of recipients) {
    const rejection = baseRejection('exchange', ref, when ? { kind: 'iso', text: when } : null, data);
    rejection.recipient = recipient;
    rejection.remoteIp = session.remote;
    if (session.local) rejection.sendingIps.push({ value: session.local, ref });
    if (session.seenAs) rejection.sendingIps.push(session.seenAs);
    if (session.helo) rejection.sendingHost = { ...session.helo, origin: 'helo' };
    // The greeting's refusal comes before MAIL FROM: no sender of this session.
    rejection.sender = command === null ? null : session.sender;
    ctx.emit(rejection);
  }
}

export const exchangeSendReader: FormatReader = {
  format: 'exchange',
  claimsBare: isExchangeSendRow,
  read(record, _syslog, ctx) {
    if (record.text.startsWith('#')) readExchangeSendHeader(record.text, ctx);
    else readExchangeSendRow(record, ctx);
  },
};
